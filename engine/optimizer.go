package engine

import "strconv"

// UpdateRule names the rule of a fused optimizer update.
type UpdateRule uint8

// The update rules follow MindSpore's optimizers and their CPU kernels
// (ApplyMomentum, SGD, Adam, AdamWeightDecay, ApplyRMSProp,
// ApplyCenteredRMSProp, ApplyAdagrad), including the order of each
// kernel's float operations. The slots each rule updates, in order:
//
//	UpdateMomentum         moments
//	UpdateSGD              accum, stat (stat starts at 1)
//	UpdateAdam             moment1, moment2
//	UpdateAdamWeightDecay  m, v
//	UpdateRMSProp          mean_square (starts at 1), moment, and mean_grad when Centered
//	UpdateAdagrad          accum
const (
	UpdateMomentum UpdateRule = iota + 1
	UpdateSGD
	UpdateAdam
	UpdateAdamWeightDecay
	UpdateRMSProp
	UpdateAdagrad
)

var updateRuleNames = map[UpdateRule]string{
	UpdateMomentum: "Momentum", UpdateSGD: "SGD", UpdateAdam: "Adam",
	UpdateAdamWeightDecay: "AdamWeightDecay", UpdateRMSProp: "RMSProp", UpdateAdagrad: "Adagrad",
}

func (r UpdateRule) String() string { return updateRuleNames[r] }

// OptimizerStep is one optimizer update of one parameter. Every float
// is rounded to the parameter's dtype before use, as MindSpore's float32
// Parameters hold them.
type OptimizerStep struct {
	Rule UpdateRule
	// LR is the learning rate. For Adam it is the bias-corrected rate
	// lr·sqrt(1-beta2_power)/(1-beta1_power).
	LR float64
	// Decay, when above 0, adds w·Decay to the gradient before the rule.
	Decay float64
	// Centralize subtracts from the gradient, after Decay, its mean over
	// every axis but the first (grad centralization).
	Centralize bool
	// GradScale multiplies the gradient after centralization, for the
	// division by the loss scale; 0 means 1.
	GradScale float64

	// Momentum is the momentum of Momentum, SGD and RMSProp, and
	// Dampening SGD's dampening.
	Momentum, Dampening float64
	// WeightDecay is the decay that SGD adds inside its rule and that
	// AdamWeightDecay adds to its update when DecayUpdate is set.
	WeightDecay float64
	// Beta1, Beta2 and Eps are the Adam rules' hyperparameters.
	Beta1, Beta2, Eps float64
	// RhoDecay and Epsilon are RMSProp's decay and epsilon.
	RhoDecay, Epsilon float64

	// Nesterov selects the Nesterov variant of Momentum, SGD and Adam.
	Nesterov bool
	// Centered selects centered RMSProp.
	Centered bool
	// UpdateSlots makes Adagrad accumulate squared gradients.
	UpdateSlots bool
	// DecayUpdate makes AdamWeightDecay add WeightDecay·w to its update.
	DecayUpdate bool
}

// slotCount returns how many slots the step's rule updates.
func (s *OptimizerStep) slotCount() int {
	switch s.Rule {
	case UpdateMomentum, UpdateAdagrad:
		return 1
	case UpdateRMSProp:
		if s.Centered {
			return 3
		}
	}
	return 2
}

// OptimizerBackend is a Backend that runs fused optimizer updates. A
// backend without it cannot update parameters that live on its device.
type OptimizerBackend interface {
	// ApplyOptimizer updates w and the slots in place from the gradient
	// g, all of dtype d (Float32 or Float64) and of one length, by the
	// step's rule in one launch. The step's Centralize is false. Slots
	// the rule does not use are nil.
	ApplyOptimizer(step OptimizerStep, d DType, w, g Buffer, slots [3]Buffer) error
}

// ApplyOptimizer updates the parameter w and its slots in place by one
// step of s.Rule with the gradient g, which is not changed. w, g and
// the slots must have one float dtype, shape and device. On a device
// the update is one kernel launch (after the ops of centralization),
// so parameters and slots stay there.
func ApplyOptimizer(s OptimizerStep, w, g *Tensor, slots ...*Tensor) (err error) {
	defer catch(&err)
	op := s.Rule.String()
	if op == "" {
		valueErr("ApplyOptimizer", "unknown update rule %d", s.Rule)
	}
	checkUpdateArgs(op, &s, w, g, slots)
	if s.GradScale == 0 {
		s.GradScale = 1
	}
	if be := onDevice(op, false, append([]*Tensor{w, g}, slots...)...); be != nil {
		deviceOptimizer(be, op, s, w, g, slots)
		return nil
	}
	switch wd := w.data.(type) {
	case []float32:
		applyUpdate(&s, wd, gradForUpdate(&s, g.data.([]float32)), hostSlots[float32](slots), updateRows(w))
	case []float64:
		applyUpdate(&s, wd, gradForUpdate(&s, g.data.([]float64)), hostSlots[float64](slots), updateRows(w))
	default:
		typeErr(op, "parameter dtype %s cannot be trained; use float32 or float64", w.dtype)
	}
	// float16 parameters and their slots keep float16 values.
	roundHalfTensor(w)
	for _, slot := range slots {
		roundHalfTensor(slot)
	}
	return nil
}

// gradForUpdate returns the gradient applyUpdate may read: g itself, or
// a copy when weight decay, centralization or a gradient scale rewrite
// it first, because the caller's gradient tensor must not change. Skipping
// the copy saves a pass over every gradient in plain training steps.
func gradForUpdate[T float32 | float64](s *OptimizerStep, g []T) []T {
	if s.Decay > 0 || s.Centralize || s.GradScale != 1 {
		return append([]T(nil), g...)
	}
	return g
}

func checkUpdateArgs(op string, s *OptimizerStep, w, g *Tensor, slots []*Tensor) {
	if w == nil || g == nil {
		valueErr(op, "the parameter and the gradient must not be None")
	}
	if !w.dtype.IsFloat() {
		typeErr(op, "parameter dtype %s cannot be trained; use float32 or float64", w.dtype)
	}
	if want := s.slotCount(); len(slots) != want {
		valueErr(op, "got %d slot tensors, but the rule updates %d", len(slots), want)
	}
	for i, t := range append([]*Tensor{g}, slots...) {
		what := "gradient"
		if i > 0 {
			what = "slot " + strconv.Itoa(i-1)
		}
		if t == nil {
			valueErr(op, "%s is missing", what)
		}
		if t.dtype != w.dtype || !sameShape(t.shape, w.shape) {
			valueErr(op, "%s has dtype %s and shape %s, but the parameter has %s and %s; cast or reshape it first", what, t.dtype, FormatShape(t.shape), w.dtype, FormatShape(w.shape))
		}
	}
}

// updateRows returns the rows that centralization averages over: the
// first axis, or 1 for a scalar.
func updateRows(w *Tensor) int {
	if w.Rank() == 0 || w.shape[0] == 0 {
		return 1
	}
	return w.shape[0]
}

func hostSlots[T float32 | float64](slots []*Tensor) [3][]T {
	var out [3][]T
	for i, s := range slots {
		out[i] = s.data.([]T)
	}
	return out
}

// deviceOptimizer runs the step on be: centralization as device ops,
// then one fused launch.
func deviceOptimizer(be Backend, op string, s OptimizerStep, w, g *Tensor, slots []*Tensor) {
	ob, ok := be.(OptimizerBackend)
	if !ok {
		raise("RuntimeError", op, "the %s optimizer update is not implemented on %s; move the parameters to the CPU first", op, w.dev)
	}
	if s.Centralize {
		g = deviceCentralize(s, w, g)
		s.Decay, s.Centralize, s.GradScale = 0, false, 1
	}
	if w.Numel() == 0 {
		return
	}
	var bufs [3]Buffer
	for i, t := range slots {
		bufs[i] = deviceBuf(t)
	}
	deviceCall(op, ob.ApplyOptimizer(s, w.dtype, deviceBuf(w), deviceBuf(g), bufs))
	deviceChanged(w)
	for _, t := range slots {
		deviceChanged(t)
	}
}

// deviceCentralize returns the preprocessed gradient (g + w·Decay) minus
// its mean over every axis but the first, times GradScale, computed with
// device ops. NOTE: the mean is a float64 sum over the device's
// reduction order divided by the count, so it can differ from the CPU's
// sequential float64 sum in the last bit of a float32 result.
func deviceCentralize(s OptimizerStep, w, g *Tensor) *Tensor {
	d := w.dtype
	g = g.Detach()
	if s.Decay > 0 {
		g = add(mul(w.Detach(), Scalar(d, s.Decay)), g)
	}
	if w.Rank() >= 1 && w.Numel() > 0 {
		axes := make([]int, w.Rank()-1)
		for i := range axes {
			axes[i] = i + 1
		}
		n := float64(w.Numel() / updateRows(w))
		sum := reduce(redSum, cast(g, Float64), axes, true)
		g = sub(g, cast(div(sum, Scalar(Float64, n)), d))
	}
	if s.GradScale != 1 {
		g = mul(g, Scalar(d, s.GradScale))
	}
	return g
}
