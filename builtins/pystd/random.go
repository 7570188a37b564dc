package pystd

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/engine/rng"
	"go.starlark.net/starlark"
)

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
