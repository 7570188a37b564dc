package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Conv2d is the native nn.Conv2d class.
var Conv2d *pyobj.Class

func init() {
	Conv2d = newCellClass(cellClass{
		name: "Conv2d",
		doc: `Conv2d(in_channels, out_channels, kernel_size, stride=1, pad_mode='same', padding=0, dilation=1, group=1, has_bias=False, weight_init='normal', bias_init='zeros', data_format='NCHW')

2-D cross-correlation of NCHW inputs with a weight of shape
(out_channels, in_channels/group, kh, kw), plus an optional bias.
pad_mode 'same' pads so that the output size is ceil(in/stride), putting
the odd pixel at the bottom and right; 'valid' does not pad; 'pad' uses
padding, an int or (top, bottom, left, right). kernel_size, stride and
dilation are ints or (height, width) pairs. An omitted initializer takes
the r1.x default ('normal', 'zeros'); an explicit None takes the r2.1+
default (HeUniform(math.sqrt(5)), Uniform(1/sqrt(fan_in))).`,
		init:      convInit,
		construct: convConstruct,
		methods:   []pyobj.Method{convExtendRepr},
	})
}

// intPair unpacks an int or a pair of ints (height, width), each at
// least lowest.
func intPair(call, name string, v starlark.Value, lowest int) ([2]int, error) {
	var out [2]int
	var vals []starlark.Value
	switch x := v.(type) {
	case starlark.Tuple:
		vals = x
	case *starlark.List:
		for i := 0; i < x.Len(); i++ {
			vals = append(vals, x.Index(i))
		}
	default:
		vals = []starlark.Value{v, v}
	}
	if len(vals) != 2 {
		return out, core.Errorf("ValueError", "For '%s', the '%s' must be an int or a tuple of 2 ints, but got %s", call, name, v.String())
	}
	for i, e := range vals {
		if _, isBool := e.(starlark.Bool); isBool || starlark.AsInt(e, &out[i]) != nil {
			return out, core.Errorf("TypeError", "For '%s', the '%s' must be an int or a tuple of 2 ints, but got %s", call, name, v.String())
		}
		if out[i] < lowest {
			return out, core.Errorf("ValueError", "For '%s', every value of '%s' must be at least %d, but got %s", call, name, lowest, v.String())
		}
	}
	return out, nil
}

// convPadding unpacks Conv2d's padding: an int for all four sides or a
// tuple (top, bottom, left, right).
func convPadding(v starlark.Value) ([4]int, error) {
	var out [4]int
	vals := []starlark.Value{v, v, v, v}
	if t, ok := v.(starlark.Tuple); ok {
		if len(t) != 4 {
			return out, core.Errorf("ValueError", "For 'Conv2d', the 'padding' must be an int or a tuple of 4 ints, but got %s", v.String())
		}
		vals = t
	}
	for i, e := range vals {
		if _, isBool := e.(starlark.Bool); isBool || starlark.AsInt(e, &out[i]) != nil {
			return out, core.Errorf("TypeError", "For 'Conv2d', the 'padding' must be an int or a tuple of 4 ints, but got %s", v.String())
		}
		if out[i] < 0 {
			return out, core.Errorf("ValueError", "For 'Conv2d', the 'padding' must not be negative, but got %s", v.String())
		}
	}
	return out, nil
}

// samePad returns the (before, after) padding of pad_mode 'same' for one
// spatial axis: the output has ceil(size/stride) positions and the odd
// padding pixel goes after.
func samePad(size, k, stride, dilation int) (int, int) {
	out := (size + stride - 1) / stride
	need := max(0, (out-1)*stride+dilation*(k-1)+1-size)
	return need / 2, need - need/2
}

// convConfig is the validated geometry of a Conv2d cell.
type convConfig struct {
	kernel, stride, dilation [2]int
	padMode                  string
	padding                  [4]int
	group                    int
}

func convInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var inV, outV, kernelV, wInit, bInit starlark.Value
	var strideV, dilationV, paddingV starlark.Value = starlark.MakeInt(1), starlark.MakeInt(1), starlark.MakeInt(0)
	padMode, format := "same", "NCHW"
	group := 1
	hasBias := false
	if err := starlark.UnpackArgs("Conv2d", args, kwargs, "in_channels", &inV, "out_channels", &outV, "kernel_size", &kernelV, "stride?", &strideV, "pad_mode?", &padMode,
		"padding?", &paddingV, "dilation?", &dilationV, "group?", &group, "has_bias?", &hasBias, "weight_init?", &wInit, "bias_init?", &bInit, "data_format?", &format, "dtype?", new(starlark.Value)); err != nil {
		return nil, err
	}

	in, err := positiveInt("Conv2d", "in_channels", inV)
	if err != nil {
		return nil, err
	}
	outC, err := positiveInt("Conv2d", "out_channels", outV)
	if err != nil {
		return nil, err
	}
	cfg, err := convGeometry(kernelV, strideV, dilationV, paddingV, padMode, group, format)
	if err != nil {
		return nil, err
	}
	if in%group != 0 || outC%group != 0 {
		return nil, core.Errorf("ValueError", "For 'Conv2d', group = %d must divide in_channels %d and out_channels %d", group, in, outC)
	}

	shape := []int{outC, in / group, cfg.kernel[0], cfg.kernel[1]}
	heW, heB := heUniformDefaults(shape[1] * shape[2] * shape[3])
	if err := initParam(thread, self, "Conv2d", "weight", layerInit(wInit, "normal", heW), shape, engine.Float32, true); err != nil {
		return nil, err
	}
	if !hasBias {
		// MindSpore r1.6 sets the bias attribute to None without a bias.
		if err := self.DictSet("bias", starlark.None); err != nil {
			return nil, err
		}
	} else {
		if err := initParam(thread, self, "Conv2d", "bias", layerInit(bInit, "zeros", heB), []int{outC}, engine.Float32, true); err != nil {
			return nil, err
		}
	}

	ensureState(self).Extra = cfg
	return starlark.None, setAttrs(self, []pyobj.NamedValue{
		{Name: "in_channels", Value: starlark.MakeInt(in)},
		{Name: "out_channels", Value: starlark.MakeInt(outC)},
		{Name: "kernel_size", Value: pairValue(cfg.kernel)},
		{Name: "stride", Value: pairValue(cfg.stride)},
		{Name: "dilation", Value: pairValue(cfg.dilation)},
		{Name: "pad_mode", Value: starlark.String(padMode)},
		{Name: "group", Value: starlark.MakeInt(group)},
		{Name: "has_bias", Value: starlark.Bool(hasBias)},
		{Name: "padding", Value: paddingV},
		{Name: "weight_init", Value: initOrDefault(wInit, "normal")},
		{Name: "bias_init", Value: initOrDefault(bInit, "zeros")},
		{Name: "format", Value: starlark.String(format)},
	})
}

func pairValue(p [2]int) starlark.Tuple {
	return starlark.Tuple{starlark.MakeInt(p[0]), starlark.MakeInt(p[1])}
}

// convGeometry validates the geometry arguments of Conv2d.
func convGeometry(kernelV, strideV, dilationV, paddingV starlark.Value, padMode string, group int, format string) (*convConfig, error) {
	cfg := &convConfig{padMode: padMode, group: group}
	var err error
	if cfg.kernel, err = intPair("Conv2d", "kernel_size", kernelV, 1); err != nil {
		return nil, err
	}
	if cfg.stride, err = intPair("Conv2d", "stride", strideV, 1); err != nil {
		return nil, err
	}
	if cfg.dilation, err = intPair("Conv2d", "dilation", dilationV, 1); err != nil {
		return nil, err
	}
	if cfg.padding, err = convPadding(paddingV); err != nil {
		return nil, err
	}
	if padMode != "same" && padMode != "valid" && padMode != "pad" {
		return nil, core.Errorf("ValueError", "For 'Conv2d', the 'pad_mode' must be 'same', 'valid' or 'pad', but got '%s'", padMode)
	}
	if padMode != "pad" && cfg.padding != [4]int{} {
		return nil, core.Errorf("ValueError", "For 'Conv2d', the 'padding' must be 0 when pad_mode is '%s', but got %s; use pad_mode='pad'", padMode, paddingV.String())
	}
	if group < 1 {
		return nil, core.Errorf("ValueError", "For 'Conv2d', the 'group' must be a positive int, but got %d", group)
	}
	if format != "NCHW" {
		return nil, core.Errorf("ValueError", "For 'Conv2d', data_format '%s' is not supported; use 'NCHW'", format)
	}
	return cfg, nil
}

// pads returns (top, bottom, left, right) for an input of height h and
// width w.
func (c *convConfig) pads(h, w int) [4]int {
	switch c.padMode {
	case "pad":
		return c.padding
	case "same":
		top, bottom := samePad(h, c.kernel[0], c.stride[0], c.dilation[0])
		left, right := samePad(w, c.kernel[1], c.stride[1], c.dilation[1])
		return [4]int{top, bottom, left, right}
	}
	return [4]int{}
}

func convConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv starlark.Value
	if err := starlark.UnpackArgs("Conv2d", args, kwargs, "x", &xv); err != nil {
		return nil, err
	}
	x, err := arg("Conv2d", "x", xv)
	if err != nil {
		return nil, err
	}

	cfg, ok := ensureState(self).Extra.(*convConfig)
	w, _, okW := tensor.Of(attr(self, "weight"))
	if !ok || !okW {
		return nil, core.Errorf("RuntimeError", "Conv2d: the cell is not initialised; call Conv2d.__init__")
	}
	if x.Rank() != 4 {
		return nil, core.Errorf("ValueError", "For 'Conv2d', the input must be 4-D (N, C, H, W), but got shape %s", engine.FormatShape(x.Shape()))
	}
	if x.Shape()[1] != w.Shape()[1]*cfg.group {
		return nil, core.Errorf("ValueError", "For 'Conv2d', the input has %d channels (shape %s) but in_channels is %d", x.Shape()[1], engine.FormatShape(x.Shape()), w.Shape()[1]*cfg.group)
	}

	b, _, hasBias := tensor.Of(attr(self, "bias"))
	pad := cfg.pads(x.Shape()[2], x.Shape()[3])
	return do("Conv2d", func() (*engine.Tensor, error) {
		xin := x
		if xin.DType() != w.DType() {
			xin = must(engine.Cast(xin, w.DType()))
		}
		y := must(engine.Conv2D(xin, w, cfg.stride, pad, cfg.dilation, cfg.group))
		if hasBias {
			y = must(engine.Add(y, must(engine.Reshape(b, 1, -1, 1, 1))))
		}
		return y, nil
	})
}

// initOrDefault returns the initializer argument that Conv2d stores for
// extend_repr, or the r1.6 default name when the argument was omitted.
func initOrDefault(v starlark.Value, def string) starlark.Value {
	if v == nil {
		return starlark.String(def)
	}
	return v
}
