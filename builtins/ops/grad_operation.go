package ops

import (
	"fmt"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/nn"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

// GradOperationClass is ops.GradOperation: calling it with
// (get_all=False, get_by_list=False, sens_param=False) returns a
// GradOperation.
type GradOperationClass struct{}

// GradOperation is an instantiated ops.GradOperation: calling it with
// (fn, weights=None) returns the gradient function of fn.
type GradOperation struct {
	GetAll, GetByList, SensParam bool
}

// gradFunction is GradOperation(...)(fn, weights): calling it with
// fn's inputs (and the sensitivity last under sens_param) returns the
// gradients.
type gradFunction struct {
	op      *GradOperation
	fn      starlark.Value
	weights []*tensor.Parameter
	single  bool // weights was one Parameter
}

func init() {
	nn.NewTrainGrad = func() starlark.Value { return &GradOperation{GetByList: true, SensParam: true} }
}

var (
	_ starlark.Callable = (*GradOperationClass)(nil)
	_ starlark.Callable = (*GradOperation)(nil)
	_ starlark.HasAttrs = (*GradOperation)(nil)
	_ starlark.Callable = (*gradFunction)(nil)
)

const gradOperationDoc = `GradOperation(get_all=False, get_by_list=False, sens_param=False)

GradOperation(...)(fn, weights=None) returns a function that, called
with fn's inputs, returns gradients of fn's output: by default the
gradient with respect to the first input; with get_all a tuple for every
input; with get_by_list a tuple for the Parameters in weights (a single
Tensor when weights is one Parameter); with both, (inputs, weights).
With sens_param the last argument is the sensitivity (the gradient with
respect to the output) instead of ones. A tuple output is differentiated
as the sum of its elements.`

func (*GradOperationClass) String() string        { return "<class 'mindspore.ops.GradOperation'>" }
func (*GradOperationClass) Type() string          { return "type" }
func (*GradOperationClass) Name() string          { return "GradOperation" }
func (*GradOperationClass) Freeze()               {}
func (*GradOperationClass) Truth() starlark.Bool  { return true }
func (*GradOperationClass) Hash() (uint32, error) { return starlark.String("GradOperation").Hash() }

// Doc returns the class documentation, for help().
func (*GradOperationClass) Doc() string { return gradOperationDoc }

// CallInternal builds a GradOperation from its flags.
func (*GradOperationClass) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	op := &GradOperation{}
	if err := starlark.UnpackArgs("GradOperation", args, kwargs, "get_all?", &op.GetAll, "get_by_list?", &op.GetByList, "sens_param?", &op.SensParam); err != nil {
		return nil, err
	}
	return op, nil
}

func (g *GradOperation) String() string {
	return fmt.Sprintf("GradOperation(get_all=%s, get_by_list=%s, sens_param=%s)", starlark.Bool(g.GetAll), starlark.Bool(g.GetByList), starlark.Bool(g.SensParam))
}
func (g *GradOperation) Type() string          { return "GradOperation" }
func (g *GradOperation) Name() string          { return "GradOperation" }
func (g *GradOperation) Freeze()               {}
func (g *GradOperation) Truth() starlark.Bool  { return true }
func (g *GradOperation) Hash() (uint32, error) { return starlark.String(g.String()).Hash() }

// Attr returns the flags get_all, get_by_list and sens_param.
func (g *GradOperation) Attr(name string) (starlark.Value, error) {
	switch name {
	case "get_all":
		return starlark.Bool(g.GetAll), nil
	case "get_by_list":
		return starlark.Bool(g.GetByList), nil
	case "sens_param":
		return starlark.Bool(g.SensParam), nil
	}
	return nil, nil
}

// AttrNames lists the flags.
func (g *GradOperation) AttrNames() []string { return []string{"get_all", "get_by_list", "sens_param"} }

// CallInternal binds the function to differentiate and its weights.
func (g *GradOperation) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Value
	var weights starlark.Value = starlark.None
	if err := starlark.UnpackArgs("GradOperation", args, kwargs, "fn", &fn, "weights?", &weights); err != nil {
		return nil, err
	}
	if _, ok := fn.(starlark.Callable); !ok {
		return nil, core.Errorf("TypeError", "For 'GradOperation', the first argument must be a function or a Cell, but got %s", fn.Type())
	}
	gf := &gradFunction{op: g, fn: fn}
	if g.GetByList {
		if weights == starlark.None {
			return nil, core.Errorf("TypeError", "For 'GradOperation', get_by_list=True needs weights, such as ParameterTuple(net.trainable_params())")
		}
		var err error
		if gf.weights, gf.single, err = ParamsArg("GradOperation", weights); err != nil {
			return nil, err
		}
	}
	return gf, nil
}

func (f *gradFunction) String() string       { return "<GradOperation function>" }
func (f *gradFunction) Type() string         { return "function" }
func (f *gradFunction) Name() string         { return "grad" }
func (f *gradFunction) Freeze()              {}
func (f *gradFunction) Truth() starlark.Bool { return true }
func (f *gradFunction) Hash() (uint32, error) {
	return 0, core.Errorf("TypeError", "unhashable type: 'function'")
}

// CallInternal computes the gradients for one set of inputs.
func (f *gradFunction) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var req GradRequest
	if f.op.SensParam {
		if len(args) == 0 {
			return nil, core.Errorf("TypeError", "GradOperation with sens_param=True needs the sensitivity as the last argument")
		}
		req.Sens, args = args[len(args)-1], args[:len(args)-1]
	}
	switch {
	case f.op.GetAll:
		for i := range args {
			req.Positions = append(req.Positions, i)
		}
	case !f.op.GetByList:
		if len(args) == 0 {
			return nil, core.Errorf("TypeError", "GradOperation: the function has no inputs to differentiate; pass get_by_list=True with weights")
		}
		req.Positions = []int{0}
	}
	req.Weights = f.weights
	res, err := Differentiate(thread, "GradOperation", f.fn, args, kwargs, req)
	if err != nil {
		return nil, err
	}
	var weights starlark.Value = TensorTuple(res.WeightGrads)
	if f.single {
		weights = tensor.New(res.WeightGrads[0])
	}
	switch {
	case f.op.GetAll && f.op.GetByList:
		return starlark.Tuple{TensorTuple(res.InputGrads), weights}, nil
	case f.op.GetByList:
		return weights, nil
	case f.op.GetAll:
		return TensorTuple(res.InputGrads), nil
	}
	return tensor.New(res.InputGrads[0]), nil
}
