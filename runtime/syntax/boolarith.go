package syntax

import starsyntax "go.starlark.net/syntax"

// Python's bool is a subclass of int, so `hits += (pred == label)` and
// `True + True` are arithmetic on ints. Starlark's bool is not a number.
// The front end therefore wraps some operands of + - * / // and of
// their augmented assignments in __boolint__: those that are bools by
// their syntax (a comparison, a membership test, `not x`, True or
// False). __boolint__ turns a bool into 0 or 1. It returns anything
// else unchanged, such as the Tensor an elementwise comparison gives.
//
// NOTE: a bool reached through a variable (`flag = a < b; n + flag`) is
// not wrapped, and that arithmetic still raises TypeError.

// boolArithOps are the binary operators whose bool operands are wrapped.
var boolArithOps = map[starsyntax.Token]bool{
	starsyntax.PLUS: true, starsyntax.MINUS: true, starsyntax.STAR: true,
	starsyntax.SLASH: true, starsyntax.SLASHSLASH: true,
	starsyntax.PLUS_EQ: true, starsyntax.MINUS_EQ: true, starsyntax.STAR_EQ: true,
	starsyntax.SLASH_EQ: true, starsyntax.SLASHSLASH_EQ: true,
}

// boolResultCalls are the runtime builtins the front end emits for
// comparisons; each returns a bool for Python operands.
var boolResultCalls = map[string]bool{
	"__lt__": true, "__le__": true, "__gt__": true, "__ge__": true,
	"__eq__": true, "__ne__": true, "__is__": true, "__chain__": true,
}

// isBoolSyntax reports whether e is a bool by its syntax alone.
func isBoolSyntax(e starsyntax.Expr) bool {
	switch e := e.(type) {
	case *starsyntax.ParenExpr:
		return isBoolSyntax(e.X)
	case *starsyntax.Ident:
		return e.Name == "True" || e.Name == "False"
	case *starsyntax.UnaryExpr:
		return e.Op == starsyntax.NOT
	case *starsyntax.BinaryExpr:
		return e.Op == starsyntax.IN || e.Op == starsyntax.NOT_IN
	case *starsyntax.CallExpr:
		fn, ok := e.Fn.(*starsyntax.Ident)
		return ok && boolResultCalls[fn.Name]
	}
	return false
}

// boolOperand wraps e in __boolint__ when op is arithmetic and e is a
// bool by its syntax, and returns e unchanged otherwise.
func (p *parser) boolOperand(op starsyntax.Token, e starsyntax.Expr) starsyntax.Expr {
	if !boolArithOps[op] || !isBoolSyntax(e) {
		return e
	}
	return p.call("__boolint__", starsyntax.Start(e), e)
}
