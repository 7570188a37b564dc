package cuda

// The loss module holds the fused elementwise losses (L1, MSE,
// SmoothL1), binary cross entropy and sparse softmax cross entropy.
// Each step is the float operation of the CPU kernels in engine/cpu
// (Loss32, Loss64, BCE32 and SoftmaxXent32's reference path), so values
// and gradients match theirs except for the order of the double sums.
// The loss kernels write one double partial sum per block, and loss_fin
// adds them and rounds the mean or sum as the engine's reduced losses
// do.
func init() {
	moduleBodies[modLoss] = `
// cs_sign returns 1 or -1, and x itself for 0, -0 and NaN.
template <typename T>
__device__ __forceinline__ T cs_sign(T x) {
	if (x > 0) return 1;
	if (x < 0) return -1;
	return x;
}
__device__ __forceinline__ float cs_abs(float x) { return fabsf(x); }
__device__ __forceinline__ double cs_abs(double x) { return fabs(x); }

// cs_loss1 returns the loss of one element (kind 0 L1, 1 MSE, 2
// SmoothL1) and stores scale times its gradient in *g.
template <typename T>
__device__ __forceinline__ T cs_loss1(int kind, T xv, T yv, T scale, T beta, T halfBeta, T quadGrad, T* g) {
	T d = xv - yv;
	T a = cs_abs(d);
	if (kind == 0) {
		*g = scale * cs_sign(d);
		return a;
	}
	if (kind == 1) {
		*g = scale * (d + d);
		return d * d;
	}
	if (a < beta) {
		*g = quadGrad * (a + a) * cs_sign(d);
		return (T)0.5 * (a * a) / beta;
	}
	*g = scale * cs_sign(d);
	return a - halfBeta;
}

template <typename T>
__device__ void loss_impl(int kind, T* dx, double* part, const T* x, const T* y, T scale, T beta, T halfBeta, T quadGrad, i64 n) {
	__shared__ double sh[CS_BLOCK];
	double s = 0;
	for (i64 i = cs_tid(); i < n; i += cs_nthreads()) {
		T g;
		s += (double)cs_loss1(kind, x[i], y[i], scale, beta, halfBeta, quadGrad, &g);
		if (dx) dx[i] = g;
	}
	s = cs_sum_block(s, sh);
	if (threadIdx.x == 0) part[blockIdx.x] = s;
}

// The float32 loss reads and writes four elements at a time; device
// buffers are 256-byte aligned.
__device__ void loss_impl(int kind, float* dx, double* part, const float* x, const float* y, float scale, float beta, float halfBeta, float quadGrad, i64 n) {
	__shared__ double sh[CS_BLOCK];
	double s = 0;
	i64 n4 = n >> 2;
	const float4* x4 = (const float4*)x;
	const float4* y4 = (const float4*)y;
	float4* d4 = (float4*)dx;
	for (i64 i = cs_tid(); i < n4; i += cs_nthreads()) {
		float4 a = x4[i];
		float4 b = y4[i];
		float4 g;
		s += (double)cs_loss1(kind, a.x, b.x, scale, beta, halfBeta, quadGrad, &g.x);
		s += (double)cs_loss1(kind, a.y, b.y, scale, beta, halfBeta, quadGrad, &g.y);
		s += (double)cs_loss1(kind, a.z, b.z, scale, beta, halfBeta, quadGrad, &g.z);
		s += (double)cs_loss1(kind, a.w, b.w, scale, beta, halfBeta, quadGrad, &g.w);
		if (dx) d4[i] = g;
	}
	for (i64 i = (n4 << 2) + cs_tid(); i < n; i += cs_nthreads()) {
		float g;
		s += (double)cs_loss1(kind, x[i], y[i], scale, beta, halfBeta, quadGrad, &g);
		if (dx) dx[i] = g;
	}
	s = cs_sum_block(s, sh);
	if (threadIdx.x == 0) part[blockIdx.x] = s;
}

__device__ __forceinline__ float cs_loss_value(double s, int mean, i64 n, float*) {
	return mean ? (float)s * (1.0f / (float)n) : (float)s;
}
__device__ __forceinline__ double cs_loss_value(double s, int mean, i64 n, double*) {
	return mean ? s / (double)n : s;
}

template <typename T>
__device__ void loss_fin_impl(T* out, const double* part, int mean, i64 parts, i64 n) {
	__shared__ double sh[CS_BLOCK];
	double s = 0;
	for (i64 i = threadIdx.x; i < parts; i += blockDim.x) s += part[i];
	s = cs_sum_block(s, sh);
	if (threadIdx.x == 0 && blockIdx.x == 0) out[0] = cs_loss_value(s, mean, n, out);
}

__device__ void bce_impl(float* dx, double* part, const float* x, const float* y, float scale, i64 n) {
	__shared__ double sh[CS_BLOCK];
	const float eps = 1e-12f;
	double s = 0;
	for (i64 i = cs_tid(); i < n; i += cs_nthreads()) {
		float xv = x[i];
		float yv = y[i];
		float a = xv + eps;
		float b = (1.0f - xv) + eps;
		float la = (float)log((double)a);
		float lb = (float)log((double)b);
		float p = yv * la;
		float q = (1.0f - yv) * lb;
		s += (double)(-(p + q));
		if (dx) dx[i] = ((-scale * yv) / a) - ((-scale * (1.0f - yv)) / b);
	}
	s = cs_sum_block(s, sh);
	if (threadIdx.x == 0) part[blockIdx.x] = s;
}

__device__ __forceinline__ float cs_logp(float v, double lse, bool inf, double k) {
	if (!inf) return (float)((double)v - lse);
	if ((double)v == cs_inf()) return (float)(-log(k));
	return (float)(-cs_inf());
}

// xent_impl handles one row per block: loss = -logp[label] and
// grad = scale·exp(logp) - scale·onehot, with the row's scale from
// scales when it is not null.
__device__ void xent_impl(float* loss, float* grad, const float* x, const i64* labels, const float* scales, float scale, i64 rows, i64 cols) {
	__shared__ double sh[CS_BLOCK];
	for (i64 r = blockIdx.x; r < rows; r += gridDim.x) {
		const float* row = x + r * cols;
		double lse = cs_row_lse(row, cols, sh);
		bool inf = lse == cs_inf();
		double k = inf ? cs_count_inf(row, cols, sh) : 0;
		float sc = scales ? scales[r] : scale;
		i64 label = labels[r];
		if (grad) {
			float* g = grad + r * cols;
			for (i64 j = threadIdx.x; j < cols; j += blockDim.x) {
				float p = (float)exp((double)cs_logp(row[j], lse, inf, k));
				float gv = p * sc;
				if (j == label) gv = gv - sc;
				g[j] = gv;
			}
		}
		if (threadIdx.x == 0) loss[r] = -cs_logp(row[label], lse, inf, k);
	}
}
`
}
