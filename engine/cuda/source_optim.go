package cuda

// The optim module holds the fused optimizer update: one thread per
// parameter element preprocesses the gradient (weight decay, then the
// loss-scale factor) and applies the rule, reading and writing the
// parameter and its slots once. Each step is the float operation of
// engine's CPU rules (engine/optimizer_rules.go) in the same order; the
// module compiles with --fmad=false, so no product fuses into an add.
//
// The hyperparameters h0..h3 of each rule, as rounded by the host:
//
//	rule 1 Momentum         h0 momentum
//	rule 2 SGD              h0 weight decay, h1 momentum, h2 dampening
//	rule 3 Adam             h0 beta1, h1 beta2, h2 eps (lr is lr_t)
//	rule 4 AdamWeightDecay  h0 beta1, h1 beta2, h2 eps, h3 weight decay
//	rule 5 RMSProp          h0 decay, h1 momentum, h2 epsilon
//	rule 6 Adagrad          h0 the epsilon 1e-6
const modOptim = "optim"

// The flag bits of the optim kernel.
const (
	optNesterov    = 1
	optCentered    = 2
	optUpdateSlots = 4
	optDecayUpdate = 8
)

func init() {
	moduleBodies[modOptim] = `
#define CS_NESTEROV 1
#define CS_CENTERED 2
#define CS_UPDATE_SLOTS 4
#define CS_DECAY_UPDATE 8

// cs_sqrt_t is the square root rounded to T; for float it equals the
// correctly rounded sqrtf, as the CPU's float64 square root does.
template <typename T>
__device__ __forceinline__ T cs_sqrt_t(T x) { return (T)sqrt((double)x); }

template <typename T>
__device__ void optim_impl(int rule, int flags, T* w, const T* g, T* s0, T* s1, T* s2, T lr, T decay, T scale, T h0, T h1, T h2, T h3, i64 n) {
	const T one = (T)1;
	const T zero = (T)0;
	for (i64 k = cs_tid(); k < n; k += cs_nthreads()) {
		T wk = w[k];
		T gk = g[k];
		if (decay > zero) gk = wk * decay + gk;
		gk = gk * scale;
		switch (rule) {
		case 1: {
			T v = s0[k] * h0 + gk;
			s0[k] = v;
			if (flags & CS_NESTEROV) {
				wk = wk - (gk * lr + (v * h0) * lr);
			} else {
				wk = wk - lr * v;
			}
			break;
		}
		case 2: {
			if (h0 > zero) gk = gk + wk * h0;
			if (h1 > zero) {
				T a;
				if (s1[k] > zero) {
					a = gk;
					s1[k] = zero;
				} else {
					a = s0[k] * h1 + (one - h2) * gk;
				}
				s0[k] = a;
				if (flags & CS_NESTEROV) {
					gk = gk + a * h1;
				} else {
					gk = a;
				}
			}
			wk = wk - lr * gk;
			break;
		}
		case 3: {
			T m = s0[k] + (gk - s0[k]) * (one - h0);
			T v = s1[k] + (gk * gk - s1[k]) * (one - h1);
			s0[k] = m;
			s1[k] = v;
			T den = cs_sqrt_t(v) + h2;
			T num = m;
			if (flags & CS_NESTEROV) num = m * h0 + (one - h0) * gk;
			wk = wk - (lr * num) / den;
			break;
		}
		case 4: {
			T m = h0 * s0[k] + (one - h0) * gk;
			T v = h1 * s1[k] + (one - h1) * (gk * gk);
			s0[k] = m;
			s1[k] = v;
			T upd = m / (h2 + cs_sqrt_t(v));
			if (flags & CS_DECAY_UPDATE) upd = h3 * wk + upd;
			wk = wk - lr * upd;
			break;
		}
		case 5: {
			T ms = s0[k] + (gk * gk - s0[k]) * (one - h0);
			s0[k] = ms;
			T denom = ms + h2;
			if (flags & CS_CENTERED) {
				T mg = s2[k] + (gk - s2[k]) * (one - h0);
				s2[k] = mg;
				denom = (ms - mg * mg) + h2;
				if (!(denom > zero)) break;
			}
			T mom = s1[k] * h1 + (gk * lr) / cs_sqrt_t(denom);
			s1[k] = mom;
			wk = wk - mom;
			break;
		}
		case 6: {
			if (flags & CS_UPDATE_SLOTS) s0[k] = s0[k] + gk * gk;
			wk = wk - (lr * gk) * (one / cs_sqrt_t(s0[k] + h0));
			break;
		}
		}
		w[k] = wk;
	}
}
`
	for _, t := range floatTypes {
		define(modOptim, "optim", t, 0, []string{"int rule", "int flags", "T* w", "const T* g", "T* s0", "T* s1", "T* s2", "T lr", "T decay", "T scale", "T h0", "T h1", "T h2", "T h3", "long long n"}, "optim_impl(rule, flags, w, g, s0, s1, s2, lr, decay, scale, h0, h1, h2, h3, n);")
	}
}
