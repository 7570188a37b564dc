package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// gradsArg converts the gradients argument of an optimizer call.
func gradsArg(kind string, gv starlark.Value) ([]*engine.Tensor, error) {
	seq, ok := gv.(starlark.Indexable)
	if !ok {
		return nil, core.Errorf("TypeError", "%s: gradients must be a tuple of Tensors, not %s", kind, gv.Type())
	}
	grads := make([]*engine.Tensor, seq.Len())
	for i := range grads {
		g, _, ok := tensor.Of(seq.Index(i))
		if !ok {
			return nil, core.Errorf("TypeError", "%s: gradient %d is %s, not a Tensor", kind, i, seq.Index(i).Type())
		}
		grads[i] = g
	}
	return grads, nil
}

func tensorTuple(ts []*engine.Tensor) starlark.Tuple {
	tup := make(starlark.Tuple, len(ts))
	for i, t := range ts {
		tup[i] = tensor.New(t)
	}
	return tup
}

// optConstruct is the construct of the built-in optimizers: one update
// by the class's rule. It returns True.
func optConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	st, err := OptimizerOf(self)
	if err != nil {
		return nil, err
	}
	var gv starlark.Value
	if err := starlark.UnpackArgs(st.Kind, args, kwargs, "gradients", &gv); err != nil {
		return nil, err
	}
	grads, err := gradsArg(st.Kind, gv)
	if err != nil {
		return nil, err
	}
	return starlark.True, st.applyRule(thread, grads)
}

// Apply performs one update of every parameter with its gradient. A
// script subclass that overrides construct is called as a Cell with the
// gradients tuple, and the built-in optimizers apply their rule directly.
func (st *OptState) Apply(thread *starlark.Thread, grads []*engine.Tensor) error {
	if st.inst != nil {
		if _, owner := st.inst.Class().Lookup("construct"); owner != nil && !owner.IsNative() {
			_, err := starlark.Call(thread, st.inst, starlark.Tuple{tensorTuple(grads)}, nil)
			return err
		}
	}
	return st.applyRule(thread, grads)
}

// applyRule runs the class's update rule. The arithmetic runs per
// element in the parameter's dtype, each operation rounded, as
// MindSpore's CPU kernels do in float32.
func (st *OptState) applyRule(thread *starlark.Thread, grads []*engine.Tensor) error {
	if !rules[st.Kind] {
		return core.Errorf("NotImplementedError", "%s does not define construct(self, gradients); a custom optimizer must implement it", st.Kind)
	}
	if len(grads) != len(st.Params) {
		return core.Errorf("ValueError", "%s: got %d gradients for %d parameters", st.Kind, len(grads), len(st.Params))
	}
	lrs, err := st.currentLRs(thread)
	if err != nil {
		return err
	}
	st.Step++
	st.advancePowers()
	for i, p := range st.Params {
		if err := st.updateParam(i, p, grads[i], lrs[i]); err != nil {
			return err
		}
	}
	st.setGlobalStep()
	return nil
}

func (st *OptState) updateParam(i int, p *tensor.Parameter, grad *engine.Tensor, lr float64) error {
	w := p.T
	if engine.FormatShape(grad.Shape()) != engine.FormatShape(w.Shape()) {
		return core.Errorf("ValueError", "%s: gradient %d has shape %s but parameter %s has %s", st.Kind, i, engine.FormatShape(grad.Shape()), p.Name, engine.FormatShape(w.Shape()))
	}
	if !w.DType().IsFloat() {
		return core.Errorf("TypeError", "%s: parameter %s has dtype %s; only float32 and float64 parameters can be trained", st.Kind, p.Name, w.DType())
	}
	g, err := engine.Cast(grad.Detach(), w.DType())
	if err == nil && g.Device() != w.Device() {
		g, err = engine.ToDevice(g, w.Device())
	}
	if err != nil {
		return core.EngineError(st.Kind, err)
	}
	slots, err := st.slotTensors(i)
	if err != nil {
		return core.EngineError(st.Kind, err)
	}
	if err := engine.ApplyOptimizer(st.stepOf(i, lr), w, g, slots...); err != nil {
		return core.EngineError(st.Kind, err)
	}
	return nil
}

// currentLRs returns each parameter's learning rate for this step,
// calling each distinct schedule once.
func (st *OptState) currentLRs(thread *starlark.Thread) ([]float64, error) {
	cache := map[*learningRate]float64{}
	out := make([]float64, len(st.lrs))
	for i, l := range st.lrs {
		v, ok := cache[l]
		if !ok {
			var err error
			if v, err = l.at(thread, st.Step); err != nil {
				return nil, err
			}
			cache[l] = v
		}
		out[i] = v
	}
	return out, nil
}

// setGlobalStep writes the step count into the optimizer's global_step
// Parameter in place, as MindSpore's AssignAdd does.
func (st *OptState) setGlobalStep() {
	if st.inst == nil {
		return
	}
	v, _ := st.inst.DictGet("global_step")
	if p, ok := v.(*tensor.Parameter); ok && p.T.Numel() == 1 && p.T.DType() == engine.Int32 {
		p.T.I32()[0] = int32(st.Step)
		return
	}
	step, _ := engine.FromInt32([]int32{int32(st.Step)}, 1)
	_ = st.inst.DictSet("global_step", tensor.NewParameter(step, "global_step", true))
}

// optGetLR returns the learning rate of the next update as a float32
// scalar Tensor, or a tuple of one per parameter when groups set their
// own. NOTE: MindSpore r1.6's get_lr probably also adds 1 to
// global_step when the rate is dynamic, so that calling it besides the
// optimizer moves the schedule on. This one has no side effect.
func optGetLR(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	st, err := OptimizerOf(self)
	if err != nil {
		return nil, err
	}
	if err := starlark.UnpackArgs("get_lr", args, kwargs); err != nil {
		return nil, err
	}
	lrs, err := st.currentLRs(thread)
	if err != nil {
		return nil, err
	}
	var out starlark.Value
	if !st.groupLR {
		lr, err := st.LR.at(thread, st.Step)
		if err != nil {
			return nil, err
		}
		out = tensor.New(engine.Scalar(engine.Float32, lr))
	} else {
		tup := make(starlark.Tuple, len(lrs))
		for i, lr := range lrs {
			tup[i] = tensor.New(engine.Scalar(engine.Float32, lr))
		}
		out = tup
	}
	return out, nil
}

// optGetLRParameter is get_lr_parameter(param): the learning rate of a
// Parameter, or a list of them for a list argument.
func optGetLRParameter(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	st, err := OptimizerOf(self)
	if err != nil {
		return nil, err
	}
	var pv starlark.Value
	if err := starlark.UnpackArgs("get_lr_parameter", args, kwargs, "param", &pv); err != nil {
		return nil, err
	}
	one := func(v starlark.Value) (starlark.Value, error) {
		p, ok := v.(*tensor.Parameter)
		if !ok {
			return nil, core.Errorf("TypeError", "For 'get_lr_parameter', the 'param' must be a Parameter or a list of Parameters, but got %s", v.Type())
		}
		for i, q := range st.Params {
			if q == p {
				return st.lrs[i].parameter("learning_rate"), nil
			}
		}
		return nil, core.Errorf("ValueError", "For 'get_lr_parameter', the parameter %s is not in the optimizer", p.Name)
	}
	list, ok := pv.(*starlark.List)
	if !ok {
		return one(pv)
	}
	out := make([]starlark.Value, list.Len())
	for i := range out {
		if out[i], err = one(list.Index(i)); err != nil {
			return nil, err
		}
	}
	return starlark.NewList(out), nil
}

// gradsMethod unpacks the gradients argument of decay_weight,
// scale_grad and gradients_centralization.
func gradsMethod(name string, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (*OptState, []*engine.Tensor, error) {
	st, err := OptimizerOf(self)
	if err != nil {
		return nil, nil, err
	}
	var gv starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "gradients", &gv); err != nil {
		return nil, nil, err
	}
	grads, err := gradsArg(name, gv)
	if err != nil {
		return nil, nil, err
	}
	if len(grads) != len(st.Params) {
		return nil, nil, core.Errorf("ValueError", "%s: got %d gradients for %d parameters", name, len(grads), len(st.Params))
	}
	return st, grads, nil
}

// optDecayWeight is decay_weight(gradients): each gradient plus its
// parameter times the weight decay, where decay applies.
func optDecayWeight(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	st, grads, err := gradsMethod("decay_weight", self, args, kwargs)
	if err != nil {
		return nil, err
	}
	out := make([]*engine.Tensor, len(grads))
	for i, g := range grads {
		out[i] = g
		if st.decay[i] && st.wds[i] > 0 {
			w := st.Params[i].T.Detach()
			scaled, err := engine.Mul(w, engine.Scalar(w.DType(), st.wds[i]))
			if err == nil {
				out[i], err = engine.Add(scaled, g)
			}
			if err != nil {
				return nil, core.EngineError("decay_weight", err)
			}
		}
	}
	return tensorTuple(out), nil
}

// optScaleGrad is scale_grad(gradients): each gradient divided by the
// loss scale.
func optScaleGrad(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	st, grads, err := gradsMethod("scale_grad", self, args, kwargs)
	if err != nil {
		return nil, err
	}
	out := make([]*engine.Tensor, len(grads))
	for i, g := range grads {
		out[i] = g
		if st.LossScale != 1 {
			if out[i], err = engine.Mul(g, engine.Scalar(g.DType(), 1/st.LossScale)); err != nil {
				return nil, core.EngineError("scale_grad", err)
			}
		}
	}
	return tensorTuple(out), nil
}

// optCentralize is gradients_centralization(gradients).
func optCentralize(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	st, grads, err := gradsMethod("gradients_centralization", self, args, kwargs)
	if err != nil {
		return nil, err
	}
	out := make([]*engine.Tensor, len(grads))
	for i, g := range grads {
		out[i] = g
		if st.gc[i] && centralizes(g.Shape()) {
			axes := make([]int, g.Rank()-1)
			for k := range axes {
				axes[k] = k + 1
			}
			mean, err := engine.Mean(g, axes, true)
			if err == nil {
				out[i], err = engine.Sub(g, mean)
			}
			if err != nil {
				return nil, core.EngineError("gradients_centralization", err)
			}
		}
	}
	return tensorTuple(out), nil
}

// centralizes reports whether grad centralization changes a gradient of
// this shape: MindSpore applies it to gradients of rank 2 or more whose
// second dimension is a multiple of 16.
func centralizes(shape []int) bool {
	return len(shape) >= 2 && shape[1]%16 == 0
}
