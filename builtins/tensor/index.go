package tensor

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// axisSel is the selection one subscript item makes along one input axis.
type axisSel struct {
	pos    []int // input positions along the axis
	dims   []int // output dimensions it produces (none for an integer)
	input  bool  // false for None, which adds an axis and reads none
	kind   byte  // 'i' integer, 'a' integer array, 's' slice or full axis, 'n' None
	stride int   // element stride of the input axis
}

// selection resolves a NumPy subscript into the flat input indices it
// reads, in output order, and the output shape. It supports integers,
// slices, None, Ellipsis, one integer array or list, and a whole-array
// bool mask.
func selection(t *engine.Tensor, key starlark.Value) (idx []int, shape []int, err error) {
	if m, _, ok := Of(key); ok && m.DType() == engine.Bool {
		return maskSelection(t, m)
	}
	items := []starlark.Value{key}
	if tup, ok := key.(starlark.Tuple); ok {
		items = tup
	}
	sels, err := axisSelections(t, items)
	if err != nil {
		return nil, nil, err
	}
	st := 1
	for i := len(sels) - 1; i >= 0; i-- {
		if sels[i].input {
			sels[i].stride = st
			st *= t.Shape()[inputAxis(sels, i)]
		}
	}
	sels = advancedFirst(sels)
	var ins []axisSel
	for _, s := range sels {
		shape = append(shape, s.dims...)
		if s.input {
			ins = append(ins, s)
		}
	}
	n := engine.Numel(shape)
	// The index list holds n ints (8 bytes each) and the result up to 8
	// bytes per element.
	if err := engine.CheckAllocation("__getitem__", n, 16); err != nil {
		return nil, nil, core.Errorf("MemoryError", "index result of shape %s is too large: %v", engine.FormatShape(shape), err)
	}
	idx = make([]int, 0, n)
	counter := make([]int, len(ins))
	for total := 0; total < n; total++ {
		flat := 0
		for a, s := range ins {
			flat += s.pos[counter[a]] * s.stride
		}
		idx = append(idx, flat)
		for a := len(ins) - 1; a >= 0; a-- {
			counter[a]++
			if counter[a] < len(ins[a].pos) {
				break
			}
			counter[a] = 0
		}
	}
	if shape == nil {
		shape = []int{}
	}
	return idx, shape, nil
}

// inputAxis returns the input axis that sels[i] reads.
func inputAxis(sels []axisSel, i int) int {
	axis := 0
	for _, s := range sels[:i] {
		if s.input {
			axis++
		}
	}
	return axis
}

// advancedFirst applies NumPy's rule for an integer-array index combined
// with integers: when those advanced indices are not next to each other
// (a slice or None separates them), the array's dimensions come first in
// the result; otherwise they stay where the array was.
func advancedFirst(sels []axisSel) []axisSel {
	first, last, array := -1, -1, -1
	for i, s := range sels {
		if s.kind == 'a' {
			array = i
		}
		if s.kind == 'a' || s.kind == 'i' {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if array < 0 {
		return sels
	}
	for i := first; i <= last; i++ {
		if sels[i].kind != 'a' && sels[i].kind != 'i' {
			out := append([]axisSel{sels[array]}, sels[:array]...)
			return append(out, sels[array+1:]...)
		}
	}
	return sels
}

func axisSelections(t *engine.Tensor, items []starlark.Value) ([]axisSel, error) {
	consumed, ellipses := 0, 0
	for _, it := range items {
		switch it.(type) {
		case core.EllipsisType:
			ellipses++
		case starlark.NoneType:
		default:
			consumed++
		}
	}
	if ellipses > 1 {
		return nil, core.Errorf("IndexError", "an index can only have a single ellipsis ('...')")
	}
	if consumed > t.Rank() {
		return nil, core.Errorf("IndexError", "too many indices for array: array is %d-dimensional, but %d were indexed", t.Rank(), consumed)
	}
	var sels []axisSel
	axis, advanced := 0, 0
	full := func() axisSel {
		n := t.Shape()[axis]
		pos := make([]int, n)
		for i := range pos {
			pos[i] = i
		}
		axis++
		return axisSel{pos: pos, dims: []int{n}, input: true, kind: 's'}
	}
	for _, it := range items {
		switch x := it.(type) {
		case core.EllipsisType:
			for k := 0; k < t.Rank()-consumed; k++ {
				sels = append(sels, full())
			}
		case starlark.NoneType:
			sels = append(sels, axisSel{dims: []int{1}, kind: 'n'})
		case starlark.Int, starlark.Bool:
			var i int
			if err := starlark.AsInt(x, &i); err != nil {
				return nil, err
			}
			n := t.Shape()[axis]
			if i < -n || i >= n {
				return nil, core.Errorf("IndexError", "index %d is out of bounds for axis %d with size %d", i, axis, n)
			}
			if i < 0 {
				i += n
			}
			sels = append(sels, axisSel{pos: []int{i}, input: true, kind: 'i'})
			axis++
		case *core.Slice:
			start, stop, step, err := x.Bounds()
			if err != nil {
				return nil, core.Errorf("ValueError", "%v", err)
			}
			r := engine.ResolveSlice(start, stop, step, t.Shape()[axis])
			pos := make([]int, r.Len())
			for k := range pos {
				pos[k] = r.Start + k*r.Step
			}
			sels = append(sels, axisSel{pos: pos, dims: []int{len(pos)}, input: true, kind: 's'})
			axis++
		default:
			advanced++
			if advanced > 1 {
				return nil, core.Errorf("IndexError", "only one integer-array index per subscript is supported")
			}
			s, err := arraySelection(t, axis, it)
			if err != nil {
				return nil, err
			}
			sels = append(sels, s)
			axis++
		}
	}
	for axis < t.Rank() {
		sels = append(sels, full())
	}
	return sels, nil
}

func arraySelection(t *engine.Tensor, axis int, v starlark.Value) (axisSel, error) {
	ix, err := ToEngine(v, nil, NumPy)
	if err != nil || (!ix.DType().IsInt() && ix.Numel() > 0) {
		return axisSel{}, core.Errorf("IndexError", "only integers, slices (`:`), ellipsis (`...`), None and integer or boolean arrays are valid indices, not %s", v.Type())
	}
	n := t.Shape()[axis]
	pos := make([]int, ix.Numel())
	for k := range pos {
		i := int(ix.Int(k))
		if i < -n || i >= n {
			return axisSel{}, core.Errorf("IndexError", "index %d is out of bounds for axis %d with size %d", i, axis, n)
		}
		if i < 0 {
			i += n
		}
		pos[k] = i
	}
	return axisSel{pos: pos, dims: append([]int(nil), ix.Shape()...), input: true, kind: 'a'}, nil
}

func maskSelection(t, m *engine.Tensor) ([]int, []int, error) {
	if !sameTail(m.Shape(), t.Shape()[:min(m.Rank(), t.Rank())]) || m.Rank() > t.Rank() {
		return nil, nil, core.Errorf("IndexError", "boolean index of shape %s does not match the indexed array of shape %s", engine.FormatShape(m.Shape()), engine.FormatShape(t.Shape()))
	}
	inner := engine.Numel(t.Shape()[m.Rank():])
	var idx []int
	count := 0
	for i, b := range m.Bools() {
		if b {
			count++
			for j := 0; j < inner; j++ {
				idx = append(idx, i*inner+j)
			}
		}
	}
	shape := append([]int{count}, t.Shape()[m.Rank():]...)
	return idx, shape, nil
}

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
// anything but a tuple, Ellipsis or None.
func checkScalarKey(t *engine.Tensor, key starlark.Value) error {
	if t.Rank() != 0 {
		return nil
	}
	switch key.(type) {
	case starlark.Tuple, core.EllipsisType, starlark.NoneType:
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
		return core.Errorf("ValueError", "could not broadcast input array from shape %s into shape %s", engine.FormatShape(src.Shape()), engine.FormatShape(shape))
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
