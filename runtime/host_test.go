package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/runtime"
	"go.starlark.net/starlark"
)

// unpackAll is a host function that unpacks one argument of every
// pointer type Call.Unpack converts and returns a summary.
func unpackAll(c *runtime.Call) (any, error) {
	var (
		f   float64
		f32 float32
		t   *engine.Tensor
		fs  []float64
		is  []int
		ss  []string
		a   any
		m   map[string]any
		o   *runtime.Object
		n   int
		s   string
	)
	err := c.Unpack("f", &f, "f32", &f32, "t", &t, "fs", &fs, "is", &is, "ss", &ss,
		"a", &a, "m", &m, "o", &o, "n?", &n, "s?", &s)
	if err != nil {
		return nil, err
	}
	return map[string]any{
		"f": f, "f32": f32, "t": t.Floats(), "fs": fs, "is": is, "ss": ss,
		"a": a, "m": m, "o": o.Type(), "n": n, "s": s,
	}, nil
}

func TestCallUnpackConvertsEveryType(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	if err := rt.RegisterModule("h", starlark.StringDict{"unpack": runtime.NewFunction("unpack", unpackAll)}); err != nil {
		t.Fatal(err)
	}
	mod := load(t, rt, "u.py", `
import numpy as np
from h import unpack
class K:
    pass
r = unpack(1, 2.5, [1, 2], (0.5, 1), [3], ["x"], {"k": [1]}, {"z": None}, K(), s="str")
`)
	r, _ := mod.Get("r")
	g, err := r.Go()
	if err != nil {
		t.Fatal(err)
	}
	got := g.(map[string]any)
	checks := map[string]string{
		"f": "1", "f32": "2.5", "t": "[1 2]", "fs": "[0.5 1]", "is": "[3]", "ss": "[x]",
		"a": "map[k:[1]]", "m": "map[z:<nil>]", "o": "K", "n": "0", "s": "str",
	}
	for key, want := range checks {
		if s := fmt.Sprint(got[key]); s != want {
			t.Errorf("%s = %s, want %s", key, s, want)
		}
	}
}

func TestCallUnpackErrors(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	fn := runtime.NewFunction("scale", func(c *runtime.Call) (any, error) {
		var x *engine.Tensor
		var factor float64
		var axes []int
		if err := c.Unpack("x", &x, "factor", &factor, "axes?", &axes); err != nil {
			return nil, err
		}
		return factor, nil
	})
	if err := rt.RegisterModule("h", starlark.StringDict{"scale": fn}); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		`scale([1.0], "two")`:        "factor",
		`scale("x", 2.0)`:            "x",
		`scale([1.0])`:               "factor",
		`scale([1.0], 2.0, [1.5])`:   "axes",
		`scale([1.0], 2.0, bogus=1)`: "bogus",
		`scale([1.0], 2.0, 3, 4)`:    "scale",
	}
	for call, name := range cases {
		_, err := rt.ExecSource(context.Background(), "bad.py", []byte("from h import scale\n"+call+"\n"))
		e := wantType(t, err, "TypeError")
		if !strings.Contains(e.Message, name) {
			t.Errorf("%s: message %q does not name %s", call, e.Message, name)
		}
	}
}

func TestHostFunctionErrors(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	sentinel := errors.New("disk on fire")
	members := starlark.StringDict{
		"typed": runtime.NewFunction("typed", func(c *runtime.Call) (any, error) {
			return nil, runtime.Errorf("IndexError", "typed: index 9 is out of range")
		}),
		"plain": runtime.NewFunction("plain", func(c *runtime.Call) (any, error) {
			return nil, sentinel
		}),
		"badresult": runtime.NewFunction("badresult", func(c *runtime.Call) (any, error) {
			return make(chan int), nil
		}),
		"unknown": runtime.NewFunction("unknown", func(c *runtime.Call) (any, error) {
			return nil, runtime.Errorf("NoSuchError", "x")
		}),
	}
	if err := rt.RegisterModule("h", members); err != nil {
		t.Fatal(err)
	}
	mod := load(t, rt, "e.py", `
import h
def typed():
    return h.typed()
def plain():
    return h.plain()
def badresult():
    return h.badresult()
def unknown():
    return h.unknown()
`)
	ctx := context.Background()
	_, err := mod.Call(ctx, "typed")
	e := wantType(t, err, "IndexError")
	if len(e.Traceback) == 0 || e.Traceback[len(e.Traceback)-1].Line != 4 {
		t.Errorf("traceback %v does not end at line 4", e.Traceback)
	}
	_, err = mod.Call(ctx, "plain")
	wantType(t, err, "RuntimeError")
	if !errors.Is(err, sentinel) {
		t.Errorf("errors.Is does not reach the host function's error: %v", err)
	}
	_, err = mod.Call(ctx, "badresult")
	wantType(t, err, "TypeError")
	_, err = mod.Call(ctx, "unknown")
	wantType(t, err, "RuntimeError")
}

func TestHostFunctionSeesCallContext(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	type key struct{}
	var seen any
	var seenRuntime *runtime.Runtime
	fn := runtime.NewFunction("peek", func(c *runtime.Call) (any, error) {
		seen = c.Context.Value(key{})
		seenRuntime = c.Runtime
		return nil, c.CheckCancel()
	})
	mod := load(t, rt, "p.py", "def run(f):\n    return f()\n")
	ctx := context.WithValue(context.Background(), key{}, "marker")
	if _, err := mod.Call(ctx, "run", fn); err != nil {
		t.Fatal(err)
	}
	if seen != "marker" {
		t.Errorf("Call.Context value = %v, want marker", seen)
	}
	if seenRuntime != rt {
		t.Error("Call.Runtime is not the calling runtime")
	}
}

func TestHostFunctionCallsBack(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	apply := runtime.NewFunction("apply", func(c *runtime.Call) (any, error) {
		var fn *runtime.Object
		var x float64
		if err := c.Unpack("fn", &fn, "x", &x); err != nil {
			return nil, err
		}
		return starlark.Call(c.Thread, fn.Value(), starlark.Tuple{starlark.Float(x)}, nil)
	})
	mod := load(t, rt, "cb.py", "def run(apply):\n    return apply(lambda v: v * 3, 2)\n")
	out, err := mod.Call(context.Background(), "run", apply)
	if err != nil {
		t.Fatal(err)
	}
	if f, _ := out.Float(); f != 6 {
		t.Errorf("apply(lambda v: v * 3, 2) = %v, want 6", f)
	}
}

func TestNewClassValidation(t *testing.T) {
	noop := func(c *runtime.Call) (any, error) { return nil, nil }
	bad := []runtime.ClassSpec{
		{Name: ""},
		{Name: "has space"},
		{Name: "C", Methods: []runtime.Method{{Name: "m"}}},
		{Name: "C", Methods: []runtime.Method{{Name: "__init__", Func: noop}}},
		{Name: "C", Methods: []runtime.Method{{Name: "m", Func: noop}, {Name: "m", Func: noop}}},
		{Name: "C", Methods: []runtime.Method{{Name: "a-b", Func: noop}}},
	}
	for _, spec := range bad {
		if _, err := runtime.NewClass(spec); err == nil {
			t.Errorf("NewClass(%+v) returned no error", spec)
		}
	}
}

func TestGoClassStateAndSubclass(t *testing.T) {
	type counter struct{ n int }
	class, err := runtime.NewClass(runtime.ClassSpec{
		Name: "Counter",
		Init: func(c *runtime.Call) (any, error) {
			start := 0
			if err := c.Unpack("start?", &start); err != nil {
				return nil, err
			}
			return &counter{n: start}, nil
		},
		Methods: []runtime.Method{{Name: "bump", Func: func(c *runtime.Call) (any, error) {
			st := c.State.(*counter)
			st.n++
			return st.n, nil
		}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	rt, _ := newRuntime(t, runtime.Options{})
	if err := rt.RegisterModule("h", starlark.StringDict{"Counter": class}); err != nil {
		t.Fatal(err)
	}
	mod := load(t, rt, "c.py", `
from h import Counter
a = Counter(5)
b = Counter()
first = [a.bump(), a.bump(), b.bump()]

class Twice(Counter):
    def __init__(self):
        super().__init__(10)
    def bump(self):
        super().bump()
        return super().bump()

class Broken(Counter):
    def __init__(self):
        pass

twice = Twice().bump()
def broken():
    return Broken().bump()
def bad_args():
    return Counter("x")
`)
	first, _ := mod.Get("first")
	g, _ := first.Go()
	if got := fmt.Sprint(g); got != "[6 7 1]" {
		t.Errorf("bumps = %s, want [6 7 1]", got)
	}
	twice, _ := mod.Get("twice")
	if n, _ := twice.Int(); n != 12 {
		t.Errorf("Twice().bump() = %d, want 12", n)
	}
	_, err = mod.Call(context.Background(), "broken")
	e := wantType(t, err, "RuntimeError")
	if !strings.Contains(e.Message, "super().__init__") {
		t.Errorf("message %q does not point to super().__init__", e.Message)
	}
	_, err = mod.Call(context.Background(), "bad_args")
	wantType(t, err, "TypeError")
}
