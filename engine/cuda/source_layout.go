package cuda

// The layout module moves elements without computing: strided copies
// (transposes and broadcasts), row copies (concatenation and slices),
// gathers and scatter-adds. The matmul module holds the integer matrix
// product; float products go to cuBLAS.
func init() {
	moduleBodies[modLayout] = `
template <typename U>
__device__ void strided_impl(U* out, const U* x, const Dims& d, i64 n) {
	for (i64 i = cs_tid(); i < n; i += cs_nthreads()) out[i] = d.rank == 0 ? x[i] : x[cs_offset(d, 0, i)];
}

template <typename U>
__device__ void copyrows_impl(U* dst, i64 dstStride, const U* src, i64 srcStride, i64 rows, i64 cols) {
	i64 n = rows * cols;
	for (i64 i = cs_tid(); i < n; i += cs_nthreads()) {
		i64 r = i / cols;
		i64 c = i - r * cols;
		dst[r * dstStride + c] = src[r * srcStride + c];
	}
}

template <typename U>
__device__ void gather_impl(U* out, const U* x, const i64* idx, i64 n) {
	for (i64 i = cs_tid(); i < n; i += cs_nthreads()) out[i] = x[idx[i]];
}

__device__ __forceinline__ void cs_atomic_add(float* p, float v) { atomicAdd(p, v); }
__device__ __forceinline__ void cs_atomic_add(double* p, double v) { atomicAdd(p, v); }
__device__ __forceinline__ void cs_atomic_add(int* p, int v) { atomicAdd(p, v); }
__device__ __forceinline__ void cs_atomic_add(i64* p, i64 v) { atomicAdd((u64*)p, (u64)v); }

// scatter_add_impl adds with atomics: repeated float indices accumulate
// in an order that may change from run to run.
template <typename T>
__device__ void scatter_add_impl(T* out, const T* g, const i64* idx, i64 n) {
	for (i64 i = cs_tid(); i < n; i += cs_nthreads()) cs_atomic_add(out + idx[i], g[i]);
}
`
	moduleBodies[modMatmul] = `
// matmul_impl computes one element of op(a)·op(b) per thread, wrapping
// on overflow as NumPy's integer matmul does.
template <typename T>
__device__ void matmul_impl(T* out, const T* a, const T* b, i64 m, i64 n, i64 k, i64 lda, i64 ldb, int ta, int tb) {
	for (i64 t = cs_tid(); t < m * n; t += cs_nthreads()) {
		i64 i = t / n;
		i64 j = t - i * n;
		T acc = 0;
		for (i64 p = 0; p < k; p++) {
			T x = ta ? a[p * lda + i] : a[i * lda + p];
			T y = tb ? b[j * ldb + p] : b[p * ldb + j];
			acc = cs_add(acc, cs_mul(x, y));
		}
		out[t] = acc;
	}
}
`
}
