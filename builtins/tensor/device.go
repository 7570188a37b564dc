package tensor

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// runtimeDevice returns the device that set_context(device_target=...)
// chose for the thread's runtime, when its backend is enabled; CPU
// otherwise.
func runtimeDevice(thread *starlark.Thread) engine.Device {
	dev := engine.Device(core.EnvOf(thread).Device)
	if dev == engine.CPU || engine.BackendOf(dev) == nil {
		return engine.CPU
	}
	return dev
}

// Place returns t on the runtime's device: a copy there when the
// runtime computes on the GPU, t itself otherwise. MindSpore Tensors
// live on the runtime's device and NumPy arrays on the host, so the
// builtins place a tensor when it becomes a MindSpore Tensor.
func Place(thread *starlark.Thread, t *engine.Tensor) (*engine.Tensor, error) {
	dev := runtimeDevice(thread)
	if t.Device() == dev {
		return t, nil
	}
	return engine.ToDevice(t, dev)
}

// PlaceParameter moves p's storage to the runtime's device in place, so
// optimizers and gradients that hold p see the moved storage.
func PlaceParameter(thread *starlark.Thread, p *Parameter) error {
	return p.T.MoveTo(runtimeDevice(thread))
}

// PlaceArgs returns args with every MindSpore Tensor on the runtime's
// device and moves Parameters there in place. NumPy arrays and other
// values pass through.
func PlaceArgs(thread *starlark.Thread, args starlark.Tuple) (starlark.Tuple, error) {
	if runtimeDevice(thread) == engine.CPU {
		return args, nil
	}
	out := args
	for i, v := range args {
		switch x := v.(type) {
		case *Parameter:
			if err := PlaceParameter(thread, x); err != nil {
				return nil, err
			}
		case *Tensor:
			if x.Flavor != MindSpore {
				continue
			}
			t, err := Place(thread, x.T)
			if err != nil {
				return nil, err
			}
			if t == x.T {
				continue
			}
			if &out[0] == &args[0] {
				out = append(starlark.Tuple(nil), args...)
			}
			out[i] = &Tensor{T: t, Flavor: x.Flavor, Scalar: x.Scalar}
		}
	}
	return out, nil
}
