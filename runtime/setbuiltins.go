package runtime

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// setType and frozenSetType are the type objects set and frozenset:
// calling them builds a set, and isinstance and type() recognise their
// values.
var (
	setType = pyobj.NewGoType("set", func(v starlark.Value) bool {
		s, ok := v.(*pySet)
		return ok && !s.immutable
	})
	frozenSetType = pyobj.NewGoType("frozenset", func(v starlark.Value) bool {
		s, ok := v.(*pySet)
		return ok && s.immutable
	})
)

func init() {
	setType.SetConstructor(builtin("set", setConstructor("set")))
	frozenSetType.SetConstructor(builtin("frozenset", setConstructor("frozenset")))
	var setNames, frozenNames []string
	for name, spec := range setMethods {
		setNames = append(setNames, name)
		if !spec.mutates {
			frozenNames = append(frozenNames, name)
		}
	}
	setType.SetMethods(setNames, callSetMethod)
	frozenSetType.SetMethods(frozenNames, callSetMethod)
	pyobj.RegisterGoType("set", setType)
	pyobj.RegisterGoType("frozenset", frozenSetType)
}

// setConstructor returns set(iterable=()) or frozenset(iterable=()),
// which build the set as CPython's make_new_set does: empty, then
// updated with the iterable.
func setConstructor(name string) func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	immutable := name == "frozenset"
	return func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, pyobj.TypeErrorf("%s() takes no keyword arguments", name)
		}
		if len(args) > 1 {
			return nil, pyobj.TypeErrorf("%s expected at most 1 argument, got %d", name, len(args))
		}
		if len(args) == 1 {
			if s, ok := args[0].(*pySet); ok && immutable && s.immutable {
				return s, nil // frozenset(f) is f, as in CPython
			}
		}
		s := &pySet{table: newSetTable(), immutable: immutable}
		if len(args) == 1 {
			if err := s.update(args[0]); err != nil {
				return nil, err
			}
		}
		return s, nil
	}
}

// setOf returns the elements of an iterable as a new set, or x itself
// when it is a set.
func setOf(x starlark.Value) (*pySet, error) {
	if s, ok := x.(*pySet); ok {
		return s, nil
	}
	s := newPySet()
	if err := s.update(x); err != nil {
		return nil, err
	}
	return s, nil
}
