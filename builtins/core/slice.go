package core

import (
	"fmt"

	"go.starlark.net/starlark"
)

// Slice is Python's slice object: the front end turns `t[1:3, ::2]` into
// a tuple of Slice values. Nil fields stand for omitted bounds.
type Slice struct {
	Start, Stop, Step starlark.Value
}

func (s *Slice) String() string {
	str := func(v starlark.Value) string {
		if v == nil {
			return "None"
		}
		return v.String()
	}
	return fmt.Sprintf("slice(%s, %s, %s)", str(s.Start), str(s.Stop), str(s.Step))
}
func (s *Slice) Type() string          { return "slice" }
func (s *Slice) Freeze()               {}
func (s *Slice) Truth() starlark.Bool  { return true }
func (s *Slice) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable type: 'slice'") }

// Bounds returns the slice's start, stop and step as optional ints.
func (s *Slice) Bounds() (start, stop *int, step int, err error) {
	conv := func(v starlark.Value) (*int, error) {
		if v == nil || v == starlark.None {
			return nil, nil
		}
		var i int
		if err := starlark.AsInt(v, &i); err != nil {
			return nil, fmt.Errorf("slice indices must be integers or None, not %s", v.Type())
		}
		return &i, nil
	}
	if start, err = conv(s.Start); err != nil {
		return
	}
	if stop, err = conv(s.Stop); err != nil {
		return
	}
	st, err := conv(s.Step)
	if err != nil {
		return
	}
	step = 1
	if st != nil {
		step = *st
	}
	if step == 0 {
		err = fmt.Errorf("slice step cannot be zero")
	}
	return
}

// NewSliceBuiltin returns the predeclared `slice(stop)` /
// `slice(start, stop[, step])` function.
func NewSliceBuiltin() *starlark.Builtin {
	return starlark.NewBuiltin("slice", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, fmt.Errorf("slice() takes no keyword arguments")
		}
		norm := func(v starlark.Value) starlark.Value {
			if v == starlark.None {
				return nil
			}
			return v
		}
		switch len(args) {
		case 1:
			return &Slice{Stop: norm(args[0])}, nil
		case 2:
			return &Slice{Start: norm(args[0]), Stop: norm(args[1])}, nil
		case 3:
			return &Slice{Start: norm(args[0]), Stop: norm(args[1]), Step: norm(args[2])}, nil
		}
		return nil, fmt.Errorf("slice expected 1 to 3 arguments, got %d", len(args))
	})
}

// EllipsisType is the type of Python's `...` (the Ellipsis singleton).
type EllipsisType struct{}

// Ellipsis is the single EllipsisType value.
var Ellipsis = EllipsisType{}

func (EllipsisType) String() string        { return "Ellipsis" }
func (EllipsisType) Type() string          { return "ellipsis" }
func (EllipsisType) Freeze()               {}
func (EllipsisType) Truth() starlark.Bool  { return true }
func (EllipsisType) Hash() (uint32, error) { return 0x2e2e2e, nil }
