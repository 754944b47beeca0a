// Helpers shared by the kernels: shapes and strides travel as int8 vectors (rank <= 8).

inline void unpack8(int8 v, int* out) { vstore8(v, 0, out); }

// Offset of flat index idx (row-major over dims) under the given strides.
inline int strided_offset(int idx, int rank, const int* dims, const int* strides) {
    int off = 0;
    for (int d = rank - 1; d >= 0; --d) {
        const int c = idx % dims[d];
        idx /= dims[d];
        off += c * strides[d];
    }
    return off;
}
