package nn

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Cells of MindSpore r1.6's nn.layer.math and nn.layer.basic that wrap
// one computation: Norm, OneHot, Range and ClipByNorm.
var (
	Norm       *pyobj.Class
	OneHot     *pyobj.Class
	Range      *pyobj.Class
	ClipByNorm *pyobj.Class
)

func init() {
	Norm = newCellClass(cellClass{
		name:      "Norm",
		doc:       "Norm(axis=(), keep_dims=False)\n\nThe L2 norm sqrt(sum(x**2)) over axis; () means every axis.",
		init:      normInit,
		construct: normConstruct,
	})
	OneHot = newCellClass(cellClass{
		name:      "OneHot",
		doc:       "OneHot(axis=-1, depth=1, on_value=1.0, off_value=0.0, dtype=mindspore.float32)\n\nOne-hot vectors of length depth for int indices, placed on axis.",
		init:      oneHotInit,
		construct: oneHotConstruct,
	})
	Range = newCellClass(cellClass{
		name:      "Range",
		doc:       "Range(start, limit=None, delta=1)\n\nconstruct() returns start, start+delta, ... before limit; Range(n) counts from 0 to n. The Tensor is int32 when all three are ints, float32 otherwise.",
		init:      rangeInit,
		construct: rangeConstruct,
	})
	ClipByNorm = newCellClass(cellClass{
		name:      "ClipByNorm",
		doc:       "ClipByNorm(axis=None)\n\nconstruct(x, clip_norm) returns x * clip_norm / max(l2norm(x), clip_norm) as float32, the L2 norm taken over axis (every axis for None).",
		init:      clipByNormInit,
		construct: clipByNormConstruct,
	})
}

// axesValue converts an axis argument (an int, a tuple of ints, () or
// None) to the engine's axes, nil meaning every axis.
func axesValue(call string, v starlark.Value) ([]int, error) {
	axes, err := tensor.Axes(v)
	if err != nil {
		return nil, core.Errorf("TypeError", "For '%s', the 'axis' must be an int or a tuple of ints, but got %s", call, v.String())
	}
	if len(axes) == 0 {
		return nil, nil
	}
	return axes, nil
}

func normInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var axis starlark.Value = starlark.Tuple{}
	keep := false
	if err := starlark.UnpackArgs("Norm", args, kwargs, "axis?", &axis, "keep_dims?", &keep); err != nil {
		return nil, err
	}
	if _, err := axesValue("Norm", axis); err != nil {
		return nil, err
	}
	return starlark.None, setAttrs(self, []pyobj.NamedValue{{Name: "axis", Value: axis}, {Name: "keep_dims", Value: starlark.Bool(keep)}})
}

func normConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv starlark.Value
	if err := starlark.UnpackArgs("Norm", args, kwargs, "x", &xv); err != nil {
		return nil, err
	}
	x, err := arg("Norm", "x", xv)
	if err != nil {
		return nil, err
	}
	axes, err := axesValue("Norm", attr(self, "axis"))
	if err != nil {
		return nil, err
	}
	keep := attr(self, "keep_dims").Truth() == starlark.True
	return do("Norm", func() (*engine.Tensor, error) {
		return engine.Sqrt(must(engine.Sum(must(engine.Square(x)), axes, keep)))
	})
}

func oneHotInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	axis, depth := -1, 1
	on, off := 1.0, 0.0
	var dtV starlark.Value = starlark.None
	if err := starlark.UnpackArgs("OneHot", args, kwargs, "axis?", &axis, "depth?", &depth, "on_value?", (*core.Float)(&on), "off_value?", (*core.Float)(&off), "dtype?", &dtV); err != nil {
		return nil, err
	}
	if depth < 0 {
		return nil, core.Errorf("ValueError", "For 'OneHot', the 'depth' must be non-negative, but got %d", depth)
	}
	if dtV != starlark.None {
		if _, err := tensor.DTypeOf(dtV); err != nil {
			return nil, core.Errorf("TypeError", "For 'OneHot', %v", err)
		}
	}
	return starlark.None, setAttrs(self, []pyobj.NamedValue{
		{Name: "axis", Value: starlark.MakeInt(axis)},
		{Name: "depth", Value: starlark.MakeInt(depth)},
		{Name: "on_value", Value: starlark.Float(on)},
		{Name: "off_value", Value: starlark.Float(off)},
		{Name: "dtype", Value: dtV},
	})
}

func oneHotConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv starlark.Value
	if err := starlark.UnpackArgs("OneHot", args, kwargs, "indices", &xv); err != nil {
		return nil, err
	}
	x, err := arg("OneHot", "indices", xv)
	if err != nil {
		return nil, err
	}
	if !x.DType().IsInt() {
		return nil, core.Errorf("TypeError", "For 'OneHot', the 'indices' must be an int32 or int64 Tensor, but got dtype %s", x.DType())
	}

	var axis, depth int
	_ = starlark.AsInt(attr(self, "axis"), &axis)
	_ = starlark.AsInt(attr(self, "depth"), &depth)
	on, _ := starlark.AsFloat(attr(self, "on_value"))
	off, _ := starlark.AsFloat(attr(self, "off_value"))
	d := engine.Float32
	if v := attr(self, "dtype"); v != starlark.None {
		d, _ = tensor.DTypeOf(v)
	}

	rank := x.Rank() + 1
	if axis < -1 || axis >= rank {
		return nil, core.Errorf("ValueError", "For 'OneHot', the 'axis' must be -1 or in range [0, %d) for indices of shape %s, but got %d", rank, engine.FormatShape(x.Shape()), axis)
	}
	return do("OneHot", func() (*engine.Tensor, error) {
		out := must(engine.OneHot(x, depth, on, off, d))
		if axis == -1 || axis == rank-1 {
			return out, nil
		}
		// Move the new last axis to position axis.
		perm := make([]int, 0, rank)
		for i := range rank - 1 {
			if i == axis {
				perm = append(perm, rank-1)
			}
			perm = append(perm, i)
		}
		return engine.Transpose(out, perm)
	})
}

func rangeInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var start, limit, delta starlark.Value = nil, starlark.None, starlark.MakeInt(1)
	if err := starlark.UnpackArgs("Range", args, kwargs, "start", &start, "limit?", &limit, "delta?", &delta); err != nil {
		return nil, err
	}
	if limit == starlark.None {
		start, limit = starlark.MakeInt(0), start
	}

	allInt := true
	var vals [3]float64
	for i, v := range []starlark.Value{start, limit, delta} {
		switch v.(type) {
		case starlark.Int:
		case starlark.Float:
			allInt = false
		default:
			return nil, core.Errorf("TypeError", "For 'Range', start, limit and delta must be int or float, but got %s %s", v.Type(), v.String())
		}
		vals[i], _ = starlark.AsFloat(v)
	}

	if vals[2] == 0 {
		return nil, core.Errorf("ValueError", "For 'Range', the 'delta' must not be 0")
	}
	if (vals[1]-vals[0])*vals[2] < 0 {
		return nil, core.Errorf("ValueError", "For 'Range', limit %s is not reachable from start %s with delta %s", limit.String(), start.String(), delta.String())
	}

	n := int(math.Ceil((vals[1] - vals[0]) / vals[2]))
	values := make([]float64, n)
	for i := range values {
		values[i] = vals[0] + float64(i)*vals[2]
	}
	d := engine.Float32
	if allInt {
		d = engine.Int32
	}
	t, err := engine.FromValues(d, values, n)
	if err != nil {
		return nil, core.EngineError("nn.Range", err)
	}
	return starlark.None, self.DictSet("output", tensor.New(t))
}

func rangeConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs("Range", args, kwargs); err != nil {
		return nil, err
	}
	return attr(self, "output"), nil
}

func clipByNormInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var axis starlark.Value = starlark.None
	if err := starlark.UnpackArgs("ClipByNorm", args, kwargs, "axis?", &axis); err != nil {
		return nil, err
	}
	if _, err := axesValue("ClipByNorm", axis); err != nil {
		return nil, err
	}
	return starlark.None, self.DictSet("axis", axis)
}

// clipByNormConstruct computes x * clip_norm / max(norm, clip_norm). As
// in MindSpore r1.6, the norm is 0 where the sum of squares is 0, so that
// case takes no square root, and the result is float32.
func clipByNormConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xv, cv starlark.Value
	if err := starlark.UnpackArgs("ClipByNorm", args, kwargs, "x", &xv, "clip_norm", &cv); err != nil {
		return nil, err
	}
	x, err := arg("ClipByNorm", "x", xv)
	if err != nil {
		return nil, err
	}
	clip, err := tensor.AsTensor(cv)
	if err != nil {
		return nil, core.Errorf("TypeError", "For 'ClipByNorm', the 'clip_norm' must be a Tensor or a number, but got %s", cv.Type())
	}
	axes, err := axesValue("ClipByNorm", attr(self, "axis"))
	if err != nil {
		return nil, err
	}
	return do("ClipByNorm", func() (*engine.Tensor, error) {
		d := x.DType()
		sumSq := must(engine.Sum(must(engine.Mul(x, x)), axes, true))
		positive := must(engine.Greater(sumSq, engine.Scalar(d, 0)))
		safe := must(engine.Where(positive, sumSq, engine.Scalar(d, 1)))
		norm := must(engine.Where(positive, must(engine.Sqrt(safe)), sumSq))
		c := must(engine.Cast(clip, d))
		scaled := must(engine.Div(must(engine.Mul(x, c)), must(engine.Maximum(norm, c))))
		return engine.Cast(scaled, engine.Float32)
	})
}
