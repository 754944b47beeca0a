// 2-D pooling (1-D runs as H = 1). p0 = (NC, H, W, OH, OW, KH, KW, SH), p1 = (SW, DH, DW, PH, PW,
// PHend, PWend, countIncludePad). mode: 0 max, 1 average.

__kernel void pool2d_f32(__global const float* x, __global float* y, int8 p0, int8 p1, int mode) {
    const int NC = p0.s0, H = p0.s1, W = p0.s2, OH = p0.s3, OW = p0.s4, KH = p0.s5, KW = p0.s6, SH = p0.s7;
    const int SW = p1.s0, DH = p1.s1, DW = p1.s2, PH = p1.s3, PW = p1.s4, PHE = p1.s5, PWE = p1.s6;
    const int includePad = p1.s7;
    const int i = get_global_id(0);
    if (i >= NC * OH * OW)
        return;
    const int ow = i % OW;
    const int oh = (i / OW) % OH;
    const int nc = i / (OW * OH);
    __global const float* xc = x + nc * H * W;
    float best = -INFINITY, sum = 0.0f;
    int count = 0, padded = 0;
    for (int kh = 0; kh < KH; ++kh) {
        const int ih = oh * SH - PH + kh * DH;
        for (int kw = 0; kw < KW; ++kw) {
            const int iw = ow * SW - PW + kw * DW;
            if (ih >= -PH && ih < H + PHE && iw >= -PW && iw < W + PWE)
                ++padded;
            if (ih < 0 || ih >= H || iw < 0 || iw >= W)
                continue;
            const float v = xc[ih * W + iw];
            best = fmax(best, v);
            sum += v;
            ++count;
        }
    }
    if (mode == 0)
        y[i] = best;
    else
        y[i] = sum / (float)(includePad ? padded : max(count, 1));
}

// One work item per (n, c) plane. mode: 0 max, 1 average.
__kernel void global_pool_f32(__global const float* x, __global float* y, int NC, int S, int mode) {
    const int i = get_global_id(0);
    if (i >= NC)
        return;
    __global const float* xc = x + i * S;
    float best = -INFINITY, sum = 0.0f;
    for (int s = 0; s < S; ++s) {
        best = fmax(best, xc[s]);
        sum += xc[s];
    }
    y[i] = mode == 0 ? best : sum / (float)S;
}
