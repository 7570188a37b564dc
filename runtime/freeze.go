package runtime

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// freezeGlobals freezes a module's globals so that other goroutines can
// share them, unless a function reachable from them captures itself
// through its free variables (a recursive nested def). go.starlark.net's
// Function.Freeze recurses through such a cycle until the Go stack
// overflows, which no recover can catch, so those modules stay unfrozen.
// It reports whether the globals were frozen.
//
// NOTE: an unfrozen module is still safe to call from many goroutines as
// long as its functions do not mutate shared lists, dicts or instances.
func freezeGlobals(globals starlark.StringDict) bool {
	w := cycleWalker{state: map[any]int{}}
	for _, v := range globals {
		if w.hasFunctionCycle(v) {
			return false
		}
	}
	globals.Freeze()
	return true
}

// cycleWalker finds cycles that pass through a function's free
// variables. state is 1 while a value is on the DFS stack, 2 once done.
type cycleWalker struct {
	state map[any]int
}

func (w *cycleWalker) hasFunctionCycle(v starlark.Value) bool {
	var key any
	switch x := v.(type) {
	case *starlark.Function, *starlark.List, *starlark.Dict, *pyobj.Instance, *pyobj.Class:
		key = x
	case starlark.Tuple:
		for _, e := range x {
			if w.hasFunctionCycle(e) {
				return true
			}
		}
		return false
	default:
		return false
	}
	switch w.state[key] {
	case 1:
		_, isFn := v.(*starlark.Function)
		return isFn || w.onStackFunction()
	case 2:
		return false
	}
	w.state[key] = 1
	defer func() { w.state[key] = 2 }()
	for _, child := range children(v) {
		if w.hasFunctionCycle(child) {
			return true
		}
	}
	return false
}

// onStackFunction reports whether a function is on the DFS stack, which
// makes any cycle found now pass through a function.
func (w *cycleWalker) onStackFunction() bool {
	for k, s := range w.state {
		if _, ok := k.(*starlark.Function); ok && s == 1 {
			return true
		}
	}
	return false
}

func children(v starlark.Value) []starlark.Value {
	var out []starlark.Value
	switch x := v.(type) {
	case *starlark.Function:
		for i := 0; i < x.NumFreeVars(); i++ {
			_, fv := x.FreeVar(i)
			if fv != nil {
				out = append(out, fv)
			}
		}
		for i := 0; i < x.NumParams(); i++ {
			if d := x.ParamDefault(i); d != nil {
				out = append(out, d)
			}
		}
	case *starlark.List:
		for i := 0; i < x.Len(); i++ {
			out = append(out, x.Index(i))
		}
	case *starlark.Dict:
		for _, kv := range x.Items() {
			out = append(out, kv[0], kv[1])
		}
	case *pyobj.Instance:
		for _, nv := range x.Attrs() {
			out = append(out, nv.Value)
		}
	case *pyobj.Class:
		for _, nv := range x.ClassAttrs() {
			out = append(out, nv.Value)
		}
	}
	return out
}
