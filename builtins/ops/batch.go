package ops

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// batchMatMulImpl is BatchMatMul(transpose_a, transpose_b)(x, y): a 2-D
// MatMul of every pair of matrices in the leading axes. As in MindSpore
// r1.6, x and y have the same rank, at least 3, and the same leading
// (batch) shape.
func batchMatMulImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("BatchMatMul", args, 0, "x")
	if err != nil {
		return nil, err
	}
	y, err := tensorArg("BatchMatMul", args, 1, "y")
	if err != nil {
		return nil, err
	}
	if err := checkBatchShapes(x.Shape(), y.Shape()); err != nil {
		return nil, err
	}
	out, err := batchMatMul(x, y, boolAttr(attrs, "transpose_a"), boolAttr(attrs, "transpose_b"))
	return wrap("BatchMatMul", out, err)
}

func checkBatchShapes(xs, ys []int) error {
	if len(xs) < 3 || len(xs) != len(ys) {
		return core.Errorf("ValueError", "For 'BatchMatMul', x and y must have the same rank of at least 3, but got shapes %s and %s", shapeString(xs), shapeString(ys))
	}
	for i := 0; i < len(xs)-2; i++ {
		if xs[i] != ys[i] {
			return core.Errorf("ValueError", "For 'BatchMatMul', the batch dimensions of x %s and y %s must be equal", shapeString(xs), shapeString(ys))
		}
	}
	return nil
}

func shapeString(shape []int) string {
	return intTuple(shape).String()
}

func intTuple(shape []int) starlark.Tuple {
	out := make(starlark.Tuple, len(shape))
	for i, d := range shape {
		out[i] = starlark.MakeInt(d)
	}
	return out
}

// batchMatMul flattens the batch axes, multiplies the matrices one pair at
// a time with engine.MatMul, so each product rounds as MatMul does, and
// stacks the products back into the batch shape.
func batchMatMul(x, y *engine.Tensor, transA, transB bool) (*engine.Tensor, error) {
	xs, ys := x.Shape(), y.Shape()
	batch := xs[:len(xs)-2]
	n := engine.Numel(batch)
	if n == 0 {
		return batchMatMulEmpty(x, y, transA, transB)
	}

	x3, err := engine.Reshape(x, n, xs[len(xs)-2], xs[len(xs)-1])
	if err != nil {
		return nil, err
	}
	y3, err := engine.Reshape(y, n, ys[len(ys)-2], ys[len(ys)-1])
	if err != nil {
		return nil, err
	}

	products := make([]*engine.Tensor, n)
	for i := range products {
		if products[i], err = matMulAt(x3, y3, i, transA, transB); err != nil {
			return nil, err
		}
	}

	stacked, err := engine.Stack(products, 0)
	if err != nil {
		return nil, err
	}
	rows, cols := products[0].Shape()[0], products[0].Shape()[1]
	return engine.Reshape(stacked, append(append([]int{}, batch...), rows, cols)...)
}

// matMulAt multiplies matrix i of the stacks x3 and y3.
func matMulAt(x3, y3 *engine.Tensor, i int, transA, transB bool) (*engine.Tensor, error) {
	index, err := engine.Full(engine.Int64, float64(i))
	if err != nil {
		return nil, err
	}
	a, err := engine.Take(x3, index, 0)
	if err != nil {
		return nil, err
	}
	b, err := engine.Take(y3, index, 0)
	if err != nil {
		return nil, err
	}
	return engine.MatMul(a, b, transA, transB)
}

// batchMatMulEmpty returns the zero-size result of a batch without
// matrices, after checking the matrix shapes with one MatMul.
func batchMatMulEmpty(x, y *engine.Tensor, transA, transB bool) (*engine.Tensor, error) {
	xs, ys := x.Shape(), y.Shape()
	a, err := engine.Full(x.DType(), 0, xs[len(xs)-2:]...)
	if err != nil {
		return nil, err
	}
	b, err := engine.Full(y.DType(), 0, ys[len(ys)-2:]...)
	if err != nil {
		return nil, err
	}
	p, err := engine.MatMul(a, b, transA, transB)
	if err != nil {
		return nil, err
	}
	shape := append(append([]int{}, xs[:len(xs)-2]...), p.Shape()...)
	return engine.Full(p.DType(), 0, shape...)
}

// argMaxWithValueImpl is ArgMaxWithValue(axis=0, keep_dims=False)(x): the
// int32 index of the first maximum along axis and the maximum itself.
func argMaxWithValueImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("ArgMaxWithValue", args, 0, "x")
	if err != nil {
		return nil, err
	}
	axis := 0
	if v, ok := attrs["axis"]; ok {
		if err := starlark.AsInt(v, &axis); err != nil {
			return nil, core.Errorf("TypeError", "For 'ArgMaxWithValue', axis must be an int, but got %s", v.Type())
		}
	}
	keep := boolAttr(attrs, "keep_dims")
	index, err := engine.ArgMax(x, axis, keep)
	if err == nil {
		index, err = engine.Cast(index, engine.Int32)
	}
	if err != nil {
		return nil, core.EngineError("ops.ArgMaxWithValue", err)
	}
	values, err := engine.Max(x, []int{axis}, keep)
	if err != nil {
		return nil, core.EngineError("ops.ArgMaxWithValue", err)
	}
	return starlark.Tuple{tensor.New(index), tensor.New(values)}, nil
}
