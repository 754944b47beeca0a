// Direct 2-D convolution (1-D runs as H = 1) for any group count, so depthwise and grouped
// convolutions need no special path; pointwise group-1 convolutions go through CLBlast instead.
// p0 = (N, C, H, W, M, OH, OW, group), p1 = (KH, KW, SH, SW, DH, DW, PH, PW).

__kernel void conv2d_f32(__global const float* x, __global const float* w, __global const float* bias,
                         __global float* y, int8 p0, int8 p1, int hasBias) {
    const int N = p0.s0, C = p0.s1, H = p0.s2, W = p0.s3, M = p0.s4, OH = p0.s5, OW = p0.s6, G = p0.s7;
    const int KH = p1.s0, KW = p1.s1, SH = p1.s2, SW = p1.s3, DH = p1.s4, DW = p1.s5, PH = p1.s6, PW = p1.s7;
    const int i = get_global_id(0);
    if (i >= N * M * OH * OW)
        return;
    const int ow = i % OW;
    const int oh = (i / OW) % OH;
    const int m = (i / (OW * OH)) % M;
    const int n = i / (OW * OH * M);
    const int cg = C / G, mg = M / G;
    const int g = m / mg;
    float acc = hasBias ? bias[m] : 0.0f;
    for (int c = 0; c < cg; ++c) {
        __global const float* xc = x + ((n * C + g * cg + c) * H) * W;
        __global const float* wc = w + ((m * cg + c) * KH) * KW;
        for (int kh = 0; kh < KH; ++kh) {
            const int ih = oh * SH - PH + kh * DH;
            if (ih < 0 || ih >= H)
                continue;
            for (int kw = 0; kw < KW; ++kw) {
                const int iw = ow * SW - PW + kw * DW;
                if (iw >= 0 && iw < W)
                    acc += xc[ih * W + iw] * wc[kh * KW + kw];
            }
        }
    }
    y[i] = acc;
}

// ConvTranspose as a gather over the inputs that reach each output; W is (C, M/group, KH, KW).
__kernel void conv_transpose2d_f32(__global const float* x, __global const float* w, __global const float* bias,
                                   __global float* y, int8 p0, int8 p1, int hasBias) {
    const int N = p0.s0, C = p0.s1, H = p0.s2, W = p0.s3, M = p0.s4, OH = p0.s5, OW = p0.s6, G = p0.s7;
    const int KH = p1.s0, KW = p1.s1, SH = p1.s2, SW = p1.s3, DH = p1.s4, DW = p1.s5, PH = p1.s6, PW = p1.s7;
    const int i = get_global_id(0);
    if (i >= N * M * OH * OW)
        return;
    const int ow = i % OW;
    const int oh = (i / OW) % OH;
    const int m = (i / (OW * OH)) % M;
    const int n = i / (OW * OH * M);
    const int cg = C / G, mg = M / G;
    const int g = m / mg, ml = m % mg;
    float acc = hasBias ? bias[m] : 0.0f;
    for (int c = 0; c < cg; ++c) {
        const int ci = g * cg + c;
        __global const float* xc = x + ((n * C + ci) * H) * W;
        __global const float* wc = w + ((ci * mg + ml) * KH) * KW;
        for (int kh = 0; kh < KH; ++kh) {
            const int th = oh + PH - kh * DH;
            if (th < 0 || th % SH != 0 || th / SH >= H)
                continue;
            const int ih = th / SH;
            for (int kw = 0; kw < KW; ++kw) {
                const int tw = ow + PW - kw * DW;
                if (tw < 0 || tw % SW != 0 || tw / SW >= W)
                    continue;
                acc += xc[ih * W + tw / SW] * wc[kh * KW + kw];
            }
        }
    }
    y[i] = acc;
}

// y[n, m, s] += bias[m] (after a GEMM-based convolution).
__kernel void bias_add_f32(__global float* y, __global const float* bias, int n, int M, int S) {
    const int i = get_global_id(0);
    if (i < n)
        y[i] += bias[(i / S) % M];
}
