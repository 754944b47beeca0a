// Times oneDNN's direct and Winograd 3x3 stride-1 convolutions (with a ReLU post-op) over a sweep
// of channel counts and image sizes, each as the Conv kernel runs it: channels-last tensors in
// and out, Winograd's blocked layout reached by reorders inside the timed call. The crossover it
// prints is where DnnlConvKernel::winogradPays draws its line.
//
// Usage: OMP_NUM_THREADS=N onnxscope_bench_winograd   (prints one line per shape)
#include <dnnl.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <vector>

namespace {

using dnnl::memory;
using Tag = memory::format_tag;

double medianMs(const std::function<void()>& call) {
    for (int i = 0; i < 3; ++i)
        call();
    std::vector<double> times;
    for (int i = 0; i < 15; ++i) {
        const auto start = std::chrono::steady_clock::now();
        call();
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
    return times[times.size() / 2];
}

struct Shape {
    int channels, size;
};

// Milliseconds for one convolution of `shape` by `algorithm`, or nothing where oneDNN has no
// implementation.
std::optional<double> timeConvolution(const dnnl::engine& engine, dnnl::stream& stream, Shape shape,
                                      dnnl::algorithm algorithm) {
    const memory::dim c = shape.channels, hw = shape.size;
    const auto f32 = memory::data_type::f32;
    const memory::dims image{1, c, hw, hw}, weightDims{c, c, 3, 3};
    const memory::desc userImage(image, f32, Tag::nhwc), userWeights(weightDims, f32, Tag::oihw);
    const memory::desc bias({c}, f32, Tag::a);
    memory src(userImage, engine), dst(userImage, engine), weights(userWeights, engine), b(bias, engine);
    std::fill_n(static_cast<float*>(src.get_data_handle()), c * hw * hw, 0.5f);
    std::fill_n(static_cast<float*>(weights.get_data_handle()), c * c * 9, 0.01f);
    std::fill_n(static_cast<float*>(b.get_data_handle()), c, 0.0f);

    dnnl::post_ops relu;
    relu.append_eltwise(1.0f, dnnl::algorithm::eltwise_relu, 0.0f, 0.0f);
    dnnl::primitive_attr attr;
    attr.set_post_ops(relu);
    const bool direct = algorithm == dnnl::algorithm::convolution_direct;
    const memory::desc anyImage(image, f32, Tag::any);
    try {
        const dnnl::convolution_forward::desc desc(
            dnnl::prop_kind::forward_inference, algorithm, direct ? userImage : anyImage,
            memory::desc(weightDims, f32, Tag::any), bias, direct ? userImage : anyImage, {1, 1}, {0, 0},
            {1, 1}, {1, 1});
        const dnnl::convolution_forward::primitive_desc pd(desc, attr, engine);
        memory packed(pd.weights_desc(), engine);
        dnnl::reorder(weights, packed).execute(stream, weights, packed);
        memory blockedSrc = pd.src_desc() == userImage ? src : memory(pd.src_desc(), engine);
        memory blockedDst = pd.dst_desc() == userImage ? dst : memory(pd.dst_desc(), engine);
        const dnnl::convolution_forward conv(pd);
        std::optional<dnnl::reorder> in, out;
        if (pd.src_desc() != userImage)
            in = dnnl::reorder(src, blockedSrc);
        if (pd.dst_desc() != userImage)
            out = dnnl::reorder(blockedDst, dst);
        return medianMs([&] {
            if (in)
                in->execute(stream, src, blockedSrc);
            conv.execute(stream, {{DNNL_ARG_SRC, blockedSrc},
                                  {DNNL_ARG_WEIGHTS, packed},
                                  {DNNL_ARG_BIAS, b},
                                  {DNNL_ARG_DST, blockedDst}});
            if (out)
                out->execute(stream, blockedDst, dst);
            stream.wait();
        });
    } catch (const dnnl::error&) {
        return std::nullopt;
    }
}

} // namespace

int main() {
    const dnnl::engine engine(dnnl::engine::kind::cpu, 0);
    dnnl::stream stream(engine);
    std::printf("%8s %5s %12s %10s %10s %6s\n", "channels", "size", "multiply-add", "direct_ms",
                "winograd_ms", "ratio");
    for (int channels : {16, 32, 64, 128, 256, 512})
        for (int size : {7, 14, 28, 56, 112}) {
            const auto direct =
                timeConvolution(engine, stream, {channels, size}, dnnl::algorithm::convolution_direct);
            const auto winograd =
                timeConvolution(engine, stream, {channels, size}, dnnl::algorithm::convolution_winograd);
            const double macs = double(channels) * channels * 9 * size * size;
            if (!direct || !winograd) {
                std::printf("%8d %5d %12.0f %10s\n", channels, size, macs, "no winograd");
                continue;
            }
            std::printf("%8d %5d %12.0f %10.3f %10.3f %6.2f\n", channels, size, macs, *direct, *winograd,
                        *winograd / *direct);
        }
    return 0;
}
