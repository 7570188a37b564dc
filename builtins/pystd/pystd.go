// Package pystd holds the Python standard-library modules that model
// scripts use: math, random (CPython's MT19937 stream) and time.
package pystd

import (
	"math"
	"time"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/engine/rng"
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
	return core.NewModule("math", m)
}

// Random returns Python's random module over the runtime's CPython
// MT19937 stream.
func Random() *core.Module {
	b := func(name string, f func(r *rng.Python, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var v starlark.Value
			var err error
			core.EnvOf(thread).WithPython(func(r *rng.Python) { v, err = f(r, args, kwargs) })
			return v, err
		})
	}
	return core.NewModule("random", starlark.StringDict{
		"seed": b("seed", func(r *rng.Python, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var s int64
			if err := starlark.UnpackArgs("random.seed", args, kwargs, "a?", &s); err != nil {
				return nil, err
			}
			r.Seed(s)
			return starlark.None, nil
		}),
		"random": b("random", func(r *rng.Python, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return starlark.Float(r.Random()), starlark.UnpackArgs("random.random", args, kwargs)
		}),
		"uniform": b("uniform", func(r *rng.Python, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var a, c float64
			if err := starlark.UnpackArgs("random.uniform", args, kwargs, "a", (*core.Float)(&a), "b", (*core.Float)(&c)); err != nil {
				return nil, err
			}
			return starlark.Float(r.Uniform(a, c)), nil
		}),
		"gauss": b("gauss", func(r *rng.Python, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			mu, sigma := 0.0, 1.0
			if err := starlark.UnpackArgs("random.gauss", args, kwargs, "mu?", (*core.Float)(&mu), "sigma?", (*core.Float)(&sigma)); err != nil {
				return nil, err
			}
			return starlark.Float(r.Gauss(mu, sigma)), nil
		}),
		"normalvariate": b("normalvariate", func(r *rng.Python, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			mu, sigma := 0.0, 1.0
			if err := starlark.UnpackArgs("random.normalvariate", args, kwargs, "mu?", (*core.Float)(&mu), "sigma?", (*core.Float)(&sigma)); err != nil {
				return nil, err
			}
			return starlark.Float(r.NormalVariate(mu, sigma)), nil
		}),
		"randint": b("randint", func(r *rng.Python, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var a, c int64
			if err := starlark.UnpackArgs("random.randint", args, kwargs, "a", &a, "b", &c); err != nil {
				return nil, err
			}
			v, err := r.RandInt(a, c)
			if err != nil {
				return nil, core.Errorf("ValueError", "%v", err)
			}
			return starlark.MakeInt64(v), nil
		}),
		"randrange": b("randrange", func(r *rng.Python, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var start int64
			var stop starlark.Value = starlark.None
			step := int64(1)
			if err := starlark.UnpackArgs("random.randrange", args, kwargs, "start", &start, "stop?", &stop, "step?", &step); err != nil {
				return nil, err
			}
			lo, hi := int64(0), start
			if stop != starlark.None {
				lo = start
				if err := starlark.AsInt(stop, &hi); err != nil {
					return nil, err
				}
			}
			v, err := r.RandRange(lo, hi, step)
			if err != nil {
				return nil, core.Errorf("ValueError", "%v", err)
			}
			return starlark.MakeInt64(v), nil
		}),
		"shuffle": b("shuffle", func(r *rng.Python, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var l *starlark.List
			if err := starlark.UnpackArgs("random.shuffle", args, kwargs, "x", &l); err != nil {
				return nil, err
			}
			var err error
			r.ShuffleFunc(l.Len(), func(i, j int) {
				a, c := l.Index(i), l.Index(j)
				if e := l.SetIndex(i, c); e != nil {
					err = e
				}
				if e := l.SetIndex(j, a); e != nil {
					err = e
				}
			})
			return starlark.None, err
		}),
		"choice": b("choice", func(r *rng.Python, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var seq starlark.Indexable
			if err := starlark.UnpackArgs("random.choice", args, kwargs, "seq", &seq); err != nil {
				return nil, err
			}
			i, err := r.Choice(seq.Len())
			if err != nil {
				return nil, core.Errorf("IndexError", "Cannot choose from an empty sequence")
			}
			return seq.Index(i), nil
		}),
	})
}

// Time returns the time module. time() and perf_counter() read the
// wall clock; sleep is not offered, so scripts cannot stall a host.
func Time() *core.Module {
	start := time.Now()
	return core.NewModule("time", starlark.StringDict{
		"time": starlark.NewBuiltin("time", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.Float(float64(time.Now().UnixNano()) / 1e9), nil
		}),
		"perf_counter": starlark.NewBuiltin("perf_counter", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.Float(time.Since(start).Seconds()), nil
		}),
	})
}
