package numpy

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// diag is numpy.diag(v, k=0): a 1-D v becomes a square 2-D array with v
// on diagonal k and zeros elsewhere, and a 2-D v gives its diagonal k.
func diag(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	k := 0
	if err := starlark.UnpackArgs(name, args, kwargs, "v", &v, "k?", &k); err != nil {
		return nil, err
	}
	t, err := asArray(v)
	if err != nil {
		return nil, err
	}
	switch t.Rank() {
	case 1:
		out, err := diagMatrix(t, k)
		if err != nil {
			return nil, err
		}
		return tensor.NewArray(out), nil
	case 2:
		out, err := tensor.Diagonal(t, k, 0, 1)
		if err != nil {
			return nil, err
		}
		return tensor.NewArray(out), nil
	}
	return nil, core.Errorf("ValueError", "Input must be 1- or 2-d.")
}

// diagMatrix returns the (n+|k|, n+|k|) array with the n values of t on
// diagonal k and zeros of t's dtype elsewhere.
func diagMatrix(t *engine.Tensor, k int) (*engine.Tensor, error) {
	n := t.Numel()
	size := n + max(k, -k)
	row, col := 0, k
	if k < 0 {
		row, col = -k, 0
	}
	source := func(index []int) int {
		i := index[0] - row
		if i >= 0 && i < n && index[1]-col == i {
			return i
		}
		return -1
	}
	return gatherBy(t, []int{size, size}, source, engine.Scalar(t.DType(), 0))
}
