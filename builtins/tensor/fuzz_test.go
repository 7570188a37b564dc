package tensor

import (
	"errors"
	"math"
	"testing"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// The fuzz targets of this file drive indexing and the tensor
// constructor (ToEngine, behind mindspore.Tensor and np.array) with
// inputs decoded from bytes. Each checks that no Go panic escapes, that
// every error is a Python exception of a type NumPy raises for bad
// input, and that results match a reference written here from NumPy's
// rules.

// fuzzReader decodes values from fuzz bytes, returning zeros once the
// bytes run out.
type fuzzReader struct{ data []byte }

func (r *fuzzReader) byte() byte {
	if len(r.data) == 0 {
		return 0
	}
	b := r.data[0]
	r.data = r.data[1:]
	return b
}

// small returns an int in [-6, 9], the range that hits both valid and
// out-of-bounds indices of dimensions up to 4.
func (r *fuzzReader) small() int { return int(r.byte()%16) - 6 }

// checkPythonError fails unless err is a Python exception whose type is
// one of allowed. A Go panic turned into an error fails too.
func checkPythonError(t *testing.T, err error, what string, allowed ...string) {
	t.Helper()
	var p *pyobj.PanicError
	if errors.As(err, &p) {
		t.Fatalf("%s: Go panic: %v\n%s", what, p, p.Stack)
	}
	typ, msg := pyobj.Classify(err)
	for _, a := range allowed {
		if typ == a {
			if msg == "" {
				t.Fatalf("%s: %s without a message", what, typ)
			}
			return
		}
	}
	t.Fatalf("%s: %s: %s, want one of %v", what, typ, msg, allowed)
}

// fuzzKey decodes a subscript of up to four items: integers, slices,
// None, Ellipsis, integer lists and bool masks. basic reports whether
// the key uses only integers, slices, None and Ellipsis, for which
// basicReference computes the result.
func fuzzKey(r *fuzzReader, shape []int) (key starlark.Value, items []starlark.Value, basic bool) {
	n := int(r.byte() % 5)
	basic = true
	optional := func() starlark.Value {
		if b := r.byte(); b%4 == 0 {
			return starlark.None
		} else {
			return starlark.MakeInt(int(int8(b)) % 8)
		}
	}
	for range n {
		switch r.byte() % 8 {
		case 0, 1:
			items = append(items, starlark.MakeInt(r.small()))
		case 2, 3:
			step := optional()
			if i, ok := step.(starlark.Int); ok && i.Sign() == 0 && r.byte()%2 == 0 {
				step = starlark.MakeInt(1)
			}
			items = append(items, &core.Slice{Start: optional(), Stop: optional(), Step: step})
		case 4:
			items = append(items, starlark.None)
		case 5:
			items = append(items, core.Ellipsis)
		case 6:
			basic = false
			list := make([]starlark.Value, r.byte()%4)
			for i := range list {
				list[i] = starlark.MakeInt(r.small())
			}
			items = append(items, starlark.NewList(list))
		case 7:
			basic = false
			mask := make([]bool, engine.Numel(shape))
			for i := range mask {
				mask[i] = r.byte()%2 == 0
			}
			m, _ := engine.FromBool(mask, shape...)
			items = append(items, NewArray(m))
		}
	}
	if n == 1 && r.byte()%2 == 0 {
		return items[0], items, basic
	}
	return starlark.Tuple(items), items, basic
}

// basicReference returns the shape and flat input positions that a
// basic NumPy subscript selects, or ok false when NumPy raises
// IndexError (too many indices, two ellipses, an integer out of range).
func basicReference(shape []int, items []starlark.Value) (outShape, flat []int, ok bool) {
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
	if ellipses > 1 || consumed > len(shape) {
		return nil, nil, false
	}
	// positions[k] lists the input positions of input axis k.
	var positions [][]int
	outShape = []int{}
	axis := 0
	whole := func() {
		var pos []int
		for i := 0; i < shape[axis]; i++ {
			pos = append(pos, i)
		}
		positions = append(positions, pos)
		outShape = append(outShape, shape[axis])
		axis++
	}
	for _, it := range items {
		switch x := it.(type) {
		case core.EllipsisType:
			for range len(shape) - consumed {
				whole()
			}
		case starlark.NoneType:
			outShape = append(outShape, 1)
		case starlark.Int:
			i, _ := x.Int64()
			n := int64(shape[axis])
			if i < -n || i >= n {
				return nil, nil, false
			}
			if i < 0 {
				i += n
			}
			positions = append(positions, []int{int(i)})
			axis++
		case *core.Slice:
			pos := pythonSlice(x, shape[axis])
			positions = append(positions, pos)
			outShape = append(outShape, len(pos))
			axis++
		}
	}
	for axis < len(shape) {
		whole()
	}
	flat = []int{0}
	for k, pos := range positions {
		var next []int
		for _, base := range flat {
			for _, p := range pos {
				next = append(next, base*shape[k]+p)
			}
		}
		flat = next
	}
	return outShape, flat, true
}

// pythonSlice lists the positions that Python's slice selects from a
// sequence of length n, following the rules of the language reference
// (CPython's PySlice_AdjustIndices).
func pythonSlice(s *core.Slice, n int) []int {
	get := func(v starlark.Value) (int, bool) {
		if v == nil || v == starlark.None {
			return 0, false
		}
		i, _ := starlark.AsInt32(v)
		return i, true
	}
	step, ok := get(s.Step)
	if !ok {
		step = 1
	}
	start, hasStart := get(s.Start)
	stop, hasStop := get(s.Stop)
	adjust := func(i, lower, upper int) int {
		if i < 0 {
			i += n
			if i < lower {
				i = lower
			}
		} else if i > upper {
			i = upper
		}
		return i
	}
	lower, upper := 0, n
	if step < 0 {
		lower, upper = -1, n-1
	}
	if !hasStart {
		start = map[bool]int{true: upper, false: lower}[step < 0]
	} else {
		start = adjust(start, lower, upper)
	}
	if !hasStop {
		stop = map[bool]int{true: lower, false: upper}[step < 0]
	} else {
		stop = adjust(stop, lower, upper)
	}
	var pos []int
	for i := start; (step > 0 && i < stop) || (step < 0 && i > stop); i += step {
		pos = append(pos, i)
	}
	return pos
}

func FuzzIndex(f *testing.F) {
	f.Add([]byte{2, 3, 4}, []byte{1, 0, 9})
	f.Add([]byte{2, 3, 4}, []byte{2, 2, 1, 8, 2, 0, 0, 3})
	f.Add([]byte{3, 2, 3, 4}, []byte{3, 5, 4, 2, 0x85, 0, 0x81})
	f.Add([]byte{2, 3, 4}, []byte{2, 6, 3, 1, 4, 15, 0})
	f.Add([]byte{2, 2, 2}, []byte{1, 7, 0, 1, 0, 1})
	f.Add([]byte{1, 4}, []byte{3, 5, 5, 0})
	f.Add([]byte{0}, []byte{1, 0, 6})
	f.Fuzz(func(t *testing.T, shapeBytes, keyBytes []byte) {
		shape := fuzzShape(shapeBytes)
		values := make([]float64, engine.Numel(shape))
		for i := range values {
			values[i] = float64(i)
		}
		base, err := engine.FromValues(engine.Float64, values, shape...)
		if err != nil {
			t.Fatal(err)
		}
		r := &fuzzReader{data: keyBytes}
		key, items, basic := fuzzKey(r, shape)
		x := NewArray(base)
		what := "array of shape " + engine.FormatShape(shape) + "[" + key.String() + "]"
		got, _, err := x.Get(key)
		checkSetKey(t, base, key, r, what)
		if !basic {
			if err != nil {
				checkPythonError(t, err, what, "IndexError", "ValueError", "TypeError")
			}
			return
		}
		wantShape, flat, ok := basicReference(shape, items)
		if !ok {
			if err == nil {
				t.Fatalf("%s: no error, want IndexError", what)
			}
			checkPythonError(t, err, what, "IndexError")
			return
		}
		if err != nil {
			t.Fatalf("%s: %v, want shape %v", what, err, wantShape)
		}
		out, _, _ := Of(got)
		if !sameShape(out.Shape(), wantShape) {
			t.Fatalf("%s: shape %v, want %v", what, out.Shape(), wantShape)
		}
		for k, p := range flat {
			if out.Float(k) != values[p] {
				t.Fatalf("%s: element %d = %v, want %v", what, k, out.Float(k), values[p])
			}
		}
	})
}

// checkSetKey assigns a value of a fuzz-chosen shape to a copy of base
// at key. The assignment must succeed or raise a Python exception, and
// on success the selection must read back as the broadcast value.
func checkSetKey(t *testing.T, base *engine.Tensor, key starlark.Value, r *fuzzReader, what string) {
	t.Helper()
	valueShape := fuzzShape([]byte{r.byte(), r.byte(), r.byte(), r.byte()})
	values := make([]float64, engine.Numel(valueShape))
	for i := range values {
		values[i] = float64(-1 - i)
	}
	v, err := engine.FromValues(engine.Float64, values, valueShape...)
	if err != nil {
		t.Fatal(err)
	}
	target := NewArray(base.Clone())
	what = what + " = array of shape " + engine.FormatShape(valueShape)
	if err := target.SetKey(key, NewArray(v)); err != nil {
		checkPythonError(t, err, what, "IndexError", "ValueError", "TypeError")
		return
	}
	got, _, err := target.Get(key)
	if err != nil {
		t.Fatalf("%s: reading the assigned selection back: %v", what, err)
	}
	sel, _, _ := Of(got)
	want, err := engine.BroadcastTo(v, sel.Shape()...)
	if err != nil {
		t.Fatalf("%s: succeeded although the value does not broadcast to %v", what, sel.Shape())
	}
	// An integer list may repeat an index, and NumPy keeps the last
	// write to it, so only keys without lists read back the value.
	duplicates := hasList(key)
	for k := 0; k < sel.Numel() && !duplicates; k++ {
		if sel.Float(k) != want.Float(k) {
			t.Fatalf("%s: element %d reads %v after the assignment, want %v", what, k, sel.Float(k), want.Float(k))
		}
	}
}

// hasList reports whether key, or an item of a tuple key, is a list.
func hasList(key starlark.Value) bool {
	items := []starlark.Value{key}
	if tup, ok := key.(starlark.Tuple); ok {
		items = tup
	}
	for _, it := range items {
		if _, ok := it.(*starlark.List); ok {
			return true
		}
	}
	return false
}

// fuzzShape decodes a shape of rank at most 3 with dimensions 0 to 4.
func fuzzShape(b []byte) []int {
	if len(b) == 0 {
		return []int{}
	}
	rank := min(int(b[0])%4, len(b)-1)
	shape := make([]int, rank)
	for i := range shape {
		shape[i] = int(b[i+1]) % 5
	}
	return shape
}

func sameShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// fuzzNested decodes a nested list or tuple of numbers, bools, strings
// and None, up to depth 3, whose sublists may differ in length. It
// returns the value and, when the value is a rectangular nest of numbers
// and bools, its shape and the leaves in row-major order.
func fuzzNested(r *fuzzReader, depth int) (v starlark.Value, shape []int, leaves []starlark.Value, rect bool) {
	b := r.byte()
	if depth >= 3 || b%4 != 0 {
		switch b % 8 {
		case 0, 1, 4:
			v = starlark.MakeInt(int(int8(r.byte())))
		case 2, 5:
			v = starlark.Float(float64(int8(r.byte())) / 4)
		case 3:
			v = starlark.Bool(r.byte()%2 == 0)
		case 6:
			switch r.byte() % 4 {
			case 0:
				v = starlark.String("1.5")
			case 1:
				v = starlark.None
			case 2:
				v = starlark.Float(math.Inf(1))
			default:
				v = starlark.MakeInt64(math.MaxInt64).Add(starlark.MakeInt(int(r.byte())))
			}
		default:
			v = starlark.MakeInt(int(r.byte()) << 8)
		}
		_, isStr := v.(starlark.String)
		_, isNone := v.(starlark.NoneType)
		return v, []int{}, []starlark.Value{v}, !isStr && !isNone
	}
	n := int(r.byte() % 4)
	elems := make([]starlark.Value, n)
	rect = true
	var childShape []int
	for i := range elems {
		var s []int
		var l []starlark.Value
		var ok bool
		elems[i], s, l, ok = fuzzNested(r, depth+1)
		if i == 0 {
			childShape = s
		} else if !sameShape(s, childShape) {
			ok = false
		}
		rect = rect && ok
		leaves = append(leaves, l...)
	}
	if n == 0 {
		childShape = []int{}
	}
	shape = append([]int{n}, childShape...)
	if b%8 == 4 {
		return starlark.Tuple(elems), shape, leaves, rect
	}
	return starlark.NewList(elems), shape, leaves, rect
}

func FuzzTensorConstructor(f *testing.F) {
	f.Add([]byte{0, 3, 1, 5, 1, 7, 1, 9}, uint8(0))
	f.Add([]byte{0, 2, 0, 2, 1, 1, 1, 2, 0, 2, 1, 3, 1, 4}, uint8(1))
	f.Add([]byte{0, 2, 0, 2, 1, 1, 1, 2, 0, 1, 1, 3}, uint8(2))
	f.Add([]byte{0, 3, 2, 4, 3, 1, 6, 0}, uint8(3))
	f.Add([]byte{0, 1, 6, 3}, uint8(4))
	f.Add([]byte{1, 9}, uint8(5))
	f.Fuzz(func(t *testing.T, data []byte, choice uint8) {
		r := &fuzzReader{data: data}
		v, shape, leaves, rect := fuzzNested(r, 0)
		var dtype *engine.DType
		if d := fuzzDTypes[int(choice)%len(fuzzDTypes)]; d != nil {
			dtype = d
		}
		flavor := Flavor(choice / 8 % 2)
		what := "constructor of " + v.String()
		out, err := ToEngine(v, dtype, flavor)
		if err != nil {
			checkPythonError(t, err, what, "ValueError", "TypeError", "OverflowError")
			return
		}
		if !rect {
			t.Fatalf("%s: no error for a ragged or non-numeric value, got shape %v", what, out.Shape())
		}
		if !sameShape(out.Shape(), shape) {
			t.Fatalf("%s: shape %v, want %v", what, out.Shape(), shape)
		}
		if dtype != nil && out.DType() != *dtype {
			t.Fatalf("%s: dtype %s, want %s", what, out.DType(), *dtype)
		}
		for k, leaf := range leaves {
			want, exact := leafValue(leaf, out.DType())
			if exact && out.Float(k) != want {
				t.Fatalf("%s: element %d = %v, want %v (dtype %s)", what, k, out.Float(k), want, out.DType())
			}
		}
	})
}

var fuzzDTypes = []*engine.DType{nil, ptr(engine.Float32), ptr(engine.Float64), ptr(engine.Int32), ptr(engine.Int64), ptr(engine.Bool)}

func ptr(d engine.DType) *engine.DType { return &d }

// leafValue returns the value a leaf must have in dtype d, and whether
// the conversion is exact enough to compare: integers that fit, small
// floats converted to float dtypes, and bools.
func leafValue(leaf starlark.Value, d engine.DType) (float64, bool) {
	var x float64
	switch v := leaf.(type) {
	case starlark.Bool:
		x = 0
		if v {
			x = 1
		}
	case starlark.Int:
		i, ok := v.Int64()
		if !ok || i > 1<<24 || i < -(1<<24) {
			return 0, false
		}
		x = float64(i)
	case starlark.Float:
		x = float64(v)
		if math.IsInf(x, 0) || !d.IsFloat() {
			return 0, false
		}
	default:
		return 0, false
	}
	switch d {
	case engine.Bool:
		if x != 0 {
			return 1, true
		}
		return 0, true
	case engine.Float32:
		return float64(float32(x)), true
	case engine.Int32:
		if x > math.MaxInt32 || x < math.MinInt32 {
			return 0, false
		}
	}
	return x, true
}
