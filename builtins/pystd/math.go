package pystd

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"go.starlark.net/starlark"
)

func floatFn(name string, f func(float64) float64) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x float64
		if err := starlark.UnpackPositionalArgs("math."+name, args, kwargs, 1, (*core.Float)(&x)); err != nil {
			return nil, err
		}
		r := f(x)
		if math.IsNaN(r) && !math.IsNaN(x) {
			return nil, core.Errorf("ValueError", "math domain error")
		}
		return starlark.Float(r), nil
	})
}

// Math returns the math module.
func Math() *core.Module {
	m := starlark.StringDict{
		"pi": starlark.Float(math.Pi), "e": starlark.Float(math.E), "tau": starlark.Float(2 * math.Pi),
		"inf": starlark.Float(math.Inf(1)), "nan": starlark.Float(math.NaN()),
	}
	for name, f := range map[string]func(float64) float64{
		"sqrt": math.Sqrt, "exp": math.Exp, "log10": math.Log10, "log2": math.Log2, "log1p": math.Log1p,
		"sin": math.Sin, "cos": math.Cos, "tan": math.Tan, "asin": math.Asin, "acos": math.Acos, "atan": math.Atan,
		"sinh": math.Sinh, "cosh": math.Cosh, "tanh": math.Tanh, "fabs": math.Abs, "expm1": math.Expm1,
		"erf": math.Erf, "erfc": math.Erfc, "gamma": math.Gamma, "degrees": func(x float64) float64 { return x * 180 / math.Pi },
		"radians": func(x float64) float64 { return x * math.Pi / 180 },
	} {
		m[name] = floatFn(name, f)
	}
	m["log"] = starlark.NewBuiltin("log", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x float64
		var base starlark.Value = starlark.None
		if err := starlark.UnpackPositionalArgs("math.log", args, kwargs, 1, (*core.Float)(&x), &base); err != nil {
			return nil, err
		}
		if x <= 0 {
			return nil, core.Errorf("ValueError", "math domain error")
		}
		r := math.Log(x)
		if base != starlark.None {
			b, ok := starlark.AsFloat(base)
			if !ok || b <= 0 || b == 1 {
				return nil, core.Errorf("ValueError", "math domain error")
			}
			r /= math.Log(b)
		}
		return starlark.Float(r), nil
	})
	for name, f := range map[string]func(float64) float64{"floor": math.Floor, "ceil": math.Ceil, "trunc": math.Trunc} {
		fn := f
		m[name] = starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x float64
			if err := starlark.UnpackPositionalArgs("math."+name, args, kwargs, 1, (*core.Float)(&x)); err != nil {
				return nil, err
			}
			if math.IsInf(x, 0) || math.IsNaN(x) {
				return nil, core.Errorf("ValueError", "cannot convert float %s to integer", core.FormatFloat(x))
			}
			return starlark.NumberToInt(starlark.Float(fn(x)))
		})
	}
	m["pow"] = starlark.NewBuiltin("pow", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var x, y float64
		if err := starlark.UnpackPositionalArgs("math.pow", args, kwargs, 2, (*core.Float)(&x), (*core.Float)(&y)); err != nil {
			return nil, err
		}
		return starlark.Float(math.Pow(x, y)), nil
	})
	m["atan2"] = starlark.NewBuiltin("atan2", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var y, x float64
		if err := starlark.UnpackPositionalArgs("math.atan2", args, kwargs, 2, (*core.Float)(&y), (*core.Float)(&x)); err != nil {
			return nil, err
		}
		return starlark.Float(math.Atan2(y, x)), nil
	})
	for name, f := range map[string]func(float64) bool{"isnan": math.IsNaN, "isinf": func(x float64) bool { return math.IsInf(x, 0) }, "isfinite": func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }} {
		fn := f
		m[name] = starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var x float64
			if err := starlark.UnpackPositionalArgs("math."+name, args, kwargs, 1, (*core.Float)(&x)); err != nil {
				return nil, err
			}
			return starlark.Bool(fn(x)), nil
		})
	}
	m["isclose"] = starlark.NewBuiltin("isclose", mathIsClose)
	return core.NewModule("math", m)
}

// mathIsClose is math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
// |a-b| <= max(rel_tol * max(|a|, |b|), abs_tol), with infinities close
// only to themselves and NaN close to nothing.
func mathIsClose(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a, b float64
	relTol, absTol := 1e-9, 0.0
	if err := starlark.UnpackArgs("math.isclose", args, kwargs, "a", (*core.Float)(&a), "b", (*core.Float)(&b), "rel_tol?", (*core.Float)(&relTol), "abs_tol?", (*core.Float)(&absTol)); err != nil {
		return nil, err
	}
	if relTol < 0 || absTol < 0 {
		return nil, core.Errorf("ValueError", "tolerances must be non-negative")
	}
	if a == b {
		return starlark.True, nil
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return starlark.False, nil
	}
	diff := math.Abs(a - b)
	return starlark.Bool(diff <= math.Abs(relTol*b) || diff <= math.Abs(relTol*a) || diff <= absTol), nil
}
