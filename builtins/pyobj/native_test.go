package pyobj

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// fakeParam is a fake MindSpore Parameter: a Go value that a Cell keeps
// in its own state instead of the instance dictionary.
type fakeParam struct {
	value  float64
	frozen bool
}

func (p *fakeParam) String() string        { return fmt.Sprintf("Parameter(%g)", p.value) }
func (p *fakeParam) Type() string          { return "Parameter" }
func (p *fakeParam) Freeze()               { p.frozen = true }
func (p *fakeParam) Truth() starlark.Bool  { return true }
func (p *fakeParam) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: Parameter") }
func (p *fakeParam) AttrNames() []string   { return []string{"value"} }

func (p *fakeParam) Attr(name string) (starlark.Value, error) {
	if name == "value" {
		return starlark.Float(p.value), nil
	}
	return nil, nil
}

// cellState is the Native state of the fake Cell: registered parameters
// and sub-cells in assignment order.
type cellState struct {
	paramNames []string
	params     map[string]*fakeParam
	cellNames  []string
	frozen     bool
}

func (s *cellState) Freeze() {
	s.frozen = true
	for _, p := range s.params {
		p.Freeze()
	}
}

func cellOf(self *Instance) (*cellState, error) {
	state, ok := self.Native.(*cellState)
	if !ok {
		return nil, AttributeErrorf("cannot assign before Cell.__init__() call")
	}
	return state, nil
}

// newFakeCell builds a native Cell class with a SetAttr hook that records
// Parameters and sub-Cells, a GetAttr hook that serves Parameters, and a
// native subclass LossBase, as the nn package will.
func newFakeCell() (cell, lossBase *Class) {
	cell = NewNativeClass(NativeSpec{
		Name:   "Cell",
		Module: "mindspore.nn",
		Doc:    "Base class for networks.",
		Methods: []Method{
			{"__init__", func(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				if err := unpackPositional("Cell.__init__", args, kwargs, 0); err != nil {
					return nil, err
				}
				self.Native = &cellState{params: map[string]*fakeParam{}}
				return starlark.None, nil
			}},
			{"parameter_names", func(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				state, err := cellOf(self)
				if err != nil {
					return nil, err
				}
				names := slices.Clone(state.paramNames)
				for _, name := range state.cellNames {
					sub, _ := self.DictGet(name)
					subState, err := cellOf(sub.(*Instance))
					if err != nil {
						return nil, err
					}
					for _, p := range subState.paramNames {
						names = append(names, name+"."+p)
					}
				}
				elems := make([]starlark.Value, len(names))
				for i, n := range names {
					elems[i] = starlark.String(n)
				}
				return starlark.NewList(elems), nil
			}},
			{"__call__", func(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				return CallMethod(thread, self, "construct", args, kwargs)
			}},
			{"construct", func(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				return nil, NotImplementedErrorf("%s.construct is not implemented", self.Class().Name())
			}},
		},
		Attrs: []NamedValue{{"training", starlark.False}},
		SetAttr: func(thread *starlark.Thread, self *Instance, name string, value starlark.Value) (bool, error) {
			switch v := value.(type) {
			case *fakeParam:
				state, err := cellOf(self)
				if err != nil {
					return false, err
				}
				if _, seen := state.params[name]; !seen {
					state.paramNames = append(state.paramNames, name)
				}
				state.params[name] = v
				return true, nil
			case *Instance:
				if v.Class().IsSubclass(cell) {
					state, err := cellOf(self)
					if err != nil {
						return false, err
					}
					state.cellNames = append(state.cellNames, name)
				}
			}
			return false, nil
		},
		GetAttr: func(thread *starlark.Thread, self *Instance, name string) (starlark.Value, error) {
			if state, ok := self.Native.(*cellState); ok {
				if p, ok := state.params[name]; ok {
					return p, nil
				}
			}
			return nil, nil
		},
	})
	lossBase = NewNativeClass(NativeSpec{
		Name:   "LossBase",
		Module: "mindspore.nn",
		Bases:  []*Class{cell},
		Methods: []Method{
			{"get_loss", func(thread *starlark.Thread, self *Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				var x starlark.Value
				if err := unpackPositional("get_loss", args, kwargs, 1, &x); err != nil {
					return nil, err
				}
				return starlark.Binary(syntax.PLUS, x, starlark.MakeInt(1000))
			}},
		},
	})
	return cell, lossBase
}

func nativePredeclared() starlark.StringDict {
	cell, lossBase := newFakeCell()
	return starlark.StringDict{
		"Cell":     cell,
		"LossBase": lossBase,
		"Parameter": starlark.NewBuiltin("Parameter", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var v float64
			if err := starlark.UnpackPositionalArgs("Parameter", args, kwargs, 1, &v); err != nil {
				return nil, err
			}
			return &fakeParam{value: v}, nil
		}),
	}
}

const netSource = `
def _Dense():
    def __init__(self, w):
        super(Dense, self).__init__()
        self.weight = Parameter(w)
        self.bias = Parameter(0.5)

    def construct(self, x):
        return x * self.weight.value

    return {"__init__": __init__, "construct": construct}

Dense = __class__("Dense", (Cell,), _Dense, None)

def _Net():
    def __init__(self):
        super(Net, self).__init__()
        self.w = Parameter(1.0)
        self.fc = Dense(2.0)
        self.plain = 3
        self.b = Parameter(2.0)
        self.w = Parameter(1.5)

    def construct(self, x):
        return self.fc(x) + 1

    return {"__init__": __init__, "construct": construct}

Net = __class__("Net", (Cell,), _Net, None)
`

func TestNativeCellSetAttrOrder(t *testing.T) {
	globals, _ := mustRun(t, netSource+`
net = Net()
names = net.parameter_names()
via_class = Cell.parameter_names(net)
via_super = super(Net, net).parameter_names()
`, nativePredeclared())
	want := `["w", "b", "fc.weight", "fc.bias"]`
	for _, name := range []string{"names", "via_class", "via_super"} {
		if got := globals[name].String(); got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
	net := globals["net"].(*Instance)
	var dictNames []string
	for _, attr := range net.Attrs() {
		dictNames = append(dictNames, attr.Name)
	}
	if got := strings.Join(dictNames, ","); got != "fc,plain" {
		t.Errorf("instance dictionary holds %s, want fc,plain (parameters live in the Cell state)", got)
	}
}

func TestNativeCellGetAttrAndCall(t *testing.T) {
	_, out := mustRun(t, netSource+`
net = Net()
print(net.w, net.b, net.plain, net.training, Net.training)
print(net(3.0), net.fc(4.0))
print(hasattr(net, "w"), hasattr(net, "nothing"))
print(fails(lambda: net.nothing))
print(fails(lambda: Cell()(1)))
print(isinstance(net, Cell), issubclass(Net, Cell), isinstance(net.fc, Net))
print(Cell, Net.__mro__)
print(Cell.__doc__)
`, nativePredeclared())
	want := `Parameter(1.5) Parameter(2) 3 False False
7.0 8.0
True False
AttributeError: 'Net' object has no attribute 'nothing'
NotImplementedError: Cell.construct is not implemented
True True False
<class 'mindspore.nn.Cell'> (<class '__main__.Net'>, <class 'mindspore.nn.Cell'>, <class 'object'>)
Base class for networks.
`
	compareLines(t, out, want)
}

func TestNativeLossBaseSubclass(t *testing.T) {
	_, out := mustRun(t, `
def _MyLoss():
    def __init__(self, scale):
        super(MyLoss, self).__init__()
        self.scale = scale

    def construct(self, x):
        return self.get_loss(x * self.scale)

    return {"__init__": __init__, "construct": construct}

MyLoss = __class__("MyLoss", (LossBase,), _MyLoss, None)
loss = MyLoss(2)
print(loss(5), LossBase.get_loss(loss, 1), isinstance(loss, Cell))
print(",".join([k.__name__ for k in MyLoss.__mro__]))
print(fails(lambda: LossBase.get_loss(Cell(), 1)))
print(fails(lambda: LossBase.get_loss(3, 1)))
print(fails(lambda: LossBase.get_loss()))
`, nativePredeclared())
	want := `1010 1001 True
MyLoss,LossBase,Cell,object
TypeError: descriptor 'get_loss' requires a 'LossBase' object but received a 'Cell'
TypeError: descriptor 'get_loss' requires a 'LossBase' object but received a 'int'
TypeError: unbound method LossBase.get_loss() needs an argument
`
	compareLines(t, out, want)
}

func TestNativeHookErrors(t *testing.T) {
	_, out := mustRun(t, `
def _Early():
    def __init__(self):
        self.w = Parameter(1.0)
    return {"__init__": __init__}

Early = __class__("Early", (Cell,), _Early, None)
print(fails(Early))

def _WithProperty():
    def __init__(self):
        super(WithProperty, self).__init__()
        self.lr = Parameter(3.0)

    def get_lr(self):
        return self._lr

    def set_lr(self, v):
        self._lr = "set by property"

    return {"__init__": __init__, "lr": property(get_lr, set_lr)}

WithProperty = __class__("WithProperty", (Cell,), _WithProperty, None)
wp = WithProperty()
print(wp.lr, wp.parameter_names())
print(fails(lambda: __class__("Mixed", (Cell, ValueError), None, None)))
print(fails(lambda: setattr(Cell, "x", 1)))
`, nativePredeclared())
	want := `AttributeError: cannot assign before Cell.__init__() call
set by property []
TypeError: multiple bases have instance lay-out conflict: Cell and ValueError are unrelated native classes
TypeError: cannot set attribute 'x' of built-in class Cell: native classes are read-only
`
	compareLines(t, out, want)
}

func TestNewNativeClassPanicsOnBadBases(t *testing.T) {
	a := NewNativeClass(NativeSpec{Name: "A"})
	defer func() {
		if recover() == nil {
			t.Error("NewNativeClass with a duplicate base did not panic")
		}
	}()
	NewNativeClass(NativeSpec{Name: "B", Bases: []*Class{a, a}})
}
