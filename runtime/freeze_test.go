package runtime

import (
	"context"
	"testing"

	"go.starlark.net/starlark"
)

func TestRecursiveClosureModuleLoads(t *testing.T) {
	src := `
def outer():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact

f = outer()
print(f(5))
`
	rt := New(Options{})
	mod, err := rt.ExecSource(context.Background(), "rec.py", []byte(src))
	if err != nil {
		t.Fatalf("ExecSource: %v", err)
	}
	if _, ok := mod.Globals["f"]; !ok {
		t.Fatal("global f missing")
	}
}

func TestPlainModuleIsFrozen(t *testing.T) {
	rt := New(Options{})
	mod, err := rt.ExecSource(context.Background(), "plain.py", []byte("xs = [1, 2]\n"))
	if err != nil {
		t.Fatalf("ExecSource: %v", err)
	}
	list, ok := mod.Globals["xs"].(*starlark.List)
	if !ok {
		t.Fatalf("xs is %T, want a list", mod.Globals["xs"])
	}
	if err := list.Append(starlark.MakeInt(3)); err == nil {
		t.Error("appending to a loaded module's list succeeded; the module was not frozen")
	}
}
