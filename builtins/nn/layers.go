package nn

import (
	"fmt"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/initializer"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Layers are native Cells.
var (
	Dense          *pyobj.Class
	ReLU           *pyobj.Class
	Sigmoid        *pyobj.Class
	Tanh           *pyobj.Class
	Softmax        *pyobj.Class
	LogSoftmax     *pyobj.Class
	Flatten        *pyobj.Class
	SequentialCell *pyobj.Class
	CellList       *pyobj.Class
)

func init() {
	Dense = newCellClass(cellClass{
		name: "Dense",
		doc: `Dense(in_channels, out_channels, weight_init='normal', bias_init='zeros', has_bias=True, activation=None)

A fully connected layer: output = activation(x @ weight.T + bias), with
weight of shape (out_channels, in_channels) and bias (out_channels,).
Initialisers are names, Initializer objects, numbers or Tensors. Inputs
of rank above 2 are flattened to 2-D and reshaped back.`,
		init:      denseInit,
		construct: denseConstruct,
	})
	ReLU = activationClass("ReLU", "max(x, 0); the gradient at 0 is 0.", engine.ReLU)
	Sigmoid = activationClass("Sigmoid", "1 / (1 + exp(-x)), without overflow.", engine.Sigmoid)
	Tanh = activationClass("Tanh", "The hyperbolic tangent.", engine.Tanh)
	Softmax = axisClass("Softmax", engine.Softmax)
	LogSoftmax = axisClass("LogSoftmax", engine.LogSoftmax)
	Flatten = newCellClass(cellClass{
		name: "Flatten",
		doc:  "Flatten()\n\nReshapes (N, ...) to (N, prod(...)).",
		construct: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var xv starlark.Value
			if err := starlark.UnpackArgs("Flatten", args, kwargs, "x", &xv); err != nil {
				return nil, err
			}
			x, err := arg("Flatten", "x", xv)
			if err != nil {
				return nil, err
			}
			if x.Rank() < 1 {
				return nil, core.Errorf("ValueError", "Flatten: input must have at least one dimension")
			}
			return do("Flatten", func() (*engine.Tensor, error) { return engine.Reshape(x, x.Shape()[0], -1) })
		},
	})
	SequentialCell = newCellClass(cellClass{
		name:      "SequentialCell",
		doc:       "SequentialCell(*cells) or SequentialCell([cells])\n\nRuns its cells in order, each on the previous one's output.",
		init:      listInit("SequentialCell"),
		construct: sequentialConstruct,
		methods:   listMethods(),
	})
	CellList = newCellClass(cellClass{
		name:    "CellList",
		doc:     "CellList(cells=None)\n\nA list of cells whose parameters belong to the owner.",
		init:    listInit("CellList"),
		methods: listMethods(),
	})
}

func denseInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var in, outC int
	var wInit starlark.Value = starlark.String("normal")
	var bInit starlark.Value = starlark.String("zeros")
	hasBias := true
	var activation starlark.Value = starlark.None
	if err := starlark.UnpackArgs("Dense", args, kwargs, "in_channels", &in, "out_channels", &outC, "weight_init?", &wInit, "bias_init?", &bInit, "has_bias?", &hasBias, "activation?", &activation); err != nil {
		return nil, err
	}
	if in <= 0 || outC <= 0 {
		return nil, core.Errorf("ValueError", "For 'Dense', in_channels and out_channels must be positive ints, but got %d and %d", in, outC)
	}
	if wInit == starlark.None {
		wInit = starlark.String("normal")
	}
	w, err := initializer.Tensor(thread, "Dense weight_init", wInit, []int{outC, in}, engine.Float32)
	if err != nil {
		return nil, err
	}
	if err := self.SetField("weight", tensor.NewParameter(w, "weight", true)); err != nil {
		return nil, err
	}
	if hasBias {
		if bInit == starlark.None {
			bInit = starlark.String("zeros")
		}
		b, err := initializer.Tensor(thread, "Dense bias_init", bInit, []int{outC}, engine.Float32)
		if err != nil {
			return nil, err
		}
		if err := self.SetField("bias", tensor.NewParameter(b, "bias", true)); err != nil {
			return nil, err
		}
	}
	act, err := activationValue(activation)
	if err != nil {
		return nil, err
	}
	if err := self.DictSet("in_channels", starlark.MakeInt(in)); err != nil {
		return nil, err
	}
	if err := self.DictSet("out_channels", starlark.MakeInt(outC)); err != nil {
		return nil, err
	}
	if err := self.DictSet("has_bias", starlark.Bool(hasBias)); err != nil {
		return nil, err
	}
	if act != starlark.None {
		return starlark.None, self.SetField("activation", act)
	}
	return starlark.None, self.DictSet("activation", starlark.None)
}

// activationValue turns Dense's activation argument (None, a name or a
// Cell) into a callable.
func activationValue(v starlark.Value) (starlark.Value, error) {
	switch x := v.(type) {
	case starlark.NoneType:
		return starlark.None, nil
	case starlark.String:
		classes := map[string]*pyobj.Class{"relu": ReLU, "sigmoid": Sigmoid, "tanh": Tanh, "softmax": Softmax, "logsoftmax": LogSoftmax}
		c, ok := classes[string(x)]
		if !ok {
			return nil, core.Errorf("ValueError", "For 'Dense', activation '%s' is not supported; use 'relu', 'sigmoid', 'tanh', 'softmax', 'logsoftmax' or a Cell", string(x))
		}
		return starlark.Call(&starlark.Thread{}, c, nil, nil)
	case starlark.Callable:
		return x, nil
	}
	return nil, core.Errorf("TypeError", "For 'Dense', activation must be None, a name or a Cell, not %s", v.Type())
}

func denseConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv starlark.Value
	if err := starlark.UnpackArgs("Dense", args, kwargs, "x", &xv); err != nil {
		return nil, err
	}
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
	b, _, hasBias := tensor.Of(attr(self, "bias"))
	res, err := do("Dense", func() (*engine.Tensor, error) {
		lead := x.Shape()[:x.Rank()-1]
		x2 := x
		if x.Rank() > 2 {
			x2 = must(engine.Reshape(x, -1, in))
		}
		if x2.DType() != w.DType() {
			x2 = must(engine.Cast(x2, w.DType()))
		}
		y := must(engine.MatMul(x2, w, false, true))
		if hasBias {
			y = must(engine.Add(y, b))
		}
		if x.Rank() > 2 {
			y = must(engine.Reshape(y, append(append([]int{}, lead...), w.Shape()[0])...))
		}
		return y, nil
	})
	if err != nil {
		return nil, err
	}
	if act := attr(self, "activation"); act != starlark.None {
		return starlark.Call(thread, act, starlark.Tuple{res}, nil)
	}
	return res, nil
}

func activationClass(name, doc string, f func(*engine.Tensor) (*engine.Tensor, error)) *pyobj.Class {
	return newCellClass(cellClass{
		name: name,
		doc:  name + "()\n\n" + doc,
		construct: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var xv starlark.Value
			if err := starlark.UnpackArgs(name, args, kwargs, "x", &xv); err != nil {
				return nil, err
			}
			x, err := arg(name, "x", xv)
			if err != nil {
				return nil, err
			}
			return do(name, func() (*engine.Tensor, error) { return f(x) })
		},
	})
}

func axisClass(name string, f func(*engine.Tensor, int) (*engine.Tensor, error)) *pyobj.Class {
	return newCellClass(cellClass{
		name: name,
		doc:  fmt.Sprintf("%s(axis=-1)\n\n%s along axis, computed with the row maximum subtracted.", name, name),
		init: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			axis := -1
			if err := starlark.UnpackArgs(name, args, kwargs, "axis?", &axis); err != nil {
				return nil, err
			}
			return starlark.None, self.DictSet("axis", starlark.MakeInt(axis))
		},
		construct: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var xv starlark.Value
			if err := starlark.UnpackArgs(name, args, kwargs, "x", &xv); err != nil {
				return nil, err
			}
			x, err := arg(name, "x", xv)
			if err != nil {
				return nil, err
			}
			var axis int
			if err := starlark.AsInt(attr(self, "axis"), &axis); err != nil {
				return nil, err
			}
			return do(name, func() (*engine.Tensor, error) { return f(x, axis) })
		},
	})
}

func listInit(name string) pyobj.MethodFunc {
	return func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, core.Errorf("TypeError", "%s() takes no keyword arguments", name)
		}
		cells := args
		if len(args) == 1 {
			if seq, ok := args[0].(starlark.Indexable); ok && !IsCell(args[0]) {
				cells = make(starlark.Tuple, seq.Len())
				for i := range cells {
					cells[i] = seq.Index(i)
				}
			}
		}
		st := ensureState(self)
		for i, c := range cells {
			if err := appendChild(self, st, c, i); err != nil {
				return nil, err
			}
		}
		return starlark.None, nil
	}
}

func appendChild(self *pyobj.Instance, st *CellState, c starlark.Value, i int) error {
	inst, ok := c.(*pyobj.Instance)
	if !ok || !IsCell(inst) {
		return core.Errorf("TypeError", "%s: item %d must be a Cell, not %s", self.Class().Name(), i, c.Type())
	}
	name := fmt.Sprint(len(st.Children))
	if st.AutoPrefix {
		prefixParams(inst, name+".")
	}
	st.Children = append(st.Children, Child{Name: name, Cell: inst})
	return nil
}

func listMethods() []pyobj.Method {
	return []pyobj.Method{
		{Name: "__len__", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return starlark.MakeInt(len(ensureState(self).Children)), nil
		}},
		{Name: "__getitem__", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var i int
			if err := starlark.UnpackPositionalArgs("__getitem__", args, kwargs, 1, &i); err != nil {
				return nil, err
			}
			ch := ensureState(self).Children
			if i < 0 {
				i += len(ch)
			}
			if i < 0 || i >= len(ch) {
				return nil, core.Errorf("IndexError", "%s index %d is out of range for %d cells", self.Class().Name(), i, len(ch))
			}
			return ch[i].Cell, nil
		}},
		{Name: "__iter__", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			ch := ensureState(self).Children
			vals := make([]starlark.Value, len(ch))
			for i, c := range ch {
				vals[i] = c.Cell
			}
			return starlark.NewList(vals), nil
		}},
		{Name: "append", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var c starlark.Value
			if err := starlark.UnpackPositionalArgs("append", args, kwargs, 1, &c); err != nil {
				return nil, err
			}
			st := ensureState(self)
			return starlark.None, appendChild(self, st, c, len(st.Children))
		}},
	}
}

func sequentialConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) != 0 {
		return nil, core.Errorf("TypeError", "SequentialCell takes one input, got %d", len(args)+len(kwargs))
	}
	x := args[0]
	for _, c := range ensureState(self).Children {
		var err error
		if x, err = starlark.Call(thread, c.Cell, starlark.Tuple{x}, nil); err != nil {
			return nil, err
		}
	}
	return x, nil
}
