package tensor

import (
	"fmt"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Operands converts the two sides of a binary op to engine tensors of
// one dtype, with the promotion rules of the operator forms.
func Operands(x, y starlark.Value) (a, b *engine.Tensor, f Flavor, err error) {
	return operands(x, y)
}

// operands converts the two sides of a binary operator to engine tensors
// of one dtype. Python numbers are weakly typed in MindSpore: a float32
// tensor plus 2.5 stays float32, an integer tensor plus 2.5 becomes
// float32. NumPy arrays follow NumPy 1.24's value-based casting (see
// numpyScalarDType).
func operands(x, y starlark.Value) (a, b *engine.Tensor, f Flavor, err error) {
	ta, fa, okA := Of(x)
	tb, fb, okB := Of(y)
	switch {
	case okA && okB:
		f = NumPy
		if fa == MindSpore || fb == MindSpore {
			f = MindSpore
		}
		return castPair(ta, tb, f)
	case okA:
		b, err = weakScalar(y, ta, fa)
		if err != nil {
			return nil, nil, 0, err
		}
		if isNum, _ := ScalarKind(y); !isNum {
			return castPair(ta, b, fa)
		}
		a, err = engine.Cast(ta, b.DType())
		return a, b, fa, err
	case okB:
		a, err = weakScalar(x, tb, fb)
		if err != nil {
			return nil, nil, 0, err
		}
		if isNum, _ := ScalarKind(x); !isNum {
			return castPair(a, tb, fb)
		}
		b, err = engine.Cast(tb, a.DType())
		return a, b, fb, err
	}
	return nil, nil, 0, fmt.Errorf("neither operand is a tensor")
}

// castPair casts two tensors to the dtype that the flavor's promotion
// rules give them.
func castPair(ta, tb *engine.Tensor, f Flavor) (a, b *engine.Tensor, _ Flavor, err error) {
	d := numpyPairDType(ta, tb)
	if f == MindSpore {
		d = engine.PromoteMindSpore(ta.DType(), tb.DType())
	}
	a, err = engine.Cast(ta, d)
	if err == nil {
		b, err = engine.Cast(tb, d)
	}
	return a, b, f, err
}

// weakScalar converts a Python number to a 0-d tensor in the dtype of
// its operation with the tensor operand t: MindSpore's weak promotion,
// or NumPy 1.24's value-based casting.
func weakScalar(v starlark.Value, t *engine.Tensor, f Flavor) (*engine.Tensor, error) {
	d := t.DType()
	isNum, isFloat := ScalarKind(v)
	if !isNum {
		if v == starlark.None {
			return nil, core.Errorf("TypeError", "unsupported operand type: a tensor and None")
		}
		converted, err := ToEngine(v, nil, f)
		if err != nil {
			_, msg := pyobj.Classify(err)
			return nil, core.Errorf("TypeError", "unsupported operand type(s): a tensor and %s, which does not convert to a tensor: %s", v.Type(), msg)
		}
		return converted, nil
	}
	var fv float64
	switch n := v.(type) {
	case starlark.Float:
		fv = float64(n)
	case starlark.Int:
		fv, _ = starlark.AsFloat(n)
	case starlark.Bool:
		if n {
			fv = 1
		}
	}
	if f == NumPy {
		return engine.Scalar(numpyNumberDType(t, v, fv), fv), nil
	}
	target := d
	switch {
	case isFloat && !d.IsFloat():
		target = engine.Float32
	case d == engine.Bool:
		if _, ok := v.(starlark.Bool); !ok {
			target = engine.Int64
		}
	}
	return engine.Scalar(target, fv), nil
}

func floatDType(f Flavor) engine.DType {
	if f == NumPy {
		return engine.Float64
	}
	return engine.Float32
}

// Arith applies a Python arithmetic operator to two operands, at least
// one of which is a tensor.
func Arith(op syntax.Token, x, y starlark.Value) (starlark.Value, error) {
	a, b, f, err := operands(x, y)
	if err != nil {
		return nil, err
	}
	if f == NumPy && a.DType() == engine.Bool && (op == syntax.PLUS || op == syntax.STAR) {
		out, err := boolArith(op, a, b)
		if err != nil {
			return nil, core.EngineError(opCall(op), err)
		}
		return wrapFlavor(out, f), nil
	}
	var out *engine.Tensor
	switch op {
	case syntax.PLUS:
		out, err = engine.Add(a, b)
	case syntax.MINUS:
		out, err = engine.Sub(a, b)
	case syntax.STAR:
		out, err = engine.Mul(a, b)
	case syntax.SLASH:
		if !a.DType().IsFloat() {
			if a, err = engine.Cast(a, floatDType(f)); err == nil {
				b, err = engine.Cast(b, floatDType(f))
			}
		}
		if err == nil {
			out, err = engine.Div(a, b)
		}
	case syntax.AMP, syntax.PIPE, syntax.CIRCUMFLEX:
		out, err = bitwise(op, a, b)
	case syntax.SLASHSLASH, syntax.PERCENT:
		wantMod := op == syntax.PERCENT
		switch {
		case f == NumPy && a.DType().IsInt():
			out, err = numpyIntDivMod(a, b, wantMod)
		case wantMod:
			out, err = mod(a, b)
		default:
			out, err = floorDiv(a, b)
		}
	default:
		return nil, nil
	}
	if err != nil {
		return nil, core.EngineError(opCall(op), err)
	}
	return wrapFlavor(out, f), nil
}

// boolArith is NumPy's + and * on two bool arrays: logical or and
// logical and, computed in int32.
func boolArith(op syntax.Token, a, b *engine.Tensor) (*engine.Tensor, error) {
	ia, err := engine.Cast(a, engine.Int32)
	if err != nil {
		return nil, err
	}
	ib, err := engine.Cast(b, engine.Int32)
	if err != nil {
		return nil, err
	}
	var out *engine.Tensor
	if op == syntax.PLUS {
		out, err = engine.Add(ia, ib)
	} else {
		out, err = engine.Mul(ia, ib)
	}
	if err != nil {
		return nil, err
	}
	return engine.Cast(out, engine.Bool)
}

// opCall returns "operator +" and the like, which every operator call
// passes to its panic guard; the common ones are formatted once.
func opCall(op syntax.Token) string {
	if s, ok := opCalls[op]; ok {
		return s
	}
	return fmt.Sprintf("operator %s", op)
}

var opCalls = func() map[syntax.Token]string {
	m := map[syntax.Token]string{}
	for _, op := range []syntax.Token{syntax.PLUS, syntax.MINUS, syntax.STAR, syntax.SLASH, syntax.SLASHSLASH, syntax.PERCENT,
		syntax.LT, syntax.GT, syntax.LE, syntax.GE, syntax.EQL, syntax.NEQ, syntax.AMP, syntax.PIPE, syntax.CIRCUMFLEX} {
		m[op] = fmt.Sprintf("operator %s", op)
	}
	return m
}()

func wrapFlavor(t *engine.Tensor, f Flavor) *Tensor {
	return &Tensor{T: t, Flavor: f, Scalar: f == NumPy && t.Rank() == 0}
}

// floorDiv is Python's a // b: floor(a / b), computed in float64 for
// integers so that negative operands round down.
func floorDiv(a, b *engine.Tensor) (*engine.Tensor, error) {
	d := a.DType()
	fa, err := engine.Cast(a, engine.Float64)
	if err != nil {
		return nil, err
	}
	fb, err := engine.Cast(b, engine.Float64)
	if err != nil {
		return nil, err
	}
	if d.IsInt() {
		for _, v := range fb.Floats() {
			if v == 0 {
				return nil, core.Errorf("ZeroDivisionError", "integer division or modulo by zero")
			}
		}
	}
	q, err := engine.Div(fa, fb)
	if err != nil {
		return nil, err
	}
	q, err = engine.Floor(q)
	if err != nil {
		return nil, err
	}
	return engine.Cast(q, d)
}

// mod is Python's a % b = a - floor(a / b) * b, with the sign of b.
func mod(a, b *engine.Tensor) (*engine.Tensor, error) {
	q, err := floorDiv(a, b)
	if err != nil {
		return nil, err
	}
	if a.DType().IsFloat() {
		// floorDiv cast back to float already; recompute without the cast.
		qb, err := engine.Mul(q, b)
		if err != nil {
			return nil, err
		}
		return engine.Sub(a, qb)
	}
	qb, err := engine.Mul(q, b)
	if err != nil {
		return nil, err
	}
	return engine.Sub(a, qb)
}

// checkContraction reports a 1-D or 2-D product whose contracted
// dimensions differ. It names the shapes the caller passed, because
// matmulND reshapes vectors into matrices before calling the engine.
func checkContraction(a, b *engine.Tensor) error {
	if a.Rank() == 0 || b.Rank() == 0 || a.Rank() > 2 || b.Rank() > 2 {
		return nil
	}
	if a.Shape()[a.Rank()-1] == b.Shape()[0] {
		return nil
	}
	return &engine.Error{Kind: "ValueError", Op: "MatMul", Msg: fmt.Sprintf("x shape %s and y shape %s: x.shape[%d] must equal y.shape[0]", engine.FormatShape(a.Shape()), engine.FormatShape(b.Shape()), a.Rank()-1)}
}

// Binary implements the arithmetic operators for tensors.
func (t *Tensor) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (_ starlark.Value, err error) {
	defer pyobj.RecoverPanic(opCall(op), &err)
	if n, ok := t.IndexValue(); ok && op == syntax.STAR {
		switch y.(type) {
		case *starlark.List, starlark.Tuple, starlark.String:
			// Python repeats a sequence by an integer NumPy scalar through
			// its __index__ method.
			return starlark.Binary(op, y, starlark.MakeInt64(n))
		}
	}
	if side == starlark.Left {
		return Arith(op, t, y)
	}
	return Arith(op, y, t)
}

// IndexValue returns the value of a NumPy integer or bool scalar, which Python
// accepts wherever it needs an int, as its __index__ method does.
func (t *Tensor) IndexValue() (int64, bool) {
	if t.Flavor != NumPy || !t.Scalar || !(t.T.DType().IsInt() || t.T.DType() == engine.Bool) {
		return 0, false
	}
	return t.T.Int(0), true
}

// Unary implements -t, +t and ~t (logical not for bools, and bitwise
// not for integer NumPy arrays).
func (t *Tensor) Unary(op syntax.Token) (_ starlark.Value, err error) {
	defer pyobj.RecoverPanic(opCall(op), &err)
	var out *engine.Tensor
	switch op {
	case syntax.MINUS:
		out, err = engine.Neg(t.T)
	case syntax.PLUS:
		out = t.T
	case syntax.TILDE:
		switch d := t.T.DType(); {
		case d == engine.Bool:
			out, err = engine.LogicalNot(t.T)
		case t.Flavor != NumPy:
			return nil, core.Errorf("TypeError", "operator ~ is supported only for bool tensors, not %s", d)
		case d.IsInt():
			// Two's complement: ~x == -x - 1.
			if out, err = engine.Neg(t.T); err == nil {
				out, err = engine.Sub(out, engine.Scalar(d, 1))
			}
		default:
			return nil, core.Errorf("TypeError", "ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
		}
	default:
		return nil, nil
	}
	if err != nil {
		return nil, core.EngineError(opCall(op), err)
	}
	return wrapFlavor(out, t.Flavor), nil
}

// Pow is x ** y where either side is a tensor.
func Pow(x, y starlark.Value) (starlark.Value, error) {
	a, b, f, err := operands(x, y)
	if err != nil {
		return nil, err
	}
	out, err := engine.Pow(a, b)
	if err != nil {
		return nil, core.EngineError("operator **", err)
	}
	return wrapFlavor(out, f), nil
}

// Compare is an elementwise comparison that returns a bool tensor.
func Compare(op syntax.Token, x, y starlark.Value) (starlark.Value, error) {
	a, b, f, err := operands(x, y)
	if err != nil {
		return nil, err
	}
	var out *engine.Tensor
	switch op {
	case syntax.LT:
		out, err = engine.Less(a, b)
	case syntax.LE:
		out, err = engine.LessEqual(a, b)
	case syntax.GT:
		out, err = engine.Greater(a, b)
	case syntax.GE:
		out, err = engine.GreaterEqual(a, b)
	case syntax.EQL:
		out, err = engine.Equal(a, b)
	case syntax.NEQ:
		out, err = engine.NotEqual(a, b)
	default:
		return nil, fmt.Errorf("unsupported comparison %s", op)
	}
	if err != nil {
		return nil, core.EngineError(fmt.Sprintf("operator %s", op), err)
	}
	return wrapFlavor(out, f), nil
}

// MatMul is x @ y for 1-D and 2-D operands, with NumPy's rules for
// vectors (a 1-D left operand is a row, a 1-D right operand a column,
// and the added axis is removed again).
func MatMul(x, y starlark.Value) (starlark.Value, error) {
	return MatMulCall("operator @", x, y)
}

// MatMulCall is MatMul for the Python function call ("numpy.dot"),
// which its errors name.
func MatMulCall(call string, x, y starlark.Value) (starlark.Value, error) {
	a, b, f, err := operands(x, y)
	if err != nil {
		return nil, err
	}
	out, err := matmulND(a, b)
	if err != nil {
		return nil, core.EngineError(call, err)
	}
	return wrapFlavor(out, f), nil
}

func matmulND(a, b *engine.Tensor) (*engine.Tensor, error) {
	if err := checkContraction(a, b); err != nil {
		return nil, err
	}
	var err error
	va, vb := a.Rank() == 1, b.Rank() == 1
	if va {
		if a, err = engine.Reshape(a, 1, a.Shape()[0]); err != nil {
			return nil, err
		}
	}
	if vb {
		if b, err = engine.Reshape(b, b.Shape()[0], 1); err != nil {
			return nil, err
		}
	}
	out, err := engine.MatMul(a, b, false, false)
	if err != nil {
		return nil, err
	}
	shape := out.Shape()
	switch {
	case va && vb:
		return engine.Reshape(out)
	case va:
		return engine.Reshape(out, shape[1])
	case vb:
		return engine.Reshape(out, shape[0])
	}
	return out, nil
}
