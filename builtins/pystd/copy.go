package pystd

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// Copy returns the copy module: copy and deepcopy of lists, dicts,
// sets and tuples, of values with a copy() method (tensors and arrays),
// and of instances whose class defines __copy__ or __deepcopy__.
// Immutable values are returned as they are.
//
// NOTE: an instance of a script class without __copy__ or __deepcopy__
// cannot be copied yet, because the object model offers no way to make
// an instance without running __init__; copy raises TypeError for it.
func Copy() *core.Module {
	return core.NewModule("copy", starlark.StringDict{
		"copy": starlark.NewBuiltin("copy", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x starlark.Value
			if err := starlark.UnpackPositionalArgs("copy.copy", args, kwargs, 1, &x); err != nil {
				return nil, pyobj.TypeErrorf("%v", err)
			}
			return copyValue(thread, x, nil)
		}),
		"deepcopy": starlark.NewBuiltin("deepcopy", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x, memo starlark.Value = nil, starlark.None
			if err := starlark.UnpackPositionalArgs("copy.deepcopy", args, kwargs, 1, &x, &memo); err != nil {
				return nil, pyobj.TypeErrorf("%v", err)
			}
			return copyValue(thread, x, map[starlark.Value]starlark.Value{})
		}),
	})
}

// copyValue copies x: shallowly when memo is nil, and deeply otherwise,
// with memo mapping each copied container to its copy so that shared
// and cyclic references stay shared.
func copyValue(thread *starlark.Thread, x starlark.Value, memo map[starlark.Value]starlark.Value) (starlark.Value, error) {
	switch x.(type) {
	case starlark.NoneType, starlark.Bool, starlark.Int, starlark.Float, starlark.String, starlark.Bytes,
		*starlark.Function, *starlark.Builtin, *pyobj.Class, *core.Module:
		return x, nil
	}
	if memo != nil {
		if hashable(x) {
			if done, ok := memo[x]; ok {
				return done, nil
			}
		}
	}
	deep := func(v starlark.Value) (starlark.Value, error) {
		if memo == nil {
			return v, nil
		}
		return copyValue(thread, v, memo)
	}
	switch v := x.(type) {
	case *starlark.List:
		out := starlark.NewList(nil)
		remember(memo, x, out)
		for i := 0; i < v.Len(); i++ {
			e, err := deep(v.Index(i))
			if err != nil {
				return nil, err
			}
			if err := out.Append(e); err != nil {
				return nil, err
			}
		}
		return out, nil
	case starlark.Tuple:
		out := make(starlark.Tuple, len(v))
		for i, e := range v {
			c, err := deep(e)
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case *starlark.Dict:
		out := starlark.NewDict(v.Len())
		remember(memo, x, out)
		for _, item := range v.Items() {
			val, err := deep(item[1])
			if err != nil {
				return nil, err
			}
			if err := out.SetKey(item[0], val); err != nil {
				return nil, err
			}
		}
		return out, nil
	case *starlark.Set:
		out := starlark.NewSet(v.Len())
		iter := v.Iterate()
		defer iter.Done()
		var e starlark.Value
		for iter.Next(&e) {
			if err := out.Insert(e); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	return copyObject(thread, x, memo)
}

// copyObject copies a value through its own protocol: __deepcopy__ or
// __copy__ on instances, copy() on tensors and arrays.
func copyObject(thread *starlark.Thread, x starlark.Value, memo map[starlark.Value]starlark.Value) (starlark.Value, error) {
	if inst, ok := x.(*pyobj.Instance); ok {
		name := "__copy__"
		var args starlark.Tuple
		if memo != nil {
			name, args = "__deepcopy__", starlark.Tuple{starlark.NewDict(0)}
		}
		if _, found := inst.Class().Lookup(name); found != nil {
			return pyobj.CallMethod(thread, inst, name, args, nil)
		}
		return nil, pyobj.TypeErrorf("copy: cannot copy an instance of '%s' that defines no %s method", inst.Class().Name(), name)
	}
	if attrs, ok := x.(starlark.HasAttrs); ok {
		if method, err := attrs.Attr("copy"); err == nil && method != nil {
			return starlark.Call(thread, method, nil, nil)
		}
	}
	if _, ok := x.(starlark.Callable); ok {
		return x, nil
	}
	return nil, pyobj.TypeErrorf("copy: cannot copy '%s' object", pyobj.TypeOf(x).Name())
}

func hashable(v starlark.Value) bool {
	switch v.(type) {
	case *starlark.List, *starlark.Dict, *starlark.Set, *pyobj.Instance:
		return true
	}
	return false
}

func remember(memo map[starlark.Value]starlark.Value, x, copied starlark.Value) {
	if memo != nil {
		memo[x] = copied
	}
}
