package core

import (
	"fmt"

	"go.starlark.net/starlark"
)

// Float is a float64 argument for starlark.UnpackArgs that, as Python
// does, also accepts ints and bools: pass (*core.Float)(&x).
type Float float64

// Unpack converts an int, bool or float.
func (f *Float) Unpack(v starlark.Value) error {
	switch x := v.(type) {
	case starlark.Float:
		*f = Float(x)
		return nil
	case starlark.Int:
		v, _ := starlark.AsFloat(x)
		*f = Float(v)
		return nil
	case starlark.Bool:
		if x {
			*f = 1
		} else {
			*f = 0
		}
		return nil
	}
	if s, ok := v.(interface{ ScalarFloat() (float64, bool) }); ok {
		if fv, ok := s.ScalarFloat(); ok {
			*f = Float(fv)
			return nil
		}
	}
	return fmt.Errorf("got %s, want float", v.Type())
}
