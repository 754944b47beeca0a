// Our side of bench/ort_compare.sh: loads a model once, runs it with one .npy input (or seeded
// random data for a missing one) at a given thread count, and prints the wall time of each run
// (after warm-up) as JSON. Profiling is off, so this is the plain inference path.
//
// Usage: onnxscope_bench_latency MODEL INPUT.npy THREADS WARMUP RUNS
#include "core/model.h"
#include "core/tensor_file_io.h"
#include "exec/cpu/openmp_spin.h"
#include "exec/session.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace onnxscope;

int main(int argc, char** argv) {
    restartWithShortOpenMpSpin(argv); // as the CLI and the GUI run
    if (argc != 6) {
        std::fprintf(stderr, "usage: %s MODEL INPUT.npy THREADS WARMUP RUNS\n", argv[0]);
        return 2;
    }
    auto model = Model::load(argv[1]);
    if (!model.ok()) {
        std::fprintf(stderr, "%s\n", model.message().c_str());
        return 1;
    }
    auto input = readNpy(argv[2]);
    if (!input.ok()) {
        std::fprintf(stderr, "%s\n", input.message().c_str());
        return 1;
    }
    SessionOptions options;
    options.threads = std::atoi(argv[3]);
    options.profile = false;
    auto session = Session::create(std::move(model).value(), options);
    if (!session.ok()) {
        std::fprintf(stderr, "%s\n", session.message().c_str());
        return 1;
    }
    const std::map<std::string, Value> inputs{
        {(*session)->inputs().at(0).name, Value(std::move(input).value())}};
    const int warmup = std::atoi(argv[4]), runs = std::atoi(argv[5]);
    std::string times;
    for (int i = 0; i < warmup + runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        auto out = (*session)->runAll(inputs);
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        if (!out.ok()) {
            std::fprintf(stderr, "%s\n", out.message().c_str());
            return 1;
        }
        if (i >= warmup)
            times += (times.empty() ? "" : ",") + std::to_string(ms);
    }
    std::printf("{\"times_ms\": [%s]}\n", times.c_str());
    return 0;
}
