package ops

import (
	"errors"
	"testing"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

// TestPrimitivesRecoverPanics calls every primitive with a Tensor that
// has no engine tensor, a forced panic path into the kernels, and
// checks that each call returns an error: a *pyobj.PanicError naming
// the primitive when the kernel panicked, or an ordinary error when the
// primitive rejected the argument first.
func TestPrimitivesRecoverPanics(t *testing.T) {
	thread := &starlark.Thread{Name: "guard"}
	broken := &tensor.Tensor{Flavor: tensor.MindSpore}
	panics := 0
	for _, class := range primitives() {
		prim, err := class.CallInternal(thread, nil, nil)
		if err != nil {
			continue // the primitive needs constructor arguments
		}
		for n := 1; n <= 3; n++ {
			args := make(starlark.Tuple, n)
			for i := range args {
				args[i] = broken
			}
			_, err := starlark.Call(thread, prim, args, nil)
			if err == nil {
				t.Errorf("ops.%s with %d broken tensors returned no error", class.name, n)
				continue
			}
			var p *pyobj.PanicError
			if errors.As(err, &p) {
				panics++
				if p.Call != "ops."+class.name {
					t.Errorf("Call %q, want ops.%s", p.Call, class.name)
				}
			}
		}
	}
	if panics == 0 {
		t.Error("no primitive reached a kernel with the broken tensor, so the guard went untested")
	}
	t.Logf("%d calls panicked and were recovered", panics)
}

func TestPrimitiveStubPanic(t *testing.T) {
	stub := &PrimitiveClass{name: "Crash", call: func(*starlark.Thread, starlark.StringDict, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		var m map[string]int
		m["x"]++
		return starlark.None, nil
	}}
	thread := &starlark.Thread{Name: "stub"}
	prim, err := starlark.Call(thread, stub, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = starlark.Call(thread, prim, nil, nil)
	var p *pyobj.PanicError
	if !errors.As(err, &p) || p.Call != "ops.Crash" {
		t.Fatalf("error %v, want a *pyobj.PanicError from ops.Crash", err)
	}
}
