package pyobj

import (
	"unicode/utf8"

	"go.starlark.net/starlark"
)

// instanceConstructor returns go.starlark.net's built-in name, except
// that a single instance argument goes to convert, which returns the
// errors of special methods instead of deferring them.
func instanceConstructor(name string, convert func(thread *starlark.Thread, x *Instance) (starlark.Value, error)) *starlark.Builtin {
	fallback := universe(name)
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 1 && len(kwargs) == 0 {
			if x, ok := args[0].(*Instance); ok {
				return convert(thread, x)
			}
		}
		return call(thread, fallback, args, kwargs)
	})
}

func boolOfInstance(thread *starlark.Thread, x *Instance) (starlark.Value, error) {
	truth, err := truthOf(thread, x)
	if err != nil {
		return nil, err
	}
	return truth, nil
}

func listOfInstance(thread *starlark.Thread, x *Instance) (starlark.Value, error) {
	elems, err := collect(thread, x)
	if err != nil {
		return nil, err
	}
	return starlark.NewList(elems), nil
}

func tupleOfInstance(thread *starlark.Thread, x *Instance) (starlark.Value, error) {
	elems, err := collect(thread, x)
	if err != nil {
		return nil, err
	}
	return starlark.Tuple(elems), nil
}

// collect returns the elements of x's iteration.
func collect(thread *starlark.Thread, x *Instance) ([]starlark.Value, error) {
	it, err := newPyIterator(thread, x)
	if err != nil {
		return nil, err
	}
	if it == nil {
		return nil, TypeErrorf("'%s' object is not iterable", x.class.name)
	}
	defer it.done()
	var elems []starlark.Value
	for {
		elem, ok, err := it.next(thread)
		if err != nil {
			return nil, err
		}
		if !ok {
			return elems, nil
		}
		elems = append(elems, elem)
	}
}

// strConstructor implements str(x) with Python's formatting, which
// differs from go.starlark.net's for strings inside containers and for
// floats. Other forms go to go.starlark.net's str.
func strConstructor(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 && len(kwargs) == 0 {
		s, err := Str(thread, args[0])
		if err != nil {
			return nil, err
		}
		return starlark.String(s), nil
	}
	return call(thread, universe("str"), args, kwargs)
}

// lenBuiltin implements len(x), calling __len__ for instances.
func lenBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := unpackPositional(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	if s, ok := x.(starlark.String); ok {
		// Python counts the characters of a str, not its UTF-8 bytes.
		return starlark.MakeInt(utf8.RuneCountInString(string(s))), nil
	}
	inst, ok := x.(*Instance)
	if !ok {
		n := starlark.Len(x)
		if n < 0 {
			return nil, TypeErrorf("object of type '%s' has no len()", pythonTypeName(x))
		}
		return starlark.MakeInt(n), nil
	}
	n, found, err := lenOf(thread, inst)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, TypeErrorf("object of type '%s' has no len()", inst.class.name)
	}
	return starlark.MakeInt(n), nil
}
