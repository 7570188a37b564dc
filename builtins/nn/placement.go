package nn

import (
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

// placeCall moves a Cell's own Parameters and the MindSpore Tensors it
// is called with to the runtime's device, as MindSpore copies host
// data to the device on first use. Parameters move in place, so
// optimizers and gradient code that hold them see the device storage.
// On the CPU it changes nothing.
func placeCall(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Tuple, []starlark.Tuple, error) {
	for _, np := range ownParams(self) {
		if err := tensor.PlaceParameter(thread, np.Param); err != nil {
			return nil, nil, err
		}
	}
	args, err := tensor.PlaceArgs(thread, args)
	if err != nil {
		return nil, nil, err
	}
	copied := false
	for i, kv := range kwargs {
		placed, err := tensor.PlaceArgs(thread, starlark.Tuple{kv[1]})
		if err != nil {
			return nil, nil, err
		}
		if placed[0] == kv[1] {
			continue
		}
		if !copied {
			kwargs = append([]starlark.Tuple(nil), kwargs...)
			copied = true
		}
		kwargs[i] = starlark.Tuple{kv[0], placed[0]}
	}
	return args, kwargs, nil
}
