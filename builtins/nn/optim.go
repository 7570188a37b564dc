package nn

import (
	"strings"
	"sync"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// OptState is the native state of an optimizer: the parameters it
// updates, each one's learning rate and weight decay, the per-parameter
// slots (moments) and the step counter.
type OptState struct {
	// Kind is the class name, such as "Momentum", or the script class
	// name of a custom optimizer.
	Kind   string
	Params []*tensor.Parameter
	// LR is the optimizer-wide learning rate, which groups may override.
	LR          *learningRate
	WeightDecay float64
	LossScale   float64
	// Step counts the updates applied so far, so the next update uses the
	// learning rate of step Step (0-based).
	Step int
	// Hyper holds the float hyperparameters by argument name, such as
	// "momentum" or "beta1".
	Hyper map[string]float64
	// Flags holds the bool options by argument name, such as
	// "use_nesterov" or "centered".
	Flags map[string]bool
	// Slots holds the per-parameter state tensors, in the parameter's
	// dtype, by name ("moments", "moment1", ...).
	Slots map[string][]*engine.Tensor

	lrs     []*learningRate // per parameter
	wds     []float64       // per parameter, already times LossScale
	decay   []bool          // per parameter: apply weight decay
	gc      []bool          // per parameter: grad centralization
	grouped bool
	groupLR bool
	inst    *pyobj.Instance
	powers  map[string]float64 // Adam's beta1_power and beta2_power
}

// Optimizer is the native nn.Optimizer base class. The built-in
// optimizers subclass it, and script classes may too. Like Cell it is
// built on first use.
var Optimizer *pyobj.Class

var optimizerOnce sync.Once

func init() { baseOptimizer() }

func baseOptimizer() *pyobj.Class {
	optimizerOnce.Do(func() { Optimizer = newOptimizerBase() })
	return Optimizer
}

func newOptimizerBase() *pyobj.Class {
	return newCellClass(cellClass{
		name: "Optimizer",
		doc: `Optimizer(learning_rate, parameters, weight_decay=0.0, loss_scale=1.0)

The base class of optimizers. parameters is a list of Parameters or of
group dicts with 'params' and optionally 'lr', 'weight_decay' and
'grad_centralization', plus at most one {'order_params': [...]} that
fixes the update order. learning_rate is a number, a list or 1-D Tensor
of rates per step, or a LearningRateSchedule. Without groups the weight
decay skips parameters whose names contain 'beta' or 'gamma'; with
groups it applies to every parameter of a group whose weight_decay is
above 0. Calling an optimizer with a tuple of gradients applies one
update.`,
		init:      optBaseInit,
		construct: optConstruct,
		methods:   optMethods(),
		autoOff:   true,
	})
}

func optMethods() []pyobj.Method {
	return []pyobj.Method{
		{Name: "get_lr", Func: optGetLR},
		{Name: "get_lr_parameter", Func: optGetLRParameter},
		{Name: "decay_weight", Func: optDecayWeight},
		{Name: "scale_grad", Func: optScaleGrad},
		{Name: "gradients_centralization", Func: optCentralize},
	}
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

func optBaseInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lr, params starlark.Value
	wd, lossScale := 0.0, 1.0
	if err := starlark.UnpackArgs("Optimizer", args, kwargs, "learning_rate", &lr, "parameters", &params, "weight_decay?", (*core.Float)(&wd), "loss_scale?", (*core.Float)(&lossScale)); err != nil {
		return nil, err
	}
	_, err := newOptState(self, self.Class().Name(), params, lr, wd, lossScale)
	return starlark.None, err
}

// newOptState checks the arguments shared by every optimizer, parses
// the parameter groups, stores the state on self and sets the
// parameters, learning_rate, weight_decay and loss_scale attributes.
func newOptState(self *pyobj.Instance, kind string, params, lr starlark.Value, wd, lossScale float64) (*OptState, error) {
	if !(lossScale > 0) {
		return nil, core.Errorf("ValueError", "For '%s', the 'loss_scale' must be greater than 0, but got %s", kind, core.FormatFloat(lossScale))
	}
	if wd < 0 {
		return nil, core.Errorf("ValueError", "For '%s', the 'weight_decay' must be at least 0.0, but got %s", kind, core.FormatFloat(wd))
	}
	baseLR, err := parseLR(kind, lr)
	if err != nil {
		return nil, err
	}
	st := &OptState{
		Kind: kind, LR: baseLR, WeightDecay: wd, LossScale: lossScale,
		Hyper: map[string]float64{}, Flags: map[string]bool{}, Slots: map[string][]*engine.Tensor{},
		inst: self, powers: map[string]float64{},
	}
	if err := st.parseParams(params); err != nil {
		return nil, err
	}
	ensureState(self).Extra = st
	return st, st.setAttrs(self)
}

func (st *OptState) setAttrs(self *pyobj.Instance) error {
	tup := make(starlark.Tuple, len(st.Params))
	for i, p := range st.Params {
		tup[i] = p
	}
	var wd starlark.Value = starlark.Float(st.WeightDecay * st.LossScale)
	if st.grouped {
		wds := make(starlark.Tuple, len(st.wds))
		for i, w := range st.wds {
			wds[i] = starlark.Float(w)
		}
		wd = wds
	}
	return setAttrs(self, []pyobj.NamedValue{
		{Name: "parameters", Value: tup},
		{Name: "learning_rate", Value: st.LR.arg},
		{Name: "weight_decay", Value: wd},
		{Name: "loss_scale", Value: starlark.Float(st.LossScale)},
		{Name: "dynamic_lr", Value: starlark.Bool(st.dynamicLR())},
		{Name: "is_group", Value: starlark.Bool(st.grouped)},
		{Name: "is_group_lr", Value: starlark.Bool(st.groupLR)},
		{Name: "global_step", Value: newGlobalStep()},
	})
}

// newGlobalStep returns r1.6's global_step: an int32 Parameter of shape
// (1,) holding 0.
func newGlobalStep() *tensor.Parameter {
	zero, _ := engine.FromInt32([]int32{0}, 1)
	return tensor.NewParameter(zero, "global_step", true)
}

func (st *OptState) dynamicLR() bool {
	for _, l := range st.lrs {
		if l.dynamic() {
			return true
		}
	}
	return st.LR.dynamic()
}

// parseParams reads a list of Parameters or of group dicts.
func (st *OptState) parseParams(v starlark.Value) error {
	if v == starlark.None {
		return core.Errorf("ValueError", "For '%s', the parameters can not be None", st.Kind)
	}
	items, err := iterList(v)
	if err != nil {
		return core.Errorf("TypeError", "For '%s', the parameters must be a list of Parameters or of dicts, but got %s", st.Kind, v.Type())
	}
	if len(items) == 0 {
		return core.Errorf("ValueError", "For '%s', the parameters list is empty", st.Kind)
	}
	if _, isDict := items[0].(*starlark.Dict); isDict {
		return st.parseGroups(items)
	}
	for _, it := range items {
		p, ok := it.(*tensor.Parameter)
		if !ok {
			return core.Errorf("TypeError", "For '%s', all elements of the parameters must be Parameter or dict, but got %s", st.Kind, it.Type())
		}
		st.addParam(p, st.LR, st.WeightDecay*st.LossScale, decays(p.Name), false)
	}
	return nil
}

func (st *OptState) addParam(p *tensor.Parameter, lr *learningRate, wd float64, decay, gc bool) {
	st.Params = append(st.Params, p)
	st.lrs = append(st.lrs, lr)
	st.wds = append(st.wds, wd)
	st.decay = append(st.decay, decay)
	st.gc = append(st.gc, gc)
}

// iterList collects the elements of a list, tuple or other iterable.
func iterList(v starlark.Value) ([]starlark.Value, error) {
	it, ok := v.(starlark.Iterable)
	if !ok {
		return nil, core.Errorf("TypeError", "%s is not iterable", v.Type())
	}
	iter := it.Iterate()
	defer iter.Done()
	var out []starlark.Value
	var x starlark.Value
	for iter.Next(&x) {
		out = append(out, x)
	}
	return out, nil
}

// decays reports whether weight decay applies to an ungrouped parameter:
// MindSpore skips names containing "beta" or "gamma" (normalization
// shifts and scales).
func decays(name string) bool {
	return !strings.Contains(name, "beta") && !strings.Contains(name, "gamma")
}
