package ops

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// arrayPrimitives are the slicing, padding, gathering and sorting
// primitives.
func arrayPrimitives() []*PrimitiveClass {
	return []*PrimitiveClass{
		prim("Split", "Split(axis=0, output_num=1)(input_x): output_num equal parts along axis, as a tuple.", splitImpl, "axis?", "output_num?"),
		prim("Unstack", "Unstack(axis=0)(input_x): the slices along axis, without that axis, as a tuple.", unstackImpl, "axis?"),
		prim("StridedSlice", "StridedSlice(begin_mask=0, end_mask=0, ellipsis_mask=0, new_axis_mask=0, shrink_axis_mask=0)(input_x, begin, end, strides).", stridedSliceImpl,
			"begin_mask?", "end_mask?", "ellipsis_mask?", "new_axis_mask?", "shrink_axis_mask?"),
		prim("Slice", "Slice()(input_x, begin, size): size[i] elements from begin[i] on axis i; -1 takes the rest.", sliceImpl),
		prim("Pad", "Pad(paddings)(input_x): zero padding, paddings[i] = (before, after) for axis i.", padImpl, "paddings"),
		prim("BroadcastTo", "BroadcastTo(shape)(input_x): input_x broadcast to shape; -1 keeps input_x's size.", broadcastToImpl, "shape"),
		prim("LinSpace", "LinSpace()(start, stop, num): num evenly spaced float32 values from start to stop.", linSpaceImpl),
		prim("GatherD", "GatherD()(x, dim, index): out[i][j] = x[index[i][j]][j] for dim 0, and so on.", gatherDImpl),
		prim("GatherNd", "GatherNd()(input_x, indices): the slices of input_x at the index tuples in the last axis of indices.", gatherNdImpl),
		prim("ScatterNd", "ScatterNd()(indices, updates, shape): zeros of shape with updates added at the index tuples.", scatterNdImpl),
		prim("TopK", "TopK(sorted=True)(input_x, k): the k largest values along the last axis and their int32 indices.", topKImpl, "sorted?"),
		prim("Sort", "Sort(axis=-1, descending=False)(x): the sorted values and their int32 indices.", sortImpl, "axis?", "descending?"),
	}
}

func splitImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("Split", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	axis, err := intAttr("Split", attrs, "axis", 0)
	if err != nil {
		return nil, err
	}
	parts, err := intAttr("Split", attrs, "output_num", 1)
	if err != nil {
		return nil, err
	}

	rank := x.Rank()
	if axis < -rank || axis >= rank {
		return nil, core.Errorf("ValueError", "For 'Split', the 'axis' must be in range [%d, %d), but got %d", -rank, rank, axis)
	}
	axis = (axis + rank) % rank
	n := x.Shape()[axis]
	if parts < 1 || n%parts != 0 {
		return nil, core.Errorf("ValueError", "For 'Split', the 'output_num' must be a positive divisor of the size %d of axis %d, but got %d", n, axis, parts)
	}

	size := n / parts
	out := make(starlark.Tuple, parts)
	for i := range out {
		piece, err := engine.StridedSlice(x, axisRanges(x.Shape(), axis, engine.Range{Start: i * size, Stop: (i + 1) * size, Step: 1}))
		if err != nil {
			return nil, core.EngineError("ops.Split", err)
		}
		out[i] = tensor.New(piece)
	}
	return out, nil
}

// axisRanges selects all of every axis but axis, which takes r.
func axisRanges(shape []int, axis int, r engine.Range) []engine.Range {
	ranges := make([]engine.Range, len(shape))
	for i, n := range shape {
		ranges[i] = engine.Range{Start: 0, Stop: n, Step: 1}
	}
	ranges[axis] = r
	return ranges
}

func unstackImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("Unstack", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	axis, err := intAttr("Unstack", attrs, "axis", 0)
	if err != nil {
		return nil, err
	}
	rank := x.Rank()
	if axis < -rank || axis >= rank {
		return nil, core.Errorf("ValueError", "For 'Unstack', the 'axis' must be in range [%d, %d), but got %d", -rank, rank, axis)
	}
	axis = (axis + rank) % rank
	out := make(starlark.Tuple, x.Shape()[axis])
	for i := range out {
		var piece *engine.Tensor
		err := engine.Try(func() {
			s := mustT(engine.StridedSlice(x, axisRanges(x.Shape(), axis, engine.Range{Start: i, Stop: i + 1, Step: 1})))
			piece = mustT(engine.Squeeze(s, axis))
		})
		if err != nil {
			return nil, core.EngineError("ops.Unstack", err)
		}
		out[i] = tensor.New(piece)
	}
	return out, nil
}

// intsArg converts a tuple or list of ints, the form MindSpore takes
// for begin, end, strides and shapes.
func intsArg(call, name string, v starlark.Value) ([]int, error) {
	seq, ok := v.(starlark.Indexable)
	if _, isStr := v.(starlark.String); !ok || isStr {
		return nil, core.Errorf("TypeError", "For '%s', the '%s' must be a tuple of ints, but got %s", call, name, v.Type())
	}
	out := make([]int, seq.Len())
	for i := range out {
		e := seq.Index(i)
		if _, isBool := e.(starlark.Bool); isBool || starlark.AsInt(e, &out[i]) != nil {
			return nil, core.Errorf("TypeError", "For '%s', the '%s' must be a tuple of ints, but element %d is %s %s", call, name, i, e.Type(), e.String())
		}
	}
	return out, nil
}

func stridedSliceImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const call = "StridedSlice"
	if len(args) != 4 || len(kwargs) != 0 {
		return nil, core.Errorf("TypeError", "For 'StridedSlice', expected 4 inputs (input_x, begin, end, strides), but got %d", len(args)+len(kwargs))
	}
	x, err := tensorArg(call, args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	var bounds [3][]int
	for i, name := range []string{"begin", "end", "strides"} {
		if bounds[i], err = intsArg(call, name, args[i+1]); err != nil {
			return nil, err
		}
	}

	begin, end, strides := bounds[0], bounds[1], bounds[2]
	if len(begin) != len(end) || len(begin) != len(strides) || len(begin) > x.Rank() {
		return nil, core.Errorf("ValueError", "For 'StridedSlice', begin, end and strides must have one equal length of at most the input's rank %d, but got %d, %d and %d", x.Rank(), len(begin), len(end), len(strides))
	}

	var masks [5]int
	for i, name := range []string{"begin_mask", "end_mask", "ellipsis_mask", "new_axis_mask", "shrink_axis_mask"} {
		if masks[i], err = intAttr(call, attrs, name, 0); err != nil {
			return nil, err
		}
	}
	if masks[2] != 0 || masks[3] != 0 {
		return nil, core.Errorf("NotImplementedError", "For 'StridedSlice', ellipsis_mask and new_axis_mask are not supported; index the Tensor with ... and None instead")
	}

	ranges := axisRanges(x.Shape(), 0, engine.Range{Start: 0, Stop: x.Shape()[0], Step: 1})
	var shrink []int
	for i := range begin {
		n := x.Shape()[i]
		if strides[i] == 0 {
			return nil, core.Errorf("ValueError", "For 'StridedSlice', the 'strides' must not contain 0, but got %s", engine.FormatShape(strides))
		}
		if masks[4]&(1<<i) != 0 {
			b := begin[i]
			if b < -n || b >= n {
				return nil, core.Errorf("IndexError", "For 'StridedSlice', begin %d of shrunk axis %d is out of range for size %d", b, i, n)
			}
			b = (b + n) % n
			ranges[i] = engine.Range{Start: b, Stop: b + 1, Step: 1}
			shrink = append(shrink, i)
			continue
		}
		var start, stop *int
		if masks[0]&(1<<i) == 0 {
			start = &begin[i]
		}
		if masks[1]&(1<<i) == 0 {
			stop = &end[i]
		}
		ranges[i] = engine.ResolveSlice(start, stop, strides[i], n)
	}

	var out *engine.Tensor
	err = engine.Try(func() {
		out = mustT(engine.StridedSlice(x, ranges))
		if len(shrink) > 0 {
			out = mustT(engine.Squeeze(out, shrink...))
		}
	})
	return wrap(call, out, err)
}

func sliceImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 3 || len(kwargs) != 0 {
		return nil, core.Errorf("TypeError", "For 'Slice', expected 3 inputs (input_x, begin, size), but got %d", len(args)+len(kwargs))
	}
	x, err := tensorArg("Slice", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	begin, err := intsArg("Slice", "begin", args[1])
	if err != nil {
		return nil, err
	}
	size, err := intsArg("Slice", "size", args[2])
	if err != nil {
		return nil, err
	}
	if len(begin) != x.Rank() || len(size) != x.Rank() {
		return nil, core.Errorf("ValueError", "For 'Slice', begin and size must have the input's rank %d, but got lengths %d and %d", x.Rank(), len(begin), len(size))
	}

	ranges := make([]engine.Range, x.Rank())
	for i, n := range x.Shape() {
		b, s := begin[i], size[i]
		if s == -1 {
			s = n - b
		}
		if b < 0 || s < 0 || b+s > n {
			return nil, core.Errorf("ValueError", "For 'Slice', begin %s and size %s exceed the input shape %s on axis %d", engine.FormatShape(begin), engine.FormatShape(size), engine.FormatShape(x.Shape()), i)
		}
		ranges[i] = engine.Range{Start: b, Stop: b + s, Step: 1}
	}
	out, err := engine.StridedSlice(x, ranges)
	return wrap("Slice", out, err)
}

func padImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("Pad", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	rows, ok := attrs["paddings"].(starlark.Indexable)
	if _, isStr := attrs["paddings"].(starlark.String); isStr || !ok || rows.Len() != x.Rank() {
		return nil, core.Errorf("ValueError", "For 'Pad', the 'paddings' must be a tuple of %d (before, after) pairs, one per axis of shape %s", x.Rank(), engine.FormatShape(x.Shape()))
	}
	pads := make([][]int, x.Rank())
	for axis := range pads {
		p, err := intsArg("Pad", "paddings", rows.Index(axis))
		if err != nil || len(p) != 2 || p[0] < 0 || p[1] < 0 {
			return nil, core.Errorf("ValueError", "For 'Pad', paddings[%d] must be a pair of non-negative ints, but got %s", axis, rows.Index(axis).String())
		}
		pads[axis] = p
	}
	out := x
	err = engine.Try(func() {
		for axis, p := range pads {
			out = padAxis(out, axis, p[0], p[1])
		}
	})
	return wrap("Pad", out, err)
}

// padAxis concatenates zeros before and after t along axis, so the
// gradient flows through Concat. It runs inside engine.Try.
func padAxis(t *engine.Tensor, axis, before, after int) *engine.Tensor {
	parts := make([]*engine.Tensor, 0, 3)
	zeros := func(n int) *engine.Tensor {
		shape := append([]int(nil), t.Shape()...)
		shape[axis] = n
		z := mustT(engine.Full(t.DType(), 0, shape...))
		return mustT(engine.ToDevice(z, t.Device()))
	}
	if before > 0 {
		parts = append(parts, zeros(before))
	}
	parts = append(parts, t)
	if after > 0 {
		parts = append(parts, zeros(after))
	}
	if len(parts) == 1 {
		return t
	}
	return mustT(engine.Concat(parts, axis))
}

func broadcastToImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("BroadcastTo", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	shape, err := intsArg("BroadcastTo", "shape", attrs["shape"])
	if err != nil {
		return nil, err
	}
	if len(shape) < x.Rank() {
		return nil, core.Errorf("ValueError", "For 'BroadcastTo', the 'shape' %s has fewer axes than the input shape %s", engine.FormatShape(shape), engine.FormatShape(x.Shape()))
	}
	lead := len(shape) - x.Rank()
	for i, d := range shape {
		if d == -1 {
			if i < lead {
				return nil, core.Errorf("ValueError", "For 'BroadcastTo', -1 in 'shape' %s at axis %d has no input axis to take the size from", engine.FormatShape(shape), i)
			}
			shape[i] = x.Shape()[i-lead]
		}
	}
	out, err := engine.BroadcastTo(x, shape...)
	return wrap("BroadcastTo", out, err)
}

func linSpaceImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var startV, stopV starlark.Value
	var num int
	if err := starlark.UnpackArgs("LinSpace", args, kwargs, "start", &startV, "stop", &stopV, "num", &num); err != nil {
		return nil, err
	}
	var bounds [2]float64
	for i, v := range []starlark.Value{startV, stopV} {
		t, err := tensor.AsTensor(v)
		if err != nil {
			return nil, core.Errorf("TypeError", "For 'LinSpace', start and stop must be 0-d float32 Tensors, but got %s", v.Type())
		}
		if t.Numel() != 1 {
			return nil, core.Errorf("ValueError", "For 'LinSpace', start and stop must be 0-d float32 Tensors, but got shape %s", engine.FormatShape(t.Shape()))
		}
		bounds[i] = t.Float(0)
	}
	if num < 1 {
		return nil, core.Errorf("ValueError", "For 'LinSpace', the 'num' must be a positive int, but got %d", num)
	}

	// Each value is computed in float64 and rounded once to float32.
	values := make([]float64, num)
	for i := range values {
		values[i] = bounds[0]
		if num > 1 {
			values[i] += float64(i) * (bounds[1] - bounds[0]) / float64(num-1)
		}
	}
	if num > 1 {
		values[num-1] = bounds[1]
	}
	t, err := engine.FromValues(engine.Float32, values, num)
	return placedResult(thread, "LinSpace", t, err)
}

func gatherDImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv, iv starlark.Value
	var dim int
	if err := starlark.UnpackArgs("GatherD", args, kwargs, "x", &xv, "dim", &dim, "index", &iv); err != nil {
		return nil, err
	}
	x, err := tensorArg("GatherD", starlark.Tuple{xv}, 0, "x")
	if err != nil {
		return nil, err
	}
	idx, err := tensorArg("GatherD", starlark.Tuple{iv}, 0, "index")
	if err != nil {
		return nil, err
	}
	out, err := engine.GatherElements(x, dim, idx)
	return wrap("GatherD", out, err)
}

func gatherNdImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("GatherNd", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	idx, err := tensorArg("GatherNd", args, 1, "indices")
	if err != nil {
		return nil, err
	}
	out, err := engine.GatherNd(x, idx)
	return wrap("GatherNd", out, err)
}

func scatterNdImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 3 || len(kwargs) != 0 {
		return nil, core.Errorf("TypeError", "For 'ScatterNd', expected 3 inputs (indices, updates, shape), but got %d", len(args)+len(kwargs))
	}
	idx, err := tensorArg("ScatterNd", args, 0, "indices")
	if err != nil {
		return nil, err
	}
	updates, err := tensorArg("ScatterNd", args, 1, "updates")
	if err != nil {
		return nil, err
	}
	shape, err := intsArg("ScatterNd", "shape", args[2])
	if err != nil {
		return nil, err
	}
	out, err := engine.ScatterNd(idx, updates, shape)
	return wrap("ScatterNd", out, err)
}

func topKImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("TopK", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	var k int
	if len(args) != 2 || starlark.AsInt(args[1], &k) != nil {
		return nil, core.Errorf("TypeError", "For 'TopK', expected (input_x, k) with an int k")
	}
	values, indices, err := engine.TopK(x, k)
	return pair("TopK", values, indices, err)
}

func sortImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("Sort", args, 0, "x")
	if err != nil {
		return nil, err
	}
	axis, err := intAttr("Sort", attrs, "axis", -1)
	if err != nil {
		return nil, err
	}
	values, indices, err := engine.Sort(x, axis, boolAttr(attrs, "descending"))
	return pair("Sort", values, indices, err)
}

// pair returns the (values, indices) tuple of TopK and Sort.
func pair(call string, values, indices *engine.Tensor, err error) (starlark.Value, error) {
	if err != nil {
		return nil, core.EngineError("ops."+call, err)
	}
	return starlark.Tuple{tensor.New(values), tensor.New(indices)}, nil
}
