package runtime

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// setMethods are the methods of Python's set that go.starlark.net's set
// lacks; calls reach them through __method_call__.
var setMethods = map[string]func(thread *starlark.Thread, s *starlark.Set, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error){
	"isdisjoint": setIsDisjoint,
	"remove":     setRemove,
	"union": func(thread *starlark.Thread, s *starlark.Set, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return setCombine(s, "union", syntax.PIPE, args, kwargs)
	},
	"intersection": func(thread *starlark.Thread, s *starlark.Set, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return setCombine(s, "intersection", syntax.AMP, args, kwargs)
	},
	"difference": func(thread *starlark.Thread, s *starlark.Set, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return setCombine(s, "difference", syntax.MINUS, args, kwargs)
	},
	"symmetric_difference": func(thread *starlark.Thread, s *starlark.Set, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 1 {
			return nil, pyobj.TypeErrorf("set.symmetric_difference() takes exactly one argument (%d given)", len(args))
		}
		return setCombine(s, "symmetric_difference", syntax.CIRCUMFLEX, args, kwargs)
	},
	"copy": setCopy,
	"update": func(thread *starlark.Thread, s *starlark.Set, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return setUpdate(s, "update", syntax.PIPE, args, kwargs)
	},
	"intersection_update": func(thread *starlark.Thread, s *starlark.Set, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return setUpdate(s, "intersection_update", syntax.AMP, args, kwargs)
	},
	"difference_update": func(thread *starlark.Thread, s *starlark.Set, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return setUpdate(s, "difference_update", syntax.MINUS, args, kwargs)
	},
	"symmetric_difference_update": func(thread *starlark.Thread, s *starlark.Set, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return setUpdate(s, "symmetric_difference_update", syntax.CIRCUMFLEX, args, kwargs)
	},
}

func setIsDisjoint(_ *starlark.Thread, s *starlark.Set, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var other starlark.Value
	if err := starlark.UnpackPositionalArgs("isdisjoint", args, kwargs, 1, &other); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	elems, err := iterate(other, "set.isdisjoint() argument")
	if err != nil {
		return nil, err
	}
	for _, e := range elems {
		if found, err := s.Has(e); err != nil || found {
			return starlark.False, err
		}
	}
	return starlark.True, nil
}

func setCopy(_ *starlark.Thread, s *starlark.Set, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("copy", args, kwargs, 0); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	return setOf(starlark.Tuple(elementsOf(s)))
}

// setCombine returns s op arg1 op arg2 ..., a new set, for union,
// intersection and difference with any number of iterables.
func setCombine(s *starlark.Set, name string, op syntax.Token, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyobj.TypeErrorf("set.%s() takes no keyword arguments", name)
	}
	result, err := setOf(starlark.Tuple(elementsOf(s)))
	if err != nil {
		return nil, err
	}
	for _, arg := range args {
		other, err := setOf(arg)
		if err != nil {
			return nil, err
		}
		combined, err := starlark.Binary(op, result, other)
		if err != nil {
			return nil, err
		}
		result = combined.(*starlark.Set)
	}
	return result, nil
}

// setUpdate applies op (|, &, - or ^) with each argument and stores the
// result in s, keeping s's remaining elements in their order.
func setUpdate(s *starlark.Set, name string, op syntax.Token, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyobj.TypeErrorf("set.%s() takes no keyword arguments", name)
	}
	var result starlark.Value = s
	for _, arg := range args {
		other, err := setOf(arg)
		if err != nil {
			return nil, err
		}
		if result, err = starlark.Binary(op, result, other); err != nil {
			return nil, err
		}
	}
	updated := result.(*starlark.Set)
	if updated == s {
		return starlark.None, nil
	}
	if err := s.Clear(); err != nil {
		return nil, err
	}
	for _, e := range elementsOf(updated) {
		if err := s.Insert(e); err != nil {
			return nil, err
		}
	}
	return starlark.None, nil
}

// setRemove implements set.remove(x), raising KeyError(x) when x is
// missing.
func setRemove(_ *starlark.Thread, s *starlark.Set, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("remove", args, kwargs, 1, &x); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	found, err := s.Has(x)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, keyErrorOf(x)
	}
	if _, err := s.Delete(x); err != nil {
		return nil, err
	}
	return starlark.None, nil
}

// keyErrorOf returns KeyError(key), whose str is repr(key) as in Python.
func keyErrorOf(key starlark.Value) error {
	err := pyobj.NewError(pyobj.KeyError, "%s", "")
	if setErr := err.Exception().DictSet("args", starlark.Tuple{key}); setErr != nil {
		return setErr
	}
	return err
}
