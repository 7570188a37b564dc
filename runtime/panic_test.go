package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
	"go.starlark.net/starlark"
)

// panicker is a host function that panics in the way its argument
// names, standing in for a bug in Go code that a script reaches.
func panicker(c *runtime.Call) (any, error) {
	var kind string
	if err := c.Unpack("kind", &kind); err != nil {
		return nil, err
	}
	switch kind {
	case "nil map":
		var m map[string]int
		m["x"] = 1
	case "index":
		s := []int{1, 2, 3}
		i := len(kind)
		return s[i], nil
	case "nil pointer":
		var p *struct{ x int }
		return p.x, nil
	case "error":
		panic(errors.New("broken invariant"))
	case "string":
		panic("unreachable state")
	case "struct":
		panic(struct{ Code int }{7})
	}
	return nil, nil
}

var panicKinds = []string{"nil map", "index", "nil pointer", "error", "string", "struct"}

func newPanicRuntime(t *testing.T) (*runtime.Runtime, *runtime.Module) {
	t.Helper()
	rt, _ := newRuntime(t, runtime.Options{})
	if err := rt.RegisterModule("h", starlark.StringDict{"boom": runtime.NewFunction("boom", panicker)}); err != nil {
		t.Fatal(err)
	}
	mod := load(t, rt, "panics.py", `
from h import boom

def call(kind):
    return boom(kind)

def in_generator(kind):
    def body():
        yield boom(kind)
    return [x for x in body()]

def ok():
    return 1
`)
	return rt, mod
}

func TestHostPanicBecomesRuntimeError(t *testing.T) {
	_, mod := newPanicRuntime(t)
	ctx := context.Background()
	for _, kind := range panicKinds {
		_, err := mod.Call(ctx, "call", kind)
		e := wantType(t, err, "RuntimeError")
		var p *runtime.PanicError
		if !errors.As(err, &p) {
			t.Errorf("%s: errors.As does not reach *PanicError: %v", kind, err)
			continue
		}
		if !strings.HasPrefix(p.Site, "panic_test.go:") {
			t.Errorf("%s: panic site %q, want panic_test.go:LINE", kind, p.Site)
		}
		if len(p.Stack) == 0 {
			t.Errorf("%s: no Go stack", kind)
		}
		if n := len(e.Traceback); n == 0 || e.Traceback[n-1].Line != 5 || e.Traceback[n-1].File != "panics.py" {
			t.Errorf("%s: traceback %v does not end at panics.py line 5", kind, e.Traceback)
		}
		if _, err := mod.Call(ctx, "ok"); err != nil {
			t.Fatalf("runtime unusable after a %s panic: %v", kind, err)
		}
	}
}

func TestPanicErrorUnwrapsPanicValue(t *testing.T) {
	_, mod := newPanicRuntime(t)
	_, err := mod.Call(context.Background(), "call", "error")
	if err == nil || !strings.Contains(err.Error(), "broken invariant") {
		t.Errorf("error %v does not carry the panic value", err)
	}
}

func TestPanicInGeneratorGoroutine(t *testing.T) {
	_, mod := newPanicRuntime(t)
	for _, kind := range panicKinds {
		_, err := mod.Call(context.Background(), "in_generator", kind)
		wantType(t, err, "RuntimeError")
		if !errors.As(err, new(*runtime.PanicError)) {
			t.Errorf("%s: errors.As does not reach *PanicError: %v", kind, err)
		}
	}
}

// explosive is a script value whose every method panics, so a panic
// happens inside go.starlark.net itself, far from any host function.
type explosive struct{}

func (explosive) String() string        { panic("String exploded") }
func (explosive) Type() string          { return "explosive" }
func (explosive) Freeze()               {}
func (explosive) Truth() starlark.Bool  { panic("Truth exploded") }
func (explosive) Hash() (uint32, error) { panic("Hash exploded") }

func TestPanicInsideInterpreter(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "x.py", `
def stringify(x):
    return str(x)

def test(x):
    if x:
        return 1
    return 0

def index(x):
    return {x: 1}
`)
	for _, fn := range []string{"stringify", "test", "index"} {
		_, err := mod.Call(context.Background(), fn, explosive{})
		wantType(t, err, "RuntimeError")
		var p *runtime.PanicError
		if !errors.As(err, &p) || !strings.Contains(fmt.Sprint(p.Value), "exploded") {
			t.Errorf("%s: error %v does not carry the panic", fn, err)
		}
	}
}

func TestPanicInClassAndHooks(t *testing.T) {
	class, err := runtime.NewClass(runtime.ClassSpec{
		Name: "Fragile",
		Init: func(c *runtime.Call) (any, error) {
			var crash bool
			if err := c.Unpack("crash", &crash); err != nil {
				return nil, err
			}
			if crash {
				panic("init crashed")
			}
			return nil, nil
		},
		Methods: []runtime.Method{{Name: "run", Func: func(c *runtime.Call) (any, error) {
			var m map[int]int
			m[1] = 1
			return nil, nil
		}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	rt, _ := newRuntime(t, runtime.Options{})
	if err := rt.RegisterModule("h", starlark.StringDict{"Fragile": class}); err != nil {
		t.Fatal(err)
	}
	mod := load(t, rt, "f.py", "from h import Fragile\ndef make(c):\n    return Fragile(c)\ndef run():\n    return Fragile(False).run()\n")
	_, err = mod.Call(context.Background(), "make", true)
	wantType(t, err, "RuntimeError")
	_, err = mod.Call(context.Background(), "run")
	wantType(t, err, "RuntimeError")

	_, model, data := buildLine(t, rt, "")
	err = rt.Train(context.Background(), model, data, runtime.TrainOptions{
		Epochs:  1,
		StepEnd: func(runtime.TrainStep) error { panic("hook crashed") },
	})
	wantType(t, err, "RuntimeError")
	if !errors.As(err, new(*runtime.PanicError)) {
		t.Errorf("a panicking hook: errors.As does not reach *PanicError: %v", err)
	}
}

// TestHostileScripts runs scripts that push the Go side hard: wrong
// types, shapes too big to allocate and deep recursion. Each must fail
// with a Python exception, never crash the process.
func TestHostileScripts(t *testing.T) {
	cases := []struct {
		name, src, wantType string
	}{
		{"tensor plus string", "from mindspore import Tensor\nTensor([1.0]) + 'x'\n", "TypeError"},
		{"primitive on string", "import mindspore.ops as ops\nops.Abs()('x')\n", "TypeError"},
		{"dense with string", "import mindspore.nn as nn\nnn.Dense('a', 2)\n", "TypeError"},
		{"loss on lists", "import mindspore.nn as nn\nnn.MSELoss()([1], 'y')\n", "TypeError"},
		{"huge zeros", "import numpy as np\nnp.zeros((1 << 40, 1 << 40))\n", "MemoryError"},
		{"huge dense", "import mindspore.nn as nn\nnn.Dense(1 << 20, 1 << 20)\n", "MemoryError"},
		{"negative shape", "import numpy as np\nnp.zeros((-1, 3))\n", "ValueError"},
		{"bad reshape", "import numpy as np\nnp.arange(10).reshape((3, 3))\n", "ValueError"},
		{"index out of range", "import numpy as np\nnp.ones((2, 3))[5]\n", "IndexError"},
		{"recursion", "def f(n):\n    return f(n + 1)\nf(0)\n", "RecursionError"},
		{"getattr recursion", "class A:\n    def __getattr__(self, name):\n        return self.missing\nA().x\n", "RecursionError"},
		{"repr recursion", "class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())\n", "RecursionError"},
		{"eq recursion", "class A:\n    def __eq__(self, o):\n        return self == o\nA() == A()\n", "RecursionError"},
		{"cell recursion", "import mindspore.nn as nn\nclass C(nn.Cell):\n    def construct(self, x):\n        return self(x)\nC()(1)\n", "RecursionError"},
	}
	rt, _ := newRuntime(t, runtime.Options{})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := rt.ExecSource(context.Background(), "hostile.py", []byte(c.src))
			wantType(t, err, c.wantType)
			if errors.As(err, new(*runtime.PanicError)) {
				t.Errorf("a Go panic is behind %v", err)
			}
		})
	}
	if _, err := rt.ExecSource(context.Background(), "after.py", []byte("x = 1\n")); err != nil {
		t.Errorf("runtime unusable after hostile scripts: %v", err)
	}
}

func TestCyclicValuesFromScripts(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "cyc.py", "def cyclic():\n    l = []\n    l.append(l)\n    return l\n")
	out, err := mod.Call(context.Background(), "cyclic")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := out.Go(); err == nil {
		t.Error("Go() of a list that holds itself returned no error")
	}
}
