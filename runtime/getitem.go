package runtime

import (
	"fmt"
	"unicode/utf8"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// pyGetItem implements __getitem__(x, i), the load x[i], which the front
// end emits so that x is evaluated once. The
// index converts as pyIndex describes: a NumPy integer scalar or a bool
// indexes a list, tuple or str as an int. A str is indexed by
// characters (code points), as in Python. A bool or number key finds
// the equal key of a dict. Other containers see i unchanged.
func pyGetItem(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 || len(kwargs) != 0 {
		return nil, pyobj.TypeErrorf("__getitem__: want 2 arguments, got %d", len(args)+len(kwargs))
	}
	x := args[0]
	i, err := pyIndex(thread, args, nil)
	if err != nil {
		return nil, err
	}
	switch c := x.(type) {
	case starlark.String:
		return stringIndex(c, i)
	case starlark.Bytes:
		return bytesIndex(c, i)
	case *starlark.List, starlark.Tuple:
		return sequenceIndex(c.(starlark.Indexable), i)
	case *starlark.Dict:
		return dictGet(c, i)
	}
	return indexValue(x, i)
}

// indexValue computes x[i] as go.starlark.net's interpreter does, with
// its error messages, which the runtime rewords as CPython's.
func indexValue(x, i starlark.Value) (starlark.Value, error) {
	switch x := x.(type) {
	case starlark.Mapping:
		v, found, err := x.Get(i)
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, fmt.Errorf("key %v not in %s", i, x.Type())
		}
		return v, nil
	case starlark.Indexable:
		return sequenceIndex(x, i)
	}
	return nil, fmt.Errorf("unhandled index operation %s[%s]", x.Type(), i.Type())
}

// sequenceIndex returns x[i] for a list, tuple or other indexable x.
func sequenceIndex(x starlark.Indexable, i starlark.Value) (starlark.Value, error) {
	k, err := starlark.AsInt32(i)
	if err != nil {
		return nil, pyobj.TypeErrorf("%s indices must be integers or slices, not %s", pyTypeName(x), pyTypeName(i))
	}
	n := x.Len()
	if k < 0 {
		k += n
	}
	if k < 0 || k >= n {
		if pyTypeName(x) == "range" {
			return nil, pyobj.IndexErrorf("range object index out of range")
		}
		return nil, pyobj.IndexErrorf("%s index out of range", pyTypeName(x))
	}
	return x.Index(k), nil
}

// stringIndex returns the character of s at index i, counting
// characters (code points) rather than bytes.
func stringIndex(s starlark.String, i starlark.Value) (starlark.Value, error) {
	k, err := starlark.AsInt32(i)
	if err != nil {
		return nil, pyobj.TypeErrorf("string indices must be integers, not '%s'", pyTypeName(i))
	}
	n := utf8.RuneCountInString(string(s))
	if k < 0 {
		k += n
	}
	if k < 0 || k >= n {
		return nil, pyobj.IndexErrorf("string index out of range")
	}
	if n == len(s) {
		return s[k : k+1], nil
	}
	for _, r := range string(s) {
		if k == 0 {
			return starlark.String(string(r)), nil
		}
		k--
	}
	return nil, pyobj.IndexErrorf("string index out of range")
}

// dictGet returns d[k], finding the key equal to k in Python when k
// itself is absent: True, 1, 1.0 and np.int64(1) are one key.
func dictGet(d *starlark.Dict, k starlark.Value) (starlark.Value, error) {
	key, _ := storedKey(d, k)
	v, found, err := d.Get(key)
	if err != nil {
		return nil, err
	}
	if !found {
		// The interpreter's own wording, which the runtime turns into
		// KeyError(k).
		return nil, fmt.Errorf("key %v not in dict", k)
	}
	return v, nil
}
