package ops

import (
	"fmt"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

// printImpl is Print()(*inputs): each input on its own line, a string as
// it is and a Tensor in MindSpore's C++ form, Tensor(shape=[2, 1],
// dtype=Int32, value=...), with spaces and no commas between elements
// (tensor.MSPrintString). It returns None.
func printImpl(thread *starlark.Thread, attrs starlark.StringDict, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, core.Errorf("TypeError", "For 'Print', inputs must be positional, but got keyword '%s'", kwargs[0][0])
	}
	out := core.EnvOf(thread).Stdout
	for _, arg := range args {
		line, err := printLine(thread, arg)
		if err != nil {
			return nil, err
		}
		if _, err := fmt.Fprintln(out, line); err != nil {
			return nil, core.Errorf("OSError", "Print: writing to standard output failed: %v", err)
		}
	}
	return starlark.None, nil
}

func printLine(thread *starlark.Thread, v starlark.Value) (string, error) {
	switch v := v.(type) {
	case starlark.String:
		return string(v), nil
	case *tensor.Tensor:
		return tensor.MSPrintString(v.T), nil
	case *tensor.Parameter:
		return core.Repr(thread, v)
	}
	return "", core.Errorf("TypeError", "For 'Print', inputs must be strings or Tensors, but got %s", v.Type())
}
