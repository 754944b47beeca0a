// 2-D convolutions (1-D runs as H = 1). Group-1 convolutions go through CLBlast (pointwise ones
// directly, others after im2col_f32), depthwise ones through depthwise_conv2d_f32, and the rest
// (grouped, or no CLBlast) through the direct conv2d_f32, which covers any group count.
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

// Column matrices of nb images starting at image n0, restricted to the output pixels
// [s0, s0 + S): col[b, r, j] with r = (c, kh, kw) channel-major, zero where the window is in the
// padding. chunk = (n0, nb, s0, S). One work-item per column element.
__kernel void im2col_f32(__global const float* x, __global float* col, int8 p0, int8 p1, int4 chunk) {
    const int C = p0.s1, H = p0.s2, W = p0.s3, OW = p0.s6;
    const int KH = p1.s0, KW = p1.s1, SH = p1.s2, SW = p1.s3, DH = p1.s4, DW = p1.s5, PH = p1.s6, PW = p1.s7;
    const int n0 = chunk.s0, nb = chunk.s1, s0 = chunk.s2, S = chunk.s3;
    const int rows = C * KH * KW;
    const int i = get_global_id(0);
    if (i >= nb * rows * S)
        return;
    const int j = i % S;
    const int r = (i / S) % rows;
    const int b = i / (S * rows);
    const int kw = r % KW, kh = (r / KW) % KH, c = r / (KW * KH);
    const int p = s0 + j;
    const int ih = (p / OW) * SH - PH + kh * DH;
    const int iw = (p % OW) * SW - PW + kw * DW;
    float v = 0.0f;
    if (ih >= 0 && ih < H && iw >= 0 && iw < W)
        v = x[(((n0 + b) * C + c) * H + ih) * W + iw];
    col[i] = v;
}

// Depthwise convolution (group == C == M): each work-item computes DW_TILE neighbouring outputs
// of one row, so the filter row and the overlapping input pixels are loaded once for all of them.
#define DW_TILE 4
__kernel void depthwise_conv2d_f32(__global const float* x, __global const float* w, __global const float* bias,
                                   __global float* y, int8 p0, int8 p1, int hasBias) {
    const int N = p0.s0, H = p0.s2, W = p0.s3, M = p0.s4, OH = p0.s5, OW = p0.s6;
    const int KH = p1.s0, KW = p1.s1, SH = p1.s2, SW = p1.s3, DH = p1.s4, DW = p1.s5, PH = p1.s6, PW = p1.s7;
    const int tiles = (OW + DW_TILE - 1) / DW_TILE;
    const int i = get_global_id(0);
    if (i >= N * M * OH * tiles)
        return;
    const int ow0 = (i % tiles) * DW_TILE;
    const int oh = (i / tiles) % OH;
    const int nm = i / (tiles * OH); // n * M + m
    const int m = nm % M;
    const float b = hasBias ? bias[m] : 0.0f;
    float acc[DW_TILE];
    for (int t = 0; t < DW_TILE; ++t)
        acc[t] = b;
    __global const float* xc = x + nm * H * W;
    __global const float* wc = w + m * KH * KW;
    for (int kh = 0; kh < KH; ++kh) {
        const int ih = oh * SH - PH + kh * DH;
        if (ih < 0 || ih >= H)
            continue;
        __global const float* xr = xc + ih * W;
        for (int kw = 0; kw < KW; ++kw) {
            const float wv = wc[kh * KW + kw];
            const int iw0 = ow0 * SW - PW + kw * DW;
            for (int t = 0; t < DW_TILE; ++t) {
                const int iw = iw0 + t * SW;
                if (iw >= 0 && iw < W)
                    acc[t] += xr[iw] * wv;
            }
        }
    }
    __global float* yr = y + (nm * OH + oh) * OW;
    for (int t = 0; t < DW_TILE && ow0 + t < OW; ++t)
        yr[ow0 + t] = acc[t];
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
