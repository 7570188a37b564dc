package cuda

// The divmod module holds Python's floor division and remainder
// (engine.FloorDiv and engine.Mod) with broadcasting. Floats take the
// steps of NumPy 1.24's npy_divmod in T's precision, as the engine's
// FloorDivMod does. Integers round the quotient toward negative
// infinity, and the remainder takes the divisor's sign. The engine
// rejects integer zero divisors before the launch.
func init() {
	moduleBodies[modDivmod] = `
template <typename T>
__device__ __forceinline__ void cs_divmod(T a, T b, T* q, T* r) {
	T mod = (T)fmod((double)a, (double)b);
	if (b == (T)0) {
		*q = a / b;
		*r = mod;
		return;
	}
	T div = (a - mod) / b;
	if (mod != (T)0) {
		if ((b < (T)0) != (mod < (T)0)) {
			mod = mod + b;
			div = div - (T)1;
		}
	} else {
		mod = (T)copysign(0.0, (double)b);
	}
	T fl;
	if (div != (T)0) {
		fl = (T)floor((double)div);
		if (div - fl > (T)0.5) fl = fl + (T)1;
	} else {
		fl = (T)copysign(0.0, (double)(a / b));
	}
	*q = fl;
	*r = mod;
}

// cs_idivmod is the integer case. The quotient of the minimum integer
// by -1 wraps to the minimum, as Go's does; C++ leaves it undefined, so
// -1 negates through unsigned arithmetic.
template <typename I, typename U>
__device__ __forceinline__ void cs_idivmod(I x, I y, I* q, I* r) {
	if (y == 0) {
		*q = 0;
		*r = 0;
		return;
	}
	if (y == -1) {
		*q = (I)((U)0 - (U)x);
		*r = 0;
		return;
	}
	I qq = x / y, rr = x % y;
	if (rr != 0 && ((rr < 0) != (y < 0))) {
		qq = qq - 1;
		rr = rr + y;
	}
	*q = qq;
	*r = rr;
}
__device__ __forceinline__ void cs_divmod(int a, int b, int* q, int* r) { cs_idivmod<int, unsigned>(a, b, q, r); }
__device__ __forceinline__ void cs_divmod(i64 a, i64 b, i64* q, i64* r) { cs_idivmod<i64, u64>(a, b, q, r); }

template <typename T>
__device__ void divmod_impl(int wantMod, T* out, const T* a, const T* b, T av, T bv, const Dims& d, i64 n) {
	for (i64 i = cs_tid(); i < n; i += cs_nthreads()) {
		T x = av, y = bv;
		if (d.rank == 0) {
			if (a) x = a[i];
			if (b) y = b[i];
		} else {
			if (a) x = a[cs_offset(d, 0, i)];
			if (b) y = b[cs_offset(d, 1, i)];
		}
		T q, r;
		cs_divmod(x, y, &q, &r);
		out[i] = wantMod ? r : q;
	}
}
`
	for _, t := range numberTypes {
		define(modDivmod, "divmod", t, 0, []string{"int wantMod", "T* out", "const T* a", "const T* b", "T av", "T bv", "Dims d", "long long n"}, "divmod_impl(wantMod, out, a, b, av, bv, d, n);")
	}
}

const modDivmod = "divmod"
