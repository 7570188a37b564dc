package mindspore

import (
	"errors"
	"fmt"

	"github.com/cellscript/cellscript/engine/cuda"
)

// EnableGPU starts the CUDA backend for device_target 'GPU', once per
// process. Without a driver it returns the error "device_target GPU
// requested but no CUDA driver was found (libcuda.so.1)".
func EnableGPU() error {
	err := cuda.Enable()
	switch {
	case err == nil:
		return nil
	case errors.Is(err, cuda.ErrNoDriver):
		return errors.New("device_target GPU requested but no CUDA driver was found (libcuda.so.1)")
	}
	return fmt.Errorf("device_target GPU requested but the CUDA backend failed to start: %v", err)
}
