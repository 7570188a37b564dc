package numpy

import (
	"errors"
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/engine/rng"
	"go.starlark.net/starlark"
)

// randomModule is numpy.random over the runtime's global legacy
// generator, reproducing NumPy 1.24's streams bit for bit.
// randomFunctions are the functions of numpy.random that draw from the
// global generator, and the methods of a RandomState, which draw from
// its own.
var randomFunctions = map[string]fn{
	"seed":            seed,
	"uniform":         uniform,
	"normal":          normal,
	"randn":           randn,
	"rand":            rand,
	"random":          randomSample,
	"random_sample":   randomSample,
	"sample":          randomSample,
	"randint":         randint,
	"shuffle":         shuffle,
	"permutation":     permutation,
	"choice":          choice,
	"standard_normal": standardNormal,
}

func randomModule() *core.Module {
	m := starlark.StringDict{"RandomState": builtin("random.RandomState", newRandomState)}
	for name, f := range randomFunctions {
		m[name] = builtin("random."+name, f)
	}
	return core.NewModule("numpy.random", m)
}

func seed(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var s starlark.Value = starlark.None
	if err := starlark.UnpackArgs(name, args, kwargs, "seed?", &s); err != nil {
		return nil, err
	}
	if s == starlark.None {
		return starlark.None, nil
	}
	var v int64
	if err := starlark.AsInt(s, &v); err != nil {
		seq, ok := s.(starlark.Indexable)
		if !ok {
			return nil, core.Errorf("TypeError", "%s: seed must be an int or a sequence of ints, not %s", name, s.Type())
		}
		key := make([]uint32, seq.Len())
		for i := range key {
			var k int64
			if err := starlark.AsInt(seq.Index(i), &k); err != nil || k < 0 || k > 1<<32-1 {
				return nil, core.Errorf("ValueError", "%s: seed array entries must be in [0, 2**32 - 1]", name)
			}
			key[i] = uint32(k)
		}
		var err error
		withGenerator(thread, func(r *rng.NumPy) { err = r.SeedArray(key) })
		return starlark.None, err
	}
	if v < 0 || v > 1<<32-1 {
		return nil, core.Errorf("ValueError", "Seed must be between 0 and 2**32 - 1")
	}
	withGenerator(thread, func(r *rng.NumPy) { r.Seed(uint32(v)) })
	return starlark.None, nil
}

// sizeArg parses size=None|int|tuple; nil means a scalar draw.
func sizeArg(v starlark.Value) ([]int, error) {
	if v == nil || v == starlark.None {
		return nil, nil
	}
	return shapeArg(v)
}

// draw fills a float64 array of the given size (or one scalar).
func draw(thread *starlark.Thread, size []int, fill func(r *rng.NumPy, dst []float64) error) (starlark.Value, error) {
	n := 1
	if size != nil {
		n = engine.Numel(size)
		if n > engine.MaxElements || n < 0 {
			return nil, core.Errorf("MemoryError", "size %s is too large", engine.FormatShape(size))
		}
	}
	if err := engine.CheckAllocation("size "+engine.FormatShape(size), n, 8); err != nil {
		return nil, err
	}
	dst := make([]float64, n)
	var err error
	withGenerator(thread, func(r *rng.NumPy) { err = fill(r, dst) })
	if err != nil {
		return nil, rngError(err)
	}
	if size == nil {
		return starlark.Float(dst[0]), nil
	}
	t, err := engine.FromFloat64(dst, size...)
	if err != nil {
		return nil, err
	}
	return tensor.NewArray(t), nil
}

func uniform(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	low, high := 0.0, 1.0
	var size starlark.Value = starlark.None
	if err := starlark.UnpackArgs(name, args, kwargs, "low?", (*core.Float)(&low), "high?", (*core.Float)(&high), "size?", &size); err != nil {
		return nil, err
	}
	dims, err := sizeArg(size)
	if err != nil {
		return nil, err
	}
	return draw(thread, dims, func(r *rng.NumPy, dst []float64) error { return r.UniformFill(dst, low, high) })
}

func normal(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	loc, scale := 0.0, 1.0
	var size starlark.Value = starlark.None
	if err := starlark.UnpackArgs(name, args, kwargs, "loc?", (*core.Float)(&loc), "scale?", (*core.Float)(&scale), "size?", &size); err != nil {
		return nil, err
	}
	dims, err := sizeArg(size)
	if err != nil {
		return nil, err
	}
	return draw(thread, dims, func(r *rng.NumPy, dst []float64) error { return r.NormalFill(dst, loc, scale) })
}

func standardNormal(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var size starlark.Value = starlark.None
	if err := starlark.UnpackArgs(name, args, kwargs, "size?", &size); err != nil {
		return nil, err
	}
	dims, err := sizeArg(size)
	if err != nil {
		return nil, err
	}
	return draw(thread, dims, func(r *rng.NumPy, dst []float64) error { r.StandardNormalFill(dst); return nil })
}

func dimsArgs(args starlark.Tuple) ([]int, error) {
	if len(args) == 0 {
		return nil, nil
	}
	return tensor.ShapeArgs(args)
}

func randn(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	dims, err := dimsArgs(args)
	if err != nil {
		return nil, err
	}
	return draw(thread, dims, func(r *rng.NumPy, dst []float64) error { r.StandardNormalFill(dst); return nil })
}

func rand(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	dims, err := dimsArgs(args)
	if err != nil {
		return nil, err
	}
	return draw(thread, dims, func(r *rng.NumPy, dst []float64) error { r.RandFill(dst); return nil })
}

func randomSample(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var size starlark.Value = starlark.None
	if err := starlark.UnpackArgs(name, args, kwargs, "size?", &size); err != nil {
		return nil, err
	}
	dims, err := sizeArg(size)
	if err != nil {
		return nil, err
	}
	return draw(thread, dims, func(r *rng.NumPy, dst []float64) error { r.RandomSampleFill(dst); return nil })
}

func randint(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var low int64
	var high, size, dt starlark.Value = starlark.None, starlark.None, starlark.None
	if err := starlark.UnpackArgs(name, args, kwargs, "low", &low, "high?", &high, "size?", &size, "dtype?", &dt); err != nil {
		return nil, err
	}
	lo, hi := int64(0), low
	if high != starlark.None {
		lo = low
		if err := starlark.AsInt(high, &hi); err != nil {
			return nil, err
		}
	}
	if lo >= hi {
		return nil, core.Errorf("ValueError", "low >= high: got low=%d and high=%d; randint draws from [low, high), so pass high > low", lo, hi)
	}
	dims, err := sizeArg(size)
	if err != nil {
		return nil, err
	}
	n := 1
	if dims != nil {
		n = engine.Numel(dims)
	}
	dst := make([]int64, n)
	withGenerator(thread, func(r *rng.NumPy) { err = r.RandintFill(dst, lo, hi) })
	if err != nil {
		return nil, rngError(err)
	}
	if dims == nil {
		return starlark.MakeInt64(dst[0]), nil
	}
	t, err := engine.FromInt64(dst, dims...)
	if err != nil {
		return nil, err
	}
	if p, err := optDType(dt); err != nil {
		return nil, err
	} else if p != nil {
		if t, err = engine.Cast(t, *p); err != nil {
			return nil, err
		}
	}
	return tensor.NewArray(t), nil
}

func shuffle(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "x", &x); err != nil {
		return nil, err
	}
	switch v := x.(type) {
	case *starlark.List:
		n := v.Len()
		var err error
		withGenerator(thread, func(r *rng.NumPy) {
			r.ShuffleFunc(n, func(i, j int) {
				a, b := v.Index(i), v.Index(j)
				if e := v.SetIndex(i, b); e != nil {
					err = e
				}
				if e := v.SetIndex(j, a); e != nil {
					err = e
				}
			})
		})
		return starlark.None, err
	case *tensor.Tensor:
		t := v.T
		if t.Rank() == 0 {
			return nil, core.Errorf("ValueError", "%s: cannot shuffle a 0-d array", name)
		}
		perm := make([]int, t.Shape()[0])
		for i := range perm {
			perm[i] = i
		}
		withGenerator(thread, func(r *rng.NumPy) { r.Shuffle(perm) })
		rows, err := takeRows(t, perm)
		if err != nil {
			return nil, err
		}
		if err := t.CopyFrom(rows); err != nil {
			return nil, err
		}
		v.WriteBack()
		return starlark.None, nil
	}
	return nil, core.Errorf("TypeError", "%s: cannot shuffle a %s", name, x.Type())
}

func takeRows(t *engine.Tensor, perm []int) (*engine.Tensor, error) {
	idx := make([]int64, len(perm))
	for i, p := range perm {
		idx[i] = int64(p)
	}
	it, err := engine.FromInt64(idx, len(idx))
	if err != nil {
		return nil, err
	}
	return engine.Take(t, it, 0)
}

func permutation(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "x", &x); err != nil {
		return nil, err
	}
	var n int
	if err := starlark.AsInt(x, &n); err == nil {
		var perm []int
		var perr error
		withGenerator(thread, func(r *rng.NumPy) { perm, perr = r.Permutation(n) })
		if perr != nil {
			return nil, rngError(perr)
		}
		vals := make([]int64, n)
		for i, p := range perm {
			vals[i] = int64(p)
		}
		t, err := engine.FromInt64(vals, n)
		if err != nil {
			return nil, err
		}
		return tensor.NewArray(t), nil
	}
	t, err := asArray(x)
	if err != nil {
		return nil, err
	}
	if t.Rank() == 0 {
		return nil, core.Errorf("IndexError", "%s: x must be an integer or at least 1-dimensional", name)
	}
	perm := make([]int, t.Shape()[0])
	for i := range perm {
		perm[i] = i
	}
	withGenerator(thread, func(r *rng.NumPy) { r.Shuffle(perm) })
	rows, err := takeRows(t, perm)
	if err != nil {
		return nil, err
	}
	return tensor.NewArray(rows), nil
}

func choice(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a starlark.Value
	var size starlark.Value = starlark.None
	replace := true
	if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "size?", &size, "replace?", &replace); err != nil {
		return nil, err
	}
	var pool *engine.Tensor
	var n int
	if err := starlark.AsInt(a, &n); err != nil {
		t, err := asArray(a)
		if err != nil {
			return nil, err
		}
		pool, n = t, t.Numel()
	}
	dims, err := sizeArg(size)
	if err != nil {
		return nil, err
	}
	k := 1
	if dims != nil {
		k = engine.Numel(dims)
	}
	var picks []int
	withGenerator(thread, func(r *rng.NumPy) { picks, err = r.Choice(n, k, replace) })
	if err != nil {
		return nil, rngError(err)
	}
	vals := make([]int64, k)
	for i, p := range picks {
		vals[i] = int64(p)
	}
	shape := dims
	if shape == nil {
		shape = []int{}
	}
	idx, err := engine.FromInt64(vals, shape...)
	if err != nil {
		return nil, err
	}
	out := idx
	if pool != nil {
		flat, _ := engine.Reshape(pool, -1)
		if out, err = engine.Take(flat, idx, 0); err != nil {
			return nil, err
		}
	}
	if dims == nil {
		return tensor.ElementValue(out, 0), nil
	}
	return tensor.NewArray(out), nil
}

// rngError raises an error of the generators as the Python exception
// it names (ValueError, MemoryError, ...).
func rngError(err error) error {
	var e *rng.Error
	if errors.As(err, &e) {
		return core.NewError(e.Exception, e.Error())
	}
	return core.Errorf("ValueError", "%v", err)
}
