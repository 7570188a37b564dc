package nn

import (
	"math"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// MaxPool2d is the native nn.MaxPool2d class.
var MaxPool2d *pyobj.Class

func init() {
	MaxPool2d = newCellClass(cellClass{
		name: "MaxPool2d",
		doc: `MaxPool2d(kernel_size=1, stride=1, pad_mode='valid', padding=0, dilation=1, return_indices=False, ceil_mode=False, data_format='NCHW')

The maximum over kernel windows of NCHW inputs. pad_mode 'valid' does
not pad; 'same' pads with -inf so that the output size is
ceil(in/stride), the odd pixel at the bottom and right; 'pad' pads both
sides by padding (an int or (height, width), at most half the kernel).
kernel_size and stride are ints or (height, width) pairs. The gradient
goes to the first maximum of each window.
NOTE: dilation other than 1, return_indices and ceil_mode are not
implemented and raise NotImplementedError.`,
		init:      maxPoolInit,
		construct: maxPoolConstruct,
		methods:   []pyobj.Method{poolExtendRepr},
	})
}

// poolConfig is the validated geometry of a MaxPool2d cell.
type poolConfig struct {
	kernel, stride, padding [2]int
	padMode                 string
}

func maxPoolInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var kernelV, strideV, paddingV, dilationV starlark.Value = starlark.MakeInt(1), starlark.MakeInt(1), starlark.MakeInt(0), starlark.MakeInt(1)
	padMode, format := "valid", "NCHW"
	returnIndices, ceilMode := false, false
	if err := starlark.UnpackArgs("MaxPool2d", args, kwargs, "kernel_size?", &kernelV, "stride?", &strideV, "pad_mode?", &padMode, "padding?", &paddingV,
		"dilation?", &dilationV, "return_indices?", &returnIndices, "ceil_mode?", &ceilMode, "data_format?", &format); err != nil {
		return nil, err
	}

	cfg := &poolConfig{padMode: strings.ToLower(padMode)}
	var err error
	if cfg.kernel, err = intPair("MaxPool2d", "kernel_size", kernelV, 1); err != nil {
		return nil, err
	}
	if cfg.stride, err = intPair("MaxPool2d", "stride", strideV, 1); err != nil {
		return nil, err
	}
	if cfg.padding, err = intPair("MaxPool2d", "padding", paddingV, 0); err != nil {
		return nil, err
	}
	dilation, err := intPair("MaxPool2d", "dilation", dilationV, 1)
	if err != nil {
		return nil, err
	}
	if err := checkPoolConfig(cfg, dilation, returnIndices, ceilMode, format, paddingV); err != nil {
		return nil, err
	}

	ensureState(self).Extra = cfg
	return starlark.None, setAttrs(self, []pyobj.NamedValue{
		// r1.6 keeps kernel_size and stride as given and pad_mode upper-case.
		{Name: "kernel_size", Value: kernelV},
		{Name: "stride", Value: strideV},
		{Name: "pad_mode", Value: starlark.String(strings.ToUpper(cfg.padMode))},
	})
}

func checkPoolConfig(cfg *poolConfig, dilation [2]int, returnIndices, ceilMode bool, format string, paddingV starlark.Value) error {
	switch cfg.padMode {
	case "valid", "same":
		if cfg.padding != [2]int{} {
			return core.Errorf("ValueError", "For 'MaxPool2d', the 'padding' must be 0 when pad_mode is '%s', but got %s; use pad_mode='pad'", cfg.padMode, paddingV.String())
		}
	case "pad":
		for i := range cfg.padding {
			if cfg.padding[i] > cfg.kernel[i]/2 {
				return core.Errorf("ValueError", "For 'MaxPool2d', the 'padding' %s must be at most half of kernel_size %v", paddingV.String(), cfg.kernel)
			}
		}
	default:
		return core.Errorf("ValueError", "For 'MaxPool2d', the 'pad_mode' must be 'valid', 'same' or 'pad', but got '%s'", cfg.padMode)
	}
	if dilation != [2]int{1, 1} || returnIndices || ceilMode {
		return core.Errorf("NotImplementedError", "MaxPool2d: dilation other than 1, return_indices and ceil_mode are not implemented")
	}
	if format != "NCHW" {
		return core.Errorf("ValueError", "For 'MaxPool2d', data_format '%s' is not supported; use 'NCHW'", format)
	}
	return nil
}

func maxPoolConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv starlark.Value
	if err := starlark.UnpackArgs("MaxPool2d", args, kwargs, "x", &xv); err != nil {
		return nil, err
	}
	x, err := arg("MaxPool2d", "x", xv)
	if err != nil {
		return nil, err
	}
	cfg, ok := ensureState(self).Extra.(*poolConfig)
	if !ok {
		return nil, core.Errorf("RuntimeError", "MaxPool2d: the cell is not initialised; call MaxPool2d.__init__")
	}
	if x.Rank() != 4 {
		return nil, core.Errorf("ValueError", "For 'MaxPool2d', the input must be 4-D (N, C, H, W), but got shape %s", engine.FormatShape(x.Shape()))
	}
	return do("MaxPool2d", func() (*engine.Tensor, error) {
		switch cfg.padMode {
		case "pad":
			return engine.MaxPool2D(x, cfg.kernel, cfg.stride, cfg.padding)
		case "same":
			top, bottom := samePad(x.Shape()[2], cfg.kernel[0], cfg.stride[0], 1)
			left, right := samePad(x.Shape()[3], cfg.kernel[1], cfg.stride[1], 1)
			xp := padNegInf(padNegInf(x, 2, top, bottom), 3, left, right)
			return engine.MaxPool2D(xp, cfg.kernel, cfg.stride, [2]int{})
		}
		return engine.MaxPool2D(x, cfg.kernel, cfg.stride, [2]int{})
	})
}

// padNegInf pads axis of x with before and after slices of -inf, which
// no window of pad_mode 'same' takes as its maximum. The padding gets no
// gradient. It runs inside do.
func padNegInf(x *engine.Tensor, axis, before, after int) *engine.Tensor {
	parts := []*engine.Tensor{}
	side := func(n int) *engine.Tensor {
		shape := append([]int{}, x.Shape()...)
		shape[axis] = n
		return must(engine.Full(x.DType(), math.Inf(-1), shape...))
	}
	if before > 0 {
		parts = append(parts, side(before))
	}
	parts = append(parts, x)
	if after > 0 {
		parts = append(parts, side(after))
	}
	if len(parts) == 1 {
		return x
	}
	return must(engine.Concat(parts, axis))
}
