package runtime

import (
	"fmt"
	"strings"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// pyMethodCall implements __method_call__(obj, name, *args, **kwargs),
// the desugared obj.name(...) for the list and dict methods that
// go.starlark.net lacks: list.sort(key=, reverse=), list.reverse(),
// list.copy(), list.count(x), dict.copy(), str.join over any iterable
// and the dict views of keys(), values() and items(). Other receivers
// get their own method of that name.
func pyMethodCall(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) < 2 {
		return nil, pyobj.TypeErrorf("__method_call__: missing the object or the method name")
	}
	obj, rest := args[0], args[2:]
	name, _ := starlark.AsString(args[1])
	if d, ok := underlyingDict(obj); ok {
		if view, ok, err := dictViewMethod(d, name, rest, kwargs); ok {
			return view, err
		}
	}
	switch x := obj.(type) {
	case *starlark.List:
		return listMethod(thread, x, name, rest, kwargs)
	case starlark.String:
		if name == "join" {
			return stringJoin(x, rest, kwargs)
		}
		if method := stringMethods[name]; method != nil {
			return method(thread, string(x), rest, kwargs)
		}
	case starlark.Bytes:
		if name == "decode" {
			return bytesDecode(x, rest, kwargs)
		}
	case starlark.Tuple:
		if name == "count" || name == "index" {
			return tupleMethod(x, name, rest, kwargs)
		}
	case starlark.Int, starlark.Bool, starlark.Float:
		if method := numberMethods[name]; method != nil {
			return method(x, rest, kwargs)
		}
	case *starlark.Dict:
		if name == "popitem" {
			return dictPopItem(x, rest, kwargs)
		}
		if name == "pop" {
			return dictPop(thread, x, rest, kwargs)
		}
		if name == "copy" {
			if err := starlark.UnpackPositionalArgs("dict.copy", rest, kwargs, 0); err != nil {
				return nil, err
			}
			d := starlark.NewDict(x.Len())
			for _, kv := range x.Items() {
				if err := d.SetKey(kv[0], kv[1]); err != nil {
					return nil, err
				}
			}
			return d, nil
		}
	}
	method, err := pyobj.GetAttr(thread, obj, name)
	if err != nil {
		return nil, err
	}
	return starlark.Call(thread, method, rest, kwargs)
}

func listMethod(thread *starlark.Thread, l *starlark.List, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	elems := make([]starlark.Value, l.Len())
	for i := range elems {
		elems[i] = l.Index(i)
	}
	switch name {
	case "sort":
		var key starlark.Value = starlark.None
		reverse := false
		if err := starlark.UnpackArgs("list.sort", args, kwargs, "key?", &key, "reverse?", &reverse); err != nil {
			return nil, err
		}
		sortKw := []starlark.Tuple{{starlark.String("reverse"), starlark.Bool(reverse)}}
		if key != starlark.None {
			sortKw = append(sortKw, starlark.Tuple{starlark.String("key"), key})
		}
		sortKw = scalarOrderKwargs(elems, sortKw)
		sorted, err := starlark.Call(thread, sortedBuiltin, starlark.Tuple{l}, sortKw)
		if err != nil {
			return nil, err
		}
		return starlark.None, replaceElements(l, sorted.(*starlark.List))
	case "reverse":
		if err := starlark.UnpackPositionalArgs("list.reverse", args, kwargs, 0); err != nil {
			return nil, err
		}
		for i, j := 0, len(elems)-1; i < j; i, j = i+1, j-1 {
			elems[i], elems[j] = elems[j], elems[i]
		}
		return starlark.None, replaceElements(l, starlark.NewList(elems))
	case "copy":
		if err := starlark.UnpackPositionalArgs("list.copy", args, kwargs, 0); err != nil {
			return nil, err
		}
		return starlark.NewList(elems), nil
	case "count":
		var x starlark.Value
		if err := starlark.UnpackPositionalArgs("list.count", args, kwargs, 1, &x); err != nil {
			return nil, err
		}
		n := 0
		for _, e := range elems {
			eq, err := pythonEqual(e, x)
			if err != nil {
				return nil, err
			}
			if eq {
				n++
			}
		}
		return starlark.MakeInt(n), nil
	}
	method, err := pyobj.GetAttr(thread, l, name)
	if err != nil {
		return nil, err
	}
	return starlark.Call(thread, method, args, kwargs)
}

// replaceElements overwrites l's elements in place, so that other
// references to the list see the change; a frozen list raises.
func replaceElements(l, with *starlark.List) error {
	for i := 0; i < with.Len(); i++ {
		if err := l.SetIndex(i, with.Index(i)); err != nil {
			return err
		}
	}
	return nil
}

// stringJoin implements sep.join(iterable) for any iterable (a str, a
// generator, a dict's keys, a map or filter result), as Python does,
// where go.starlark.net's join takes only a Starlark iterable.
func stringJoin(sep starlark.String, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) != 0 {
		return nil, pyobj.TypeErrorf("str.join() takes exactly one argument (%d given)", len(args)+len(kwargs))
	}
	if _, ok := args[0].(starlark.Iterable); !ok {
		if _, ok := args[0].(starlark.String); !ok {
			return nil, pyobj.TypeErrorf("can only join an iterable")
		}
	}
	elems, err := iterate(args[0], "str.join() argument")
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for i, e := range elems {
		s, ok := e.(starlark.String)
		if !ok {
			return nil, pyobj.TypeErrorf("sequence item %d: expected str instance, %s found", i, pyTypeName(e))
		}
		if i > 0 {
			b.WriteString(string(sep))
		}
		b.WriteString(string(s))
	}
	return starlark.String(b.String()), nil
}

// pythonEqual reports whether x == y in Python for the elements of a
// list or tuple: a bool equals the int it stands for and a NumPy scalar
// the Python number it holds, so [1, 2].count(np.int64(2)) is 1.
func pythonEqual(x, y starlark.Value) (bool, error) {
	x, y = pyobj.PythonNumber(x), pyobj.PythonNumber(y)
	if isPlainNumber(x) && isPlainNumber(y) {
		x, y = boolAsInt(x), boolAsInt(y)
	}
	return starlark.Equal(x, y)
}

// dictPop implements dict.pop(key[, default]): it finds the key equal
// to key in Python, as d[key] does, and raises KeyError with the key's
// repr when it is missing and no default is given.
func dictPop(thread *starlark.Thread, d *starlark.Dict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var key, dflt starlark.Value
	switch {
	case len(kwargs) > 0:
		return nil, pyobj.TypeErrorf("dict.pop() takes no keyword arguments")
	case len(args) == 0:
		return nil, pyobj.TypeErrorf("pop expected at least 1 argument, got 0")
	case len(args) > 2:
		return nil, pyobj.TypeErrorf("pop expected at most 2 arguments, got %d", len(args))
	}
	key = args[0]
	if len(args) == 2 {
		dflt = args[1]
	}
	stored, _ := storedKey(d, key)
	v, found, err := d.Delete(stored)
	switch {
	case err != nil:
		return nil, err
	case found:
		return v, nil
	case dflt != nil:
		return dflt, nil
	}
	// The interpreter's own wording, which the runtime turns into
	// KeyError(key), as dictGet does.
	return nil, fmt.Errorf("key %v not in dict", key)
}
