package runtime

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/builtins/core"
	"go.starlark.net/starlark"
)

// panicModule is a built-in module, registered like those of
// registry.go, whose function panics with a Go runtime error.
const panicModule = "cellscript_guard_test"

func init() {
	builders[panicModule] = func() *core.Module {
		return core.NewModule(panicModule, starlark.StringDict{
			"crash": starlark.NewBuiltin("crash", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
				return args[len(args)], nil
			}),
		})
	}
}

func TestModulePanicKeepsBacktrace(t *testing.T) {
	rt := New(Options{})
	src := "import " + panicModule + " as m\n\ndef outer():\n    return m.crash(1)\n\nouter()\n"
	_, err := rt.ExecSource(context.Background(), "crash.py", []byte(src))
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not a *runtime.Error", err)
	}
	if e.Type != "RuntimeError" {
		t.Errorf("type %s, want RuntimeError", e.Type)
	}
	if !strings.Contains(e.Message, "crash: internal error: Go panic at guard_test.go:") {
		t.Errorf("message %q does not name the built-in and the panic site", e.Message)
	}
	var p *PanicError
	if !errors.As(err, &p) || !strings.Contains(p.Error(), "index out of range") {
		t.Errorf("errors.As does not reach the *PanicError of the index panic: %v", err)
	}
	var lines []int
	for _, f := range e.Traceback {
		lines = append(lines, f.Line)
	}
	if len(lines) != 2 || lines[0] != 6 || lines[1] != 4 {
		t.Errorf("traceback lines %v, want [6 4] (the call of outer, then of m.crash)", lines)
	}
}

func TestModulePanicIsCatchable(t *testing.T) {
	var out strings.Builder
	rt := New(Options{Stdout: &out})
	src := "import " + panicModule + " as m\ntry:\n    m.crash()\nexcept RuntimeError as e:\n    print('caught', 'Go panic' in str(e))\nprint('after')\n"
	if _, err := rt.ExecSource(context.Background(), "catch.py", []byte(src)); err != nil {
		t.Fatalf("the script could not catch the panic: %v", err)
	}
	if got, want := out.String(), "caught True\nafter\n"; got != want {
		t.Errorf("output %q, want %q", got, want)
	}
}

func TestPredeclaredPanicIsCatchable(t *testing.T) {
	pythonBuiltins["__crash__"] = starlark.NewBuiltin("__crash__", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		panic("predeclared built-in crashed")
	})
	defer delete(pythonBuiltins, "__crash__")
	var out strings.Builder
	rt := New(Options{Stdout: &out})
	src := "try:\n    __crash__()\nexcept RuntimeError as e:\n    print('crashed' in str(e))\n"
	if _, err := rt.ExecSource(context.Background(), "predeclared.py", []byte(src)); err != nil {
		t.Fatalf("the script could not catch the panic: %v", err)
	}
	if got := out.String(); got != "True\n" {
		t.Errorf("output %q, want %q", got, "True\n")
	}
}
