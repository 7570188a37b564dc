package cuda

import (
	"fmt"

	"github.com/cellscript/cellscript/engine"
)

var (
	_ engine.OptimizerBackend = (*Backend)(nil)
	_ engine.DivModBackend    = (*Backend)(nil)
)

// ApplyOptimizer updates w and its slots from g by the step's rule in
// one launch of the optim kernel.
func (b *Backend) ApplyOptimizer(s engine.OptimizerStep, d engine.DType, w, g engine.Buffer, slots [3]engine.Buffer) error {
	if d != engine.Float32 && d != engine.Float64 {
		return errUnsupported("optimizer update", d)
	}
	if s.Centralize {
		return fmt.Errorf("cuda: ApplyOptimizer: centralize the gradient before the fused update")
	}
	wb, gb, err := b.pair(w, g)
	if err != nil {
		return err
	}
	var ptrs [3]devPtr
	for i, s := range slots {
		if s == nil {
			continue
		}
		_, sb, err := b.pair(w, s)
		if err != nil {
			return err
		}
		ptrs[i] = sb.ptr
	}

	h := optimHyper(s)
	var flags int32
	for bit, on := range map[int32]bool{optNesterov: s.Nesterov, optCentered: s.Centered, optUpdateSlots: s.UpdateSlots, optDecayUpdate: s.DecayUpdate} {
		if on {
			flags |= bit
		}
	}
	scale := s.GradScale
	if scale == 0 {
		scale = 1
	}

	t := ctypeOf(d)
	n := int64(wb.n)
	vals := []any{int32(s.Rule), flags, wb.ptr, gb.ptr, ptrs[0], ptrs[1], ptrs[2]}
	for _, v := range []float64{s.LR, s.Decay, scale, h[0], h[1], h[2], h[3]} {
		vals = append(vals, elemOf(d, v))
	}
	return b.launch(kernelFor("optim", t), n, append(vals, n)...)
}

// optimHyper returns the kernel's h0..h3 for the step's rule.
func optimHyper(s engine.OptimizerStep) [4]float64 {
	switch s.Rule {
	case engine.UpdateMomentum:
		return [4]float64{s.Momentum}
	case engine.UpdateSGD:
		return [4]float64{s.WeightDecay, s.Momentum, s.Dampening}
	case engine.UpdateAdam:
		return [4]float64{s.Beta1, s.Beta2, s.Eps}
	case engine.UpdateAdamWeightDecay:
		return [4]float64{s.Beta1, s.Beta2, s.Eps, s.WeightDecay}
	case engine.UpdateRMSProp:
		return [4]float64{s.RhoDecay, s.Momentum, s.Epsilon}
	case engine.UpdateAdagrad:
		return [4]float64{engine.AdagradEpsilon}
	}
	return [4]float64{}
}

// elemOf returns v rounded to the float dtype d.
func elemOf(d engine.DType, v float64) any {
	if d == engine.Float32 {
		return float32(v)
	}
	return v
}

// DivMod writes the floor quotient, or with wantMod the remainder, of
// x and y with broadcasting.
func (b *Backend) DivMod(wantMod bool, d engine.DType, dst engine.Buffer, x, y engine.Operand, shape []int) error {
	if d == engine.Bool {
		return errUnsupported("FloorDiv and Mod", d)
	}
	out, ptrs, dm, err := b.elementwise(dst, shape, x, y)
	if err != nil {
		return err
	}
	var mode int32
	if wantMod {
		mode = 1
	}
	n := int64(out.n)
	return b.launch(kernelFor("divmod", ctypeOf(d)), n, mode, out.ptr, ptrs[0], ptrs[1], scalarOf(d, x), scalarOf(d, y), dm, n)
}
