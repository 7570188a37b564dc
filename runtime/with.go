package runtime

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// pyWith implements __with__(manager, body), the desugared with
// statement: it calls manager.__enter__(), passes the result to body,
// and calls manager.__exit__ with the exception type, value and
// traceback (None, as tracebacks are not objects here) when body
// raises, or with three Nones otherwise. A true result from __exit__
// suppresses the exception. Managers written in script and native
// values with __enter__ and __exit__ attributes both work.
func pyWith(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 || len(kwargs) != 0 {
		return nil, pyobj.TypeErrorf("__with__: want a context manager and a body, got %d arguments", len(args))
	}
	manager := args[0]
	enter, exit, err := contextMethods(thread, manager)
	if err != nil {
		return nil, err
	}
	value, err := starlark.Call(thread, enter, nil, nil)
	if err != nil {
		return nil, err
	}
	status, err := starlark.Call(thread, args[1], starlark.Tuple{value}, nil)
	if err == nil {
		if _, xerr := starlark.Call(thread, exit, starlark.Tuple{starlark.None, starlark.None, starlark.None}, nil); xerr != nil {
			return nil, xerr
		}
		return status, nil
	}
	err, ok := catchable(thread, err)
	if !ok {
		return nil, err
	}
	exc := exceptionOf(thread, err)
	pushHandled(thread, handled{exc: exc, err: err})
	suppress, xerr := starlark.Call(thread, exit, starlark.Tuple{exc.Class(), exc, starlark.None}, nil)
	popHandled(thread)
	if xerr != nil {
		setContext(xerr, exc)
		return nil, xerr
	}
	if suppress.Truth() {
		return starlark.None, nil
	}
	return nil, err
}

// contextMethods returns the bound __enter__ and __exit__ of manager.
func contextMethods(thread *starlark.Thread, manager starlark.Value) (enter, exit starlark.Value, err error) {
	enter, err = pyobj.GetAttr(thread, manager, "__enter__")
	if err == nil {
		exit, err = pyobj.GetAttr(thread, manager, "__exit__")
	}
	if err != nil || enter == nil || exit == nil {
		return nil, nil, pyobj.TypeErrorf("'%s' object does not support the context manager protocol (it needs __enter__ and __exit__)", pyTypeName(manager))
	}
	return enter, exit, nil
}

// pyTypeName returns the Python type name of v, as type(v).__name__ gives it.
func pyTypeName(v starlark.Value) string {
	if t := pyobj.TypeOf(v); t != nil {
		return t.Name()
	}
	return v.Type()
}
