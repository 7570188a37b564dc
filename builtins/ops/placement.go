package ops

import (
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

// placed returns call with its MindSpore Tensor arguments moved to the
// runtime's device first. Every primitive runs through it, so a Tensor
// made on the host before or outside a Cell joins a GPU op there
// instead of failing as an operand on another device. NumPy arrays and
// Tensors inside tuples or lists are not moved.
func placed(call impl) impl {
	return func(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		args, err := tensor.PlaceArgs(thread, args)
		if err != nil {
			return nil, err
		}
		return call(thread, attrs, args, kwargs)
	}
}
