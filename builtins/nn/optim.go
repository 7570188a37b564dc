package nn

import (
	"math"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// OptState is the native state of an optimizer: the parameters it
// updates, their per-parameter slots and the step counter.
type OptState struct {
	Kind        string
	Params      []*tensor.Parameter
	LR          starlark.Value // a float, a list per step, a Tensor or a schedule Cell
	WeightDecay float64
	LossScale   float64
	Step        int
	Hyper       map[string]float64
	Slots       map[string][]*engine.Tensor // "moments", "m", "v", ...
	Nesterov    bool
}

// Optimizers are native Cells; calling one with a tuple of gradients
// applies one update, as the 2.x custom-loop style does.
var (
	Optimizer *pyobj.Class
	Momentum  *pyobj.Class
	SGD       *pyobj.Class
	Adam      *pyobj.Class
)

func init() {
	optMethods := []pyobj.Method{
		{Name: "get_lr", Func: optGetLR},
	}
	Optimizer = newCellClass(cellClass{
		name:      "Optimizer",
		doc:       "Optimizer(learning_rate, parameters, weight_decay=0.0, loss_scale=1.0)\n\nThe base class of optimizers.",
		construct: optConstruct,
		methods:   optMethods,
	})
	Momentum = newCellClass(cellClass{
		name: "Momentum",
		base: Optimizer,
		doc: `Momentum(params, learning_rate, momentum, weight_decay=0.0, loss_scale=1.0, use_nesterov=False)

Per step, for each parameter w with gradient g (divided by loss_scale):
g += weight_decay*w (skipped for names containing 'beta' or 'gamma');
v = momentum*v + g; w -= learning_rate*v. v starts at zero, so the first
step is plain SGD. With use_nesterov, w -= learning_rate*(g + momentum*v).
NOTE: MindSpore's CPU kernel ignores use_nesterov; cellscript applies it.`,
		init:      optInit("Momentum"),
		construct: optConstruct,
		methods:   optMethods,
	})
	SGD = newCellClass(cellClass{
		name: "SGD",
		base: Optimizer,
		doc: `SGD(params, learning_rate=0.1, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False, loss_scale=1.0)

v = momentum*v + (1 - dampening)*g (v = g on the first step);
w -= learning_rate*(g + momentum*v if nesterov else v).`,
		init:      optInit("SGD"),
		construct: optConstruct,
		methods:   optMethods,
	})
	Adam = newCellClass(cellClass{
		name: "Adam",
		base: Optimizer,
		doc: `Adam(params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False, use_nesterov=False, weight_decay=0.0, loss_scale=1.0)

m = beta1*m + (1-beta1)*g; v = beta2*v + (1-beta2)*g*g;
w -= lr*sqrt(1-beta2**t)/(1-beta1**t) * m/(sqrt(v)+eps).`,
		init:      optInit("Adam"),
		construct: optConstruct,
		methods:   optMethods,
	})
}

// OptimizerOf returns the state of an optimizer instance.
func OptimizerOf(v starlark.Value) (*OptState, error) {
	inst, st, err := StateOf(v)
	if err == nil && inst.Class().IsSubclass(Optimizer) {
		if o, ok := st.Extra.(*OptState); ok {
			return o, nil
		}
	}
	return nil, core.Errorf("TypeError", "expected an nn optimizer such as nn.Momentum, got %s", v.Type())
}

func paramsArg(call string, v starlark.Value) ([]*tensor.Parameter, error) {
	seq, ok := v.(starlark.Iterable)
	if !ok {
		return nil, core.Errorf("TypeError", "%s: params must be a list of Parameters, such as net.trainable_params(), not %s", call, v.Type())
	}
	var out []*tensor.Parameter
	it := seq.Iterate()
	defer it.Done()
	var x starlark.Value
	for it.Next(&x) {
		p, ok := x.(*tensor.Parameter)
		if !ok {
			return nil, core.Errorf("TypeError", "%s: params must contain Parameters, found %s; pass net.trainable_params()", call, x.Type())
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, core.Errorf("ValueError", "%s: the parameter list is empty", call)
	}
	return out, nil
}

func optInit(kind string) pyobj.MethodFunc {
	return func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var params starlark.Value
		var lr starlark.Value = starlark.Float(0.1)
		st := &OptState{Kind: kind, Hyper: map[string]float64{}, Slots: map[string][]*engine.Tensor{}, LossScale: 1}
		var err error
		switch kind {
		case "Momentum":
			var momentum float64
			err = starlark.UnpackArgs(kind, args, kwargs, "params", &params, "learning_rate", &lr, "momentum", (*core.Float)(&momentum), "weight_decay?", (*core.Float)(&st.WeightDecay), "loss_scale?", (*core.Float)(&st.LossScale), "use_nesterov?", &st.Nesterov)
			if err == nil && momentum < 0 {
				err = core.Errorf("ValueError", "For 'Momentum', the 'momentum' must be at least 0.0, but got %s.", core.FormatFloat(momentum))
			}
			st.Hyper["momentum"] = momentum
		case "SGD":
			momentum, dampening := 0.0, 0.0
			err = starlark.UnpackArgs(kind, args, kwargs, "params", &params, "learning_rate?", &lr, "momentum?", (*core.Float)(&momentum), "dampening?", (*core.Float)(&dampening), "weight_decay?", (*core.Float)(&st.WeightDecay), "nesterov?", &st.Nesterov, "loss_scale?", (*core.Float)(&st.LossScale))
			st.Hyper["momentum"], st.Hyper["dampening"] = momentum, dampening
		case "Adam":
			lr = starlark.Float(1e-3)
			b1, b2, eps := 0.9, 0.999, 1e-8
			err = starlark.UnpackArgs(kind, args, kwargs, "params", &params, "learning_rate?", &lr, "beta1?", (*core.Float)(&b1), "beta2?", (*core.Float)(&b2), "eps?", (*core.Float)(&eps), "use_locking?", new(bool), "use_nesterov?", &st.Nesterov, "weight_decay?", (*core.Float)(&st.WeightDecay), "loss_scale?", (*core.Float)(&st.LossScale))
			st.Hyper["beta1"], st.Hyper["beta2"], st.Hyper["eps"] = b1, b2, eps
		}
		if err != nil {
			return nil, err
		}
		if st.LossScale <= 0 {
			return nil, core.Errorf("ValueError", "For '%s', the 'loss_scale' must be greater than 0, but got %s.", kind, core.FormatFloat(st.LossScale))
		}
		if st.WeightDecay < 0 {
			return nil, core.Errorf("ValueError", "For '%s', the 'weight_decay' must be at least 0.0, but got %s.", kind, core.FormatFloat(st.WeightDecay))
		}
		if st.Params, err = paramsArg(kind, params); err != nil {
			return nil, err
		}
		if _, err := lrAt(thread, lr, 0); err != nil {
			return nil, err
		}
		st.LR = lr
		ensureState(self).Extra = st
		tup := make(starlark.Tuple, len(st.Params))
		for i, p := range st.Params {
			tup[i] = p
		}
		if err := self.DictSet("parameters", tup); err != nil {
			return nil, err
		}
		return starlark.None, self.DictSet("learning_rate", lr)
	}
}

// lrAt returns the learning rate for a step: a number, an entry of a
// per-step list (the last entry after the end), a Tensor, or the value
// of a schedule Cell called with the step.
func lrAt(thread *starlark.Thread, lr starlark.Value, step int) (float64, error) {
	switch x := lr.(type) {
	case starlark.Float, starlark.Int:
		f, _ := starlark.AsFloat(x)
		return f, nil
	case *starlark.List, starlark.Tuple:
		seq := x.(starlark.Indexable)
		if seq.Len() == 0 {
			return 0, core.Errorf("ValueError", "learning_rate list is empty")
		}
		f, ok := starlark.AsFloat(seq.Index(min(step, seq.Len()-1)))
		if !ok {
			return 0, core.Errorf("TypeError", "learning_rate list entries must be numbers")
		}
		return f, nil
	}
	if t, _, ok := tensor.Of(lr); ok {
		if t.Numel() == 0 {
			return 0, core.Errorf("ValueError", "learning_rate tensor is empty")
		}
		return t.Float(min(step, t.Numel()-1)), nil
	}
	if IsCell(lr) {
		step, _ := engine.Scalar(engine.Int32, float64(step)), 0
		v, err := starlark.Call(thread, lr, starlark.Tuple{tensor.New(step)}, nil)
		if err != nil {
			return 0, err
		}
		if t, _, ok := tensor.Of(v); ok && t.Numel() == 1 {
			return t.Float(0), nil
		}
		if f, ok := starlark.AsFloat(v); ok {
			return f, nil
		}
		return 0, core.Errorf("TypeError", "the learning-rate schedule returned %s, not a number", v.Type())
	}
	return 0, core.Errorf("TypeError", "learning_rate must be a float, a list, a Tensor or a LearningRateSchedule, not %s", lr.Type())
}

func optGetLR(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	st, err := OptimizerOf(self)
	if err != nil {
		return nil, err
	}
	lr, err := lrAt(thread, st.LR, st.Step)
	if err != nil {
		return nil, err
	}
	return tensor.New(engine.Scalar(engine.Float32, lr)), nil
}

func optConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	st, err := OptimizerOf(self)
	if err != nil {
		return nil, err
	}
	var gv starlark.Value
	if err := starlark.UnpackArgs(st.Kind, args, kwargs, "gradients", &gv); err != nil {
		return nil, err
	}
	seq, ok := gv.(starlark.Indexable)
	if !ok {
		return nil, core.Errorf("TypeError", "%s: gradients must be a tuple of Tensors, not %s", st.Kind, gv.Type())
	}
	grads := make([]*engine.Tensor, seq.Len())
	for i := range grads {
		g, _, ok := tensor.Of(seq.Index(i))
		if !ok {
			return nil, core.Errorf("TypeError", "%s: gradient %d is %s, not a Tensor", st.Kind, i, seq.Index(i).Type())
		}
		grads[i] = g
	}
	return starlark.True, st.Apply(thread, grads)
}

func decays(name string) bool {
	return !strings.Contains(name, "beta") && !strings.Contains(name, "gamma")
}

// Apply performs one update of every parameter with its gradient. The
// arithmetic runs per element in float32 for float32 parameters, each
// operation rounded, as MindSpore's CPU kernels and torch.optim do.
func (st *OptState) Apply(thread *starlark.Thread, grads []*engine.Tensor) error {
	if len(grads) != len(st.Params) {
		return core.Errorf("ValueError", "%s: got %d gradients for %d parameters", st.Kind, len(grads), len(st.Params))
	}
	lr, err := lrAt(thread, st.LR, st.Step)
	if err != nil {
		return err
	}
	st.Step++
	for i, p := range st.Params {
		w := p.T
		g, err := engine.Cast(grads[i], w.DType())
		if err != nil {
			return err
		}
		if engine.FormatShape(g.Shape()) != engine.FormatShape(w.Shape()) {
			return core.Errorf("ValueError", "%s: gradient %d has shape %s but parameter %s has %s", st.Kind, i, engine.FormatShape(g.Shape()), p.Name, engine.FormatShape(w.Shape()))
		}
		wd := 0.0
		if decays(p.Name) {
			wd = st.WeightDecay
		}
		switch ws := w.Data().(type) {
		case []float32:
			st.update32(i, ws, g.F32(), float32(lr), float32(wd))
		case []float64:
			st.update64(i, ws, g.F64(), lr, wd)
		default:
			return core.Errorf("TypeError", "%s: parameter %s has dtype %s; only float parameters can be trained", st.Kind, p.Name, w.DType())
		}
	}
	return nil
}

func (st *OptState) slot(name string, i int, d engine.DType, shape []int) *engine.Tensor {
	s := st.Slots[name]
	if s == nil {
		s = make([]*engine.Tensor, len(st.Params))
		st.Slots[name] = s
	}
	if s[i] == nil {
		s[i], _ = engine.Zeros(d, shape...)
	}
	return s[i]
}

func (st *OptState) update32(i int, w, g []float32, lr, wd float32) {
	shape := st.Params[i].T.Shape()
	scale := float32(st.LossScale)
	grad := make([]float32, len(g))
	for k := range g {
		gk := g[k]
		if scale != 1 {
			gk = float32(gk / scale)
		}
		if wd != 0 {
			gk = float32(gk + float32(wd*w[k]))
		}
		grad[k] = gk
	}
	switch st.Kind {
	case "Momentum":
		m := float32(st.Hyper["momentum"])
		v := st.slot("moments", i, engine.Float32, shape).F32()
		for k := range w {
			v[k] = float32(float32(v[k]*m) + grad[k])
			if st.Nesterov {
				w[k] = float32(w[k] - float32(float32(grad[k]*lr)+float32(float32(v[k]*m)*lr)))
			} else {
				w[k] = float32(w[k] - float32(lr*v[k]))
			}
		}
	case "SGD":
		m, damp := float32(st.Hyper["momentum"]), float32(st.Hyper["dampening"])
		v := st.slot("accum", i, engine.Float32, shape).F32()
		first := st.Step == 1
		for k := range w {
			if m != 0 {
				if first {
					v[k] = grad[k]
				} else {
					v[k] = float32(float32(v[k]*m) + float32((1-damp)*grad[k]))
				}
				if st.Nesterov {
					w[k] = float32(w[k] - float32(lr*float32(grad[k]+float32(m*v[k]))))
				} else {
					w[k] = float32(w[k] - float32(lr*v[k]))
				}
			} else {
				w[k] = float32(w[k] - float32(lr*grad[k]))
			}
		}
	case "Adam":
		b1, b2, eps := st.Hyper["beta1"], st.Hyper["beta2"], st.Hyper["eps"]
		t := float64(st.Step)
		lrT := float32(float64(lr) * math.Sqrt(1-math.Pow(b2, t)) / (1 - math.Pow(b1, t)))
		m := st.slot("m", i, engine.Float32, shape).F32()
		v := st.slot("v", i, engine.Float32, shape).F32()
		fb1, fb2, feps := float32(b1), float32(b2), float32(eps)
		for k := range w {
			m[k] = float32(float32(fb1*m[k]) + float32((1-fb1)*grad[k]))
			v[k] = float32(float32(fb2*v[k]) + float32(float32((1-fb2)*grad[k])*grad[k]))
			den := float32(float32(math.Sqrt(float64(v[k]))) + feps)
			if st.Nesterov {
				num := float32(float32(fb1*m[k]) + float32((1-fb1)*grad[k]))
				w[k] = float32(w[k] - float32(lrT*num)/den)
			} else {
				w[k] = float32(w[k] - float32(lrT*m[k])/den)
			}
		}
	}
}

// update64 is update32 for float64 parameters.
func (st *OptState) update64(i int, w, g []float64, lr, wd float64) {
	g32 := make([]float32, len(g))
	w32 := make([]float32, len(w))
	for k := range g {
		g32[k], w32[k] = float32(g[k]), float32(w[k])
	}
	// NOTE: float64 parameters are updated through the float32 path,
	// which rounds them to float32 precision each step.
	st.update32(i, w32, g32, float32(lr), float32(wd))
	for k := range w {
		w[k] = float64(w32[k])
	}
}
