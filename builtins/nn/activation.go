package nn

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Activation layers are native Cells.
var (
	ReLU       *pyobj.Class
	Sigmoid    *pyobj.Class
	Tanh       *pyobj.Class
	Softmax    *pyobj.Class
	LogSoftmax *pyobj.Class
)

func init() {
	ReLU = activationClass("ReLU", "max(x, 0); the gradient at 0 is 0.", engine.ReLU)
	Sigmoid = activationClass("Sigmoid", "1 / (1 + exp(-x)), without overflow.", engine.Sigmoid)
	Tanh = activationClass("Tanh", "The hyperbolic tangent.", engine.Tanh)
	Softmax = axisClass("Softmax", engine.Softmax)
	LogSoftmax = axisClass("LogSoftmax", engine.LogSoftmax)
}

// activationNames maps the activation names that Dense accepts to their
// classes, as MindSpore r1.6's get_activation does for these twelve.
func activationNames() map[string]*pyobj.Class {
	return map[string]*pyobj.Class{"relu": ReLU, "sigmoid": Sigmoid, "tanh": Tanh, "softmax": Softmax, "logsoftmax": LogSoftmax,
		"relu6": ReLU6, "gelu": GELU, "elu": ELU, "prelu": PReLU, "leakyrelu": LeakyReLU, "hswish": HSwish, "hsigmoid": HSigmoid}
}

// activationValue turns Dense's activation argument (None, a name or a
// callable such as a Cell or a primitive) into a callable.
func activationValue(thread *starlark.Thread, v starlark.Value) (starlark.Value, error) {
	switch x := v.(type) {
	case starlark.NoneType:
		return starlark.None, nil
	case starlark.String:
		classes := activationNames()
		c, ok := classes[string(x)]
		if !ok {
			names := make([]string, 0, len(classes))
			for n := range classes {
				names = append(names, "'"+n+"'")
			}
			sort.Strings(names)
			return nil, core.Errorf("KeyError", "For 'Dense', activation '%s' is not supported; use one of %s, or a Cell", string(x), strings.Join(names, ", "))
		}
		return starlark.Call(thread, c, nil, nil)
	case starlark.Callable:
		return x, nil
	}
	return nil, core.Errorf("TypeError", "For 'Dense', activation must be None, a str or a Cell, but got %s", v.Type())
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
