package ops

import (
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/nn"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

func prim(name, doc string, call impl, params ...string) *PrimitiveClass {
	return &PrimitiveClass{name: name, doc: doc, params: params, call: placed(call)}
}

// primitives lists the primitive classes by MindSpore name.
func primitives() []*PrimitiveClass {
	all := append(basicPrimitives(), layerPrimitives()...)
	return append(all, arrayPrimitives()...)
}

// basicPrimitives are the arithmetic, reduction, shape and creation
// primitives.
func basicPrimitives() []*PrimitiveClass {
	return []*PrimitiveClass{
		prim("Abs", "Abs()(x): |x|; the gradient at 0 is 0.", unaryImpl("Abs", engine.Abs)),
		prim("Neg", "Neg()(x): -x.", unaryImpl("Neg", engine.Neg)),
		prim("Exp", "Exp()(x): e**x.", unaryImpl("Exp", engine.Exp)),
		prim("Log", "Log()(x): natural logarithm.", unaryImpl("Log", engine.Log)),
		prim("Log1p", "Log1p()(x): log(1 + x).", unaryImpl("Log1p", engine.Log1p)),
		prim("Sqrt", "Sqrt()(x): square root.", unaryImpl("Sqrt", engine.Sqrt)),
		prim("Rsqrt", "Rsqrt()(x): 1/sqrt(x).", unaryImpl("Rsqrt", engine.Rsqrt)),
		prim("Square", "Square()(x): x*x.", unaryImpl("Square", engine.Square)),
		prim("Sign", "Sign()(x): -1, 0 or 1.", unaryImpl("Sign", engine.Sign)),
		prim("Floor", "Floor()(x): rounds down.", unaryImpl("Floor", engine.Floor)),
		prim("Sin", "Sin()(x).", unaryImpl("Sin", engine.Sin)),
		prim("Cos", "Cos()(x).", unaryImpl("Cos", engine.Cos)),
		prim("Reciprocal", "Reciprocal()(x): 1/x.", unaryImpl("Reciprocal", engine.Reciprocal)),
		prim("ReLU", "ReLU()(x): max(x, 0).", unaryImpl("ReLU", engine.ReLU)),
		prim("Sigmoid", "Sigmoid()(x): 1/(1+exp(-x)).", unaryImpl("Sigmoid", engine.Sigmoid)),
		prim("Tanh", "Tanh()(x).", unaryImpl("Tanh", engine.Tanh)),
		prim("Softplus", "Softplus()(x): log(1+exp(x)) without overflow.", unaryImpl("Softplus", engine.Softplus)),
		prim("Add", "Add()(x, y): x + y with broadcasting.", binaryImpl("Add", syntax.PLUS)),
		prim("Sub", "Sub()(x, y): x - y with broadcasting.", binaryImpl("Sub", syntax.MINUS)),
		prim("Mul", "Mul()(x, y): x * y with broadcasting.", binaryImpl("Mul", syntax.STAR)),
		prim("Div", "Div()(x, y): x / y with broadcasting.", binaryImpl("Div", syntax.SLASH)),
		prim("RealDiv", "RealDiv()(x, y): x / y with broadcasting.", binaryImpl("RealDiv", syntax.SLASH)),
		prim("FloorDiv", "FloorDiv()(x, y): floor(x / y).", binaryImpl("FloorDiv", syntax.SLASHSLASH)),
		prim("Pow", "Pow()(x, y): x ** y.", powImpl),
		prim("Maximum", "Maximum()(x, y): elementwise maximum.", engineBinary("Maximum", engine.Maximum)),
		prim("Minimum", "Minimum()(x, y): elementwise minimum.", engineBinary("Minimum", engine.Minimum)),
		prim("Equal", "Equal()(x, y): x == y as a bool Tensor.", compareImpl("Equal", syntax.EQL)),
		prim("NotEqual", "NotEqual()(x, y): x != y.", compareImpl("NotEqual", syntax.NEQ)),
		prim("Less", "Less()(x, y): x < y.", compareImpl("Less", syntax.LT)),
		prim("LessEqual", "LessEqual()(x, y): x <= y.", compareImpl("LessEqual", syntax.LE)),
		prim("Greater", "Greater()(x, y): x > y.", compareImpl("Greater", syntax.GT)),
		prim("GreaterEqual", "GreaterEqual()(x, y): x >= y.", compareImpl("GreaterEqual", syntax.GE)),
		prim("ReduceMean", "ReduceMean(keep_dims=False)(x, axis=()): mean over axis (all axes by default), accumulated in float64.", reduceImpl("ReduceMean", "mean"), "keep_dims?"),
		prim("ReduceSum", "ReduceSum(keep_dims=False)(x, axis=()): sum over axis.", reduceImpl("ReduceSum", "sum"), "keep_dims?"),
		prim("ReduceMax", "ReduceMax(keep_dims=False)(x, axis=()): maximum over axis.", reduceImpl("ReduceMax", "max"), "keep_dims?"),
		prim("ReduceMin", "ReduceMin(keep_dims=False)(x, axis=()): minimum over axis.", reduceImpl("ReduceMin", "min"), "keep_dims?"),
		prim("ReduceProd", "ReduceProd(keep_dims=False)(x, axis=()): product over axis.", reduceImpl("ReduceProd", "prod"), "keep_dims?"),
		prim("MatMul", "MatMul(transpose_a=False, transpose_b=False)(x, y): 2-D matrix product.", matmulImpl, "transpose_a?", "transpose_b?"),
		prim("Reshape", "Reshape()(x, shape).", reshapeImpl),
		prim("Transpose", "Transpose()(x, perm).", transposeImpl),
		prim("Cast", "Cast()(x, dtype).", castImpl),
		prim("Softmax", "Softmax(axis=-1)(x).", axisImpl("Softmax", engine.Softmax), "axis?"),
		prim("LogSoftmax", "LogSoftmax(axis=-1)(x), computed exactly for large logits.", axisImpl("LogSoftmax", engine.LogSoftmax), "axis?"),
		prim("OneHot", "OneHot(axis=-1)(indices, depth, on_value, off_value).", oneHotImpl, "axis?"),
		prim("Select", "Select()(condition, x, y): x where condition, else y.", selectImpl),
		prim("Concat", "Concat(axis=0)((x1, x2, ...)).", concatImpl(false), "axis?"),
		prim("Stack", "Stack(axis=0)((x1, x2, ...)).", concatImpl(true), "axis?"),
		prim("Squeeze", "Squeeze(axis=())(x).", squeezeImpl, "axis?"),
		prim("ExpandDims", "ExpandDims()(x, axis).", expandDimsImpl),
		prim("ZerosLike", "ZerosLike()(x).", likeImpl("ZerosLike", 0)),
		prim("OnesLike", "OnesLike()(x).", likeImpl("OnesLike", 1)),
		prim("Shape", "Shape()(x): the shape as a tuple.", shapeImpl),
		prim("Tile", "Tile()(input_x, multiples): input_x repeated multiples[i] times along axis i; multiples is a tuple of positive ints.", tileImpl),
		prim("Size", "Size()(input_x): the number of elements, an int.", sizeImpl),
		prim("Rank", "Rank()(input_x): the number of dimensions, an int.", rankImpl),
		prim("Gather", "Gather()(input_params, input_indices, axis).", gatherImpl),
		prim("Argmax", "Argmax(axis=-1, output_type=mindspore.int32)(x).", argmaxImpl, "axis?", "output_type?"),
		prim("StopGradient", "StopGradient()(x): x without gradient.", stopGradientImpl),
		prim("Ones", "Ones()(shape, type=float32): a Tensor of ones on the runtime's device.", filledImpl("Ones", 1)),
		prim("Zeros", "Zeros()(shape, type=float32): a Tensor of zeros on the runtime's device.", filledImpl("Zeros", 0)),
		prim("Fill", "Fill()(type, shape, value): a Tensor filled with value on the runtime's device.", fillImpl),
		prim("BatchMatMul", "BatchMatMul(transpose_a=False, transpose_b=False)(x, y): MatMul of each pair of matrices in the batch axes.", batchMatMulImpl, "transpose_a?", "transpose_b?"),
		prim("ArgMaxWithValue", "ArgMaxWithValue(axis=0, keep_dims=False)(x): (int32 index of the maximum, maximum) along axis.", argMaxWithValueImpl, "axis?", "keep_dims?"),
		prim("Print", "Print()(*inputs): prints strings as they are and Tensors as their repr, one per line.", printImpl),
		prim("Eye", "Eye()(n, m=n, t=float32): the n×m identity on the runtime's device.", eyeImpl),
	}
}

// depend is ops.depend(value, expr): value, after expr. Scripts run
// eagerly, so expr has already been evaluated when depend is called.
func depend(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var value, expr starlark.Value
	if err := starlark.UnpackArgs("depend", args, kwargs, "value", &value, "expr", &expr); err != nil {
		return nil, core.Errorf("TypeError", "%v", err)
	}
	return value, nil
}

// snake converts a CamelCase primitive name to its functional name.
func snake(name string) string {
	var b strings.Builder
	for i, r := range name {
		if r >= 'A' && r <= 'Z' {
			if i > 0 && !(name[i-1] >= 'A' && name[i-1] <= 'Z') {
				b.WriteByte('_')
			}
			b.WriteRune(r + ('a' - 'A'))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Module returns mindspore.ops.
func Module() *core.Module {
	m := starlark.StringDict{}
	for _, p := range primitives() {
		m[p.name] = p
		fn := p
		fname := snake(p.name)
		if _, exists := m[fname]; exists {
			continue
		}
		m[fname] = starlark.NewBuiltin(fname, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(fn.params) > 0 {
				// Functional forms take primitive attributes as keywords.
				prim, err := fn.CallInternal(thread, nil, kwargs)
				if err != nil {
					return nil, err
				}
				return prim.(*Primitive).CallInternal(thread, args, nil)
			}
			return fn.call(thread, starlark.StringDict{}, args, kwargs)
		})
	}
	m["mean"] = m["reduce_mean"]
	m["sum"] = m["reduce_sum"]
	m["relu"] = m["re_lu"]
	delete(m, "re_lu")
	// MindSpore r1.6 has no functional forms of these primitives.
	for _, name := range []string{"batch_mat_mul", "arg_max_with_value", "arg_min_with_value", "print",
		"re_lu6", "hswish", "hsigmoid", "ge_lu", "elu", "l2_normalize", "top_k", "lin_space", "cum_sum", "cum_prod"} {
		delete(m, name)
	}
	m["GradOperation"] = &GradOperationClass{}
	m["depend"] = starlark.NewBuiltin("depend", depend)
	for k, v := range nn.FunctionalLosses() {
		m[k] = v
	}
	for k, v := range m {
		if v == nil {
			panic("ops: module member " + k + " is nil")
		}
	}
	mod := core.NewModule("mindspore.ops", m)
	mod.Doc = "MindSpore operators: primitives such as ops.Abs() and functional forms such as ops.abs(x)."
	return mod
}
