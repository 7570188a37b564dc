package pyobj

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

// panicky is a native class whose methods panic the ways Go code can:
// an index out of range, a nil map write and an explicit panic.
var panicky = NewNativeClass(NativeSpec{
	Name:   "Panicky",
	Module: "test",
	Methods: []Method{
		{Name: "index", Func: func(_ *starlark.Thread, _ *Instance, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			return args[len(args)+2], nil
		}},
		{Name: "nilmap", Func: func(*starlark.Thread, *Instance, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			var m map[string]int
			m["x"] = 1
			return starlark.None, nil
		}},
		{Name: "explicit", Func: func(*starlark.Thread, *Instance, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			panic("kernel invariant broken")
		}},
	},
	SetAttr: func(_ *starlark.Thread, _ *Instance, name string, _ starlark.Value) (bool, error) {
		if name == "boom" {
			panic("setattr hook failed")
		}
		return false, nil
	},
})

func TestNativeMethodPanicBecomesRuntimeError(t *testing.T) {
	for _, tc := range []struct{ method, value string }{
		{"index", "index out of range"},
		{"nilmap", "assignment to entry in nil map"},
		{"explicit", "kernel invariant broken"},
	} {
		t.Run(tc.method, func(t *testing.T) {
			src := "def outer():\n    return inner()\n\ndef inner():\n    return Panicky()." + tc.method + "()\n\nouter()\n"
			_, _, err := runScript(t, "panics.star", src, starlark.StringDict{"Panicky": panicky})
			checkPanicError(t, err, "Panicky."+tc.method, tc.value)
			var evalErr *starlark.EvalError
			if !errors.As(err, &evalErr) {
				t.Fatalf("error %T is not a *starlark.EvalError", err)
			}
			var names []string
			for _, fr := range evalErr.CallStack {
				names = append(names, fr.Name)
			}
			if got := strings.Join(names, " "); !strings.Contains(got, "<toplevel> outer inner") {
				t.Errorf("call stack %q lacks the script frames <toplevel> outer inner", got)
			}
		})
	}
}

func TestSetAttrHookPanicBecomesRuntimeError(t *testing.T) {
	src := "p = Panicky()\np.ok = 1\np.boom = 2\n"
	_, _, err := runScript(t, "setattr.star", src, starlark.StringDict{"Panicky": panicky})
	checkPanicError(t, err, "Panicky.__setattr__", "setattr hook failed")
}

func TestGuardBuiltinKeepsNameAndReceiver(t *testing.T) {
	recv := starlark.String("receiver")
	b := starlark.NewBuiltin("fails", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		var s []int
		return starlark.MakeInt(s[3]), nil
	}).BindReceiver(recv)
	g := GuardBuiltin(b)
	if g.Name() != "fails" {
		t.Errorf("name %q, want fails", g.Name())
	}
	if g.Receiver() != recv {
		t.Errorf("receiver %v, want %v", g.Receiver(), recv)
	}
	_, err := starlark.Call(&starlark.Thread{}, g, nil, nil)
	checkPanicError(t, err, "fails", "index out of range [3] with length 0")
	if GuardBuiltin(nil) != nil {
		t.Error("GuardBuiltin(nil) is not nil")
	}
}

func TestRecoverPanicKeepsNestedPanicError(t *testing.T) {
	inner := &PanicError{Call: "inner", Value: "first", Site: "x.go:1"}
	err := func() (err error) {
		defer RecoverPanic("outer", &err)
		panic(inner)
	}()
	var got *PanicError
	if !errors.As(err, &got) || got != inner {
		t.Fatalf("error %v, want the inner *PanicError", err)
	}
}

var sitePattern = regexp.MustCompile(`^\w+\.go:\d+$`)

// checkPanicError checks that err carries a *PanicError for call whose
// value mentions value, and that Classify makes it a RuntimeError.
func checkPanicError(t *testing.T, err error, call, value string) {
	t.Helper()
	var p *PanicError
	if !errors.As(err, &p) {
		t.Fatalf("error %v (%T) carries no *PanicError", err, err)
	}
	if p.Call != call {
		t.Errorf("Call %q, want %q", p.Call, call)
	}
	if !strings.Contains(p.Error(), value) {
		t.Errorf("message %q lacks %q", p.Error(), value)
	}
	if !sitePattern.MatchString(p.Site) {
		t.Errorf("site %q is not file.go:line", p.Site)
	}
	if len(p.Stack) == 0 {
		t.Error("stack is empty")
	}
	if typ, msg := Classify(err); typ != "RuntimeError" || !strings.Contains(msg, "this is a bug in Go code") {
		t.Errorf("Classify = %s: %s, want RuntimeError naming a bug in Go code", typ, msg)
	}
}

func TestGoTypeConstructorPanicBecomesRuntimeError(t *testing.T) {
	crashing := NewGoType("crashing", func(starlark.Value) bool { return false }).SetConstructor(
		starlark.NewBuiltin("crashing", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			panic("constructor exploded")
		}))
	_, _, err := runScript(t, "ctor.star", "crashing()\n", starlark.StringDict{"crashing": crashing})
	checkPanicError(t, err, "crashing", "constructor exploded")
}
