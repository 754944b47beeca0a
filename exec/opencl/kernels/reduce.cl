// Reduce* over any set of axes: each output element walks the reduced sub-box.
// op: 0 sum, 1 mean, 2 max, 3 min, 4 prod, 5 L1, 6 L2, 7 log-sum, 8 log-sum-exp, 9 sum-square.

__kernel void reduce_f32(__global const float* x, __global float* y, int n, int rank, int8 keptDims8,
                         int8 keptStrides8, int rrank, int8 redDims8, int8 redStrides8, int redCount, int op) {
    const int i = get_global_id(0);
    if (i >= n)
        return;
    int kd[8], ks[8], rd[8], rs[8];
    unpack8(keptDims8, kd);
    unpack8(keptStrides8, ks);
    unpack8(redDims8, rd);
    unpack8(redStrides8, rs);
    const int base = strided_offset(i, rank, kd, ks);
    float mx = -INFINITY;
    if (op == 8)
        for (int j = 0; j < redCount; ++j)
            mx = fmax(mx, x[base + strided_offset(j, rrank, rd, rs)]);
    float acc = op == 2 ? -INFINITY : (op == 3 ? INFINITY : (op == 4 ? 1.0f : 0.0f));
    for (int j = 0; j < redCount; ++j) {
        const float v = x[base + strided_offset(j, rrank, rd, rs)];
        switch (op) {
        case 2: acc = fmax(acc, v); break;
        case 3: acc = fmin(acc, v); break;
        case 4: acc *= v; break;
        case 5: acc += fabs(v); break;
        case 6:
        case 9: acc += v * v; break;
        case 8: acc += exp(v - mx); break;
        default: acc += v; break;
        }
    }
    if (op == 1)
        acc /= (float)redCount;
    else if (op == 6)
        acc = sqrt(acc);
    else if (op == 7)
        acc = log(acc);
    else if (op == 8)
        acc = redCount == 0 ? -INFINITY : log(acc) + mx;
    y[i] = acc;
}
