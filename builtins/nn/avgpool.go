package nn

import (
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// AvgPool2d, AvgPool1d and MaxPool1d are the native pooling Cells
// besides MaxPool2d. They support pad_mode 'valid' only.
var (
	AvgPool2d *pyobj.Class
	AvgPool1d *pyobj.Class
	MaxPool1d *pyobj.Class
)

// NOTE: pad_mode 'same' raises NotImplementedError for these Cells,
// because whether MindSpore r1.6's CPU average divides by the whole
// window or by its unpadded part at the borders is not checked here.
func init() {
	AvgPool2d = poolClass("AvgPool2d", 2, false)
	AvgPool1d = poolClass("AvgPool1d", 1, false)
	MaxPool1d = poolClass("MaxPool1d", 1, true)
}

// simplePool is the geometry of a pooling Cell in (height, width); a 1-D
// Cell has a height of 1.
type simplePool struct {
	kernel, stride [2]int
}

func poolClass(name string, dims int, isMax bool) *pyobj.Class {
	summary := "The mean"
	if isMax {
		summary = "The maximum"
	}
	shape := "(N, C, H, W)"
	if dims == 1 {
		shape = "(N, C, L)"
	}
	doc := name + "(kernel_size=1, stride=1, pad_mode='valid')\n\n" + summary + " over kernel windows of " + shape +
		" inputs, without padding (pad_mode 'valid').\nkernel_size and stride are ints"
	if dims == 2 {
		doc += " or (height, width) pairs"
	}
	return newCellClass(cellClass{
		name: name,
		doc:  doc + ".",
		init: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return initPool(name, dims, self, args, kwargs)
		},
		construct: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return constructPool(name, dims, isMax, self, args, kwargs)
		},
		methods: []pyobj.Method{poolExtendRepr},
	})
}

func initPool(name string, dims int, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var kernelV, strideV starlark.Value = starlark.MakeInt(1), starlark.MakeInt(1)
	padMode, format := "valid", "NCHW"
	pairs := []any{"kernel_size?", &kernelV, "stride?", &strideV, "pad_mode?", &padMode}
	if dims == 2 {
		pairs = append(pairs, "data_format?", &format)
	}
	if err := starlark.UnpackArgs(name, args, kwargs, pairs...); err != nil {
		return nil, err
	}

	cfg := &simplePool{}
	for _, p := range []struct {
		arg  string
		v    starlark.Value
		dest *[2]int
	}{{"kernel_size", kernelV, &cfg.kernel}, {"stride", strideV, &cfg.stride}} {
		if dims == 1 {
			n, err := positiveInt(name, p.arg, p.v)
			if err != nil {
				return nil, err
			}
			*p.dest = [2]int{1, n}
			continue
		}
		pair, err := intPair(name, p.arg, p.v, 1)
		if err != nil {
			return nil, err
		}
		*p.dest = pair
	}

	switch strings.ToLower(padMode) {
	case "valid":
	case "same":
		return nil, core.Errorf("NotImplementedError", "%s: pad_mode 'same' is not implemented; pad the input with ops.Pad and use pad_mode='valid'", name)
	default:
		return nil, core.Errorf("ValueError", "For '%s', the 'pad_mode' must be 'valid' or 'same', but got '%s'", name, padMode)
	}
	if format != "NCHW" {
		return nil, core.Errorf("ValueError", "For '%s', data_format '%s' is not supported; use 'NCHW'", name, format)
	}

	ensureState(self).Extra = cfg
	// r1.6 keeps AvgPool2d's kernel_size and stride as given and stores
	// AvgPool1d's as (1, n).
	kernel, stride := kernelV, strideV
	if dims == 1 {
		kernel, stride = pairValue(cfg.kernel), pairValue(cfg.stride)
	}
	return starlark.None, setAttrs(self, []pyobj.NamedValue{
		{Name: "kernel_size", Value: kernel},
		{Name: "stride", Value: stride},
		{Name: "pad_mode", Value: starlark.String("VALID")},
	})
}

func constructPool(name string, dims int, isMax bool, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "x", &xv); err != nil {
		return nil, err
	}
	x, err := arg(name, "x", xv)
	if err != nil {
		return nil, err
	}

	cfg, ok := ensureState(self).Extra.(*simplePool)
	if !ok {
		return nil, core.Errorf("RuntimeError", "%s: the cell is not initialised; call %s.__init__", name, name)
	}

	if x.Rank() != dims+2 {
		want := "4-D (N, C, H, W)"
		if dims == 1 {
			want = "3-D (N, C, L)"
		}
		return nil, core.Errorf("ValueError", "For '%s', the input must be %s, but got shape %s", name, want, engine.FormatShape(x.Shape()))
	}

	// A 1-D input is pooled as (N, C, 1, L) with a kernel height of 1.
	sizes := [2]int{1, x.Shape()[x.Rank()-1]}
	if dims == 2 {
		sizes[0] = x.Shape()[2]
	}
	for i, k := range cfg.kernel {
		if k > sizes[i] {
			return nil, core.Errorf("ValueError", "For '%s', the kernel_size %d is larger than the input size %d in shape %s", name, k, sizes[i], engine.FormatShape(x.Shape()))
		}
	}

	return do(name, func() (*engine.Tensor, error) {
		in := x
		if dims == 1 {
			s := x.Shape()
			in = must(engine.Reshape(x, s[0], s[1], 1, s[2]))
		}
		var out *engine.Tensor
		if isMax {
			out = must(engine.MaxPool2D(in, cfg.kernel, cfg.stride, [2]int{}))
		} else {
			out = avgPool(in, cfg.kernel, cfg.stride)
		}
		if dims == 1 {
			s := out.Shape()
			return engine.Reshape(out, s[0], s[1], s[3])
		}
		return out, nil
	})
}

// avgPool averages the windows of x (N, C, H, W) as a depthwise
// convolution with a kernel of ones, divided by the window size, so the
// gradient comes from Conv2D. It runs inside do.
func avgPool(x *engine.Tensor, kernel, stride [2]int) *engine.Tensor {
	c := x.Shape()[1]
	ones := must(engine.Full(x.DType(), 1, c, 1, kernel[0], kernel[1]))
	ones = must(engine.ToDevice(ones, x.Device()))
	sum := must(engine.Conv2D(x, ones, stride, [4]int{}, [2]int{1, 1}, c))
	return must(engine.Div(sum, engine.Scalar(x.DType(), float64(kernel[0]*kernel[1]))))
}
