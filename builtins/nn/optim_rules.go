package nn

import (
	"math"

	"github.com/cellscript/cellscript/engine"
)

// The update rules follow MindSpore's Python optimizers and their CPU
// kernels (ApplyMomentum, SGD, Adam, AdamWeightDecay, ApplyRMSProp,
// ApplyCenteredRMSProp, ApplyAdagrad). engine.ApplyOptimizer runs them,
// on the CPU or as one fused kernel per parameter on the parameter's
// device; this file maps an optimizer's settings onto its step.

// float is the element type of a trainable parameter.
type float interface{ ~float32 | ~float64 }

// rules lists the optimizers with a built-in update rule.
var rules = map[string]bool{"Momentum": true, "SGD": true, "Adam": true, "AdamWeightDecay": true, "RMSProp": true, "Adagrad": true}

// slotSpec is a slot tensor's name and starting value.
type slotSpec struct {
	name string
	init float64
}

// slotsOf returns the slots that st's rule updates, in the order of
// engine.ApplyOptimizer.
func (st *OptState) slotsOf() []slotSpec {
	switch st.Kind {
	case "Momentum":
		return []slotSpec{{"moments", 0}}
	case "SGD":
		return []slotSpec{{"accum", 0}, {"stat", 1}}
	case "Adam":
		return []slotSpec{{"moment1", 0}, {"moment2", 0}}
	case "AdamWeightDecay":
		return []slotSpec{{"adam_m", 0}, {"adam_v", 0}}
	case "RMSProp":
		if st.Flags["centered"] {
			return []slotSpec{{"mean_square", 1}, {"moment", 0}, {"mean_grad", 0}}
		}
		return []slotSpec{{"mean_square", 1}, {"moment", 0}}
	case "Adagrad":
		return []slotSpec{{"accum", st.Hyper["accum"]}}
	}
	return nil
}

// slotTensors returns parameter i's slots, creating each on the
// parameter's device, filled with its starting value, on first use.
func (st *OptState) slotTensors(i int) ([]*engine.Tensor, error) {
	w := st.Params[i].T
	specs := st.slotsOf()
	out := make([]*engine.Tensor, len(specs))
	for k, spec := range specs {
		s := st.Slots[spec.name]
		if s == nil {
			s = make([]*engine.Tensor, len(st.Params))
			st.Slots[spec.name] = s
		}
		if s[i] == nil || s[i].Device() != w.Device() {
			var t *engine.Tensor
			var err error
			if s[i] != nil {
				t, err = engine.ToDevice(s[i], w.Device())
			} else if t, err = engine.Full(w.DType(), spec.init, w.Shape()...); err == nil {
				t, err = engine.ToDevice(t, w.Device())
			}
			if err != nil {
				return nil, err
			}
			s[i] = t
		}
		out[k] = s[i]
	}
	return out, nil
}

// stepOf returns parameter i's update for this step at learning rate lr.
func (st *OptState) stepOf(i int, lr float64) engine.OptimizerStep {
	w := st.Params[i].T
	s := engine.OptimizerStep{LR: lr, GradScale: 1}
	// AdamWeightDecay has no loss scale or centralization, SGD decays
	// inside its rule, and AdamWeightDecay decays the update instead.
	if st.Kind != "AdamWeightDecay" {
		if st.Kind != "SGD" && st.decay[i] && st.wds[i] > 0 {
			s.Decay = st.wds[i]
		}
		s.Centralize = st.gc[i] && centralizes(w.Shape())
		if st.LossScale != 1 {
			s.GradScale = 1 / st.LossScale
		}
	}
	h := st.Hyper
	switch st.Kind {
	case "Momentum":
		s.Rule, s.Momentum, s.Nesterov = engine.UpdateMomentum, h["momentum"], st.Flags["use_nesterov"]
	case "SGD":
		s.Rule, s.Momentum, s.Dampening, s.WeightDecay = engine.UpdateSGD, h["momentum"], h["dampening"], st.WeightDecay
		s.Nesterov = st.Flags["nesterov"]
	case "Adam":
		s.Rule, s.Beta1, s.Beta2, s.Eps, s.Nesterov = engine.UpdateAdam, h["beta1"], h["beta2"], h["eps"], st.Flags["use_nesterov"]
		if w.DType() == engine.Float32 {
			s.LR = float64(adamLR[float32](st, lr))
		} else {
			s.LR = adamLR[float64](st, lr)
		}
	case "AdamWeightDecay":
		s.Rule, s.Beta1, s.Beta2, s.Eps = engine.UpdateAdamWeightDecay, h["beta1"], h["beta2"], h["eps"]
		s.WeightDecay, s.DecayUpdate = st.wds[i], st.decay[i]
	case "RMSProp":
		s.Rule, s.RhoDecay, s.Momentum, s.Epsilon, s.Centered = engine.UpdateRMSProp, h["decay"], h["momentum"], h["epsilon"], st.Flags["centered"]
	case "Adagrad":
		s.Rule, s.UpdateSlots = engine.UpdateAdagrad, st.Flags["update_slots"]
	}
	return s
}

// adamLR returns Adam's bias-corrected rate lr_t = lr*sqrt(1 -
// beta2_power)/(1 - beta1_power) in the precision of T.
func adamLR[T float](st *OptState, lr float64) T {
	bp1, bp2 := power[T](st, "beta1"), power[T](st, "beta2")
	return T(T(T(lr)*T(math.Sqrt(float64(1-bp2)))) / (1 - bp1))
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
