package engine

import "math"

// The CPU update rules of ApplyOptimizer. Every product is converted to
// T on its own, so the compiler cannot fuse it into a multiply-add and
// each operation rounds once, as in MindSpore's CPU kernels. The CUDA
// kernels compile without fused multiply-add for the same reason.

func sqrtT[T float32 | float64](x T) T { return T(math.Sqrt(float64(x))) }

// applyUpdate preprocesses the private gradient copy g (decay,
// centralization over rows, scale) and applies the rule.
func applyUpdate[T float32 | float64](s *OptimizerStep, w, g []T, slots [3][]T, rows int) {
	if s.Decay > 0 {
		wd := T(s.Decay)
		for k := range g {
			g[k] = T(w[k]*wd) + g[k]
		}
	}
	if s.Centralize {
		centralizeRows(g, rows)
	}
	if s.GradScale != 1 {
		scale := T(s.GradScale)
		for k := range g {
			g[k] *= scale
		}
	}
	switch s.Rule {
	case UpdateMomentum:
		momentumRule(s, w, g, slots[0])
	case UpdateSGD:
		sgdRule(s, w, g, slots[0], slots[1])
	case UpdateAdam:
		adamRule(s, w, g, slots[0], slots[1])
	case UpdateAdamWeightDecay:
		adamWeightDecayRule(s, w, g, slots[0], slots[1])
	case UpdateRMSProp:
		rmspropRule(s, w, g, slots[0], slots[1], slots[2])
	case UpdateAdagrad:
		adagradRule(s, w, g, slots[0])
	}
}

// centralizeRows subtracts from each of the rows slices of g its mean,
// accumulated in float64.
func centralizeRows[T float32 | float64](g []T, rows int) {
	n := len(g) / rows
	if n == 0 {
		return
	}
	for r := 0; r < rows; r++ {
		row := g[r*n : (r+1)*n]
		sum := 0.0
		for _, v := range row {
			sum += float64(v)
		}
		mean := T(sum / float64(n))
		for k := range row {
			row[k] -= mean
		}
	}
}

// momentumRule is ApplyMomentum: v = v*momentum + g, then w -= lr*v, or
// with Nesterov w -= g*lr + v*momentum*lr.
func momentumRule[T float32 | float64](s *OptimizerStep, w, g, v []T) {
	lr, m := T(s.LR), T(s.Momentum)
	for k := range w {
		v[k] = T(v[k]*m) + g[k]
		if s.Nesterov {
			w[k] -= T(g[k]*lr) + T(T(v[k]*m)*lr)
		} else {
			w[k] -= T(lr * v[k])
		}
	}
}

// sgdRule is the SGD kernel: g += w*weight_decay; with momentum, the
// accumulator starts as g and then follows accum*momentum +
// (1-dampening)*g, and the step uses g + accum*momentum (Nesterov) or
// accum; w -= lr*step.
func sgdRule[T float32 | float64](s *OptimizerStep, w, g, accum, stat []T) {
	lr, wd := T(s.LR), T(s.WeightDecay)
	m, damp := T(s.Momentum), T(s.Dampening)
	for k := range w {
		gk := g[k]
		if wd > 0 {
			gk += T(w[k] * wd)
		}
		if m > 0 {
			if stat[k] > 0 {
				accum[k] = gk
				stat[k] = 0
			} else {
				accum[k] = T(accum[k]*m) + T((1-damp)*gk)
			}
			if s.Nesterov {
				gk += T(accum[k] * m)
			} else {
				gk = accum[k]
			}
		}
		w[k] -= T(lr * gk)
	}
}

// adamRule is the Adam kernel with the bias-corrected rate lr_t in LR:
// m += (g-m)*(1-beta1); v += (g*g-v)*(1-beta2); w -= lr_t*m/(sqrt(v)+eps),
// with m replaced by m*beta1 + (1-beta1)*g under Nesterov.
func adamRule[T float32 | float64](s *OptimizerStep, w, g, m, v []T) {
	lr := T(s.LR)
	b1, b2, eps := T(s.Beta1), T(s.Beta2), T(s.Eps)
	for k := range w {
		m[k] += T((g[k] - m[k]) * (1 - b1))
		v[k] += T((T(g[k]*g[k]) - v[k]) * (1 - b2))
		den := sqrtT(v[k]) + eps
		num := m[k]
		if s.Nesterov {
			num = T(m[k]*b1) + T((1-b1)*g[k])
		}
		w[k] -= T(lr*num) / den
	}
}

// adamWeightDecayRule is AdamWeightDecay: m = beta1*m + (1-beta1)*g;
// v = beta2*v + (1-beta2)*g*g; update = m/(eps + sqrt(v)) plus
// weight_decay*w with DecayUpdate; w -= lr*update. There is no bias
// correction.
func adamWeightDecayRule[T float32 | float64](s *OptimizerStep, w, g, m, v []T) {
	lr, wd := T(s.LR), T(s.WeightDecay)
	b1, b2, eps := T(s.Beta1), T(s.Beta2), T(s.Eps)
	for k := range w {
		m[k] = T(b1*m[k]) + T((1-b1)*g[k])
		v[k] = T(b2*v[k]) + T((1-b2)*T(g[k]*g[k]))
		upd := m[k] / (eps + sqrtT(v[k]))
		if s.DecayUpdate {
			upd = T(wd*w[k]) + upd
		}
		w[k] -= T(lr * upd)
	}
}

// rmspropRule is ApplyRMSProp: ms += (g*g-ms)*(1-decay); mom =
// mom*momentum + g*lr/sqrt(ms+eps); w -= mom. Centered
// (ApplyCenteredRMSProp) also tracks mg += (g-mg)*(1-decay) and divides
// by sqrt(ms - mg*mg + eps), skipping elements where that is not
// positive.
func rmspropRule[T float32 | float64](s *OptimizerStep, w, g, ms, mom, mg []T) {
	lr := T(s.LR)
	decay, momentum, eps := T(s.RhoDecay), T(s.Momentum), T(s.Epsilon)
	for k := range w {
		ms[k] += T((T(g[k]*g[k]) - ms[k]) * (1 - decay))
		denom := ms[k] + eps
		if s.Centered {
			mg[k] += T((g[k] - mg[k]) * (1 - decay))
			denom = (ms[k] - T(mg[k]*mg[k])) + eps
			if !(denom > 0) {
				continue
			}
		}
		mom[k] = T(mom[k]*momentum) + T(g[k]*lr)/sqrtT(denom)
		w[k] -= mom[k]
	}
}

// AdagradEpsilon is the epsilon that MindSpore's ApplyAdagrad CPU kernel
// adds to the accumulator.
const AdagradEpsilon = 1e-6

// adagradRule is the ApplyAdagrad CPU kernel: accum += g*g (with
// UpdateSlots), then w -= lr*g*(1/sqrt(accum + 1e-6)).
func adagradRule[T float32 | float64](s *OptimizerStep, w, g, accum []T) {
	lr, eps := T(s.LR), T(AdagradEpsilon)
	for k := range w {
		if s.UpdateSlots {
			accum[k] += T(g[k] * g[k])
		}
		w[k] -= T(T(lr*g[k]) * (1 / sqrtT(accum[k]+eps)))
	}
}
