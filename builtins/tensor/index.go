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
	out, err := engine.GatherFlat(t.T, idx, shape)
	if err != nil {
		return nil, false, core.EngineError("__getitem__", err)
	}
	return wrapFlavor(out, t.Flavor), true, nil
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

// Slice implements t[a:b:c] on the first axis.
func (t *Tensor) Slice(start, end, step int) starlark.Value {
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
