package tensor

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

type method func(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

// methods are shared by both flavors; numpyOnly and msOnly name those
// that exist in one library alone.
var methods = map[string]method{
	"astype":      mAstype,
	"mean":        reduceMethod("mean"),
	"sum":         reduceMethod("sum"),
	"max":         reduceMethod("max"),
	"min":         reduceMethod("min"),
	"prod":        reduceMethod("prod"),
	"argmax":      argMethod(true),
	"argmin":      argMethod(false),
	"abs":         unaryMethod("abs", engine.Abs),
	"exp":         unaryMethod("exp", engine.Exp),
	"log":         unaryMethod("log", engine.Log),
	"sqrt":        unaryMethod("sqrt", engine.Sqrt),
	"square":      unaryMethod("square", engine.Square),
	"reshape":     mReshape,
	"view":        mReshape,
	"transpose":   mTranspose,
	"flatten":     mFlatten,
	"squeeze":     mSqueeze,
	"expand_dims": mExpandDims,
	"expand_as":   mExpandAs,
	"item":        mItem,
	"tolist":      mTolist,
	"asnumpy":     mAsnumpy,
	"numpy":       mAsnumpy,
	"copy":        mCopy,
	"clip":        mClip,
	"all":         boolReduce(true),
	"any":         boolReduce(false),
	"sort":        mSort,
	"argsort":     mArgsort,
}

var numpyOnly = map[string]bool{"tolist": true, "view": false, "sort": true, "argsort": true}
var msOnly = map[string]bool{"asnumpy": true, "expand_dims": true, "expand_as": true, "view": true}

// Attr returns attributes (shape, dtype, ndim, size, T) and bound
// methods.
func (t *Tensor) Attr(name string) (starlark.Value, error) {
	switch name {
	case "shape":
		return shapeTuple(t.T.Shape()), nil
	case "dtype":
		return DType{t.T.DType(), t.Flavor}, nil
	case "ndim":
		return starlark.MakeInt(t.T.Rank()), nil
	case "size":
		return starlark.MakeInt(t.T.Numel()), nil
	case "itemsize", "nbytes":
		if t.Flavor == NumPy {
			return itemSize(t, name), nil
		}
	case "T":
		out, err := engine.Transpose(t.T, nil)
		if err != nil {
			return nil, err
		}
		res := wrapFlavor(out, t.Flavor)
		if t.Flavor == NumPy && t.T.Rank() > 1 && t.T.Device() == engine.CPU {
			// NumPy's a.T is a view: writes into it reach a.
			res.view = &viewBase{base: t, idx: transposedPositions(t.T.Shape())}
		}
		return res, nil
	}
	b := boundMethods[t.Flavor][name]
	if b == nil {
		return nil, nil
	}
	return b.BindReceiver(t), nil
}

// boundMethods holds one Builtin per flavor and method. Attr binds it to
// the tensor with BindReceiver: one allocation per method call, where a
// closure over the tensor would cost three.
var boundMethods = map[Flavor]map[string]*starlark.Builtin{}

func init() {
	addNumPyMethods()
	for _, f := range []Flavor{MindSpore, NumPy} {
		byName := map[string]*starlark.Builtin{}
		for name, m := range methods {
			if (f == MindSpore && numpyOnly[name]) || (f == NumPy && msOnly[name]) {
				continue
			}
			call := (&Tensor{Flavor: f}).Type() + "." + name
			byName[name] = starlark.NewBuiltin(name, func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (_ starlark.Value, err error) {
				defer pyobj.RecoverPanic(call, &err)
				return m(b.Receiver().(*Tensor), args, kwargs)
			})
		}
		boundMethods[f] = byName
	}
}

// AttrNames lists the attributes of the value's flavor.
func (t *Tensor) AttrNames() []string {
	names := []string{"T", "dtype", "ndim", "shape", "size"}
	for n := range methods {
		if (t.Flavor == MindSpore && numpyOnly[n]) || (t.Flavor == NumPy && msOnly[n]) {
			continue
		}
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func shapeTuple(shape []int) starlark.Tuple {
	tup := make(starlark.Tuple, len(shape))
	for i, d := range shape {
		tup[i] = starlark.MakeInt(d)
	}
	return tup
}

func mAstype(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var dv starlark.Value
	if err := starlark.UnpackArgs("astype", args, kwargs, "dtype", &dv); err != nil {
		return nil, err
	}
	d, err := DTypeOf(dv)
	if err != nil {
		return nil, core.Errorf("TypeError", "astype: %v", err)
	}
	out, err := engine.Cast(t.T, d)
	if err != nil {
		return nil, err
	}
	if out == t.T {
		out = t.T.Clone()
	}
	return wrapFlavor(out, t.Flavor), nil
}

// Axes parses an axis argument: None, an int, or a tuple/list of ints.
func Axes(v starlark.Value) ([]int, error) {
	if v == nil || v == starlark.None {
		return nil, nil
	}
	var i int
	if err := starlark.AsInt(v, &i); err == nil {
		return []int{i}, nil
	}
	seq, ok := v.(starlark.Indexable)
	if !ok {
		return nil, core.Errorf("TypeError", "axis must be an int or a tuple of ints, not %s", v.Type())
	}
	axes := make([]int, seq.Len())
	for k := range axes {
		if err := starlark.AsInt(seq.Index(k), &axes[k]); err != nil {
			return nil, core.Errorf("TypeError", "axis must be an int or a tuple of ints, not %s", v.String())
		}
	}
	if len(axes) == 0 {
		return []int{}, nil
	}
	return axes, nil
}

// numpySum is engine.Sum with NumPy's order of additions for float32
// and float64 arrays.
func numpySum(t *engine.Tensor, axes []int, keep bool) (*engine.Tensor, error) {
	d := t.DType()
	if (d == engine.Float32 || d == engine.Float64) && t.Device() == engine.CPU && !t.RequiresGrad() && t.Rank() > 0 {
		if _, err := engine.Sum(t, axes, keep); err != nil {
			return nil, err // invalid axes: the engine's error
		}
		if d == engine.Float64 {
			return numpyFloatSum(t, t.F64(), axes, keep, engine.FromFloat64)
		}
		return numpyFloatSum(t, t.F32(), axes, keep, engine.FromFloat32)
	}
	return engine.Sum(t, axes, keep)
}

// Reduce applies a named reduction ("mean", "sum", "max", "min",
// "prod") with NumPy's result dtypes: integer sums stay int64, integer
// means become float64 (NumPy) or float32 (MindSpore).
func Reduce(name string, t *engine.Tensor, axes []int, keep bool, f Flavor) (*engine.Tensor, error) {
	if axes != nil && len(axes) == 0 {
		// An empty axis tuple reduces nothing.
		return t, nil
	}
	switch name {
	case "mean":
		if !t.DType().IsFloat() {
			c, err := engine.Cast(t, floatDType(f))
			if err != nil {
				return nil, err
			}
			t = c
		}
		if f == NumPy {
			// NumPy divides the sum by the count in the array's dtype.
			s, err := numpySum(t, axes, keep)
			if err != nil {
				return nil, err
			}
			n := t.Numel() / max(s.Numel(), 1)
			if t.Numel() == 0 {
				n = 0
			}
			return engine.Div(s, engine.Scalar(t.DType(), float64(n)))
		}
		return engine.Mean(t, axes, keep)
	case "sum":
		if t.DType() == engine.Bool || t.DType() == engine.Int32 && f == NumPy {
			c, err := engine.Cast(t, engine.Int64)
			if err != nil {
				return nil, err
			}
			t = c
		}
		if f == NumPy {
			return numpySum(t, axes, keep)
		}
		return engine.Sum(t, axes, keep)
	case "max":
		return engine.Max(t, axes, keep)
	case "min":
		return engine.Min(t, axes, keep)
	case "prod":
		if (t.DType() == engine.Bool || t.DType() == engine.Int32) && f == NumPy {
			c, err := engine.Cast(t, engine.Int64)
			if err != nil {
				return nil, err
			}
			t = c
		}
		return engine.Prod(t, axes, keep)
	}
	return nil, fmt.Errorf("unknown reduction %s", name)
}

func reduceMethod(name string) method {
	return func(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var axis, dtype starlark.Value = starlark.None, starlark.None
		keep := false
		var err error
		if t.Flavor == MindSpore {
			err = starlark.UnpackArgs(name, args, kwargs, "axis?", &axis, "keep_dims?", &keep)
		} else {
			err = starlark.UnpackArgs(name, args, kwargs, "axis?", &axis, "dtype?", &dtype, "out?", new(starlark.Value), "keepdims?", &keep)
		}
		if err != nil {
			return nil, err
		}
		axes, err := Axes(axis)
		if err != nil {
			return nil, err
		}
		src := t.T
		if dtype != starlark.None && (name == "sum" || name == "mean" || name == "prod") {
			// NumPy accumulates in the dtype given.
			d, err := DTypeOf(dtype)
			if err != nil {
				return nil, err
			}
			if src, err = engine.Cast(src, d); err != nil {
				return nil, core.EngineError(t.Type()+"."+name, err)
			}
		}
		out, err := Reduce(name, src, axes, keep, t.Flavor)
		if err != nil {
			return nil, core.EngineError(t.Type()+"."+name, err)
		}
		return wrapFlavor(out, t.Flavor), nil
	}
}

func argMethod(isMax bool) method {
	name := "argmin"
	if isMax {
		name = "argmax"
	}
	return func(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var axis starlark.Value = starlark.None
		if err := starlark.UnpackArgs(name, args, kwargs, "axis?", &axis); err != nil {
			return nil, err
		}
		src := t.T
		ax := 0
		if axis == starlark.None {
			r, err := engine.Reshape(src, -1)
			if err != nil {
				return nil, err
			}
			src = r
		} else if err := starlark.AsInt(axis, &ax); err != nil {
			return nil, core.Errorf("TypeError", "%s: axis must be an int", name)
		}
		var out *engine.Tensor
		var err error
		if isMax {
			out, err = engine.ArgMax(src, ax, false)
		} else {
			out, err = engine.ArgMin(src, ax, false)
		}
		if err != nil {
			return nil, core.EngineError(name, err)
		}
		if t.Flavor == MindSpore {
			out, _ = engine.Cast(out, engine.Int32)
		}
		return wrapFlavor(out, t.Flavor), nil
	}
}

func unaryMethod(name string, f func(*engine.Tensor) (*engine.Tensor, error)) method {
	return func(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackArgs(name, args, kwargs); err != nil {
			return nil, err
		}
		out, err := f(t.T)
		if err != nil {
			return nil, core.EngineError(name, err)
		}
		return wrapFlavor(out, t.Flavor), nil
	}
}

// ShapeArgs parses reshape-style arguments: ints or one tuple/list.
func ShapeArgs(args starlark.Tuple) ([]int, error) {
	if len(args) == 1 {
		if seq, ok := args[0].(starlark.Indexable); ok {
			vals := make(starlark.Tuple, seq.Len())
			for i := range vals {
				vals[i] = seq.Index(i)
			}
			args = vals
		}
	}
	shape := make([]int, len(args))
	for i, a := range args {
		if err := starlark.AsInt(a, &shape[i]); err != nil {
			return nil, core.Errorf("TypeError", "shape entries must be ints, not %s", a.Type())
		}
	}
	return shape, nil
}

func mReshape(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	order, err := orderKwarg(t, kwargs)
	if err != nil {
		return nil, err
	}
	shape, err := ShapeArgs(args)
	if err != nil {
		return nil, err
	}
	var out *engine.Tensor
	if order == "F" {
		out, err = reshapeF(t.T, shape)
	} else {
		out, err = engine.Reshape(t.T, shape...)
	}
	if err != nil {
		return nil, core.EngineError("reshape", err)
	}
	return wrapFlavor(out, t.Flavor), nil
}

// orderKwarg reads NumPy's order= keyword ('C', 'F', 'A' or 'K'; 'A' and
// 'K' act as 'C' on cellscript's C-ordered arrays). A MindSpore Tensor
// takes no keyword, and any other keyword is an error, not ignored.
func orderKwarg(t *Tensor, kwargs []starlark.Tuple) (string, error) {
	order := "C"
	for _, kv := range kwargs {
		name, _ := starlark.AsString(kv[0])
		if name != "order" || t.Flavor != NumPy {
			return "", core.Errorf("TypeError", "'%s' is an invalid keyword argument for this function", name)
		}
		s, ok := starlark.AsString(kv[1])
		if !ok || len(s) != 1 || !strings.Contains("CFAK", s) {
			return "", core.Errorf("ValueError", "order must be one of 'C', 'F', 'A', or 'K' (got %s)", kv[1])
		}
		order = s
	}
	return order, nil
}

// ravelF returns t's elements in Fortran order: the first index varies
// fastest.
func ravelF(t *engine.Tensor) (*engine.Tensor, error) {
	reversed, err := engine.Transpose(t, nil)
	if err != nil {
		return nil, err
	}
	return engine.Reshape(reversed, -1)
}

// reshapeF is NumPy's reshape with order='F': t's elements read and
// written in Fortran order.
func reshapeF(t *engine.Tensor, shape []int) (*engine.Tensor, error) {
	flat, err := ravelF(t)
	if err != nil {
		return nil, err
	}
	reversedShape := slices.Clone(shape)
	slices.Reverse(reversedShape)
	filled, err := engine.Reshape(flat, reversedShape...)
	if err != nil {
		return nil, err
	}
	return engine.Transpose(filled, nil)
}

func mTranspose(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var perm []int
	if len(args) > 0 {
		p, err := ShapeArgs(args)
		if err != nil {
			return nil, err
		}
		perm = p
	}
	out, err := engine.Transpose(t.T, perm)
	if err != nil {
		return nil, core.EngineError("transpose", err)
	}
	return wrapFlavor(out, t.Flavor), nil
}

func mFlatten(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) > 1 {
		return nil, core.Errorf("TypeError", "flatten() takes at most 1 argument (%d given)", len(args))
	}
	if len(args) == 1 {
		kwargs = append([]starlark.Tuple{{starlark.String("order"), args[0]}}, kwargs...)
	}
	order, err := orderKwarg(t, kwargs)
	if err != nil {
		return nil, err
	}
	if order == "F" && t.T.Rank() > 1 {
		out, err := ravelF(t.T)
		if err != nil {
			return nil, err
		}
		return wrapFlavor(out, t.Flavor), nil
	}
	out, err := engine.Reshape(t.T, -1)
	if err != nil {
		return nil, err
	}
	if out.Numel() == 0 {
		out, _ = engine.Reshape(t.T, 0)
	}
	return wrapFlavor(out, t.Flavor), nil
}

func mSqueeze(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var axis starlark.Value = starlark.None
	if err := starlark.UnpackArgs("squeeze", args, kwargs, "axis?", &axis); err != nil {
		return nil, err
	}
	axes, err := Axes(axis)
	if err != nil {
		return nil, err
	}
	out, err := Squeeze(t.T, axes)
	if err != nil {
		return nil, err
	}
	return wrapFlavor(out, t.Flavor), nil
}

// Squeeze removes the given size-1 axes, or all of them when axes is nil.
func Squeeze(t *engine.Tensor, axes []int) (*engine.Tensor, error) {
	drop := make([]bool, t.Rank())
	if axes == nil {
		for i, d := range t.Shape() {
			drop[i] = d == 1
		}
	}
	for _, a := range axes {
		if a < 0 {
			a += t.Rank()
		}
		if a < 0 || a >= t.Rank() {
			return nil, core.Errorf("ValueError", "squeeze: axis %d is out of range for rank %d", a, t.Rank())
		}
		if t.Shape()[a] != 1 {
			return nil, core.Errorf("ValueError", "squeeze: cannot select an axis to squeeze out which has size not equal to one (axis %d has size %d)", a, t.Shape()[a])
		}
		drop[a] = true
	}
	shape := []int{}
	for i, d := range t.Shape() {
		if !drop[i] {
			shape = append(shape, d)
		}
	}
	return engine.Reshape(t, shape...)
}

func mExpandDims(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var axis int
	if err := starlark.UnpackArgs("expand_dims", args, kwargs, "axis", &axis); err != nil {
		return nil, err
	}
	out, err := ExpandDims(t.T, axis)
	if err != nil {
		return nil, err
	}
	return wrapFlavor(out, t.Flavor), nil
}

// mExpandAs is Tensor.expand_as(x): the tensor broadcast to x's shape.
func mExpandAs(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackArgs("expand_as", args, kwargs, "x", &x); err != nil {
		return nil, err
	}
	target, _, ok := Of(x)
	if !ok {
		return nil, core.Errorf("TypeError", "Tensor.expand_as: x must be a Tensor, but got %s", x.Type())
	}
	out, err := engine.BroadcastTo(t.T, target.Shape()...)
	if err != nil {
		return nil, core.EngineError("Tensor.expand_as", err)
	}
	return wrapFlavor(out, t.Flavor), nil
}

// ExpandDims inserts a size-1 axis at axis (negative counts from the end
// of the result).
func ExpandDims(t *engine.Tensor, axis int) (*engine.Tensor, error) {
	r := t.Rank() + 1
	if axis < -r || axis >= r {
		return nil, core.Errorf("ValueError", "expand_dims: axis %d is out of range for a result of rank %d", axis, r)
	}
	if axis < 0 {
		axis += r
	}
	shape := append(append(append([]int{}, t.Shape()[:axis]...), 1), t.Shape()[axis:]...)
	return engine.Reshape(t, shape...)
}

func mItem(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if t.Flavor == NumPy && len(kwargs) == 0 {
		i, err := flatItemIndex(t.T, args)
		if err != nil {
			return nil, err
		}
		return ElementValue(t.T, i), nil
	}
	if err := starlark.UnpackArgs("item", args, kwargs); err != nil {
		return nil, err
	}
	if t.T.Numel() != 1 {
		return nil, core.Errorf("ValueError", "can only convert an array of size 1 to a Python scalar, got size %d", t.T.Numel())
	}
	return ElementValue(t.T, 0), nil
}

// ElementValue returns element i as a Python bool, int or float.
func ElementValue(t *engine.Tensor, i int) starlark.Value {
	switch {
	case t.DType() == engine.Bool:
		return starlark.Bool(t.Bools()[i])
	case t.DType().IsInt():
		return starlark.MakeInt64(t.Int(i))
	}
	return starlark.Float(t.Float(i))
}

func mTolist(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs("tolist", args, kwargs); err != nil {
		return nil, err
	}
	return ToList(t.T), nil
}

// ToList converts to nested Python lists, as ndarray.tolist does.
func ToList(t *engine.Tensor) starlark.Value {
	if t.Rank() == 0 {
		return ElementValue(t, 0)
	}
	var build func(axis, off int) starlark.Value
	shape := t.Shape()
	build = func(axis, off int) starlark.Value {
		n := shape[axis]
		inner := engine.Numel(shape[axis+1:])
		out := make([]starlark.Value, n)
		for i := 0; i < n; i++ {
			if axis == len(shape)-1 {
				out[i] = ElementValue(t, off+i)
			} else {
				out[i] = build(axis+1, off+i*inner)
			}
		}
		return starlark.NewList(out)
	}
	return build(0, 0)
}

func mAsnumpy(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs("asnumpy", args, kwargs); err != nil {
		return nil, err
	}
	host, err := engine.ToDevice(t.T.Detach(), engine.CPU)
	if err != nil {
		return nil, core.Errorf("RuntimeError", "asnumpy: %v", err)
	}
	return &Tensor{T: host, Flavor: NumPy}, nil
}

func mCopy(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return wrapFlavor(t.T.Clone(), t.Flavor), nil
}

func mClip(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lo, hi starlark.Value = starlark.None, starlark.None
	names := []string{"a_min?", "a_max?"}
	if t.Flavor == NumPy {
		names = []string{"min?", "max?"}
	}
	if err := starlark.UnpackArgs("clip", args, kwargs, names[0], &lo, names[1], &hi, "out?", new(starlark.Value)); err != nil {
		return nil, err
	}
	return Clip(t, lo, hi)
}

// Clip limits values to [lo, hi]; None leaves a side open.
func Clip(t *Tensor, lo, hi starlark.Value) (starlark.Value, error) {
	var cur starlark.Value = t
	var err error
	if lo != starlark.None {
		a, b, f, e := operands(cur, lo)
		if e != nil {
			return nil, e
		}
		out, e := engine.Maximum(a, b)
		if e != nil {
			return nil, core.EngineError("clip", e)
		}
		cur = wrapFlavor(out, f)
	}
	if hi != starlark.None {
		a, b, f, e := operands(cur, hi)
		if e != nil {
			return nil, e
		}
		out, e := engine.Minimum(a, b)
		if e != nil {
			return nil, core.EngineError("clip", e)
		}
		cur = wrapFlavor(out, f)
	}
	return cur, err
}

func boolReduce(all bool) method {
	return func(t *Tensor, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if t.Flavor == NumPy && (len(args) > 0 || len(kwargs) > 0) {
			var axis starlark.Value = starlark.None
			keep := false
			name := map[bool]string{true: "all", false: "any"}[all]
			if err := starlark.UnpackArgs(name, args, kwargs, "axis?", &axis, "out?", new(starlark.Value), "keepdims?", &keep); err != nil {
				return nil, err
			}
			axes, err := Axes(axis)
			if err != nil {
				return nil, err
			}
			out, err := logicalReduce(t.T, axes, keep, all)
			if err != nil {
				return nil, core.EngineError(t.Type()+"."+name, err)
			}
			return wrapFlavor(out, t.Flavor), nil
		}
		res := all
		for i := 0; i < t.T.Numel(); i++ {
			v := t.T.Float(i) != 0
			if all && !v {
				res = false
				break
			}
			if !all && v {
				res = true
				break
			}
		}
		return wrapFlavor(engine.Scalar(engine.Bool, b2f(res)), t.Flavor), nil
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// transposedPositions returns, for each element of the transpose (axes
// reversed) of a row-major array of the given shape, in row-major
// order, its flat position in the array.
func transposedPositions(shape []int) []int {
	n := engine.Numel(shape)
	strides := rowMajorStrides(shape)
	out := make([]int, n)
	rank := len(shape)
	counter := make([]int, rank) // index into the transpose, last axis fastest
	for k := range out {
		pos := 0
		for a := 0; a < rank; a++ {
			pos += counter[a] * strides[rank-1-a]
		}
		out[k] = pos
		for a := rank - 1; a >= 0; a-- {
			counter[a]++
			if counter[a] < shape[rank-1-a] {
				break
			}
			counter[a] = 0
		}
	}
	return out
}
