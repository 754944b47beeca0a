// Data movement: one strided copy serves Transpose, Slice, Concat and broadcast fills; plus
// Gather, Pad and Resize.

__kernel void strided_copy_f32(__global const float* x, __global float* y, int n, int rank, int8 dims8,
                               int8 xStrides8, int xOffset, int8 yStrides8, int yOffset) {
    const int i = get_global_id(0);
    if (i >= n)
        return;
    int dims[8], xs[8], ys[8];
    unpack8(dims8, dims);
    unpack8(xStrides8, xs);
    unpack8(yStrides8, ys);
    int ix = xOffset, iy = yOffset, idx = i;
    for (int d = rank - 1; d >= 0; --d) {
        const int c = idx % dims[d];
        idx /= dims[d];
        ix += c * xs[d];
        iy += c * ys[d];
    }
    y[iy] = x[ix];
}

__kernel void gather_f32(__global const float* x, __global const int* indices, __global float* y, int outer,
                         int axisDim, int inner, int count) {
    const int i = get_global_id(0);
    if (i >= outer * count * inner)
        return;
    const int in = i % inner;
    const int j = (i / inner) % count;
    const int o = i / (inner * count);
    y[i] = x[(o * axisDim + indices[j]) * inner + in];
}

// mode: 0 constant, 1 reflect, 2 edge, 3 wrap.
__kernel void pad_f32(__global const float* x, __global float* y, int n, int rank, int8 outDims8, int8 inDims8,
                      int8 padBegin8, int mode, float value) {
    const int i = get_global_id(0);
    if (i >= n)
        return;
    int od[8], id[8], pb[8];
    unpack8(outDims8, od);
    unpack8(inDims8, id);
    unpack8(padBegin8, pb);
    int idx = i, off = 0, stride = 1;
    for (int d = rank - 1; d >= 0; --d) {
        const int c = idx % od[d] - pb[d];
        idx /= od[d];
        int s = c;
        const int len = id[d];
        if (s < 0 || s >= len) {
            if (mode == 0) {
                y[i] = value;
                return;
            } else if (mode == 1) {
                const int period = 2 * (len - 1);
                s = period == 0 ? 0 : abs(s) % period;
                if (s >= len)
                    s = period - s;
            } else if (mode == 2) {
                s = clamp(s, 0, len - 1);
            } else {
                s = ((s % len) + len) % len;
            }
        }
        off += s * stride;
        stride *= len;
    }
    y[i] = x[off];
}

// coordMode: 0 half_pixel, 1 pytorch_half_pixel, 2 align_corners, 3 asymmetric, 4 tf_half_pixel_for_nn.
// As in the ONNX reference, the resized length is scale * inLen (not rounded), which matters
// for align_corners with scales that do not divide evenly.
inline float resize_source(int x, float scale, int inLen, int outLen, int coordMode) {
    const float outWidth = scale * (float)inLen;
    (void)outLen;
    switch (coordMode) {
    case 1: return outWidth == 1.0f ? -0.5f : ((float)x + 0.5f) / scale - 0.5f;
    case 2: return outWidth == 1.0f ? 0.0f : (float)x * (float)(inLen - 1) / (outWidth - 1.0f);
    case 3: return (float)x / scale;
    case 4: return ((float)x + 0.5f) / scale;
    default: return ((float)x + 0.5f) / scale - 0.5f;
    }
}

// nearestMode: 0 round_prefer_floor, 1 round_prefer_ceil, 2 floor, 3 ceil.
__kernel void resize_nearest_f32(__global const float* x, __global float* y, int n, int rank, int8 outDims8,
                                 int8 inDims8, float8 scales8, int coordMode, int nearestMode) {
    const int i = get_global_id(0);
    if (i >= n)
        return;
    int od[8], id[8];
    float sc[8];
    unpack8(outDims8, od);
    unpack8(inDims8, id);
    vstore8(scales8, 0, sc);
    int idx = i, off = 0, stride = 1;
    for (int d = rank - 1; d >= 0; --d) {
        const int c = idx % od[d];
        idx /= od[d];
        const float s = resize_source(c, sc[d], id[d], od[d], coordMode);
        int k;
        if (nearestMode == 2)
            k = (int)floor(s);
        else if (nearestMode == 3)
            k = (int)ceil(s);
        else if (nearestMode == 1)
            k = (int)floor(s + 0.5f);
        else
            k = (int)ceil(s - 0.5f);
        k = clamp(k, 0, id[d] - 1);
        off += k * stride;
        stride *= id[d];
    }
    y[i] = x[off];
}

__kernel void resize_linear_f32(__global const float* x, __global float* y, int n, int rank, int8 outDims8,
                                int8 inDims8, float8 scales8, int coordMode) {
    const int i = get_global_id(0);
    if (i >= n)
        return;
    int od[8], id[8], lo[8], hi[8], strides[8];
    float sc[8], w[8];
    unpack8(outDims8, od);
    unpack8(inDims8, id);
    vstore8(scales8, 0, sc);
    int idx = i, stride = 1;
    for (int d = rank - 1; d >= 0; --d) {
        const int c = idx % od[d];
        idx /= od[d];
        strides[d] = stride;
        stride *= id[d];
        if (od[d] == id[d] && sc[d] == 1.0f) {
            lo[d] = hi[d] = c;
            w[d] = 0.0f;
            continue;
        }
        float s = resize_source(c, sc[d], id[d], od[d], coordMode);
        s = clamp(s, 0.0f, (float)(id[d] - 1));
        lo[d] = (int)floor(s);
        hi[d] = min(lo[d] + 1, id[d] - 1);
        w[d] = s - (float)lo[d];
    }
    float acc = 0.0f;
    for (int mask = 0; mask < (1 << rank); ++mask) {
        float weight = 1.0f;
        int off = 0;
        for (int d = 0; d < rank; ++d) {
            const int bit = (mask >> d) & 1;
            weight *= bit ? w[d] : 1.0f - w[d];
            off += (bit ? hi[d] : lo[d]) * strides[d];
        }
        if (weight != 0.0f)
            acc += weight * x[off];
    }
    y[i] = acc;
}
