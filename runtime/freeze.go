package runtime

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/pystd"
	"github.com/cellscript/cellscript/builtins/train"
	"go.starlark.net/starlark"
)

// freezeGlobals freezes a module's globals so that other goroutines can
// share them, unless a function reachable from them captures itself
// through its free variables (a recursive nested def), or they hold a
// value the check cannot look inside (see opaque).
// go.starlark.net's Function.Freeze recurses through such a cycle until
// the Go stack overflows, which no recover can catch, so those modules
// stay unfrozen. It reports whether the globals were frozen.
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

// hasFunctionCycle reports whether freezing v could recurse forever. It
// walks the values whose Freeze method freezes what they hold. Other
// values count as leaves, because their Freeze does nothing, except a
// few whose Freeze reaches values the walker cannot see, which count as
// cycles (see opaque).
func (w *cycleWalker) hasFunctionCycle(v starlark.Value) bool {
	var key any
	switch x := v.(type) {
	case *starlark.Function, *starlark.List, *starlark.Dict, *starlark.Set, *pySet, *pyobj.Instance, *pyobj.Class,
		*pyobj.BoundMethod, *pyobj.StaticMethod, *pyobj.ClassMethod, *pyobj.Property, *starlark.Builtin,
		*pystd.Partial, *pystd.NamedTuple, *cells:
		key = x
	case starlark.Tuple:
		for _, e := range x {
			if w.hasFunctionCycle(e) {
				return true
			}
		}
		return false
	default:
		return opaque(v)
	}
	if c, ok := v.(*pyobj.Class); ok && c.IsNative() {
		return false // frozen when created, and holds only Go methods
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
	case *pySet:
		out = append(out, x.elements()...)
	case *starlark.Set:
		it := x.Iterate()
		defer it.Done()
		var e starlark.Value
		for it.Next(&e) {
			out = append(out, e)
		}
	case *pyobj.BoundMethod:
		out = append(out, x.Self, x.Func)
	case *pyobj.StaticMethod:
		out = append(out, x.Func())
	case *pyobj.ClassMethod:
		out = append(out, x.Func())
	case *starlark.Builtin:
		if r := x.Receiver(); r != nil {
			out = append(out, r)
		}
	case *pyobj.Property, *pystd.Partial:
		out = append(out, attrValues(x.(starlark.HasAttrs), "fget", "fset", "fdel", "func", "args", "keywords")...)
	case *pystd.NamedTuple:
		for i := 0; i < x.Len(); i++ {
			out = append(out, x.Index(i))
		}
	case *cells:
		for _, cv := range x.values {
			out = append(out, cv)
		}
	}
	return out
}

// attrValues returns the attributes of x among names that it has.
func attrValues(x starlark.HasAttrs, names ...string) []starlark.Value {
	var out []starlark.Value
	for _, name := range names {
		if v, err := x.Attr(name); err == nil && v != nil {
			out = append(out, v)
		}
	}
	return out
}

// opaque reports whether v's Freeze method freezes values that the
// walker cannot reach: a super() proxy and run_context's cb_params.
func opaque(v starlark.Value) bool {
	switch v.(type) {
	case *pyobj.Super, *train.Params:
		return true
	}
	return false
}
