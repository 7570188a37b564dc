package ops

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// tileImpl is ops.Tile()(input_x, multiples). As in MindSpore r1.6,
// multiples must be a tuple of positive ints at least as long as
// input_x's rank. A shorter input_x shape gets leading 1s.
func tileImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 || len(kwargs) != 0 {
		return nil, core.Errorf("TypeError", "For 'Tile', expected 2 inputs (input_x, multiples), but got %d", len(args)+len(kwargs))
	}
	x, err := tensorArg("Tile", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	multiples, err := tileMultiples(args[1], x.Rank())
	if err != nil {
		return nil, err
	}
	out, err := tile(x, multiples)
	return wrap("Tile", out, err)
}

// tileMultiples checks and converts the multiples argument of ops.Tile.
func tileMultiples(v starlark.Value, rank int) ([]int, error) {
	tup, ok := v.(starlark.Tuple)
	if !ok {
		return nil, core.Errorf("TypeError", "For 'Tile', 'multiples' must be a tuple of ints, but got %s", v.Type())
	}
	if len(tup) < rank {
		return nil, core.Errorf("ValueError", "For 'Tile', the length of 'multiples' must be at least the rank of 'input_x' %d, but got %d", rank, len(tup))
	}
	multiples := make([]int, len(tup))
	for i, m := range tup {
		n, err := starlark.AsInt32(m)
		if _, isBool := m.(starlark.Bool); err != nil || isBool {
			return nil, core.Errorf("TypeError", "For 'Tile', multiples[%d] must be an int, but got %s", i, m.Type())
		}
		if n <= 0 {
			return nil, core.Errorf("ValueError", "For 'Tile', multiples[%d] must be a positive int, but got %d", i, n)
		}
		multiples[i] = n
	}
	return multiples, nil
}

// tile repeats x multiples[i] times along axis i. It interleaves a new
// axis of size multiples[i] before each axis of x, broadcasts along the
// new axes and merges each pair, so the gradient comes from Reshape and
// BroadcastTo.
func tile(x *engine.Tensor, multiples []int) (*engine.Tensor, error) {
	shape := make([]int, len(multiples))
	pad := len(multiples) - x.Rank()
	for i := range shape {
		shape[i] = 1
		if i >= pad {
			shape[i] = x.Shape()[i-pad]
		}
	}
	interleaved := make([]int, 0, 2*len(shape))
	expanded := make([]int, 0, 2*len(shape))
	merged := make([]int, len(shape))
	for i, d := range shape {
		interleaved = append(interleaved, 1, d)
		expanded = append(expanded, multiples[i], d)
		merged[i] = multiples[i] * d
	}
	r, err := engine.Reshape(x, interleaved...)
	if err != nil {
		return nil, err
	}
	b, err := engine.BroadcastTo(r, expanded...)
	if err != nil {
		return nil, err
	}
	return engine.Reshape(b, merged...)
}

// sizeImpl is ops.Size()(input_x): the number of elements, a Python int.
func sizeImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("Size", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	n := 1
	for _, d := range x.Shape() {
		n *= d
	}
	return starlark.MakeInt(n), nil
}

// rankImpl is ops.Rank()(input_x): the number of dimensions, a Python int.
func rankImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	x, err := tensorArg("Rank", args, 0, "input_x")
	if err != nil {
		return nil, err
	}
	return starlark.MakeInt(x.Rank()), nil
}
