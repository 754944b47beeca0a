// Cast and CastLike kernels over castTensor (every pair of element types).
#include "cast.h"

#include "math_kernels.h"
#include "unary_kernel.h"

#include "exec/kernel_registry.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace onnxscope {

namespace {

template <typename Dst, typename Src> Dst convertNumber(Src v) {
    if constexpr (std::is_floating_point_v<Src> && std::is_integral_v<Dst>) {
        if (std::isnan(v))
            return Dst(0);
        if constexpr (std::is_same_v<Dst, uint64_t>) {
            if (v >= 9223372036854775808.0)
                return v >= 18446744073709551616.0 ? std::numeric_limits<uint64_t>::max() : uint64_t(v);
        }
        if (v >= 9223372036854775807.0)
            return Dst(std::numeric_limits<int64_t>::max());
        if (v <= -9223372036854775808.0)
            return Dst(std::numeric_limits<int64_t>::min());
        // Through int64 so narrower integer types wrap (as numpy on x86) instead of being UB.
        return static_cast<Dst>(static_cast<int64_t>(v));
    } else {
        return static_cast<Dst>(v);
    }
}

int64_t wrapSubByte(DataType type, int64_t v) {
    switch (type) {
    case DataType::Int4:
        return ((v & 0xF) ^ 0x8) - 0x8;
    case DataType::Uint4:
        return v & 0xF;
    case DataType::Int2:
        return ((v & 0x3) ^ 0x2) - 0x2;
    default: // Uint2
        return v & 0x3;
    }
}

// numpy's repr of a float: shortest round-trip digits, ".0" on integral values.
template <typename T> std::string formatFloat(T v) {
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "INF" : "-INF";
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
    std::string s(buf, ec == std::errc() ? end : buf);
    if (s.find_first_of(".e") == std::string::npos)
        s += ".0";
    return s;
}

template <typename Src>
void castFromNative(const Src* in, int64_t n, bool srcIsBool, Tensor& out, const CastOptions& options,
                    int threads) {
    const DataType to = out.dataType();
    if (to == DataType::String) {
        std::string* o = out.data<std::string>();
        for (int64_t i = 0; i < n; ++i) {
            if (srcIsBool)
                o[i] = in[i] ? "True" : "False";
            else if constexpr (std::is_floating_point_v<Src>)
                o[i] = formatFloat(in[i]);
            else
                o[i] = std::to_string(in[i]);
        }
        return;
    }
    if (to == DataType::Bool) {
        mapElements(in, out.data<uint8_t>(), n, threads, [](Src v) -> uint8_t { return v != Src(0); });
        return;
    }
    if (isNarrowFloat(to)) {
        std::vector<float> tmp(static_cast<size_t>(n));
        mapElements(in, tmp.data(), n, threads, [](Src v) { return static_cast<float>(v); });
        if (to == DataType::Float8E8M0) {
            uint8_t* o = out.data<uint8_t>();
            for (int64_t i = 0; i < n; ++i)
                o[i] = floatToE8M0(tmp[size_t(i)], options.saturate, options.rounding);
        } else {
            narrowFromFloat(tmp.data(), to, out.mutableRawData(), n, options.saturate, threads);
        }
        return;
    }
    if (isSubByte(to)) {
        mapElements(in, out.data<int8_t>(), n, threads, [to](Src v) {
            int64_t i;
            if constexpr (std::is_floating_point_v<Src>)
                i = convertNumber<int64_t>(std::nearbyint(v));
            else
                i = static_cast<int64_t>(v);
            return static_cast<int8_t>(wrapSubByte(to, i));
        });
        return;
    }
    dispatchNumeric(to, [&](auto tag) {
        using Dst = typename decltype(tag)::type;
        mapElements(in, out.data<Dst>(), n, threads, [](Src v) { return convertNumber<Dst>(v); });
    });
}

Status castFromString(const Tensor& input, Tensor& out, const CastOptions& options) {
    const int64_t n = input.elementCount();
    const std::string* in = input.data<std::string>();
    const DataType to = out.dataType();
    if (isInteger(to) && to != DataType::Uint64) {
        std::vector<int64_t> values(static_cast<size_t>(n));
        for (int64_t i = 0; i < n; ++i) {
            char* end = nullptr;
            values[size_t(i)] = std::strtoll(in[i].c_str(), &end, 10);
            if (*end != '\0') // "1.5" or "1e3": parse as a number and truncate like numpy
                values[size_t(i)] = convertNumber<int64_t>(std::strtod(in[i].c_str(), nullptr));
        }
        castFromNative(values.data(), n, false, out, options, 1);
        return {};
    }
    if (to == DataType::Uint64) {
        uint64_t* o = out.data<uint64_t>();
        for (int64_t i = 0; i < n; ++i)
            o[i] = std::strtoull(in[i].c_str(), nullptr, 10);
        return {};
    }
    std::vector<double> values(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
        const std::string& s = in[i];
        if (to == DataType::Bool && (s == "True" || s == "true")) {
            values[size_t(i)] = 1;
            continue;
        }
        char* end = nullptr;
        values[size_t(i)] = std::strtod(s.c_str(), &end);
        if (end == s.c_str() && !s.empty() && to != DataType::Bool)
            return Status::error("Cast: cannot parse '" + s + "' as " + std::string(dataTypeName(to)));
    }
    if (to == DataType::Float || isNarrowFloat(to)) {
        // Through float, as numpy parses into the float32 array directly.
        std::vector<float> f(values.begin(), values.end());
        castFromNative(f.data(), n, false, out, options, 1);
    } else {
        castFromNative(values.data(), n, false, out, options, 1);
    }
    return {};
}

} // namespace

Result<Tensor> castTensor(const Tensor& input, DataType to, CastOptions options, int threads) {
    if (to == DataType::Undefined || to == DataType::Complex64 || to == DataType::Complex128)
        return Status::error("Cast: unsupported target type " + std::string(dataTypeName(to)));
    const DataType from = input.dataType();
    if (from == to)
        return input.clone();
    Tensor out(to, input.shape());
    const int64_t n = input.elementCount();
    if (from == DataType::String) {
        OS_RETURN_IF_ERROR(castFromString(input, out, options));
        return out;
    }
    if (isNarrowFloat(from)) {
        Tensor wide = widenToFloat(input, threads);
        castFromNative(wide.data<float>(), n, false, out, options, threads);
        return out;
    }
    if (from == DataType::Bool || from == DataType::Uint4 || from == DataType::Uint2) {
        castFromNative(input.data<uint8_t>(), n, from == DataType::Bool, out, options, threads);
        return out;
    }
    if (from == DataType::Int4 || from == DataType::Int2) {
        castFromNative(input.data<int8_t>(), n, false, out, options, threads);
        return out;
    }
    bool handled = dispatchNumeric(from, [&](auto tag) {
        using Src = typename decltype(tag)::type;
        castFromNative(input.data<Src>(), n, false, out, options, threads);
    });
    if (!handled)
        return Status::error("Cast: unsupported source type " + std::string(dataTypeName(from)));
    return out;
}

namespace {

class CastKernel final : public Kernel {
public:
    CastKernel(const NodeDesc& node, DataType to)
        : m_like(node.opType == "CastLike")
        , m_to(to) {
        m_options.saturate = node.getInt("saturate", 1) != 0;
        std::string mode = node.getString("round_mode", "up");
        m_options.rounding = mode == "down"      ? E8M0Rounding::Down
                             : mode == "nearest" ? E8M0Rounding::Nearest
                                                 : E8M0Rounding::Up;
    }

    static Result<std::unique_ptr<Kernel>> create(const NodeDesc& node) {
        DataType to = DataType::Undefined;
        if (node.opType == "Cast") {
            const Attribute* attr = node.attribute("to");
            if (!attr)
                return Status::error("Cast: missing attribute 'to'");
            std::optional<DataType> type;
            if (attr->type == Attribute::Type::String) {
                // Cast-1 named the type ("FLOAT", "INT64").
                for (int32_t t = 1; t <= kMaxDataType && !type; ++t) {
                    std::string name(dataTypeName(static_cast<DataType>(t)));
                    for (char& c : name)
                        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                    if (name == attr->s)
                        type = static_cast<DataType>(t);
                }
                if (!type)
                    return Status::error("Cast: invalid target type '" + attr->s + "'");
            } else {
                type = dataTypeFromInt(static_cast<int32_t>(attr->i));
            }
            if (!type || *type == DataType::Undefined)
                return Status::error("Cast: invalid target type " + std::to_string(attr->i));
            to = *type;
        }
        std::string mode = node.getString("round_mode", "up");
        if (mode != "up" && mode != "down" && mode != "nearest")
            return Status::error(node.opType + ": round_mode must be up, down or nearest, got '" + mode +
                                 "'");
        return std::unique_ptr<Kernel>(new CastKernel(node, to));
    }

    Status compute(KernelContext& context) const override {
        OS_ASSIGN_OR_RETURN(const Tensor* x, requireInput(context, 0));
        DataType to = m_to;
        if (m_like) {
            OS_ASSIGN_OR_RETURN(const Tensor* like, requireInput(context, 1));
            to = like->dataType();
        }
        OS_ASSIGN_OR_RETURN(Tensor y, castTensor(*x, to, m_options, context.threadCount()));
        context.setOutput(0, std::move(y));
        return {};
    }

private:
    bool m_like;
    DataType m_to;
    CastOptions m_options;
};

} // namespace

void registerCastKernels(KernelRegistry& r) {
    r.add("Cast", 1, &CastKernel::create);
    r.add("CastLike", 15, &CastKernel::create);
}

} // namespace onnxscope
