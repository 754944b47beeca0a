#include "float_types.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>

namespace onnxscope {

float halfToFloat(uint16_t h) {
    uint32_t sign = uint32_t(h & 0x8000) << 16;
    uint32_t exp = (h >> 10) & 0x1f;
    uint32_t mant = h & 0x3ff;
    uint32_t bits;
    if (exp == 0) {
        if (mant == 0) {
            bits = sign;
        } else {
            // Subnormal: value = mant * 2^-24, exact in float.
            float v = std::ldexp(static_cast<float>(mant), -24);
            return sign ? -v : v;
        }
    } else if (exp == 31) {
        bits = sign | 0x7f800000u | (mant << 13);
    } else {
        bits = sign | ((exp + 112) << 23) | (mant << 13);
    }
    return std::bit_cast<float>(bits);
}

uint16_t floatToHalf(float value) {
    uint32_t f = std::bit_cast<uint32_t>(value);
    uint16_t sign = static_cast<uint16_t>((f >> 16) & 0x8000);
    uint32_t absf = f & 0x7fffffffu;
    if (absf >= 0x7f800000u) // Inf or NaN
        return sign | (absf > 0x7f800000u ? 0x7e00 : 0x7c00);
    if (absf >= 0x477ff000u) // rounds to >= 65520: overflow to Inf
        return sign | 0x7c00;
    if (absf < 0x38800000u) { // below the smallest normal half: subnormal or zero
        // Adding 0.5 shifts the value so the FPU's own round-to-nearest-even does the work.
        float v = std::bit_cast<float>(absf) + 0.5f;
        return sign | static_cast<uint16_t>(std::bit_cast<uint32_t>(v) - 0x3f000000u);
    }
    uint32_t mantOdd = (absf >> 13) & 1;
    absf += 0xc8000fffu + mantOdd; // rebias exponent (-112 << 23) and round to nearest even
    return sign | static_cast<uint16_t>(absf >> 13);
}

float bfloat16ToFloat(uint16_t bits) {
    return std::bit_cast<float>(uint32_t(bits) << 16);
}

uint16_t floatToBfloat16(float value) {
    uint32_t f = std::bit_cast<uint32_t>(value);
    if ((f & 0x7fffffffu) > 0x7f800000u)
        return static_cast<uint16_t>((f >> 16) | 0x40);
    uint32_t rounding = 0x7fff + ((f >> 16) & 1);
    return static_cast<uint16_t>((f + rounding) >> 16);
}

namespace {

struct SmallFormat {
    int expBits;
    int mantBits;
    int bias;
    bool hasInf;  // e5m2: exp all ones, mant 0
    bool ieeeNan; // e5m2: exp all ones, mant != 0 is NaN
    bool fnNan;   // e4m3fn: all ones (exp and mant) is NaN
    bool uzNan;   // fnuz: 0x80 is NaN, no negative zero
    bool hasSign;
};

SmallFormat formatOf(DataType type) {
    switch (type) {
    case DataType::Float8E4M3FN:
        return {4, 3, 7, false, false, true, false, true};
    case DataType::Float8E4M3FNUZ:
        return {4, 3, 8, false, false, false, true, true};
    case DataType::Float8E5M2:
        return {5, 2, 15, true, true, false, false, true};
    case DataType::Float8E5M2FNUZ:
        return {5, 2, 16, false, false, false, true, true};
    case DataType::Float4E2M1:
        return {2, 1, 1, false, false, false, false, true};
    default:
        return {4, 3, 7, false, false, true, false, true};
    }
}

float decodeSmall(const SmallFormat& fmt, uint8_t bits) {
    int width = 1 + fmt.expBits + fmt.mantBits;
    uint32_t signBit = 1u << (width - 1);
    bool negative = bits & signBit;
    uint32_t exp = (bits >> fmt.mantBits) & ((1u << fmt.expBits) - 1);
    uint32_t mant = bits & ((1u << fmt.mantBits) - 1);
    uint32_t expMax = (1u << fmt.expBits) - 1;
    constexpr float nan = std::numeric_limits<float>::quiet_NaN();
    if (fmt.uzNan && bits == signBit)
        return nan;
    if (fmt.fnNan && exp == expMax && mant == (1u << fmt.mantBits) - 1)
        return nan;
    if (fmt.hasInf && exp == expMax) {
        if (mant == 0)
            return negative ? -std::numeric_limits<float>::infinity()
                            : std::numeric_limits<float>::infinity();
        return nan;
    }
    float v;
    if (exp == 0)
        v = std::ldexp(static_cast<float>(mant), 1 - fmt.bias - fmt.mantBits);
    else
        v = std::ldexp(static_cast<float>(mant + (1u << fmt.mantBits)), int(exp) - fmt.bias - fmt.mantBits);
    return negative ? -v : v;
}

// Positive finite values of a format, ascending, with their codes (codes ascend with value).
struct PositiveTable {
    std::array<float, 128> values{};
    int count = 0;
};

PositiveTable buildTable(DataType type) {
    SmallFormat fmt = formatOf(type);
    int width = 1 + fmt.expBits + fmt.mantBits;
    PositiveTable t;
    for (uint32_t code = 0; code < (1u << (width - 1)); ++code) {
        float v = decodeSmall(fmt, static_cast<uint8_t>(code));
        if (!std::isfinite(v))
            break;
        t.values[t.count++] = v;
    }
    return t;
}

const PositiveTable& tableFor(DataType type) {
    static const PositiveTable e4m3fn = buildTable(DataType::Float8E4M3FN);
    static const PositiveTable e4m3fnuz = buildTable(DataType::Float8E4M3FNUZ);
    static const PositiveTable e5m2 = buildTable(DataType::Float8E5M2);
    static const PositiveTable e5m2fnuz = buildTable(DataType::Float8E5M2FNUZ);
    static const PositiveTable e2m1 = buildTable(DataType::Float4E2M1);
    switch (type) {
    case DataType::Float8E4M3FNUZ:
        return e4m3fnuz;
    case DataType::Float8E5M2:
        return e5m2;
    case DataType::Float8E5M2FNUZ:
        return e5m2fnuz;
    case DataType::Float4E2M1:
        return e2m1;
    default:
        return e4m3fn;
    }
}

} // namespace

float smallFloatToFloat(DataType type, uint8_t bits) {
    if (type == DataType::Float8E8M0) {
        if (bits == 0xff)
            return std::numeric_limits<float>::quiet_NaN();
        return std::ldexp(1.0f, int(bits) - 127);
    }
    return decodeSmall(formatOf(type), bits);
}

uint8_t floatToSmallFloat(DataType type, float value, bool saturate) {
    if (type == DataType::Float8E8M0)
        return floatToE8M0(value, saturate, E8M0Rounding::Up);
    SmallFormat fmt = formatOf(type);
    int width = 1 + fmt.expBits + fmt.mantBits;
    uint8_t signBit = static_cast<uint8_t>(1u << (width - 1));
    uint8_t nanCode =
        fmt.uzNan ? signBit : static_cast<uint8_t>((1u << width) - 1) & static_cast<uint8_t>(~0u);
    if (fmt.hasInf)
        nanCode = static_cast<uint8_t>(((1u << fmt.expBits) - 1) << fmt.mantBits | 1u);
    if (std::isnan(value))
        // float4e2m1 has no NaN; onnx (ml_dtypes) encodes it as 0x8 (negative zero).
        return type == DataType::Float4E2M1 ? 0x8 : (fmt.fnNan ? 0x7f : nanCode);
    bool negative = std::signbit(value);
    float a = std::fabs(value);
    const PositiveTable& t = tableFor(type);
    float maxValue = t.values[t.count - 1];
    uint8_t code;
    if (std::isinf(a) || a > maxValue) {
        // Round-to-nearest still lands on max for values within half a step above it.
        float step = maxValue - t.values[t.count - 2];
        bool roundsToMax = !std::isinf(a) && a < maxValue + step / 2;
        if (saturate || roundsToMax || type == DataType::Float4E2M1) {
            code = static_cast<uint8_t>(t.count - 1);
        } else if (fmt.hasInf) {
            code = static_cast<uint8_t>(((1u << fmt.expBits) - 1) << fmt.mantBits);
        } else {
            return fmt.uzNan ? signBit : 0x7f;
        }
    } else {
        const float* begin = t.values.data();
        const float* hi = std::lower_bound(begin, begin + t.count, a);
        int index = static_cast<int>(hi - begin);
        if (*hi != a && index > 0) {
            float up = *hi, down = *(hi - 1);
            float dUp = up - a, dDown = a - down;
            if (dDown < dUp || (dDown == dUp && ((index - 1) & 1) == 0))
                index -= 1;
        }
        code = static_cast<uint8_t>(index);
    }
    if (negative && !(fmt.uzNan && code == 0))
        code |= signBit;
    return code;
}

uint8_t floatToE8M0(float value, bool saturate, E8M0Rounding rounding) {
    if (std::isnan(value) || value < 0 || (std::isinf(value) && !saturate))
        return 0xff;
    if (std::isinf(value))
        return 0xfe;
    if (value == 0)
        return 0; // 2^-127 is the smallest value; zero is not representable
    int exp;
    float mant = std::frexp(value, &exp); // value = mant * 2^exp, mant in [0.5, 1)
    int e = exp - 1;                      // value = (2*mant) * 2^e, 2*mant in [1, 2)
    float frac = 2 * mant;
    if (frac > 1.0f) {
        if (rounding == E8M0Rounding::Up)
            e += 1;
        else if (rounding == E8M0Rounding::Nearest && frac >= 1.5f)
            e += 1;
    }
    int biased = e + 127;
    if (biased < 0)
        return 0;
    if (biased > 254)
        return saturate ? 0xfe : 0xff;
    return static_cast<uint8_t>(biased);
}

} // namespace onnxscope
