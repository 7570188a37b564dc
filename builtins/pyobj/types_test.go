package pyobj

import (
	"testing"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// fakeTensor is a fake engine tensor, a Go value type.
type fakeTensor struct{ values []float64 }

func (t *fakeTensor) String() string        { return "Tensor" }
func (t *fakeTensor) Type() string          { return "Tensor" }
func (t *fakeTensor) Freeze()               {}
func (t *fakeTensor) Truth() starlark.Bool  { return true }
func (t *fakeTensor) Hash() (uint32, error) { return 0, nil }

var tensorType = NewGoType("Tensor", is[*fakeTensor])

func init() { RegisterGoType("Tensor", tensorType) }

// elementwise applies op to each element of t and the scalar y.
func elementwise(t *fakeTensor, y float64, op func(a, b float64) starlark.Value) *starlark.List {
	out := make([]starlark.Value, len(t.values))
	for i, v := range t.values {
		out[i] = op(v, y)
	}
	return starlark.NewList(out)
}

func TestGoTypeObjects(t *testing.T) {
	tensor := &fakeTensor{values: []float64{1, 2}}
	_, out := mustRun(t, `
print(isinstance(x, Tensor), isinstance(1, Tensor), isinstance(x, (int, Tensor)))
print(__is__(type(x), Tensor), type(x).__name__, issubclass(Tensor, object), issubclass(Tensor, int))
print(Tensor, type(range(3)).__name__, __is__(type(range(3)), type(range(2))))
print(fails(lambda: Tensor()))
`, starlark.StringDict{"x": tensor, "Tensor": tensorType})
	want := `True False True
True Tensor True False
<class 'Tensor'> range True
TypeError: cannot create 'Tensor' instances
`
	compareLines(t, out, want)
}

func TestHooksForGoValues(t *testing.T) {
	defer func() { CompareHook, PowHook, MatmulHook = nil, nil, nil }()
	CompareHook = func(op syntax.Token, x, y starlark.Value) (starlark.Value, bool, error) {
		tensor, ok := x.(*fakeTensor)
		scalar, isFloat := y.(starlark.Float)
		if !ok || !isFloat || op != syntax.LT {
			return nil, false, nil
		}
		return elementwise(tensor, float64(scalar), func(a, b float64) starlark.Value { return starlark.Bool(a < b) }), true, nil
	}
	PowHook = func(x, y starlark.Value) (starlark.Value, bool, error) {
		tensor, ok := x.(*fakeTensor)
		if !ok {
			return nil, false, nil
		}
		return elementwise(tensor, 0, func(a, _ float64) starlark.Value { return starlark.Float(a * a) }), true, nil
	}
	MatmulHook = func(x, y starlark.Value) (starlark.Value, bool, error) {
		if _, ok := x.(*fakeTensor); !ok {
			return nil, false, nil
		}
		return starlark.String("matmul hook"), true, nil
	}
	_, out := mustRun(t, `
print(__lt__(x, 1.5), __pow__(x, 2), __matmul__(x, x))
print(__lt__(1, 2), __pow__(3, 2), fails_type(lambda: __matmul__(1, x)))
`, starlark.StringDict{"x": &fakeTensor{values: []float64{1, 2}}})
	want := `[True, False] [1.0, 4.0] matmul hook
True 9 TypeError
`
	compareLines(t, out, want)
}

func TestPowLimitsExactResults(t *testing.T) {
	_, err := Pow(&starlark.Thread{}, starlark.MakeInt(10), starlark.MakeInt(1<<30))
	if typ, _ := Classify(err); typ != "OverflowError" {
		t.Errorf("10 ** 2**30 returned %v, want OverflowError", err)
	}
	result, err := Pow(&starlark.Thread{}, starlark.MakeInt(-1), starlark.MakeInt(1<<40))
	if err != nil || result.String() != "1" {
		t.Errorf("-1 ** 2**40 = %v, %v, want 1", result, err)
	}
}

func TestGoTypeDottedName(t *testing.T) {
	ndarray := NewGoType("numpy.ndarray", func(starlark.Value) bool { return false })
	_, out := mustRun(t, `
print(ndarray.__name__, ndarray.__qualname__, ndarray.__module__)
print(ndarray)
print(Tensor.__name__, Tensor.__module__)
`, starlark.StringDict{"ndarray": ndarray, "Tensor": tensorType})
	want := `ndarray ndarray numpy
<class 'numpy.ndarray'>
Tensor builtins
`
	compareLines(t, out, want)
}
