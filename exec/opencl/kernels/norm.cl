// BatchNormalization (inference), LayerNormalization and Softmax/LogSoftmax.

__kernel void batchnorm_f32(__global const float* x, __global const float* scale, __global const float* bias,
                            __global const float* mean, __global const float* var, __global float* y, int n, int C,
                            int S, float epsilon) {
    const int i = get_global_id(0);
    if (i >= n)
        return;
    const int c = (i / S) % C;
    y[i] = (x[i] - mean[c]) * (scale[c] / sqrt(var[c] + epsilon)) + bias[c];
}

// One work item per row; scale and bias have one value per column (or one in total).
__kernel void layernorm_f32(__global const float* x, __global const float* scale, __global const float* bias,
                            __global float* y, int rows, int cols, float epsilon, int scaleSize, int biasSize) {
    const int r = get_global_id(0);
    if (r >= rows)
        return;
    __global const float* xr = x + r * cols;
    __global float* yr = y + r * cols;
    float mean = 0.0f;
    for (int c = 0; c < cols; ++c)
        mean += xr[c];
    mean /= (float)cols;
    float var = 0.0f;
    for (int c = 0; c < cols; ++c) {
        const float d = xr[c] - mean;
        var += d * d;
    }
    const float inv = 1.0f / sqrt(var / (float)cols + epsilon);
    for (int c = 0; c < cols; ++c) {
        const float s = scale[scaleSize == 1 ? 0 : c];
        const float b = biasSize == 0 ? 0.0f : bias[biasSize == 1 ? 0 : c];
        yr[c] = (xr[c] - mean) * inv * s + b;
    }
}

// x viewed as (outer, axis, inner); one work item per (outer, inner). mode: 0 Softmax, 1 LogSoftmax.
__kernel void softmax_f32(__global const float* x, __global float* y, int outer, int axis, int inner, int mode) {
    const int i = get_global_id(0);
    if (i >= outer * inner)
        return;
    const int o = i / inner, in = i % inner;
    __global const float* xr = x + o * axis * inner + in;
    __global float* yr = y + o * axis * inner + in;
    float mx = -INFINITY;
    for (int a = 0; a < axis; ++a)
        mx = fmax(mx, xr[a * inner]);
    float sum = 0.0f;
    for (int a = 0; a < axis; ++a)
        sum += exp(xr[a * inner] - mx);
    if (mode == 0) {
        const float inv = 1.0f / sum;
        for (int a = 0; a < axis; ++a)
            yr[a * inner] = exp(xr[a * inner] - mx) * inv;
    } else {
        const float lse = log(sum);
        for (int a = 0; a < axis; ++a)
            yr[a * inner] = xr[a * inner] - mx - lse;
    }
}
