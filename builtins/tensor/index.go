package tensor

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Get implements t[key].
func (t *Tensor) Get(key starlark.Value) (v starlark.Value, found bool, err error) {
	defer pyobj.RecoverPanic(t.Type()+".__getitem__", &err)
	if err := checkScalarKey(t.T, key); err != nil {
		return nil, false, err
	}
	idx, shape, err := selection(t.T, key)
	if err != nil {
		return nil, false, err
	}
	if view := t.basicView(key, idx, shape); view != nil {
		return view, true, nil
	}
	out, err := engine.GatherFlat(t.T, idx, shape)
	if err != nil {
		return nil, false, core.EngineError("__getitem__", err)
	}
	return wrapFlavor(out, t.Flavor), true, nil
}

// basicView returns t[key] as a view that shares t's storage, as NumPy
// does, when t is a NumPy array on the CPU, key is a basic index (ints,
// slices, None and Ellipsis, no index arrays) and the selected elements
// idx form one contiguous block, such as a[1], a[1][2:4] or a[:2] of a
// matrix: writes through the view then change t. Other selections, and
// those that select a single element, return nil, and Get copies them.
// A slice that is not contiguous (a[:, 1:]) is still a copy here,
// unlike NumPy.
func (t *Tensor) basicView(key starlark.Value, idx, shape []int) starlark.Value {
	if t.Flavor != NumPy || t.T.Device() != engine.CPU || len(shape) == 0 || len(idx) == 0 {
		return nil
	}
	items := []starlark.Value{key}
	if tup, ok := key.(starlark.Tuple); ok {
		items = tup
	}
	sels, err := subscriptItems(t.T, items)
	if err != nil {
		return nil
	}
	for _, s := range sels {
		if s.kind == itemAdvanced {
			return nil
		}
	}
	for k, j := range idx {
		if j != idx[0]+k {
			return nil
		}
	}
	view, err := engine.View(t.T, idx[0], shape)
	if err != nil {
		return nil
	}
	return wrapFlavor(view, t.Flavor)
}

// checkScalarKey rejects the keys that a 0-d tensor does not accept:
// anything but a tuple, Ellipsis, None or a 0-d boolean index.
func checkScalarKey(t *engine.Tensor, key starlark.Value) error {
	if t.Rank() != 0 {
		return nil
	}
	switch key.(type) {
	case starlark.Tuple, core.EllipsisType, starlark.NoneType, starlark.Bool:
		return nil
	}
	if k, _, ok := Of(key); ok && k.Rank() == 0 && k.DType() == engine.Bool {
		return nil
	}
	return core.Errorf("IndexError", "invalid index to scalar variable")
}

// Index implements t[i] for Starlark's sequence protocol.
func (t *Tensor) Index(i int) starlark.Value {
	v, _, err := t.Get(starlark.MakeInt(i))
	if err != nil {
		return starlark.None
	}
	return v
}

// Slice implements t[a:b:c] on the first axis, with start, end and step
// already clamped to the axis. A step of 1 is a basic slice, which Get
// may return as a view.
func (t *Tensor) Slice(start, end, step int) starlark.Value {
	if step == 1 && start >= 0 && start <= end {
		v, _, err := t.Get(&core.Slice{Start: starlark.MakeInt(start), Stop: starlark.MakeInt(end), Step: starlark.None})
		if err != nil {
			return starlark.None
		}
		return v
	}
	n := t.Len()
	pos := []int{}
	for i := start; (step > 0 && i < end) || (step < 0 && i > end); i += step {
		if i >= 0 && i < n {
			pos = append(pos, i)
		}
	}
	lst := make([]starlark.Value, len(pos))
	for k, p := range pos {
		lst[k] = starlark.MakeInt(p)
	}
	v, _, err := t.Get(starlark.NewList(lst))
	if err != nil {
		return starlark.None
	}
	return v
}

// SetKey implements t[key] = value in place, as NumPy does. The value
// broadcasts to the selection's shape and is cast to t's dtype.
func (t *Tensor) SetKey(key, value starlark.Value) (err error) {
	defer pyobj.RecoverPanic(t.Type()+".__setitem__", &err)
	if err := checkScalarKey(t.T, key); err != nil {
		return err
	}
	idx, shape, err := selection(t.T, key)
	if err != nil {
		return err
	}
	d := t.T.DType()
	src, err := ToEngine(value, &d, t.Flavor)
	if err != nil {
		return err
	}
	broadcast, err := engine.BroadcastTo(src, shape...)
	if err != nil {
		return assignShapeError(t.T, key, src, shape)
	}
	src = broadcast
	switch dst := t.T.Data().(type) {
	case []float32:
		s := src.F32()
		for k, j := range idx {
			dst[j] = s[k]
		}
	case []float64:
		s := src.F64()
		for k, j := range idx {
			dst[j] = s[k]
		}
	case []int32:
		s := src.I32()
		for k, j := range idx {
			dst[j] = s[k]
		}
	case []int64:
		s := src.I64()
		for k, j := range idx {
			dst[j] = s[k]
		}
	case []bool:
		s := src.Bools()
		for k, j := range idx {
			dst[j] = s[k]
		}
	}
	return nil
}
