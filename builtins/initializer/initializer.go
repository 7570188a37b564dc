// Package initializer is mindspore.common.initializer: the weight
// initializers that nn layers accept as objects or by name.
package initializer

import (
	"fmt"
	"math"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/engine/rng"
	"go.starlark.net/starlark"
)

// Initializer fills a new tensor of a given shape. Random ones draw
// from the runtime's MindSpore-side generator (reseeded by
// mindspore.set_seed). NOTE: MindSpore draws from its own C++ generator,
// so the values differ from MindSpore's for the same seed; only the
// distributions match.
type Initializer struct {
	Name   string
	Params []float64
	Mode   string // fan_in or fan_out for the He initializers
	fill   func(r *rng.NumPy, dst []float64, shape []int)
}

func (i *Initializer) String() string {
	return fmt.Sprintf("%s(%s)", i.Name, strings.Trim(strings.ReplaceAll(fmt.Sprint(i.Params), " ", ", "), "[]"))
}
func (i *Initializer) Type() string          { return i.Name }
func (i *Initializer) Freeze()               {}
func (i *Initializer) Truth() starlark.Bool  { return true }
func (i *Initializer) Hash() (uint32, error) { return starlark.String(i.String()).Hash() }

// Init returns a new tensor of the given shape and dtype.
func (i *Initializer) Init(thread *starlark.Thread, shape []int, d engine.DType) (*engine.Tensor, error) {
	n := engine.Numel(shape)
	if n > engine.MaxElements || n < 0 {
		return nil, core.Errorf("MemoryError", "initializer %s: shape %s is too large", i.Name, engine.FormatShape(shape))
	}
	vals := make([]float64, n)
	core.EnvOf(thread).WithMindSpore(func(r *rng.NumPy) { i.fill(r, vals, shape) })
	return engine.FromValues(d, vals, shape...)
}

func constant(v float64) func(r *rng.NumPy, dst []float64, shape []int) {
	return func(_ *rng.NumPy, dst []float64, _ []int) {
		for k := range dst {
			dst[k] = v
		}
	}
}

// fans returns (fan_in, fan_out) as MindSpore computes them: for a
// weight of shape (out, in, k...), fan_in = in*k, fan_out = out*k.
func fans(shape []int) (float64, float64) {
	switch len(shape) {
	case 0:
		return 1, 1
	case 1:
		return float64(shape[0]), float64(shape[0])
	}
	rf := 1
	for _, d := range shape[2:] {
		rf *= d
	}
	return float64(shape[1] * rf), float64(shape[0] * rf)
}

// NewNormal returns Normal(sigma, mean).
func NewNormal(sigma, mean float64) *Initializer {
	return &Initializer{Name: "Normal", Params: []float64{sigma, mean}, fill: func(r *rng.NumPy, dst []float64, _ []int) {
		_ = r.NormalFill(dst, mean, sigma)
	}}
}

// NewUniform returns Uniform(scale): U(-scale, scale).
func NewUniform(scale float64) *Initializer {
	return &Initializer{Name: "Uniform", Params: []float64{scale}, fill: func(r *rng.NumPy, dst []float64, _ []int) {
		_ = r.UniformFill(dst, -scale, scale)
	}}
}

// NewConstant returns Constant(value).
func NewConstant(v float64) *Initializer {
	return &Initializer{Name: "Constant", Params: []float64{v}, fill: constant(v)}
}

func newTruncatedNormal(sigma float64) *Initializer {
	return &Initializer{Name: "TruncatedNormal", Params: []float64{sigma}, fill: func(r *rng.NumPy, dst []float64, _ []int) {
		for k := range dst {
			for {
				v := r.StandardNormal()
				if v >= -2 && v <= 2 {
					dst[k] = v * sigma
					break
				}
			}
		}
	}}
}

func newXavierUniform(gain float64) *Initializer {
	return &Initializer{Name: "XavierUniform", Params: []float64{gain}, fill: func(r *rng.NumPy, dst []float64, shape []int) {
		fin, fout := fans(shape)
		bound := gain * math.Sqrt(6/(fin+fout))
		_ = r.UniformFill(dst, -bound, bound)
	}}
}

// heGain follows MindSpore's calculate_gain for leaky_relu and relu.
func heGain(slope float64, nonlinearity string) float64 {
	if nonlinearity == "relu" {
		return math.Sqrt(2)
	}
	if nonlinearity == "leaky_relu" {
		return math.Sqrt(2 / (1 + slope*slope))
	}
	return 1
}

func newHe(normal bool, slope float64, mode, nonlinearity string) *Initializer {
	name := "HeUniform"
	if normal {
		name = "HeNormal"
	}
	return &Initializer{Name: name, Params: []float64{slope}, Mode: mode, fill: func(r *rng.NumPy, dst []float64, shape []int) {
		fin, fout := fans(shape)
		fan := fin
		if mode == "fan_out" {
			fan = fout
		}
		std := heGain(slope, nonlinearity) / math.Sqrt(fan)
		if normal {
			_ = r.NormalFill(dst, 0, std)
			return
		}
		bound := math.Sqrt(3) * std
		_ = r.UniformFill(dst, -bound, bound)
	}}
}

// FromValue converts an init argument: an Initializer, a name
// ('normal', 'zeros', 'ones', 'uniform', 'xavier_uniform', 'he_uniform',
// 'he_normal', 'truncatednormal'), or a number (a constant).
func FromValue(v starlark.Value) (*Initializer, error) {
	switch x := v.(type) {
	case *Initializer:
		return x, nil
	case starlark.String:
		switch strings.ToLower(string(x)) {
		case "normal":
			return NewNormal(0.01, 0), nil
		case "zeros", "zero":
			return NewConstant(0), nil
		case "ones", "one":
			return NewConstant(1), nil
		case "uniform":
			return NewUniform(0.07), nil
		case "xavier_uniform", "xavieruniform":
			return newXavierUniform(1), nil
		case "he_uniform", "heuniform":
			return newHe(false, 0, "fan_in", "leaky_relu"), nil
		case "he_normal", "henormal":
			return newHe(true, 0, "fan_in", "leaky_relu"), nil
		case "truncatednormal", "truncated_normal":
			return newTruncatedNormal(0.01), nil
		}
		return nil, core.Errorf("ValueError", "unknown initializer '%s'; use one of 'normal', 'zeros', 'ones', 'uniform', 'xavier_uniform', 'he_uniform', 'he_normal', 'truncatednormal'", string(x))
	case starlark.Int, starlark.Float:
		f, _ := starlark.AsFloat(x)
		return NewConstant(f), nil
	}
	return nil, core.Errorf("TypeError", "an initializer must be an Initializer, a name or a number, not %s", v.Type())
}

// Tensor builds the initial value for a parameter of the given shape: a
// Tensor argument is checked against the shape, anything else goes
// through FromValue.
func Tensor(thread *starlark.Thread, call string, v starlark.Value, shape []int, d engine.DType) (*engine.Tensor, error) {
	if t, _, ok := tensor.Of(v); ok {
		if engine.FormatShape(t.Shape()) != engine.FormatShape(shape) {
			return nil, core.Errorf("ValueError", "%s: the initial tensor has shape %s but the parameter needs %s", call, engine.FormatShape(t.Shape()), engine.FormatShape(shape))
		}
		return engine.Cast(t, d)
	}
	init, err := FromValue(v)
	if err != nil {
		return nil, core.Errorf("TypeError", "%s: %v", call, err)
	}
	return init.Init(thread, shape, d)
}

func ctor(name string, f func(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error)) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return f(args, kwargs)
	})
}

// Module returns mindspore.common.initializer.
func Module() *core.Module {
	m := starlark.StringDict{
		"Normal": ctor("Normal", func(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
			sigma, mean := 0.01, 0.0
			err := starlark.UnpackArgs("Normal", args, kwargs, "sigma?", (*core.Float)(&sigma), "mean?", (*core.Float)(&mean))
			return NewNormal(sigma, mean), err
		}),
		"Uniform": ctor("Uniform", func(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
			scale := 0.07
			err := starlark.UnpackArgs("Uniform", args, kwargs, "scale?", (*core.Float)(&scale))
			return NewUniform(scale), err
		}),
		"TruncatedNormal": ctor("TruncatedNormal", func(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
			sigma := 0.01
			err := starlark.UnpackArgs("TruncatedNormal", args, kwargs, "sigma?", (*core.Float)(&sigma))
			return newTruncatedNormal(sigma), err
		}),
		"XavierUniform": ctor("XavierUniform", func(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
			gain := 1.0
			err := starlark.UnpackArgs("XavierUniform", args, kwargs, "gain?", (*core.Float)(&gain))
			return newXavierUniform(gain), err
		}),
		"HeUniform": ctor("HeUniform", heCtor(false)),
		"HeNormal":  ctor("HeNormal", heCtor(true)),
		"Zero": ctor("Zero", func(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
			return NewConstant(0), starlark.UnpackArgs("Zero", args, kwargs)
		}),
		"One": ctor("One", func(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
			return NewConstant(1), starlark.UnpackArgs("One", args, kwargs)
		}),
		"Constant": ctor("Constant", func(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
			var v float64
			err := starlark.UnpackArgs("Constant", args, kwargs, "value", (*core.Float)(&v))
			return NewConstant(v), err
		}),
		"initializer": starlark.NewBuiltin("initializer", initializerFn),
	}
	return core.NewModule("mindspore.common.initializer", m)
}

func heCtor(normal bool) func(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
	return func(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
		slope := 0.0
		mode, nl := "fan_in", "leaky_relu"
		err := starlark.UnpackArgs("HeUniform", args, kwargs, "negative_slope?", (*core.Float)(&slope), "mode?", &mode, "nonlinearity?", &nl)
		if err == nil && mode != "fan_in" && mode != "fan_out" {
			err = core.Errorf("ValueError", "mode must be 'fan_in' or 'fan_out', not '%s'", mode)
		}
		return newHe(normal, slope, mode, nl), err
	}
}

// initializerFn is initializer(init, shape, dtype): a Tensor holding
// the initial values.
func initializerFn(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var init, shape starlark.Value
	var dt starlark.Value = starlark.None
	if err := starlark.UnpackArgs("initializer", args, kwargs, "init", &init, "shape?", &shape, "dtype?", &dt); err != nil {
		return nil, err
	}
	dims, err := tensor.ShapeArgs(starlark.Tuple{shape})
	if err != nil {
		return nil, err
	}
	d := engine.Float32
	if dt != starlark.None {
		if d, err = tensor.DTypeOf(dt); err != nil {
			return nil, err
		}
	}
	t, err := Tensor(thread, "initializer", init, dims, d)
	if err != nil {
		return nil, err
	}
	return tensor.New(t), nil
}
