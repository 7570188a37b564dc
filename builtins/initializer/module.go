package initializer

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// InitializerType is the Python type of every initializer object, so
// that isinstance(init, Initializer) works.
var InitializerType = pyobj.NewGoType("Initializer", func(v starlark.Value) bool {
	_, ok := v.(*Initializer)
	return ok
})

type ctorFunc func(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error)

func ctor(name string, f ctorFunc) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		init, err := f(args, kwargs)
		if err != nil {
			return nil, err
		}
		return init, nil
	})
}

// Module returns mindspore.common.initializer.
func Module() *core.Module {
	m := starlark.StringDict{
		"Initializer":     InitializerType,
		"Normal":          ctor("Normal", normalCtor),
		"Uniform":         ctor("Uniform", uniformCtor),
		"TruncatedNormal": ctor("TruncatedNormal", truncatedNormalCtor),
		"XavierUniform":   ctor("XavierUniform", xavierCtor("XavierUniform", false)),
		"XavierNormal":    ctor("XavierNormal", xavierCtor("XavierNormal", true)),
		"HeUniform":       ctor("HeUniform", heCtor("HeUniform", false)),
		"HeNormal":        ctor("HeNormal", heCtor("HeNormal", true)),
		"Zero":            ctor("Zero", noArgCtor("Zero", func() *Initializer { return NewConstant("Zero", 0) })),
		"One":             ctor("One", noArgCtor("One", func() *Initializer { return NewConstant("One", 1) })),
		"Identity":        ctor("Identity", noArgCtor("Identity", NewIdentity)),
		"Constant":        ctor("Constant", constantCtor),
		"Dirac":           ctor("Dirac", diracCtor),
		"Orthogonal":      ctor("Orthogonal", orthogonalCtor),
		"VarianceScaling": ctor("VarianceScaling", varianceScalingCtor),
		"Sparse":          ctor("Sparse", sparseCtor),
		"initializer":     starlark.NewBuiltin("initializer", initializerFn),
	}
	mod := core.NewModule("mindspore.common.initializer", m)
	mod.Doc = "MindSpore's weight initializers: classes such as Normal and HeUniform, and initializer(init, shape, dtype)."
	return mod
}

func noArgCtor(name string, mk func() *Initializer) ctorFunc {
	return func(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
		if err := starlark.UnpackArgs(name, args, kwargs); err != nil {
			return nil, err
		}
		return mk(), nil
	}
}

func normalCtor(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
	sigma, mean := 0.01, 0.0
	if err := starlark.UnpackArgs("Normal", args, kwargs, "sigma?", (*core.Float)(&sigma), "mean?", (*core.Float)(&mean)); err != nil {
		return nil, err
	}
	return NewNormal(sigma, mean), nil
}

func uniformCtor(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
	scale := 0.07
	if err := starlark.UnpackArgs("Uniform", args, kwargs, "scale?", (*core.Float)(&scale)); err != nil {
		return nil, err
	}
	return NewUniform(scale), nil
}

func truncatedNormalCtor(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
	sigma, mean, a, b := 0.01, 0.0, -2.0, 2.0
	if err := starlark.UnpackArgs("TruncatedNormal", args, kwargs, "sigma?", (*core.Float)(&sigma), "mean?", (*core.Float)(&mean), "a?", (*core.Float)(&a), "b?", (*core.Float)(&b)); err != nil {
		return nil, err
	}
	return NewTruncatedNormal(sigma, mean, a, b), nil
}

func xavierCtor(name string, normal bool) ctorFunc {
	return func(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
		gain := 1.0
		if err := starlark.UnpackArgs(name, args, kwargs, "gain?", (*core.Float)(&gain)); err != nil {
			return nil, err
		}
		return NewXavier(normal, gain), nil
	}
}

func heCtor(name string, normal bool) ctorFunc {
	return func(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
		slope := 0.0
		mode, nonlinearity := "fan_in", "leaky_relu"
		if err := starlark.UnpackArgs(name, args, kwargs, "negative_slope?", (*core.Float)(&slope), "mode?", &mode, "nonlinearity?", &nonlinearity); err != nil {
			return nil, err
		}
		return NewHe(normal, slope, mode, nonlinearity)
	}
}

func constantCtor(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
	var v float64
	if err := starlark.UnpackArgs("Constant", args, kwargs, "value", (*core.Float)(&v)); err != nil {
		return nil, err
	}
	return NewConstant("Constant", v), nil
}

func diracCtor(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
	groups := 1
	if err := starlark.UnpackArgs("Dirac", args, kwargs, "groups?", &groups); err != nil {
		return nil, err
	}
	return NewDirac(groups), nil
}

func orthogonalCtor(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
	gain := 1.0
	if err := starlark.UnpackArgs("Orthogonal", args, kwargs, "gain?", (*core.Float)(&gain)); err != nil {
		return nil, err
	}
	return NewOrthogonal(gain), nil
}

func varianceScalingCtor(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
	scale := 1.0
	mode, distribution := "fan_in", "truncated_normal"
	if err := starlark.UnpackArgs("VarianceScaling", args, kwargs, "scale?", (*core.Float)(&scale), "mode?", &mode, "distribution?", &distribution); err != nil {
		return nil, err
	}
	return NewVarianceScaling(scale, mode, distribution)
}

func sparseCtor(args starlark.Tuple, kwargs []starlark.Tuple) (*Initializer, error) {
	var sparsity float64
	sigma := 0.01
	if err := starlark.UnpackArgs("Sparse", args, kwargs, "sparsity", (*core.Float)(&sparsity), "sigma?", (*core.Float)(&sigma)); err != nil {
		return nil, err
	}
	return NewSparse(sparsity, sigma), nil
}

// initializerFn is initializer(init, shape=None, dtype=float32): a
// Tensor holding the initial values. A Tensor init is returned as it is
// after its shape is checked, as in MindSpore.
func initializerFn(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var init, shape starlark.Value
	var dt starlark.Value = starlark.None
	if err := starlark.UnpackArgs("initializer", args, kwargs, "init", &init, "shape?", &shape, "dtype?", &dt); err != nil {
		return nil, err
	}
	if t, _, ok := tensor.Of(init); ok && (shape == nil || shape == starlark.None) {
		return tensor.New(t), nil
	}
	if shape == nil || shape == starlark.None {
		return nil, core.Errorf("ValueError", "initializer: shape is required unless init is a Tensor")
	}
	dims, err := tensor.ShapeArgs(starlark.Tuple{shape})
	if err != nil {
		return nil, err
	}
	for _, d := range dims {
		if d <= 0 {
			return nil, core.Errorf("ValueError", "initializer: every dimension of shape must be a positive int, but got %s", engine.FormatShape(dims))
		}
	}
	d := engine.Float32
	if dt != starlark.None {
		if d, err = tensor.DTypeOf(dt); err != nil {
			return nil, err
		}
	}
	if t, _, ok := tensor.Of(init); ok {
		if engine.FormatShape(t.Shape()) != engine.FormatShape(dims) {
			return nil, core.Errorf("ValueError", "initializer: the shape of init %s differs from shape %s", engine.FormatShape(t.Shape()), engine.FormatShape(dims))
		}
		return tensor.New(t), nil
	}
	t, err := Tensor(thread, "initializer", init, dims, d)
	if err == nil {
		t, err = tensor.Place(thread, t)
	}
	if err != nil {
		return nil, err
	}
	return tensor.New(t), nil
}
