package tensor

import (
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Kinds of subscript items, after Ellipsis has been expanded.
const (
	itemInt      = 'i' // an integer, or a 0-d integer array
	itemSlice    = 's' // a slice, or a full axis from Ellipsis or the end
	itemNewAxis  = 'n' // None
	itemAdvanced = 'a' // an integer array, or one axis of a boolean array
)

// subscriptItem is what one subscript item selects along one input axis.
type subscriptItem struct {
	kind  byte
	axis  int   // the input axis it reads; unused for None, -1 for a bool
	pos   []int // input positions along the axis
	shape []int // the index array's shape (advanced items only)
}

// selection resolves a NumPy subscript into the flat input indices it
// reads, in output order, and the output shape. It follows NumPy's
// indexing rules: integers, slices, None, Ellipsis, and any number of
// integer arrays or lists, which broadcast together; a boolean array
// counts as the integer arrays of its nonzero() positions. When there is
// an array, integers count as 0-d arrays; the broadcast dimensions then
// replace the advanced items in place if those items are adjacent, and
// come first otherwise.
func selection(t *engine.Tensor, key starlark.Value) (idx []int, shape []int, err error) {
	items := []starlark.Value{key}
	if tup, ok := key.(starlark.Tuple); ok {
		items = tup
	}
	sels, err := subscriptItems(t, items)
	if err != nil {
		return nil, nil, err
	}
	units, shape, err := selectionUnits(t, sels)
	if err != nil {
		return nil, nil, err
	}
	n := engine.Numel(shape)
	// The index list holds n ints (8 bytes each) and the result up to 8
	// bytes per element.
	if err := engine.CheckAllocation("__getitem__", n, 16); err != nil {
		return nil, nil, core.Errorf("MemoryError", "index result of shape %s is too large: %v", engine.FormatShape(shape), err)
	}
	return flatIndices(units, n), shape, nil
}

// flatIndices enumerates the n flat indices that the units select, in
// row-major order over the units: each unit contributes one of its
// offsets, and the last unit varies fastest.
func flatIndices(units [][]int, n int) []int {
	idx := make([]int, 0, n)
	if n == 0 {
		return idx
	}
	counter := make([]int, len(units))
	for total := 0; total < n; total++ {
		flat := 0
		for u, offsets := range units {
			flat += offsets[counter[u]]
		}
		idx = append(idx, flat)
		for u := len(units) - 1; u >= 0; u-- {
			counter[u]++
			if counter[u] < len(units[u]) {
				break
			}
			counter[u] = 0
		}
	}
	return idx
}

// selectionUnits turns subscript items into units, each a list of flat
// offsets into t, and returns the output shape. Every basic item is one
// unit; all advanced items together form a single unit that ranges over
// their broadcast shape.
func selectionUnits(t *engine.Tensor, sels []subscriptItem) ([][]int, []int, error) {
	strides := rowMajorStrides(t.Shape())
	first, last, advanced := -1, -1, false
	for _, s := range sels {
		if s.kind == itemAdvanced {
			advanced = true
		}
	}
	if advanced {
		for i, s := range sels {
			if s.kind == itemAdvanced || s.kind == itemInt {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
	}
	var units [][]int
	shape := []int{}
	if !advanced {
		for _, s := range sels {
			units = append(units, scaled(s, strides))
			shape = append(shape, basicDims(s)...)
		}
		return units, shape, nil
	}
	bshape, offsets, err := advancedOffsets(sels, strides)
	if err != nil {
		return nil, nil, err
	}
	adjacent := true
	for i := first; i <= last; i++ {
		if sels[i].kind != itemAdvanced && sels[i].kind != itemInt {
			adjacent = false
		}
	}
	if !adjacent {
		units = append(units, offsets)
		shape = append(shape, bshape...)
	}
	for i, s := range sels {
		if s.kind == itemAdvanced || s.kind == itemInt {
			if adjacent && i == first {
				units = append(units, offsets)
				shape = append(shape, bshape...)
			}
			continue
		}
		units = append(units, scaled(s, strides))
		shape = append(shape, basicDims(s)...)
	}
	return units, shape, nil
}

func rowMajorStrides(shape []int) []int {
	strides := make([]int, len(shape))
	st := 1
	for i := len(shape) - 1; i >= 0; i-- {
		strides[i] = st
		st *= shape[i]
	}
	return strides
}

// scaled returns a basic item's flat offsets: its positions times the
// stride of its axis, or the single offset 0 for None.
func scaled(s subscriptItem, strides []int) []int {
	if s.kind == itemNewAxis {
		return []int{0}
	}
	out := make([]int, len(s.pos))
	for k, p := range s.pos {
		out[k] = p * strides[s.axis]
	}
	return out
}

func basicDims(s subscriptItem) []int {
	switch s.kind {
	case itemNewAxis:
		return []int{1}
	case itemSlice:
		return []int{len(s.pos)}
	}
	return nil
}

// advancedOffsets broadcasts the advanced items (integers included)
// together and returns the broadcast shape and, for each of its
// elements in row-major order, the flat offset the items select.
func advancedOffsets(sels []subscriptItem, strides []int) ([]int, []int, error) {
	var adv []subscriptItem
	bshape := []int{}
	ok := true
	for _, s := range sels {
		if s.kind != itemAdvanced && s.kind != itemInt {
			continue
		}
		adv = append(adv, s)
		if bshape, ok = engine.BroadcastShapes(bshape, s.shape); !ok {
			break
		}
	}
	if !ok {
		shapes := make([]string, 0, len(adv))
		for _, s := range sels {
			if s.kind == itemAdvanced || s.kind == itemInt {
				shapes = append(shapes, engine.FormatShape(s.shape))
			}
		}
		return nil, nil, core.Errorf("IndexError", "shape mismatch: indexing arrays could not be broadcast together with shapes %s ", strings.Join(shapes, " "))
	}
	n := engine.Numel(bshape)
	if err := engine.CheckAllocation("__getitem__", n, 8); err != nil {
		return nil, nil, core.Errorf("MemoryError", "index arrays broadcast to shape %s, which is too large: %v", engine.FormatShape(bshape), err)
	}
	offsets := make([]int, n)
	for _, s := range adv {
		if s.axis < 0 {
			continue // a 0-d boolean index reads no input axis
		}
		src := broadcastStrides(s.shape, bshape)
		for b := range offsets {
			offsets[b] += s.pos[sourceIndex(b, bshape, src)] * strides[s.axis]
		}
	}
	return bshape, offsets, nil
}

// broadcastStrides returns, for each dimension of to, the row-major
// stride of shape from when broadcast to it (0 where from has size 1 or
// no such dimension).
func broadcastStrides(from, to []int) []int {
	out := make([]int, len(to))
	st := 1
	for i := len(from) - 1; i >= 0; i-- {
		j := len(to) - len(from) + i
		if from[i] != 1 {
			out[j] = st
		}
		st *= from[i]
	}
	return out
}

// sourceIndex maps the row-major index b of shape to a flat index
// through strides.
func sourceIndex(b int, shape, strides []int) int {
	src := 0
	for d := len(shape) - 1; d >= 0; d-- {
		src += (b % shape[d]) * strides[d]
		b /= shape[d]
	}
	return src
}

// subscriptItems expands Ellipsis and resolves each item of a subscript
// against the axes of t.
func subscriptItems(t *engine.Tensor, items []starlark.Value) ([]subscriptItem, error) {
	consumed, ellipses := 0, 0
	indexArrays := make([]*engine.Tensor, len(items))
	for i, it := range items {
		switch it.(type) {
		case core.EllipsisType:
			ellipses++
		case starlark.NoneType, starlark.Bool:
		case starlark.Int, *core.Slice:
			consumed++
		default:
			ix, err := indexArray(it)
			if err != nil {
				return nil, err
			}
			indexArrays[i] = ix
			if ix.DType() == engine.Bool {
				consumed += ix.Rank()
			} else {
				consumed++
			}
		}
	}
	if ellipses > 1 {
		return nil, core.Errorf("IndexError", "an index can only have a single ellipsis ('...')")
	}
	if consumed > t.Rank() {
		return nil, core.Errorf("IndexError", "too many indices for array: array is %d-dimensional, but %d were indexed", t.Rank(), consumed)
	}
	var sels []subscriptItem
	axis := 0
	for i, it := range items {
		switch x := it.(type) {
		case core.EllipsisType:
			for k := 0; k < t.Rank()-consumed; k++ {
				sels = append(sels, fullAxis(t, axis))
				axis++
			}
		case starlark.NoneType:
			sels = append(sels, subscriptItem{kind: itemNewAxis})
		case starlark.Bool:
			sels = append(sels, boolScalarItem(bool(x)))
		case starlark.Int:
			s, err := intItem(t, axis, x)
			if err != nil {
				return nil, err
			}
			sels = append(sels, s)
			axis++
		case *core.Slice:
			s, err := sliceItem(t, axis, x)
			if err != nil {
				return nil, err
			}
			sels = append(sels, s)
			axis++
		default:
			s, err := arrayItems(t, axis, indexArrays[i])
			if err != nil {
				return nil, err
			}
			sels = append(sels, s...)
			for _, item := range s {
				if item.axis >= 0 {
					axis++
				}
			}
		}
	}
	for axis < t.Rank() {
		sels = append(sels, fullAxis(t, axis))
		axis++
	}
	return sels, nil
}

func fullAxis(t *engine.Tensor, axis int) subscriptItem {
	n := t.Shape()[axis]
	pos := make([]int, n)
	for i := range pos {
		pos[i] = i
	}
	return subscriptItem{kind: itemSlice, axis: axis, pos: pos}
}

func intItem(t *engine.Tensor, axis int, v starlark.Value) (subscriptItem, error) {
	var i int
	if err := starlark.AsInt(v, &i); err != nil {
		return subscriptItem{}, core.Errorf("IndexError", "index %s does not fit in an int", v)
	}
	p, err := checkedPosition(t, axis, i)
	if err != nil {
		return subscriptItem{}, err
	}
	return subscriptItem{kind: itemInt, axis: axis, pos: []int{p}, shape: []int{}}, nil
}

// checkedPosition resolves a possibly negative index along axis.
func checkedPosition(t *engine.Tensor, axis, i int) (int, error) {
	n := t.Shape()[axis]
	if i < -n || i >= n {
		return 0, core.Errorf("IndexError", "index %d is out of bounds for axis %d with size %d", i, axis, n)
	}
	if i < 0 {
		i += n
	}
	return i, nil
}

func sliceItem(t *engine.Tensor, axis int, x *core.Slice) (subscriptItem, error) {
	start, stop, step, err := x.Bounds()
	if err != nil {
		return subscriptItem{}, core.Errorf("ValueError", "%v", err)
	}
	r := engine.ResolveSlice(start, stop, step, t.Shape()[axis])
	pos := make([]int, r.Len())
	for k := range pos {
		pos[k] = r.Start + k*r.Step
	}
	return subscriptItem{kind: itemSlice, axis: axis, pos: pos}, nil
}

// indexArray converts an array-like subscript item (a list, a tuple, an
// array or a tensor) to an integer or boolean engine tensor.
func indexArray(v starlark.Value) (*engine.Tensor, error) {
	ix, err := ToEngine(v, nil, NumPy)
	if err != nil {
		return nil, core.Errorf("IndexError", "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
	}
	_, _, isTensor := Of(v)
	if !isTensor && ix.Numel() == 0 {
		// An empty list is an empty integer index, as in NumPy.
		return engine.FromInt64(nil, ix.Shape()...)
	}
	if !ix.DType().IsInt() && ix.DType() != engine.Bool {
		if !isTensor {
			return nil, core.Errorf("IndexError", "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
		}
		return nil, core.Errorf("IndexError", "arrays used as indices must be of integer (or boolean) type")
	}
	return ix, nil
}

// arrayItems resolves an index array starting at axis. A 0-d integer
// array is an integer, and any other integer array is one advanced item.
// A boolean array of rank k gives one advanced item per axis it covers,
// holding the positions of its true elements along that axis.
func arrayItems(t *engine.Tensor, axis int, ix *engine.Tensor) ([]subscriptItem, error) {
	if ix.DType() == engine.Bool {
		return maskItems(t, axis, ix)
	}
	pos := make([]int, ix.Numel())
	for k := range pos {
		p, err := checkedPosition(t, axis, int(ix.Int(k)))
		if err != nil {
			return nil, err
		}
		pos[k] = p
	}
	kind := byte(itemAdvanced)
	if ix.Rank() == 0 {
		kind = itemInt
	}
	return []subscriptItem{{kind: kind, axis: axis, pos: pos, shape: append([]int{}, ix.Shape()...)}}, nil
}

// boolScalarItem returns the item of a 0-d boolean index, True or
// False. NumPy treats it as a boolean array that covers no input axis:
// it adds an advanced dimension of length 1 for True and 0 for False.
func boolScalarItem(b bool) subscriptItem {
	if b {
		return subscriptItem{kind: itemAdvanced, axis: -1, pos: []int{0}, shape: []int{1}}
	}
	return subscriptItem{kind: itemAdvanced, axis: -1, pos: []int{}, shape: []int{0}}
}

func maskItems(t *engine.Tensor, axis int, mask *engine.Tensor) ([]subscriptItem, error) {
	if mask.Rank() == 0 {
		return []subscriptItem{boolScalarItem(mask.Bools()[0])}, nil
	}
	for d, n := range mask.Shape() {
		if size := t.Shape()[axis+d]; size != n {
			return nil, core.Errorf("IndexError", "boolean index did not match indexed array along dimension %d; dimension is %d but corresponding boolean dimension is %d", axis+d, size, n)
		}
	}
	sels := make([]subscriptItem, mask.Rank())
	for d := range sels {
		sels[d] = subscriptItem{kind: itemAdvanced, axis: axis + d}
	}
	strides := rowMajorStrides(mask.Shape())
	for i, b := range mask.Bools() {
		if !b {
			continue
		}
		for d := range sels {
			sels[d].pos = append(sels[d].pos, i/strides[d]%mask.Shape()[d])
		}
	}
	for d := range sels {
		sels[d].shape = []int{len(sels[d].pos)}
	}
	return sels, nil
}

// assignShapeError is NumPy's error for t[key] = value when value does
// not broadcast to the selection's shape, which depends on the kind of
// subscript.
func assignShapeError(t *engine.Tensor, key starlark.Value, value *engine.Tensor, shape []int) error {
	if m, _, ok := Of(key); ok && m.DType() == engine.Bool && m.Rank() == t.Rank() {
		return core.Errorf("ValueError", "NumPy boolean array indexing assignment cannot assign %d input values to the %d output values where the mask is true", value.Numel(), engine.Numel(shape))
	}
	items := []starlark.Value{key}
	if tup, ok := key.(starlark.Tuple); ok {
		items = tup
	}
	for _, it := range items {
		switch it.(type) {
		case starlark.Int, starlark.Bool, *core.Slice, starlark.NoneType, core.EllipsisType:
			continue
		}
		if ix, _, ok := Of(it); ok && ix.Rank() == 0 && ix.DType().IsInt() {
			continue
		}
		return core.Errorf("ValueError", "shape mismatch: value array of shape %s could not be broadcast to indexing result of shape %s", compactShape(value.Shape()), compactShape(shape))
	}
	return core.Errorf("ValueError", "could not broadcast input array from shape %s into shape %s", compactShape(value.Shape()), compactShape(shape))
}

// compactShape formats a shape as NumPy's indexing errors do: (2,4),
// with no space after the commas.
func compactShape(shape []int) string {
	return strings.ReplaceAll(engine.FormatShape(shape), " ", "")
}
