package cuda

// The elementwise module: fill, unary and binary ops, comparisons,
// select, casts, clip and one-hot. Op codes are the engine's: UnaryOp,
// BinaryOp and CompareOp values. Float32 functions compute in double
// and round once, as the engine's CPU kernels do.
func init() {
	moduleBodies[modElementwise] = `
template <typename T>
__device__ void fill_impl(T* out, T v, i64 n) {
	for (i64 i = cs_tid(); i < n; i += cs_nthreads()) out[i] = v;
}

__device__ double cs_softplus(double x) { return x > 0 ? x + log1p(exp(-x)) : log1p(exp(x)); }

__device__ double cs_unary(int op, double x) {
	switch (op) {
	case 0: return -x;
	case 1: return fabs(x);
	case 2: return exp(x);
	case 3: return log(x);
	case 4: return sqrt(x);
	case 5: return x * x;
	case 6: return x > 0 ? x : 0.0;
	case 7:
		if (x >= 0) return 1 / (1 + exp(-x));
		return exp(x) / (1 + exp(x));
	case 8: return tanh(x);
	case 9:
		if (x > 0) return 1.0;
		if (x < 0) return -1.0;
		return x;
	case 10: return log1p(x);
	case 11: return cs_softplus(x);
	case 12: return -cs_softplus(-x);
	case 13: return floor(x);
	case 14: return sin(x);
	case 15: return cos(x);
	case 16: return 1 / sqrt(x);
	default: return 1 / x;
	}
}

// Integer Neg, Abs and Square wrap on overflow, as NumPy's do.
template <typename T>
__device__ T cs_unary_int(int op, T x) {
	switch (op) {
	case 0: return cs_mul(x, (T)-1);
	case 1: return x < 0 ? cs_mul(x, (T)-1) : x;
	case 5: return cs_mul(x, x);
	case 6: return x > 0 ? x : (T)0;
	default:
		if (x > 0) return 1;
		if (x < 0) return -1;
		return 0;
	}
}

__device__ __forceinline__ float cs_unary_t(int op, float x) { return (float)cs_unary(op, (double)x); }
__device__ __forceinline__ double cs_unary_t(int op, double x) { return cs_unary(op, x); }
__device__ __forceinline__ int cs_unary_t(int op, int x) { return cs_unary_int(op, x); }
__device__ __forceinline__ i64 cs_unary_t(int op, i64 x) { return cs_unary_int(op, x); }

template <typename T>
__device__ void unary_impl(int op, T* out, const T* x, i64 n) {
	for (i64 i = cs_tid(); i < n; i += cs_nthreads()) out[i] = cs_unary_t(op, x[i]);
}

// Maximum and Minimum return x when it is NaN, and y when only y is.
__device__ __forceinline__ float cs_binary_t(int op, float x, float y) {
	switch (op) {
	case 0: return x + y;
	case 1: return x - y;
	case 2: return x * y;
	case 3: return x / y;
	case 4: return (x != x || x >= y) ? x : y;
	case 5: return (x != x || x <= y) ? x : y;
	default: return (float)pow((double)x, (double)y);
	}
}

__device__ __forceinline__ double cs_binary_t(int op, double x, double y) {
	switch (op) {
	case 0: return x + y;
	case 1: return x - y;
	case 2: return x * y;
	case 3: return x / y;
	case 4: return (x != x || x >= y) ? x : y;
	case 5: return (x != x || x <= y) ? x : y;
	default: return pow(x, y);
	}
}

// Integer division truncates; the engine rejects zero divisors and
// negative exponents before launching. Pow squares repeatedly and wraps.
template <typename T>
__device__ T cs_binary_int(int op, T x, T y) {
	switch (op) {
	case 0: return cs_add(x, y);
	case 1: return cs_add(x, cs_mul(y, (T)-1));
	case 2: return cs_mul(x, y);
	case 3: return y == -1 ? cs_mul(x, (T)-1) : x / y;
	case 4: return x >= y ? x : y;
	case 5: return x <= y ? x : y;
	default: {
		T r = 1;
		while (y > 0) {
			if (y & 1) r = cs_mul(r, x);
			x = cs_mul(x, x);
			y >>= 1;
		}
		return r;
	}
	}
}

__device__ __forceinline__ int cs_binary_t(int op, int x, int y) { return cs_binary_int(op, x, y); }
__device__ __forceinline__ i64 cs_binary_t(int op, i64 x, i64 y) { return cs_binary_int(op, x, y); }

template <typename T>
__device__ void binary_impl(int op, T* out, const T* a, const T* b, T av, T bv, const Dims& d, i64 n) {
	for (i64 i = cs_tid(); i < n; i += cs_nthreads()) {
		T x = av, y = bv;
		if (d.rank == 0) {
			if (a) x = a[i];
			if (b) y = b[i];
		} else {
			if (a) x = a[cs_offset(d, 0, i)];
			if (b) y = b[cs_offset(d, 1, i)];
		}
		out[i] = cs_binary_t(op, x, y);
	}
}

template <typename T>
__device__ __forceinline__ bool cs_compare(int op, T x, T y) {
	switch (op) {
	case 0: return x < y;
	case 1: return x <= y;
	case 2: return x > y;
	case 3: return x >= y;
	case 4: return x == y;
	default: return x != y;
	}
}

template <typename T>
__device__ void compare_impl(int op, unsigned char* out, const T* a, const T* b, T av, T bv, const Dims& d, i64 n) {
	for (i64 i = cs_tid(); i < n; i += cs_nthreads()) {
		T x = av, y = bv;
		if (d.rank == 0) {
			if (a) x = a[i];
			if (b) y = b[i];
		} else {
			if (a) x = a[cs_offset(d, 0, i)];
			if (b) y = b[cs_offset(d, 1, i)];
		}
		out[i] = cs_compare(op, x, y) ? 1 : 0;
	}
}

// select_impl reads the condition through stride set 2.
template <typename U>
__device__ void select_impl(U* out, const unsigned char* c, const U* a, const U* b, unsigned char cv, U av, U bv, const Dims& d, i64 n) {
	for (i64 i = cs_tid(); i < n; i += cs_nthreads()) {
		unsigned char cc = cv;
		U x = av, y = bv;
		if (d.rank == 0) {
			if (c) cc = c[i];
			if (a) x = a[i];
			if (b) y = b[i];
		} else {
			if (c) cc = c[cs_offset(d, 2, i)];
			if (a) x = a[cs_offset(d, 0, i)];
			if (b) y = b[cs_offset(d, 1, i)];
		}
		out[i] = cc ? x : y;
	}
}

// cs_real converts to double as the engine's Tensor.Float does.
__device__ __forceinline__ double cs_real(float x) { return x; }
__device__ __forceinline__ double cs_real(double x) { return x; }
__device__ __forceinline__ double cs_real(int x) { return x; }
__device__ __forceinline__ double cs_real(i64 x) { return (double)x; }
__device__ __forceinline__ double cs_real(unsigned char x) { return x ? 1.0 : 0.0; }

// cs_trunc32 and cs_trunc64 truncate toward zero as a C cast on x86
// does: NaN and out-of-range values give the minimum integer.
__device__ __forceinline__ int cs_trunc32(double v) {
	if (v != v || v >= 2147483648.0 || v <= -2147483649.0) return -2147483647 - 1;
	return (int)v;
}
__device__ __forceinline__ i64 cs_trunc64(double v) {
	if (v != v || v >= 9.223372036854775807e18 || v < -9.223372036854775808e18) return -9223372036854775807LL - 1;
	return (i64)v;
}

// cs_conv converts one element to the type its first argument points
// to: integers narrow by wrapping, floats truncate, bools are x != 0.
template <typename F> __device__ __forceinline__ float cs_conv(float*, F x) { return (float)cs_real(x); }
template <typename F> __device__ __forceinline__ double cs_conv(double*, F x) { return cs_real(x); }
template <typename F> __device__ __forceinline__ unsigned char cs_conv(unsigned char*, F x) { return cs_real(x) != 0 ? 1 : 0; }
__device__ __forceinline__ int cs_conv(int*, i64 x) { return (int)(unsigned)(u64)x; }
__device__ __forceinline__ int cs_conv(int*, unsigned char x) { return x; }
__device__ __forceinline__ int cs_conv(int*, float x) { return cs_trunc32(x); }
__device__ __forceinline__ int cs_conv(int*, double x) { return cs_trunc32(x); }
__device__ __forceinline__ i64 cs_conv(i64*, int x) { return x; }
__device__ __forceinline__ i64 cs_conv(i64*, unsigned char x) { return x; }
__device__ __forceinline__ i64 cs_conv(i64*, float x) { return cs_trunc64(x); }
__device__ __forceinline__ i64 cs_conv(i64*, double x) { return cs_trunc64(x); }

template <typename To, typename From>
__device__ void cast_impl(To* out, const From* x, i64 n) {
	for (i64 i = cs_tid(); i < n; i += cs_nthreads()) out[i] = cs_conv(out, x[i]);
}

// clip_impl keeps NaN, and hi wins when lo > hi.
template <typename T>
__device__ void clip_impl(T* out, const T* x, T lo, T hi, i64 n) {
	for (i64 i = cs_tid(); i < n; i += cs_nthreads()) {
		T v = x[i];
		if (v < lo) v = lo;
		if (v > hi) v = hi;
		out[i] = v;
	}
}

template <typename T>
__device__ void onehot_impl(T* out, const i64* idx, T on, T off, i64 depth, i64 n) {
	for (i64 i = cs_tid(); i < n; i += cs_nthreads()) {
		i64 r = i / depth;
		out[i] = idx[r] == i - r * depth ? on : off;
	}
}
`
}
