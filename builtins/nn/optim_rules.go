package nn

import (
	"math"

	"github.com/cellscript/cellscript/engine"
)

// The update rules follow MindSpore's Python optimizers and their CPU
// kernels (ApplyMomentum, SGD, Adam, ApplyRMSProp,
// ApplyCenteredRMSProp, ApplyAdagrad), including the order of each
// kernel's float operations.

// float is the element type of a trainable parameter.
type float interface{ ~float32 | ~float64 }

// rules lists the optimizers with a built-in update rule.
var rules = map[string]bool{"Momentum": true, "SGD": true, "Adam": true, "AdamWeightDecay": true, "RMSProp": true, "Adagrad": true}

func sqrtT[T float](x T) T { return T(math.Sqrt(float64(x))) }

// slot returns the state tensor name of parameter i as a slice, creating
// it filled with init on first use.
func slot[T float](st *OptState, name string, i int, init float64) []T {
	s := st.Slots[name]
	if s == nil {
		s = make([]*engine.Tensor, len(st.Params))
		st.Slots[name] = s
	}
	if s[i] == nil {
		w := st.Params[i].T
		s[i], _ = engine.Full(w.DType(), init, w.Shape()...)
	}
	return s[i].Data().([]T)
}

// update applies one step of st.Kind's rule to parameter i. g is a
// private copy of the gradient that the preprocessing overwrites.
func update[T float](st *OptState, i int, w, g []T, lr float64) {
	preprocess(st, i, w, g)
	switch st.Kind {
	case "Momentum":
		momentumStep(st, i, w, g, T(lr))
	case "SGD":
		sgdStep(st, i, w, g, T(lr))
	case "Adam":
		adamStep(st, i, w, g, lr)
	case "AdamWeightDecay":
		adamWeightDecayStep(st, i, w, g, T(lr))
	case "RMSProp":
		rmspropStep(st, i, w, g, T(lr))
	case "Adagrad":
		adagradStep(st, i, w, g, T(lr))
	}
}

// preprocess applies, in MindSpore's order, the weight decay (g + w*wd,
// where wd already includes the loss scale), grad centralization and
// the division by the loss scale. SGD decays inside its kernel and
// AdamWeightDecay decays the update instead, so both skip the first step.
// AdamWeightDecay has no loss scale or centralization either.
func preprocess[T float](st *OptState, i int, w, g []T) {
	if st.Kind == "AdamWeightDecay" {
		return
	}
	if st.Kind != "SGD" && st.decay[i] && st.wds[i] > 0 {
		wd := T(st.wds[i])
		for k := range g {
			g[k] = T(w[k]*wd) + g[k]
		}
	}
	if shape := st.Params[i].T.Shape(); st.gc[i] && centralizes(shape) {
		centralize(g, shape[0])
	}
	if st.LossScale != 1 {
		scale := T(1 / st.LossScale)
		for k := range g {
			g[k] *= scale
		}
	}
}

// centralize subtracts from each of the rows slices of g its mean, as
// MindSpore's Centralization over every axis but the first does.
func centralize[T float](g []T, rows int) {
	n := len(g) / rows
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

// momentumStep is ApplyMomentum: v = v*momentum + g, then w -= lr*v, or
// with Nesterov w -= g*lr + v*momentum*lr. NOTE: MindSpore's CPU kernel
// ignores use_nesterov, but cellscript applies it as documented.
func momentumStep[T float](st *OptState, i int, w, g []T, lr T) {
	m := T(st.Hyper["momentum"])
	v := slot[T](st, "moments", i, 0)
	nesterov := st.Flags["use_nesterov"]
	for k := range w {
		v[k] = T(v[k]*m) + g[k]
		if nesterov {
			w[k] -= T(g[k]*lr) + T(T(v[k]*m)*lr)
		} else {
			w[k] -= T(lr * v[k])
		}
	}
}

// sgdStep is the SGD kernel: g += w*weight_decay; with momentum, the
// accumulator starts as g and then follows accum*momentum +
// (1-dampening)*g, and the step uses g + accum*momentum (Nesterov) or
// accum; w -= lr*step.
func sgdStep[T float](st *OptState, i int, w, g []T, lr T) {
	wd := T(st.WeightDecay)
	m, damp := T(st.Hyper["momentum"]), T(st.Hyper["dampening"])
	accum := slot[T](st, "accum", i, 0)
	stat := slot[T](st, "stat", i, 1)
	nesterov := st.Flags["nesterov"]
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
			if nesterov {
				gk += T(accum[k] * m)
			} else {
				gk = accum[k]
			}
		}
		w[k] -= T(lr * gk)
	}
}

// advancePowers multiplies Adam's beta1_power and beta2_power by the
// betas once per step, in float32 as MindSpore's float32 Parameters do
// and in float64 for float64 parameters.
func (st *OptState) advancePowers() {
	if st.Kind != "Adam" {
		return
	}
	for _, name := range []string{"beta1", "beta2"} {
		p64, ok := st.powers[name]
		if !ok {
			p64 = 1
		}
		p32, ok := st.powers[name+"_f32"]
		if !ok {
			p32 = 1
		}
		st.powers[name] = p64 * st.Hyper[name]
		st.powers[name+"_f32"] = float64(float32(p32) * float32(st.Hyper[name]))
	}
}

// power returns beta1_power or beta2_power in the precision of T.
func power[T float](st *OptState, name string) T {
	var zero T
	if _, isF32 := any(zero).(float32); isF32 {
		return T(st.powers[name+"_f32"])
	}
	return T(st.powers[name])
}

// adamStep is the Adam kernel: lr_t = lr*sqrt(1-beta2_power)/(1 -
// beta1_power); m += (g-m)*(1-beta1); v += (g*g-v)*(1-beta2);
// w -= lr_t*m/(sqrt(v)+eps), with m replaced by m*beta1 + (1-beta1)*g
// under Nesterov.
func adamStep[T float](st *OptState, i int, w, g []T, lr float64) {
	b1, b2, eps := T(st.Hyper["beta1"]), T(st.Hyper["beta2"]), T(st.Hyper["eps"])
	bp1, bp2 := power[T](st, "beta1"), power[T](st, "beta2")
	lrT := T(T(T(lr)*sqrtT(1-bp2)) / (1 - bp1))
	m := slot[T](st, "moment1", i, 0)
	v := slot[T](st, "moment2", i, 0)
	nesterov := st.Flags["use_nesterov"]
	for k := range w {
		m[k] += T((g[k] - m[k]) * (1 - b1))
		v[k] += T((T(g[k]*g[k]) - v[k]) * (1 - b2))
		den := sqrtT(v[k]) + eps
		num := m[k]
		if nesterov {
			num = T(m[k]*b1) + T((1-b1)*g[k])
		}
		w[k] -= T(lrT*num) / den
	}
}

// adamWeightDecayStep is AdamWeightDecay: m = beta1*m + (1-beta1)*g;
// v = beta2*v + (1-beta2)*g*g; update = m/(eps + sqrt(v)) plus
// weight_decay*w where decay applies; w -= lr*update. There is no bias
// correction.
func adamWeightDecayStep[T float](st *OptState, i int, w, g []T, lr T) {
	b1, b2, eps := T(st.Hyper["beta1"]), T(st.Hyper["beta2"]), T(st.Hyper["eps"])
	wd := T(st.wds[i])
	m := slot[T](st, "adam_m", i, 0)
	v := slot[T](st, "adam_v", i, 0)
	for k := range w {
		m[k] = T(b1*m[k]) + T((1-b1)*g[k])
		v[k] = T(b2*v[k]) + T((1-b2)*T(g[k]*g[k]))
		upd := m[k] / (eps + sqrtT(v[k]))
		if st.decay[i] {
			upd = T(wd*w[k]) + upd
		}
		w[k] -= T(lr * upd)
	}
}

// rmspropStep is ApplyRMSProp (mean_square starts at 1): ms +=
// (g*g-ms)*(1-decay); mom = mom*momentum + g*lr/sqrt(ms+eps); w -= mom.
// Centered (ApplyCenteredRMSProp) also tracks mg += (g-mg)*(1-decay) and
// divides by sqrt(ms - mg*mg + eps), skipping elements where that is not
// positive.
func rmspropStep[T float](st *OptState, i int, w, g []T, lr T) {
	decay, momentum, eps := T(st.Hyper["decay"]), T(st.Hyper["momentum"]), T(st.Hyper["epsilon"])
	ms := slot[T](st, "mean_square", i, 1)
	mom := slot[T](st, "moment", i, 0)
	centered := st.Flags["centered"]
	var mg []T
	if centered {
		mg = slot[T](st, "mean_grad", i, 0)
	}
	for k := range w {
		ms[k] += T((T(g[k]*g[k]) - ms[k]) * (1 - decay))
		denom := ms[k] + eps
		if centered {
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

// adagradStep is the ApplyAdagrad CPU kernel: accum += g*g (with
// update_slots), then w -= lr*g*(1/sqrt(accum + 1e-6)).
func adagradStep[T float](st *OptState, i int, w, g []T, lr T) {
	accum := slot[T](st, "accum", i, st.Hyper["accum"])
	eps := T(1e-6)
	updateSlots := st.Flags["update_slots"]
	for k := range w {
		if updateSlots {
			accum[k] += T(g[k] * g[k])
		}
		w[k] -= T(T(lr*g[k]) * (1 / sqrtT(accum[k]+eps)))
	}
}
