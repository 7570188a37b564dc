package cuda

// The reduce module holds the reductions, arg-max and arg-min,
// log-softmax, log-sum-exp and the product gradient. A row reduction
// runs one block of CS_BLOCK threads per row, or partial sums per chunk
// of a long row and a final pass. A column reduction runs one thread
// per output. Op codes are the engine's ReduceOp values. Every block
// reduction adds in a fixed tree order, so results do not change from
// run to run.
func init() {
	moduleBodies[modReduce] = `
// Acc is the accumulator of a reduction: double for floats, int for
// bools (only Max and Min reach here) and the integer itself otherwise.
template <typename T> struct Acc { typedef T type; };
template <> struct Acc<float> { typedef double type; };
template <> struct Acc<unsigned char> { typedef int type; };

// cs_ident returns the identity of op: the lowest value for Max, the
// highest for Min, 1 for Prod and 0 for sums.
__device__ __forceinline__ double cs_ident(int op, double) {
	switch (op) {
	case 2: return -cs_inf();
	case 3: return cs_inf();
	case 4: return 1.0;
	default: return 0.0;
	}
}
__device__ __forceinline__ int cs_ident(int op, int) {
	switch (op) {
	case 2: return -2147483647 - 1;
	case 3: return 2147483647;
	case 4: return 1;
	default: return 0;
	}
}
__device__ __forceinline__ i64 cs_ident(int op, i64) {
	switch (op) {
	case 2: return -9223372036854775807LL - 1;
	case 3: return 9223372036854775807LL;
	case 4: return 1;
	default: return 0;
	}
}

template <typename A>
__device__ __forceinline__ A cs_combine(int op, A a, A b) {
	switch (op) {
	case 2: return cs_max(a, b);
	case 3: return cs_min(a, b);
	case 4: return cs_mul(a, b);
	default: return cs_add(a, b);
	}
}

// cs_finish turns an accumulator into the result element. A float32
// mean is float32(sum)·float32(1/n), as MindSpore's ReduceMean rounds
// it; the mean of an empty row is NaN for floats and 0 for integers.
__device__ __forceinline__ float cs_finish(int op, double acc, i64 n, float*) {
	if (op == 1) return n > 0 ? (float)acc * (1.0f / (float)n) : (float)cs_nan();
	return (float)acc;
}
__device__ __forceinline__ double cs_finish(int op, double acc, i64 n, double*) {
	return op == 1 ? acc / (double)n : acc;
}
__device__ __forceinline__ int cs_finish(int op, int acc, i64 n, int*) {
	return op == 1 && n > 0 ? acc / (int)n : acc;
}
__device__ __forceinline__ i64 cs_finish(int op, i64 acc, i64 n, i64*) {
	return op == 1 && n > 0 ? acc / n : acc;
}
__device__ __forceinline__ unsigned char cs_finish(int op, int acc, i64 n, unsigned char*) {
	return acc != 0 ? 1 : 0;
}

template <typename A>
__device__ A cs_reduce_block(int op, A v, A* sh) {
	sh[threadIdx.x] = v;
	__syncthreads();
	for (unsigned s = CS_BLOCK / 2; s > 0; s >>= 1) {
		if (threadIdx.x < s) sh[threadIdx.x] = cs_combine(op, sh[threadIdx.x], sh[threadIdx.x + s]);
		__syncthreads();
	}
	A r = sh[0];
	__syncthreads();
	return r;
}

template <typename T>
__device__ void reduce_rows_impl(int op, T* out, const T* x, i64 rows, i64 inner) {
	typedef typename Acc<T>::type A;
	__shared__ A sh[CS_BLOCK];
	for (i64 r = blockIdx.x; r < rows; r += gridDim.x) {
		const T* row = x + r * inner;
		A acc = cs_ident(op, (A)0);
		for (i64 j = threadIdx.x; j < inner; j += blockDim.x) acc = cs_combine(op, acc, (A)row[j]);
		acc = cs_reduce_block(op, acc, sh);
		if (threadIdx.x == 0) out[r] = cs_finish(op, acc, inner, out);
	}
}

// reduce_part_impl writes the accumulator of chunk c of row r into
// part[r*chunks + c].
template <typename T>
__device__ void reduce_part_impl(int op, typename Acc<T>::type* part, const T* x, i64 rows, i64 inner, i64 chunk, i64 chunks) {
	typedef typename Acc<T>::type A;
	__shared__ A sh[CS_BLOCK];
	for (i64 b = blockIdx.x; b < rows * chunks; b += gridDim.x) {
		i64 r = b / chunks;
		i64 lo = (b - r * chunks) * chunk;
		i64 hi = lo + chunk < inner ? lo + chunk : inner;
		const T* row = x + r * inner;
		A acc = cs_ident(op, (A)0);
		for (i64 j = lo + threadIdx.x; j < hi; j += blockDim.x) acc = cs_combine(op, acc, (A)row[j]);
		acc = cs_reduce_block(op, acc, sh);
		if (threadIdx.x == 0) part[b] = acc;
	}
}

template <typename T>
__device__ void reduce_fin_impl(int op, T* out, const typename Acc<T>::type* part, i64 rows, i64 chunks, i64 inner) {
	typedef typename Acc<T>::type A;
	__shared__ A sh[CS_BLOCK];
	for (i64 r = blockIdx.x; r < rows; r += gridDim.x) {
		A acc = cs_ident(op, (A)0);
		for (i64 j = threadIdx.x; j < chunks; j += blockDim.x) acc = cs_combine(op, acc, part[r * chunks + j]);
		acc = cs_reduce_block(op, acc, sh);
		if (threadIdx.x == 0) out[r] = cs_finish(op, acc, inner, out);
	}
}

// reduce_cols_impl reduces x viewed as (outer, inner, post) over inner,
// one thread per output element, adding in index order.
template <typename T>
__device__ void reduce_cols_impl(int op, T* out, const T* x, i64 outer, i64 inner, i64 post) {
	typedef typename Acc<T>::type A;
	for (i64 t = cs_tid(); t < outer * post; t += cs_nthreads()) {
		i64 o = t / post;
		const T* col = x + o * inner * post + (t - o * post);
		A acc = cs_ident(op, (A)0);
		for (i64 j = 0; j < inner; j++) acc = cs_combine(op, acc, (A)col[j * post]);
		out[t] = cs_finish(op, acc, inner, out);
	}
}

// cs_arg_better reports whether candidate (bv, bi) beats (av, ai): a NaN
// beats any number, a larger (isMax) or smaller value wins, and ties go
// to the lower index, so the result is the first NaN or the first
// extreme. An index below 0 marks no candidate.
__device__ __forceinline__ bool cs_arg_better(int isMax, double av, i64 ai, double bv, i64 bi) {
	if (bi < 0) return false;
	if (ai < 0) return true;
	bool an = cs_isnan(av), bn = cs_isnan(bv);
	if (an || bn) return an && bn ? bi < ai : bn;
	if (av == bv) return bi < ai;
	return isMax ? bv > av : bv < av;
}

template <typename T>
__device__ void argreduce_impl(int isMax, i64* out, const T* x, i64 rows, i64 inner) {
	__shared__ double shv[CS_BLOCK];
	__shared__ i64 shi[CS_BLOCK];
	for (i64 r = blockIdx.x; r < rows; r += gridDim.x) {
		const T* row = x + r * inner;
		double bv = 0;
		i64 bi = -1;
		for (i64 j = threadIdx.x; j < inner; j += blockDim.x) {
			double v = (double)row[j];
			if (cs_arg_better(isMax, bv, bi, v, j)) {
				bv = v;
				bi = j;
			}
		}
		shv[threadIdx.x] = bv;
		shi[threadIdx.x] = bi;
		__syncthreads();
		for (unsigned s = CS_BLOCK / 2; s > 0; s >>= 1) {
			if (threadIdx.x < s && cs_arg_better(isMax, shv[threadIdx.x], shi[threadIdx.x], shv[threadIdx.x + s], shi[threadIdx.x + s])) {
				shv[threadIdx.x] = shv[threadIdx.x + s];
				shi[threadIdx.x] = shi[threadIdx.x + s];
			}
			__syncthreads();
		}
		if (threadIdx.x == 0) out[r] = shi[0];
		__syncthreads();
	}
}

// logsoftmax_impl: a row holding +inf shares the probability among its
// infinite entries (-log(k) each) and gives the others -inf.
template <typename T>
__device__ void logsoftmax_impl(T* out, const T* x, i64 rows, i64 cols) {
	__shared__ double sh[CS_BLOCK];
	for (i64 r = blockIdx.x; r < rows; r += gridDim.x) {
		const T* row = x + r * cols;
		T* o = out + r * cols;
		double lse = cs_row_lse(row, cols, sh);
		if (lse == cs_inf()) {
			double k = cs_count_inf(row, cols, sh);
			for (i64 j = threadIdx.x; j < cols; j += blockDim.x) {
				o[j] = (double)row[j] == cs_inf() ? (T)(-log(k)) : (T)(-cs_inf());
			}
		} else {
			for (i64 j = threadIdx.x; j < cols; j += blockDim.x) o[j] = (T)((double)row[j] - lse);
		}
	}
}

// softmax_impl computes exp(x - max) / sum(exp(x - max)) in double and
// rounds once, as the engine's Softmax does. A row containing +inf
// shares the probability among its k infinite entries (1/k each) and
// gives the others 0. A row containing NaN, or only -inf, gives NaN.
template <typename T>
__device__ void softmax_impl(T* out, const T* x, i64 rows, i64 cols) {
	__shared__ double sh[CS_BLOCK];
	for (i64 r = blockIdx.x; r < rows; r += gridDim.x) {
		const T* row = x + r * cols;
		T* o = out + r * cols;
		double m = cs_row_max(row, cols, sh);
		if (m == cs_inf()) {
			double k = cs_count_inf(row, cols, sh);
			for (i64 j = threadIdx.x; j < cols; j += blockDim.x) {
				o[j] = (double)row[j] == cs_inf() ? (T)(1.0 / k) : (T)0;
			}
			continue;
		}
		double s = 0;
		for (i64 j = threadIdx.x; j < cols; j += blockDim.x) s += exp((double)row[j] - m);
		s = cs_sum_block(s, sh);
		for (i64 j = threadIdx.x; j < cols; j += blockDim.x) o[j] = (T)(exp((double)row[j] - m) / s);
	}
}

template <typename T>
__device__ void logsumexp_impl(T* out, const T* x, i64 rows, i64 cols) {
	__shared__ double sh[CS_BLOCK];
	for (i64 r = blockIdx.x; r < rows; r += gridDim.x) {
		double lse = cs_row_lse(x + r * cols, cols, sh);
		if (threadIdx.x == 0) out[r] = (T)lse;
	}
}

// prodgrad_impl multiplies prefix and suffix products in double, one
// thread per row, with the suffixes in work (inner+1 per row), so rows
// holding zeros get the exact gradient.
template <typename T>
__device__ void prodgrad_impl(T* out, double* work, const T* x, const T* g, i64 outer, i64 inner) {
	for (i64 o = cs_tid(); o < outer; o += cs_nthreads()) {
		const T* row = x + o * inner;
		double* suffix = work + o * (inner + 1);
		suffix[inner] = 1;
		for (i64 i = inner - 1; i >= 0; i--) suffix[i] = suffix[i + 1] * (double)row[i];
		double prefix = 1;
		double gv = (double)g[o];
		for (i64 i = 0; i < inner; i++) {
			out[o * inner + i] = (T)(gv * prefix * suffix[i + 1]);
			prefix *= (double)row[i];
		}
	}
}
`
}
