package nn

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/initializer"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Dense is the native nn.Dense class.
var Dense *pyobj.Class

func init() {
	Dense = newCellClass(cellClass{
		name: "Dense",
		doc: `Dense(in_channels, out_channels, weight_init='normal', bias_init='zeros', has_bias=True, activation=None, dtype=mindspore.float32)

A fully connected layer: output = activation(x @ weight.T + bias), with
weight of shape (out_channels, in_channels) and bias (out_channels,).
Initializers are names, Initializer objects, numbers or Tensors. An
omitted initializer takes the r1.x default ('normal', 'zeros'); an
explicit None takes the r2.1+ default (HeUniform(math.sqrt(5)) and
Uniform(1/sqrt(in_channels))). activation is None, a name ('relu',
'sigmoid', 'tanh', 'softmax', 'logsoftmax') or a Cell. Inputs of rank
above 2 are flattened to 2-D and reshaped back.`,
		init:      denseInit,
		construct: denseConstruct,
		methods:   []pyobj.Method{{Name: "extend_repr", Func: denseExtendRepr}},
	})
}

// positiveInt unpacks an int argument that must be at least 1. Bools are
// rejected, as MindSpore's check_positive_int does.
func positiveInt(call, name string, v starlark.Value) (int, error) {
	var n int
	if _, isBool := v.(starlark.Bool); isBool || starlark.AsInt(v, &n) != nil {
		return 0, core.Errorf("TypeError", "For '%s', the '%s' must be an int, but got %s", call, name, v.Type())
	}
	if n < 1 {
		return 0, core.Errorf("ValueError", "For '%s', the '%s' must be a positive int, but got %d", call, name, n)
	}
	return n, nil
}

// floatDType unpacks a dtype argument for a layer's parameters:
// float32 (the default) or float64.
func floatDType(call string, v starlark.Value) (engine.DType, error) {
	if v == nil || v == starlark.None {
		return engine.Float32, nil
	}
	d, err := tensor.DTypeOf(v)
	if err != nil {
		return 0, err
	}
	if d != engine.Float32 && d != engine.Float64 {
		return 0, core.Errorf("TypeError", "For '%s', dtype must be mindspore.float32 or mindspore.float64, but got %s", call, v.String())
	}
	return d, nil
}

// heUniformDefaults returns the r2.1+ defaults of Dense and Conv2d for a
// weight whose fan_in is fanIn: HeUniform(negative_slope=sqrt(5)), whose
// bound is 1/sqrt(fan_in), and Uniform(1/sqrt(fan_in)) for the bias.
func heUniformDefaults(fanIn int) (weight, bias *initializer.Initializer) {
	weight, _ = initializer.NewHe(false, math.Sqrt(5), "fan_in", "leaky_relu")
	scale := 0.0
	if fanIn > 0 {
		scale = 1 / math.Sqrt(float64(fanIn))
	}
	return weight, initializer.NewUniform(scale)
}

// initParam builds a Parameter from an initializer argument and sets it
// as attribute name of self, which names and registers it.
func initParam(thread *starlark.Thread, self *pyobj.Instance, call, name string, init starlark.Value, shape []int, d engine.DType, requiresGrad bool) error {
	t, err := initializer.Tensor(thread, call+" "+name+"_init", init, shape, d)
	if err != nil {
		return err
	}
	return self.SetField(name, tensor.NewParameter(t, name, requiresGrad))
}

func denseInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var inV, outV, wInit, bInit, dtype starlark.Value
	hasBias := true
	var activation starlark.Value = starlark.None
	if err := starlark.UnpackArgs("Dense", args, kwargs, "in_channels", &inV, "out_channels", &outV, "weight_init?", &wInit, "bias_init?", &bInit, "has_bias?", &hasBias, "activation?", &activation, "dtype?", &dtype); err != nil {
		return nil, err
	}

	in, err := positiveInt("Dense", "in_channels", inV)
	if err != nil {
		return nil, err
	}
	outC, err := positiveInt("Dense", "out_channels", outV)
	if err != nil {
		return nil, err
	}
	d, err := floatDType("Dense", dtype)
	if err != nil {
		return nil, err
	}

	heW, heB := heUniformDefaults(in)
	if err := initParam(thread, self, "Dense", "weight", layerInit(wInit, "normal", heW), []int{outC, in}, d, true); err != nil {
		return nil, err
	}
	if !hasBias {
		// MindSpore r1.6 sets the bias attribute to None without a bias.
		if err := self.DictSet("bias", starlark.None); err != nil {
			return nil, err
		}
	} else {
		if err := initParam(thread, self, "Dense", "bias", layerInit(bInit, "zeros", heB), []int{outC}, d, true); err != nil {
			return nil, err
		}
	}

	act, err := activationValue(thread, activation)
	if err != nil {
		return nil, err
	}
	attrs := []pyobj.NamedValue{
		{Name: "in_channels", Value: starlark.MakeInt(in)},
		{Name: "out_channels", Value: starlark.MakeInt(outC)},
		{Name: "has_bias", Value: starlark.Bool(hasBias)},
	}
	if err := setAttrs(self, attrs); err != nil {
		return nil, err
	}
	if act != starlark.None {
		return starlark.None, self.SetField("activation", act)
	}
	return starlark.None, self.DictSet("activation", starlark.None)
}

// layerInit picks a layer's initializer: the r1.x default name when the
// argument was omitted, the r2.1+ default object for an explicit None,
// and the argument otherwise.
func layerInit(v starlark.Value, r1Default string, r2Default *initializer.Initializer) starlark.Value {
	switch v {
	case nil:
		return starlark.String(r1Default)
	case starlark.None:
		return r2Default
	}
	return v
}

// setAttrs stores plain attributes on a native cell.
func setAttrs(self *pyobj.Instance, attrs []pyobj.NamedValue) error {
	for _, a := range attrs {
		if err := self.DictSet(a.Name, a.Value); err != nil {
			return err
		}
	}
	return nil
}

func denseConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv starlark.Value
	if err := starlark.UnpackArgs("Dense", args, kwargs, "x", &xv); err != nil {
		return nil, err
	}
	act := attr(self, "activation")
	fused := engine.NoActivation
	if isPlainCell(act, ReLU) {
		act, fused = starlark.None, engine.ReLUActivation
	}
	res, err := denseForward(self, xv, fused)
	if err != nil || act == starlark.None {
		return res, err
	}
	return starlark.Call(thread, act, starlark.Tuple{res}, nil)
}

// denseForward computes a Dense cell's product and bias, with the
// activation act applied inside the product.
func denseForward(self *pyobj.Instance, xv starlark.Value, act engine.Activation) (starlark.Value, error) {
	x, err := arg("Dense", "x", xv)
	if err != nil {
		return nil, err
	}
	w, _, ok := tensor.Of(attr(self, "weight"))
	if !ok {
		return nil, core.Errorf("RuntimeError", "Dense: weight is not a Parameter")
	}
	if x.Rank() < 2 {
		return nil, core.Errorf("ValueError", "For 'Dense', the dimension of input should not be less than 2, but got shape %s", engine.FormatShape(x.Shape()))
	}
	in := w.Shape()[1]
	if x.Shape()[x.Rank()-1] != in {
		return nil, core.Errorf("ValueError", "For 'Dense', input shape %s does not match in_channels %d: the last dimension must be %d", engine.FormatShape(x.Shape()), in, in)
	}

	// MindSpore's MatMul rejects mixed dtypes rather than casting.
	if x.DType() != w.DType() {
		return nil, core.Errorf("TypeError", "For 'Dense', the input dtype %s must match the weight dtype %s: cast the input with x.astype(mindspore.%s), or make the dataset yield np.%s arrays", x.DType(), w.DType(), w.DType(), w.DType())
	}

	b, _, hasBias := tensor.Of(attr(self, "bias"))
	if !hasBias {
		b = nil
	}
	return do("Dense", func() (*engine.Tensor, error) {
		lead := x.Shape()[:x.Rank()-1]
		x2 := x
		if x.Rank() > 2 {
			x2 = must(engine.Reshape(x, -1, in))
		}
		y := must(engine.Linear(x2, w, b, act))
		if x.Rank() > 2 {
			y = must(engine.Reshape(y, append(append([]int{}, lead...), w.Shape()[0])...))
		}
		return y, nil
	})
}

// isPlainCell reports whether v is an instance of exactly the built-in
// class c, without a subclass or an instance attribute that could change
// what calling it does.
func isPlainCell(v starlark.Value, c *pyobj.Class) bool {
	inst, ok := v.(*pyobj.Instance)
	if !ok || inst.Class() != c {
		return false
	}
	_, own := inst.DictGet("construct")
	return !own
}

// initTensor builds a float32 initial value from an initializer
// argument, naming call in errors.
func initTensor(thread *starlark.Thread, call string, init starlark.Value, shape []int) (*engine.Tensor, error) {
	return initializer.Tensor(thread, call, init, shape, engine.Float32)
}
