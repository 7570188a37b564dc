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
	view, basic := t.basicView(key, idx, shape)
	if view != nil {
		return view, true, nil
	}
	out, err := engine.GatherFlat(t.T, idx, shape)
	if err != nil {
		return nil, false, core.EngineError("__getitem__", err)
	}
	res := wrapFlavor(out, t.Flavor)
	if basic {
		res.view = &viewBase{base: t, idx: idx}
	}
	return res, true, nil
}

// viewBase links the copy that a non-contiguous basic index of a NumPy
// array returns, such as a[:, 1:], to that array: idx holds the flat
// position in base of each of the copy's elements.
type viewBase struct {
	base *Tensor
	idx  []int
}

// WriteBack copies t's elements into the array that t was indexed from
// when t is the copy of a non-contiguous basic index, and on into that
// array's own source. A write into t then reaches them, as a write
// through a NumPy view does. Writes to the source after the copy was
// made do not show in t, unlike NumPy. For other tensors it does
// nothing. In-place updates of NumPy arrays (t[k] = v, t += v) call it.
func (t *Tensor) WriteBack() {
	for v := t; v.view != nil; v = v.view.base {
		scatterFlat(v.view.base.T, v.view.idx, v.T)
	}
}

// scatterFlat writes src's elements to the flat positions idx of dst,
// which has src's dtype.
func scatterFlat(dst *engine.Tensor, idx []int, src *engine.Tensor) {
	switch d := dst.Data().(type) {
	case []float32:
		s := src.F32()
		for k, j := range idx {
			d[j] = s[k]
		}
	case []float64:
		s := src.F64()
		for k, j := range idx {
			d[j] = s[k]
		}
	case []int32:
		s := src.I32()
		for k, j := range idx {
			d[j] = s[k]
		}
	case []int64:
		s := src.I64()
		for k, j := range idx {
			d[j] = s[k]
		}
	case []bool:
		s := src.Bools()
		for k, j := range idx {
			d[j] = s[k]
		}
	}
}

// basicView returns t[key] as a view that shares t's storage, as NumPy
// does. That needs a NumPy array on the CPU, a basic index (ints,
// slices, None and Ellipsis, no index arrays) and selected elements idx
// that form one contiguous block, such as a[1], a[1][2:4] or a[:2] of a
// matrix. Writes through the view then change t. Other selections, and
// those of a single element, return nil, and Get copies them. basic
// reports whether key is a basic index that selects at least one
// element, so that Get can link its copy back to t (see WriteBack).
func (t *Tensor) basicView(key starlark.Value, idx, shape []int) (view *Tensor, basic bool) {
	if t.Flavor != NumPy || t.T.Device() != engine.CPU || len(shape) == 0 || len(idx) == 0 {
		return nil, false
	}
	items := []starlark.Value{key}
	if tup, ok := key.(starlark.Tuple); ok {
		items = tup
	}
	sels, err := subscriptItems(t.T, items)
	if err != nil {
		return nil, false
	}
	for _, s := range sels {
		if s.kind == itemAdvanced {
			return nil, false
		}
	}
	for k, j := range idx {
		if j != idx[0]+k {
			return nil, true
		}
	}
	shared, err := engine.View(t.T, idx[0], shape)
	if err != nil {
		return nil, true
	}
	view = wrapFlavor(shared, t.Flavor)
	if t.view != nil {
		// t is itself a linked copy: the view's elements go back to the
		// same places in t's source.
		view.view = &viewBase{base: t.view.base, idx: t.view.idx[idx[0] : idx[0]+len(idx)]}
	}
	return view, true
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
	scatterFlat(t.T, idx, broadcast)
	t.WriteBack()
	return nil
}
