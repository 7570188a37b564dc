package pyobj

import (
	"fmt"
	"sort"
	"testing"

	"go.starlark.net/starlark"
)

// TestBuiltinsNeverPanic calls every predeclared callable, and the
// callables reachable from its results, with zero to three arguments drawn
// from None, ints, strings and a few other values. Errors are expected;
// a Go panic is a failure.
func TestBuiltinsNeverPanic(t *testing.T) {
	globals, _ := mustRun(t, `
def _Thing():
    def __init__(self, v = 0):
        self.v = v
    def method(self, *args):
        return args
    def prop(self):
        return self.v
    return {"__init__": __init__, "method": method, "prop": property(prop)}

Thing = __class__("Thing", (), _Thing, None)
def local_values():
    thing = Thing(1)
    return [thing, Thing, thing.method, super(Thing, thing), Thing.prop, staticmethod(len), classmethod(len)]
`, nil)
	thread := &starlark.Thread{Name: "panics"}
	extra, err := starlark.Call(thread, globals["local_values"], nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	values := []starlark.Value{starlark.None, starlark.MakeInt(1), starlark.String("s")}
	richer := append(values, starlark.Float(-1.5), starlark.Tuple{}, starlark.NewList(nil), starlark.NewDict(0), starlark.MakeInt(-1))
	richer = append(richer, listElems(extra.(*starlark.List))...)

	var callables []starlark.Callable
	names := Builtins().Keys()
	sort.Strings(names)
	for _, name := range names {
		if c, ok := Builtins()[name].(starlark.Callable); ok {
			callables = append(callables, c)
		}
	}
	for _, v := range listElems(extra.(*starlark.List)) {
		if c, ok := v.(starlark.Callable); ok {
			callables = append(callables, c)
		}
	}
	for _, name := range []string{"getter", "setter", "deleter"} {
		method, _ := (&Property{id: newID()}).Attr(name)
		callables = append(callables, method.(starlark.Callable))
	}
	for _, name := range Object.AttrNames() {
		method, _ := Object.Attr(name)
		callables = append(callables, method.(starlark.Callable))
	}

	calls := 0
	for _, fn := range callables {
		for _, args := range argumentLists(values, richer) {
			calls++
			callWithoutPanic(t, fn, args)
		}
	}
	t.Logf("%d callables, %d calls", len(callables), calls)
}

// argumentLists returns every list of up to three values from small, and
// of up to two values from rich.
func argumentLists(small, rich []starlark.Value) []starlark.Tuple {
	lists := []starlark.Tuple{{}}
	for _, a := range rich {
		lists = append(lists, starlark.Tuple{a})
		for _, b := range rich {
			lists = append(lists, starlark.Tuple{a, b})
		}
	}
	for _, a := range small {
		for _, b := range small {
			for _, c := range small {
				lists = append(lists, starlark.Tuple{a, b, c})
			}
		}
	}
	lists = append(lists, starlark.Tuple{starlark.String("C"), starlark.Tuple{}, starlark.None, starlark.None})
	lists = append(lists, starlark.Tuple{starlark.String("C"), starlark.Tuple{starlark.None}, starlark.NewDict(0), starlark.MakeInt(1)})
	return lists
}

func callWithoutPanic(t *testing.T, fn starlark.Callable, args starlark.Tuple) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s%v panicked: %v", fn.Name(), args, r)
		}
	}()
	thread := &starlark.Thread{Name: "panics", Print: func(*starlark.Thread, string) {}}
	result, err := starlark.Call(thread, fn, args, nil)
	if err == nil && result != nil {
		// Rendering the result runs String, Truth and Hash, which must
		// not panic either.
		_ = fmt.Sprint(result.String(), result.Truth())
		_, _ = result.Hash()
	}
	ClearDeferredError(thread)
}

func TestClassNamedLikeBuiltinType(t *testing.T) {
	_, out := mustRun(t, `
L = __class__("list", (), None, None)
x = L()
print([x] == [[]], [x] == [x], type(x).__name__, sorted([1]) == [1])
print(fails_type(lambda: sorted([x, []])))
`, nil)
	compareLines(t, out, "False True list True\nTypeError\n")
}
