package tensor

import (
	"errors"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// broken is a Tensor without an engine tensor, so every operation on it
// dereferences a nil pointer: a forced panic path through each entry
// point that go.starlark.net calls.
func broken() *Tensor { return &Tensor{Flavor: MindSpore} }

// explosive is a script value whose methods panic.
type explosive struct{}

func (explosive) String() string        { panic("String exploded") }
func (explosive) Type() string          { panic("Type exploded") }
func (explosive) Freeze()               {}
func (explosive) Truth() starlark.Bool  { panic("Truth exploded") }
func (explosive) Hash() (uint32, error) { panic("Hash exploded") }

func TestTensorEntryPointsRecoverPanics(t *testing.T) {
	one := starlark.MakeInt(1)
	cases := []struct {
		call string
		run  func() error
	}{
		{"operator +", func() error { _, err := broken().Binary(syntax.PLUS, one, starlark.Left); return err }},
		{"operator -", func() error { _, err := broken().Unary(syntax.MINUS); return err }},
		{"Tensor.__getitem__", func() error { _, _, err := broken().Get(one); return err }},
		{"Tensor.__setitem__", func() error { return broken().SetKey(one, one) }},
		{"Tensor.sum", func() error { return callAttr(broken(), "sum") }},
		{"Tensor.reshape", func() error { return callAttr(broken(), "reshape", one) }},
		{"operator <", func() error { _, _, err := pyobj.CompareHook(syntax.LT, broken(), one); return err }},
		{"__pow__", func() error { _, _, err := pyobj.PowHook(broken(), one); return err }},
		{"__matmul__", func() error { _, _, err := pyobj.MatmulHook(broken(), broken()); return err }},
		{"Parameter.set_data", func() error {
			p := &Parameter{Tensor: *broken(), Name: "w"}
			return callAttr(p, "set_data", one)
		}},
		{"float32", func() error {
			_, err := DType{D: engine.Float32, Flavor: NumPy}.CallInternal(&starlark.Thread{}, starlark.Tuple{explosive{}}, nil)
			return err
		}},
	}
	for _, c := range cases {
		t.Run(c.call, func(t *testing.T) {
			err := c.run()
			var p *pyobj.PanicError
			if !errors.As(err, &p) {
				t.Fatalf("error %v (%T), want a *pyobj.PanicError", err, err)
			}
			if p.Call != c.call {
				t.Errorf("Call %q, want %q", p.Call, c.call)
			}
		})
	}
}

func TestTensorPanicKeepsScriptFrames(t *testing.T) {
	src := "def add():\n    return x + 1\n\nadd()\n"
	thread := &starlark.Thread{Name: "guard"}
	_, err := starlark.ExecFile(thread, "guard.star", src, starlark.StringDict{"x": broken()})
	var p *pyobj.PanicError
	if !errors.As(err, &p) {
		t.Fatalf("error %v, want a *pyobj.PanicError", err)
	}
	var evalErr *starlark.EvalError
	if !errors.As(err, &evalErr) {
		t.Fatalf("error %T is not a *starlark.EvalError", err)
	}
	if got := evalErr.Backtrace(); !strings.Contains(got, "guard.star:2:") || !strings.Contains(got, "in add") {
		t.Errorf("backtrace does not reach add at line 2:\n%s", got)
	}
}

func callAttr(v starlark.HasAttrs, name string, args ...starlark.Value) error {
	m, err := v.Attr(name)
	if err != nil {
		return err
	}
	if m == nil {
		return errors.New("no attribute " + name)
	}
	_, err = starlark.Call(&starlark.Thread{}, m, args, nil)
	return err
}
