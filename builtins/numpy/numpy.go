// Package numpy is the Starlark `numpy` module: the subset of NumPy that
// model scripts use to build and inspect data, printing as NumPy 1.24
// does.
package numpy

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Module returns a fresh `numpy` module.
func Module() *core.Module {
	m := starlark.StringDict{
		"array":       builtin("array", array),
		"asarray":     builtin("asarray", array),
		"zeros":       builtin("zeros", filled(0)),
		"ones":        builtin("ones", filled(1)),
		"empty":       builtin("empty", filled(0)),
		"full":        builtin("full", full),
		"zeros_like":  builtin("zeros_like", filledLike(0)),
		"ones_like":   builtin("ones_like", filledLike(1)),
		"arange":      builtin("arange", arange),
		"linspace":    builtin("linspace", linspace),
		"eye":         builtin("eye", eye),
		"diag":        builtin("diag", diag),
		"diagonal":    builtin("diagonal", method("diagonal")),
		"trace":       builtin("trace", method("trace")),
		"dtype":       builtin("dtype", dtypeFn),
		"issubdtype":  builtin("issubdtype", issubdtype),
		"concatenate": builtin("concatenate", concatenate),
		"stack":       builtin("stack", stack),
		"vstack":      builtin("vstack", vstack),
		"hstack":      builtin("hstack", hstack),
		"where":       builtin("where", where),
		"nonzero":     builtin("nonzero", nonzeroFn),
		"dot":         builtin("dot", dot),
		"matmul":      builtin("matmul", matmul),
		"allclose":    builtin("allclose", allclose),
		"isclose":     builtin("isclose", isclose),
		"array_equal": builtin("array_equal", arrayEqual),
		"isnan":       builtin("isnan", isnan),
		"isinf":       builtin("isinf", isinf),
		"isfinite":    builtin("isfinite", isfinite),
		"maximum":     builtin("maximum", binary(engine.Maximum)),
		"minimum":     builtin("minimum", binary(engine.Minimum)),
		"clip":        builtin("clip", clip),
		"reshape":     builtin("reshape", reshape),
		"transpose":   builtin("transpose", transpose),
		"squeeze":     builtin("squeeze", squeeze),
		"expand_dims": builtin("expand_dims", expandDims),
		"std":         builtin("std", stdVar(true)),
		"var":         builtin("var", stdVar(false)),
		"argmax":      builtin("argmax", method("argmax")),
		"argmin":      builtin("argmin", method("argmin")),
		"all":         builtin("all", method("all")),
		"any":         builtin("any", method("any")),
		"round":       builtin("round", round),
		"loadtxt":     builtin("loadtxt", loadtxt),
		"genfromtxt":  builtin("genfromtxt", genfromtxt),
		"around":      builtin("around", round),
		"sort":        builtin("sort", sortFn(false)),
		"argsort":     builtin("argsort", sortFn(true)),
		"unique":      builtin("unique", unique),

		"tile":        builtin("tile", tile),
		"repeat":      builtin("repeat", repeat),
		"split":       builtin("split", splitFn(false)),
		"array_split": builtin("array_split", splitFn(true)),
		"pad":         builtin("pad", pad),
		"meshgrid":    builtin("meshgrid", meshgrid),
		"diff":        builtin("diff", diff),
		"swapaxes":    builtin("swapaxes", swapaxes),
		"moveaxis":    builtin("moveaxis", moveaxis),
		"outer":       builtin("outer", outer),
		"cumsum":      builtin("cumsum", accumulate(false)),
		"cumprod":     builtin("cumprod", accumulate(true)),
		"nan_to_num":  builtin("nan_to_num", nanToNum),

		"logical_and":   builtin("logical_and", logicalAnd),
		"logical_or":    builtin("logical_or", logicalOr),
		"logical_xor":   builtin("logical_xor", logicalXor),
		"logical_not":   builtin("logical_not", logicalNot),
		"count_nonzero": builtin("count_nonzero", countNonzero),
		"isin":          builtin("isin", isin),
		"digitize":      builtin("digitize", digitize),
		"bincount":      builtin("bincount", bincount),
		"column_stack":  builtin("column_stack", columnStack),

		"median":     builtin("median", median),
		"percentile": builtin("percentile", quantileFn(100)),
		"quantile":   builtin("quantile", quantileFn(1)),
		"nanmean":    builtin("nanmean", nanmean),
		"nansum":     builtin("nansum", nansum),
		"nanmax":     builtin("nanmax", nanmax),
		"nanmin":     builtin("nanmin", nanmin),
		"nanstd":     builtin("nanstd", nanstd),

		"set_printoptions": builtin("set_printoptions", setPrintOptions),
		"get_printoptions": builtin("get_printoptions", getPrintOptions),
		"printoptions":     builtin("printoptions", printOptions),
		"array2string":     builtin("array2string", array2string),
		"array_repr":       builtin("array_repr", arrayRepr),
		"array_str":        builtin("array_str", arrayStr),

		"random":  randomModule(),
		"nan":     starlark.Float(math.NaN()),
		"inf":     starlark.Float(math.Inf(1)),
		"pi":      starlark.Float(math.Pi),
		"e":       starlark.Float(math.E),
		"newaxis": starlark.None,
		"ndarray": tensor.NDArrayType,
	}
	for _, name := range []string{"mean", "sum", "max", "min", "prod", "amax", "amin"} {
		m[name] = builtin(name, reduction(name))
	}
	for name, f := range unaryFuncs {
		m[name] = builtin(name, unary(f))
	}
	for name, v := range tensor.ScalarTypes() {
		m[name] = v
	}
	m["float_"] = m["float64"]
	m["int_"] = m["int64"]
	m["double"] = m["float64"]
	m["True_"] = scalarBool(true)
	m["False_"] = scalarBool(false)
	mod := core.NewModule("numpy", m)
	mod.Doc = "The subset of NumPy that model scripts use, printing as NumPy 1.24 does."
	return mod
}

var unaryFuncs = map[string]func(*engine.Tensor) (*engine.Tensor, error){
	"abs":      engine.Abs,
	"absolute": engine.Abs,
	"exp":      engine.Exp,
	"log":      engine.Log,
	"sqrt":     engine.Sqrt,
	"square":   engine.Square,
	"tanh":     engine.Tanh,
	"sin":      engine.Sin,
	"cos":      engine.Cos,
	"sign":     engine.Sign,
	"log1p":    engine.Log1p,
	"expm1":    expm1,
	"floor":    engine.Floor,
}

type fn func(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

func builtin(name string, f fn) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := f(thread, "numpy."+name, args, kwargs)
		if err != nil {
			return nil, core.Prefix("numpy."+name, err)
		}
		return v, nil
	})
}

// asArray converts an array-like argument to an engine tensor.
func asArray(v starlark.Value) (*engine.Tensor, error) {
	return tensor.ToEngine(v, nil, tensor.NumPy)
}

func wrap(t *engine.Tensor) starlark.Value {
	return &tensor.Tensor{T: t, Flavor: tensor.NumPy, Scalar: t.Rank() == 0}
}

func optDType(v starlark.Value) (*engine.DType, error) {
	if v == nil || v == starlark.None {
		return nil, nil
	}
	d, err := tensor.DTypeOf(v)
	if err != nil {
		return nil, core.Errorf("TypeError", "%v", err)
	}
	return &d, nil
}

func array(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var obj, dt starlark.Value = nil, starlark.None
	var copyFlag starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "object", &obj, "dtype?", &dt, "copy?", &copyFlag); err != nil {
		return nil, err
	}
	d, err := optDType(dt)
	if err != nil {
		return nil, err
	}
	t, err := tensor.ToEngine(obj, d, tensor.NumPy)
	if err != nil {
		return nil, core.Prefix(name, err)
	}
	if src, _, ok := tensor.Of(obj); ok && src == t {
		t = t.Clone()
	}
	return tensor.NewArray(t.Detach()), nil
}

func shapeArg(v starlark.Value) ([]int, error) {
	var n int
	if err := starlark.AsInt(v, &n); err == nil {
		return []int{n}, nil
	}
	return tensor.ShapeArgs(starlark.Tuple{v})
}

func filled(value float64) fn {
	return func(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var shape starlark.Value
		var dt starlark.Value = starlark.None
		if err := starlark.UnpackArgs(name, args, kwargs, "shape", &shape, "dtype?", &dt); err != nil {
			return nil, err
		}
		dims, err := shapeArg(shape)
		if err != nil {
			return nil, err
		}
		d := engine.Float64
		if p, err := optDType(dt); err != nil {
			return nil, err
		} else if p != nil {
			d = *p
		}
		t, err := engine.Full(d, value, dims...)
		if err != nil {
			return nil, err
		}
		return tensor.NewArray(t), nil
	}
}

func full(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var shape, fillValue starlark.Value
	var dt starlark.Value = starlark.None
	if err := starlark.UnpackArgs(name, args, kwargs, "shape", &shape, "fill_value", &fillValue, "dtype?", &dt); err != nil {
		return nil, err
	}
	dims, err := shapeArg(shape)
	if err != nil {
		return nil, err
	}
	fv, err := asArray(fillValue)
	if err != nil {
		return nil, err
	}
	d := fv.DType()
	if p, err := optDType(dt); err != nil {
		return nil, err
	} else if p != nil {
		d = *p
	}
	v, _ := fv.Item()
	t, err := engine.Full(d, v, dims...)
	if err != nil {
		return nil, err
	}
	return tensor.NewArray(t), nil
}

func filledLike(value float64) fn {
	return func(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var a starlark.Value
		var dt starlark.Value = starlark.None
		if err := starlark.UnpackArgs(name, args, kwargs, "a", &a, "dtype?", &dt); err != nil {
			return nil, err
		}
		src, err := asArray(a)
		if err != nil {
			return nil, err
		}
		d := src.DType()
		if p, err := optDType(dt); err != nil {
			return nil, err
		} else if p != nil {
			d = *p
		}
		t, err := engine.Full(d, value, src.Shape()...)
		if err != nil {
			return nil, err
		}
		return tensor.NewArray(t), nil
	}
}

func arange(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a, b, s starlark.Value = nil, starlark.None, starlark.None
	var dt starlark.Value = starlark.None
	if err := starlark.UnpackArgs(name, args, kwargs, "start", &a, "stop?", &b, "step?", &s, "dtype?", &dt); err != nil {
		return nil, err
	}
	if b == starlark.None {
		a, b = starlark.MakeInt(0), a
	}
	if s == starlark.None {
		s = starlark.MakeInt(1)
	}
	isFloat := false
	for _, v := range []starlark.Value{a, b, s} {
		if _, ok := v.(starlark.Float); ok {
			isFloat = true
		}
	}
	start, _ := starlark.AsFloat(a)
	stop, _ := starlark.AsFloat(b)
	step, _ := starlark.AsFloat(s)
	if step == 0 {
		return nil, core.Errorf("ZeroDivisionError", "%s: step must not be zero", name)
	}
	n := int(math.Ceil((stop - start) / step))
	if n < 0 {
		n = 0
	}
	if n > engine.MaxElements {
		return nil, core.Errorf("MemoryError", "%s: %d elements are too many", name, n)
	}
	vals := make([]float64, n)
	for i := range vals {
		vals[i] = start + float64(i)*step
	}
	d := engine.Int64
	if isFloat {
		d = engine.Float64
	}
	if p, err := optDType(dt); err != nil {
		return nil, err
	} else if p != nil {
		d = *p
	}
	t, err := engine.FromValues(d, vals, n)
	if err != nil {
		return nil, err
	}
	return tensor.NewArray(t), nil
}

func linspace(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var start, stop float64
	num := 50
	endpoint := true
	var dt starlark.Value = starlark.None
	if err := starlark.UnpackArgs(name, args, kwargs, "start", (*core.Float)(&start), "stop", (*core.Float)(&stop), "num?", &num, "endpoint?", &endpoint, "retstep?", new(bool), "dtype?", &dt); err != nil {
		return nil, err
	}
	if num < 0 {
		return nil, core.Errorf("ValueError", "Number of samples, %d, must be non-negative; pass num >= 0", num)
	}
	div := float64(num)
	if endpoint {
		div = float64(num - 1)
	}
	if err := engine.CheckAllocation(name, num, 8); err != nil {
		return nil, err
	}
	vals := make([]float64, num)
	step := (stop - start) / div
	for i := range vals {
		// NumPy computes start + i*step, then pins the last value to stop.
		vals[i] = start + float64(i)*step
	}
	if endpoint && num > 1 {
		vals[num-1] = stop
	}
	if num == 1 {
		vals[0] = start
	}
	d := engine.Float64
	if p, err := optDType(dt); err != nil {
		return nil, err
	} else if p != nil {
		d = *p
	}
	t, err := engine.FromValues(d, vals, num)
	if err != nil {
		return nil, err
	}
	return tensor.NewArray(t), nil
}

func eye(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var n, k int
	var m starlark.Value = starlark.None
	var dt starlark.Value = starlark.None
	if err := starlark.UnpackArgs(name, args, kwargs, "N", &n, "M?", &m, "k?", &k, "dtype?", &dt); err != nil {
		return nil, err
	}
	cols := n
	if m != starlark.None {
		if err := starlark.AsInt(m, &cols); err != nil {
			return nil, err
		}
	}
	d := engine.Float64
	if p, err := optDType(dt); err != nil {
		return nil, err
	} else if p != nil {
		d = *p
	}
	if n >= 0 && cols >= 0 {
		if engine.CheckedProduct(n, cols) > engine.MaxElements {
			return nil, core.Errorf("MemoryError", "%s: shape (%d, %d) has more than %d elements; request fewer", name, n, cols, engine.MaxElements)
		}
		if err := engine.CheckAllocation(name, n*cols, 8); err != nil {
			return nil, err
		}
	}
	vals := make([]float64, n*cols)
	// k shifts the diagonal: row i has its 1 in column i+k.
	for i := 0; i < n; i++ {
		if j := i + k; j >= 0 && j < cols {
			vals[i*cols+j] = 1
		}
	}
	t, err := engine.FromValues(d, vals, n, cols)
	if err != nil {
		return nil, err
	}
	return tensor.NewArray(t), nil
}

func dtypeFn(_ *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackArgs(name, args, kwargs, "dtype", &v); err != nil {
		return nil, err
	}
	d, err := tensor.DTypeOf(v)
	if err != nil {
		return nil, core.Errorf("TypeError", "%v", err)
	}
	return tensor.DType{D: d, Flavor: tensor.NumPy}, nil
}
