package runtime

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// guardBuiltins replaces every *starlark.Builtin in members with one
// that turns a Go panic into a RuntimeError (pyobj.GuardBuiltin), so
// that the panic keeps the script's backtrace and a try statement can
// catch it. go.starlark.net does not recover panics in Go callables,
// and without the guard a panic would unwind the whole call to the
// entry point. Classes and tensors guard their own methods.
func guardBuiltins(members starlark.StringDict) {
	for name, v := range members {
		if b, ok := v.(*starlark.Builtin); ok {
			members[name] = pyobj.GuardBuiltin(b)
		}
	}
}
