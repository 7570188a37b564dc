package runtime

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

// go.starlark.net orders values of different Go types only when both are
// Python numbers, so sorted([1, np.float32(0.5)]) would raise. The
// wrappers here give sorted, min, max and list.sort a key function that
// compares NumPy scalars as the Python numbers they hold, which returns
// the original elements, as Python does.

// withScalarOrder wraps sorted, min or max. A lone iterable argument is
// read into a list first, so that its elements can be checked.
func withScalarOrder(name string, inner *starlark.Builtin) *starlark.Builtin {
	return builtin(name, func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		elems := []starlark.Value(args)
		if len(args) == 1 {
			list, ok, err := collectIterable(args[0])
			if err != nil {
				return nil, err
			}
			if ok {
				elems = list
				args = starlark.Tuple{starlark.NewList(list)}
			}
		}
		return starlark.Call(thread, inner, args, scalarOrderKwargs(elems, kwargs))
	})
}

// collectIterable reads the elements of v, except for a str, which the
// inner builtins expand themselves. ok is false when v is a str or is
// not iterable, which the inner builtin reports in its own words.
func collectIterable(v starlark.Value) (elems []starlark.Value, ok bool, err error) {
	if _, isStr := v.(starlark.String); isStr {
		return nil, false, nil
	}
	if err := pyobj.CheckCollectionLen("list", starlark.Tuple{v}); err != nil {
		return nil, false, err
	}
	pull, err := iterOf(v)
	if err != nil {
		return nil, false, nil
	}
	for {
		x, more, err := pull()
		if err != nil {
			return nil, false, err
		}
		if !more {
			return elems, true, nil
		}
		elems = append(elems, x)
	}
}

// scalarOrderKwargs returns kwargs with its key replaced by one that
// maps NumPy scalars to Python numbers after the caller's key, when
// there is a caller's key or elems contain a NumPy scalar. Otherwise it
// returns kwargs unchanged.
func scalarOrderKwargs(elems []starlark.Value, kwargs []starlark.Tuple) []starlark.Tuple {
	var userKey starlark.Value = starlark.None
	keyAt := -1
	for i, kv := range kwargs {
		if name, _ := starlark.AsString(kv[0]); name == "key" {
			userKey, keyAt = kv[1], i
		}
	}
	if userKey == starlark.None && !anyOrderKeyChange(elems) {
		return kwargs
	}
	key := builtin("key", func(thread *starlark.Thread, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		v := args[0]
		if userKey != starlark.None {
			var err error
			if v, err = starlark.Call(thread, userKey, starlark.Tuple{v}, nil); err != nil {
				return nil, err
			}
		}
		k, _ := tensor.OrderKey(v)
		return k, nil
	})
	out := append([]starlark.Tuple(nil), kwargs...)
	if keyAt >= 0 {
		out[keyAt] = starlark.Tuple{starlark.String("key"), key}
		return out
	}
	return append(out, starlark.Tuple{starlark.String("key"), key})
}

func anyOrderKeyChange(elems []starlark.Value) bool {
	for _, v := range elems {
		if _, changed := tensor.OrderKey(v); changed {
			return true
		}
	}
	return false
}

// pyRange is range() with NumPy integer scalars accepted as its
// arguments, through their __index__ method as in Python.
func pyRange(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var converted starlark.Tuple
	for i, a := range args {
		t, ok := a.(*tensor.Tensor)
		if !ok {
			continue
		}
		n, ok := t.IndexValue()
		if !ok {
			continue
		}
		if converted == nil {
			converted = append(starlark.Tuple(nil), args...)
		}
		converted[i] = starlark.MakeInt64(n)
	}
	if converted != nil {
		args = converted
	}
	return starlark.Call(thread, starlark.Universe["range"], args, kwargs)
}
