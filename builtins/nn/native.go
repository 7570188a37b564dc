package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// cellClass is the spec of a native Cell subclass: its __init__ runs
// Cell.__init__ first, then init (which usually stores arguments as
// attributes, as MindSpore's Cells do), and construct computes.
type cellClass struct {
	name      string
	doc       string
	base      *pyobj.Class
	init      pyobj.MethodFunc
	construct pyobj.MethodFunc
	methods   []pyobj.Method
	attrs     []pyobj.NamedValue // class attributes, such as properties
	autoOff   bool               // Cell.__init__(auto_prefix=False), as the wrappers use
}

func newCellClass(c cellClass) *pyobj.Class {
	if c.base == nil {
		c.base = baseCell()
	}
	methods := []pyobj.Method{{Name: "__init__", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		st := ensureState(self)
		if c.autoOff {
			st.AutoPrefix = false
		}
		if c.init == nil {
			if err := starlark.UnpackArgs(c.name, args, kwargs); err != nil {
				return nil, err
			}
			return starlark.None, nil
		}
		return c.init(thread, self, args, kwargs)
	}}}
	if c.construct != nil {
		methods = append(methods, pyobj.Method{Name: "construct", Func: c.construct})
	}
	methods = append(methods, c.methods...)
	return pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:    c.name,
		Module:  "mindspore.nn",
		Doc:     c.doc,
		Bases:   []*pyobj.Class{c.base},
		Methods: methods,
		Attrs:   c.attrs,
	})
}

// attr reads an attribute that a native __init__ stored.
func attr(self *pyobj.Instance, name string) starlark.Value {
	v, _ := self.DictGet(name)
	if v == nil {
		return starlark.None
	}
	return v
}

// arg converts a construct argument to an engine tensor, naming the
// call and the argument on failure.
func arg(call, name string, v starlark.Value) (*engine.Tensor, error) {
	t, _, ok := tensor.Of(v)
	if !ok {
		return nil, core.Errorf("TypeError", "%s: %s must be a Tensor, but got %s", call, name, v.Type())
	}
	return t, nil
}

// pair converts two construct arguments to tensors of one dtype.
func pair(call string, x, y starlark.Value) (*engine.Tensor, *engine.Tensor, error) {
	if _, err := arg(call, "logits", x); err != nil {
		return nil, nil, err
	}
	if _, err := arg(call, "labels", y); err != nil {
		return nil, nil, err
	}
	a, b, _, err := tensor.Operands(x, y)
	if err != nil {
		return nil, nil, core.EngineError(call, err)
	}
	return a, b, nil
}

func out(t *engine.Tensor) starlark.Value { return tensor.New(t) }

// do runs a sequence of engine ops and converts their error into a
// Python exception that names call.
func do(call string, f func() (*engine.Tensor, error)) (starlark.Value, error) {
	var res *engine.Tensor
	err := engine.Try(func() {
		var err error
		res, err = f()
		if err != nil {
			panic(err)
		}
	})
	if err != nil {
		return nil, core.EngineError(call, err)
	}
	return out(res), nil
}

// must unwraps an engine result inside do, re-raising its error.
func must(t *engine.Tensor, err error) *engine.Tensor {
	if err != nil {
		panic(err)
	}
	return t
}
