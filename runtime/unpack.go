package runtime

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// Runtime builtins for star-unpacking, set displays and merged keyword
// arguments, which the front end emits for Python syntax that Starlark
// lacks.

// iterate collects the elements of an iterable, running the iteration
// protocol of script classes and surfacing a generator's error.
func iterate(v starlark.Value, what string) ([]starlark.Value, error) {
	if s, ok := v.(starlark.String); ok {
		v = stringChars(s)
	}
	if err := pyobj.CheckCollectionLen("list", starlark.Tuple{v}); err != nil {
		return nil, err
	}
	pull, err := iterOf(v)
	if err != nil {
		return nil, pyobj.TypeErrorf("%s must be an iterable, not %s", what, pyTypeName(v))
	}
	var out []starlark.Value
	for {
		x, ok, err := pull()
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		out = append(out, x)
	}
}

// pyUnpack implements __unpack__(value, before, after) for a starred
// target such as "a, *b, c = value" (before 1, after 1): it returns a
// tuple of the first before elements, a list of the middle ones and the
// last after elements.
func pyUnpack(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var value starlark.Value
	var before, after int
	if err := starlark.UnpackPositionalArgs("__unpack__", args, kwargs, 3, &value, &before, &after); err != nil {
		return nil, err
	}
	elems, err := iterate(value, "the value of a starred assignment")
	if err != nil {
		return nil, pyobj.TypeErrorf("cannot unpack non-iterable %s object", pyTypeName(value))
	}
	if len(elems) < before+after {
		return nil, pyobj.ValueErrorf("not enough values to unpack (expected at least %d, got %d)", before+after, len(elems))
	}
	out := make(starlark.Tuple, 0, before+after+1)
	out = append(out, elems[:before]...)
	middle := append([]starlark.Value(nil), elems[before:len(elems)-after]...)
	out = append(out, starlark.NewList(middle))
	return append(out, elems[len(elems)-after:]...), nil
}

// pyIterList implements __iterlist__(x), the list of a starred item in a
// list display.
func pyIterList(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("__iterlist__", args, kwargs)
	if err != nil {
		return nil, err
	}
	elems, err := iterate(v, "value after *")
	if err != nil {
		return nil, err
	}
	return starlark.NewList(elems), nil
}

// pyIterTuple implements __itertuple__(x), the tuple of a starred item
// in a tuple display or in a call's positional arguments.
func pyIterTuple(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("__itertuple__", args, kwargs)
	if err != nil {
		return nil, err
	}
	elems, err := iterate(v, "value after *")
	if err != nil {
		return nil, err
	}
	return starlark.Tuple(elems), nil
}

// pySetDisplay implements __set__(list), a set display {a, b}, and
// __set__(list, True), a display of three or more constants.
func pySetDisplay(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	constant := len(args) == 2 && args[1] == starlark.True
	if constant {
		args = args[:1]
	}
	v, err := oneArg("__set__", args, kwargs)
	if err != nil {
		return nil, err
	}
	elems, err := iterate(v, "a set display")
	if err != nil {
		return nil, err
	}
	set := newPySet()
	for _, x := range elems {
		if err := set.addValue(x); err != nil {
			return nil, err
		}
	}
	if constant {
		// CPython 3.11 builds {1, 2, 3} as set().update(frozenset
		// constant), whose table sizes can differ from adding in order.
		// The compiler's constant merging (merge_consts_recursive in
		// Python/compile.c) rebuilds that frozenset from its own
		// iteration order before the update, which can move colliding
		// elements such as -1 and -2 (both hash to -2).
		rebuilt := newPySet()
		for _, x := range set.elements() {
			if err := rebuilt.addValue(x); err != nil {
				return nil, err
			}
		}
		result := newPySet()
		return result, result.merge(rebuilt)
	}
	return set, nil
}

// pyDictDisplay implements __dict_display__(d1, d2, ...), a dict display
// with ** items: later keys replace earlier ones.
func pyDictDisplay(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return mergeDicts(args, false)
}

// pyKwargs implements __kwargs__(d1, d2, ...), the merged keyword
// arguments of a call with several ** items, where a repeated keyword
// is a TypeError.
func pyKwargs(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return mergeDicts(args, true)
}

func mergeDicts(parts starlark.Tuple, keywords bool) (starlark.Value, error) {
	out := starlark.NewDict(0)
	for _, part := range parts {
		d, ok := part.(starlark.IterableMapping)
		if !ok {
			return nil, pyobj.TypeErrorf("'%s' object is not a mapping", pyTypeName(part))
		}
		for _, item := range d.Items() {
			if keywords {
				key, ok := item[0].(starlark.String)
				if !ok {
					return nil, pyobj.TypeErrorf("keywords must be strings, not %s", pyTypeName(item[0]))
				}
				if _, found, _ := out.Get(key); found {
					return nil, pyobj.TypeErrorf("got multiple values for keyword argument '%s'", string(key))
				}
			}
			key, _ := storedKey(out, item[0])
			if err := out.SetKey(key, item[1]); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// pyDictPairs implements __dict_pairs__(k1, v1, k2, v2, ...), a dict
// display. As in CPython, a key equal to an earlier one (1 after True)
// keeps the earlier key object and takes the later value.
func pyDictPairs(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args)%2 != 0 || len(kwargs) != 0 {
		return nil, pyobj.TypeErrorf("__dict_pairs__: want keys and values in pairs, got %d arguments", len(args)+len(kwargs))
	}
	out := starlark.NewDict(len(args) / 2)
	for i := 0; i < len(args); i += 2 {
		key, _ := storedKey(out, args[i])
		if err := out.SetKey(key, args[i+1]); err != nil {
			return nil, err
		}
	}
	return out, nil
}
