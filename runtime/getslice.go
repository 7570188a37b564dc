package runtime

import (
	"fmt"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// pyGetSlice implements __getslice__(x, lo, hi, step), the load
// x[lo:hi:step], with None for a missing bound. It computes the bounds
// as Python's slice.indices does and slices a str by characters (code
// points) rather than bytes. Bounds that are NumPy integer scalars or
// bools count as ints. A mapping such as a class with __getitem__
// receives slice(lo, hi, step), as in Python.
func pyGetSlice(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 4 || len(kwargs) != 0 {
		return nil, pyobj.TypeErrorf("__getslice__: want 4 arguments, got %d", len(args)+len(kwargs))
	}
	x := args[0]
	bounds := make([]starlark.Value, 3)
	for k, b := range args[1:] {
		v, err := pyIndex(thread, starlark.Tuple{b}, nil)
		if err != nil {
			return nil, err
		}
		bounds[k] = boolAsInt(v)
	}
	switch c := x.(type) {
	case starlark.String:
		if !isASCII(string(c)) {
			return sliceChars(c, bounds)
		}
	case *pyobj.Instance:
		return indexValue(c, &core.Slice{Start: bounds[0], Stop: bounds[1], Step: bounds[2]})
	}
	sliceable, ok := x.(starlark.Sliceable)
	if !ok {
		return nil, fmt.Errorf("invalid slice operand %s", x.Type())
	}
	start, end, step, err := pythonSliceIndices(bounds, sliceable.Len())
	if err != nil {
		return nil, err
	}
	return sliceable.Slice(start, end, step), nil
}

// sliceChars slices the characters of s.
func sliceChars(s starlark.String, bounds []starlark.Value) (starlark.Value, error) {
	chars := []rune(string(s))
	start, end, step, err := pythonSliceIndices(bounds, len(chars))
	if err != nil {
		return nil, err
	}
	var out []rune
	for i := start; step > 0 && i < end || step < 0 && i > end; i += step {
		out = append(out, chars[i])
	}
	return starlark.String(string(out)), nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// pythonSliceIndices computes start, end and step for a sequence of
// length n as Python's slice.indices does.
func pythonSliceIndices(bounds []starlark.Value, n int) (start, end, step int, err error) {
	lo, hi, step, err := (&core.Slice{Start: bounds[0], Stop: bounds[1], Step: bounds[2]}).Bounds()
	if err != nil {
		if step == 0 && lo == nil && hi == nil {
			return 0, 0, 0, pyobj.ValueErrorf("%v", err)
		}
		return 0, 0, 0, pyobj.TypeErrorf("slice indices must be integers or None or have an __index__ method")
	}
	start, end = sliceIndices(lo, hi, step, n)
	return start, end, step, nil
}
