package syntax

import starsyntax "go.starlark.net/syntax"

// Python's bool is a subclass of int, so `hits += (pred == label)`,
// `t = True; t + 1` and `-flag` are arithmetic on ints. Starlark's bool
// is not a number. The front end therefore turns x op y for + - * / //
// << >> into __binop__(x, "op", y) unless the syntax of both operands
// shows they are no bools: a number or string literal, a display, an
// arithmetic result or a call of a numeric runtime builtin. __binop__
// counts a bool beside a number as an int and leaves it a bool beside a
// NumPy array, whose promotion rules differ. The operand of unary - + ~
// is wrapped in __boolint__, which turns a bool into 0 or 1. Augmented
// assignments go through __augassign__ (assign.go).
//
// & | ^ go through __binop__ as well, which keeps a bool for two bools
// (True ^ True is False) and counts a bool beside an int as that int.

// bitwiseOps are the operators that __binop__ computes but whose result
// may be a bool.
var bitwiseOps = map[starsyntax.Token]bool{
	starsyntax.AMP: true, starsyntax.PIPE: true, starsyntax.CIRCUMFLEX: true,
}

// boolArithOps are the operators whose bool operands are wrapped and
// whose result is never a bool.
var boolArithOps = map[starsyntax.Token]bool{
	starsyntax.PLUS: true, starsyntax.MINUS: true, starsyntax.STAR: true,
	starsyntax.SLASH: true, starsyntax.SLASHSLASH: true, starsyntax.TILDE: true,
	starsyntax.LTLT: true, starsyntax.GTGT: true,
	starsyntax.PLUS_EQ: true, starsyntax.MINUS_EQ: true, starsyntax.STAR_EQ: true,
	starsyntax.SLASH_EQ: true, starsyntax.SLASHSLASH_EQ: true,
	starsyntax.LTLT_EQ: true, starsyntax.GTGT_EQ: true,
}

// numericCalls are the runtime builtins the front end emits whose
// result is never a bool, except __binop__ for & | ^.
var numericCalls = map[string]bool{
	"__pow__": true, "__mod__": true, "__matmul__": true, "__boolint__": true,
	"__index__": true, "__fstring__": true, "__format_call__": true,
	"__binop__": true,
}

// mayBeBool reports whether e may evaluate to a bool, judged by its
// syntax alone.
func mayBeBool(e starsyntax.Expr) bool {
	switch e := e.(type) {
	case *starsyntax.ParenExpr:
		return mayBeBool(e.X)
	case *starsyntax.Literal, *starsyntax.ListExpr, *starsyntax.DictExpr,
		*starsyntax.TupleExpr, *starsyntax.Comprehension, *starsyntax.LambdaExpr,
		*starsyntax.SliceExpr:
		return false
	case *starsyntax.Ident:
		return e.Name != "None"
	case *starsyntax.UnaryExpr:
		return e.Op == starsyntax.NOT
	case *starsyntax.BinaryExpr:
		return !boolArithOps[e.Op]
	case *starsyntax.CallExpr:
		fn, ok := e.Fn.(*starsyntax.Ident)
		if ok && fn.Name == "__binop__" {
			return isBitwiseBinop(e)
		}
		return !ok || !numericCalls[fn.Name]
	}
	return true
}

// isBitwiseBinop reports whether call, a __binop__ call, computes & | or
// ^, which give a bool for two bools.
func isBitwiseBinop(call *starsyntax.CallExpr) bool {
	if len(call.Args) != 3 {
		return true
	}
	op, ok := call.Args[1].(*starsyntax.Literal)
	if !ok {
		return true
	}
	switch op.Value {
	case "&", "|", "^":
		return true
	}
	return false
}

// boolOperand wraps e in __boolint__ when op is arithmetic and e may be
// a bool, and returns e unchanged otherwise.
func (p *parser) boolOperand(op starsyntax.Token, e starsyntax.Expr) starsyntax.Expr {
	if !boolArithOps[op] || !mayBeBool(e) {
		return e
	}
	return p.call("__boolint__", starsyntax.Start(e), e)
}
