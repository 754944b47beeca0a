// Unary activations/math and broadcasting binary ops. The op codes match OpenClOps in
// exec/opencl/opencl_elementwise.cpp.

inline float gelu_tanh(float x) {
    return 0.5f * x * (1.0f + tanh(0.7978845608028654f * (x + 0.044715f * x * x * x)));
}

__kernel void unary_f32(__global const float* x, __global float* y, int n, int op, float alpha, float beta) {
    const int i = get_global_id(0);
    if (i >= n)
        return;
    const float v = x[i];
    float r = v;
    switch (op) {
    case 0: r = fmax(v, 0.0f); break;                                    // Relu
    case 1: r = 1.0f / (1.0f + exp(-v)); break;                          // Sigmoid
    case 2: r = tanh(v); break;                                          // Tanh
    case 3: r = v >= 0.0f ? v : alpha * v; break;                        // LeakyRelu
    case 4: r = fmin(fmax(v, alpha), beta); break;                       // Clip
    case 5: r = fmax(0.0f, fmin(1.0f, alpha * v + beta)); break;         // HardSigmoid
    case 6: r = v * fmax(0.0f, fmin(1.0f, v / 6.0f + 0.5f)); break;      // HardSwish
    case 7: r = 0.5f * v * (1.0f + erf(v * 0.7071067811865476f)); break; // Gelu
    case 8: r = gelu_tanh(v); break;                                     // Gelu tanh
    case 9: r = erf(v); break;
    case 10: r = exp(v); break;
    case 11: r = log(v); break;
    case 12: r = sqrt(v); break;
    case 13: r = fabs(v); break;
    case 14: r = -v; break;
    case 15: r = 1.0f / v; break;
    case 16: r = v >= 0.0f ? v : alpha * (exp(v) - 1.0f); break;        // Elu
    case 17: r = v > 0.0f ? beta * v : beta * alpha * (exp(v) - 1.0f); break; // Selu
    case 18: r = v > 20.0f ? v : log1p(exp(v)); break;                   // Softplus
    case 19: r = v / (1.0f + fabs(v)); break;                            // Softsign
    case 20: r = floor(v); break;
    case 21: r = ceil(v); break;
    case 22: r = sin(v); break;
    case 23: r = cos(v); break;
    case 24: r = v; break;                                               // Identity
    case 25: r = v * tanh(v > 20.0f ? v : log1p(exp(v))); break;         // Mish
    case 26: r = v > 0.0f ? 1.0f : (v < 0.0f ? -1.0f : 0.0f); break;     // Sign
    case 27: r = rint(v); break;                                         // Round (half to even)
    case 28: r = v > alpha ? v : 0.0f; break;                            // ThresholdedRelu
    case 29: r = fmax(0.0f, v) + fmin(0.0f, alpha * (exp(v / alpha) - 1.0f)); break; // Celu
    case 30: r = v / (1.0f + exp(-v)); break;                            // Swish / SiLU
    default: break;
    }
    y[i] = r;
}

__kernel void binary_f32(__global const float* a, __global const float* b, __global float* y, int n, int rank,
                         int8 outDims, int8 aStrides, int8 bStrides, int op) {
    const int i = get_global_id(0);
    if (i >= n)
        return;
    int dims[8], as[8], bs[8];
    unpack8(outDims, dims);
    unpack8(aStrides, as);
    unpack8(bStrides, bs);
    int ia = 0, ib = 0, idx = i;
    for (int d = rank - 1; d >= 0; --d) {
        const int c = idx % dims[d];
        idx /= dims[d];
        ia += c * as[d];
        ib += c * bs[d];
    }
    const float u = a[ia], v = b[ib];
    float r;
    switch (op) {
    case 0: r = u + v; break;
    case 1: r = u - v; break;
    case 2: r = u * v; break;
    case 3: r = u / v; break;
    case 4: r = pow(u, v); break;
    case 5: r = (isnan(u) || isnan(v)) ? NAN : fmax(u, v); break;
    case 6: r = (isnan(u) || isnan(v)) ? NAN : fmin(u, v); break;
    case 7: r = u < 0.0f ? u * v : u; break; // PRelu
    default: r = 0.0f; break;
    }
    y[i] = r;
}
