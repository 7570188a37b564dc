package syntax

import (
	starsyntax "go.starlark.net/syntax"
)

// comparisonBuiltins maps each ordering and equality operator to the
// runtime builtin that implements it elementwise-aware: a < b is
// __lt__(a, b).
var comparisonBuiltins = map[string]string{
	"<": "__lt__", "<=": "__le__", ">": "__gt__",
	">=": "__ge__", "==": "__eq__", "!=": "__ne__",
}

// comparisonOp is one operator of a comparison chain.
type comparisonOp struct {
	op  string // "<", ..., "in", "not in", "is", "is not"
	pos starsyntax.Position
}

// parseComparison parses a comparison or a chain of them. A single
// comparison a OP b becomes the builtin call for OP: x in y becomes
// __in__(x, y), which finds True in [1], unless x is a string literal,
// and is becomes __is__. A chain a < b < c becomes
//
//	__chain__(a, "<", lambda: b, "<", lambda: c)
//
// which evaluates each operand at most once and stops at the first
// false comparison, as Python does. The runtime gives each operator
// string the same meaning as in a single comparison.
func (p *parser) parseComparison() starsyntax.Expr {
	first := p.parseBitOr()
	var ops []comparisonOp
	var operands []starsyntax.Expr
	for {
		op, ok := p.parseComparisonOp()
		if !ok {
			break
		}
		ops = append(ops, op)
		operands = append(operands, p.parseBitOr())
	}
	switch len(ops) {
	case 0:
		return first
	case 1:
		return p.comparison(ops[0], first, operands[0])
	}
	args := []starsyntax.Expr{first}
	for k, op := range ops {
		thunk := &starsyntax.LambdaExpr{Lambda: starsyntax.Start(operands[k]), Body: operands[k]}
		args = append(args, p.str(op.op, op.pos), thunk)
	}
	return p.call("__chain__", ops[0].pos, args...)
}

// parseComparisonOp consumes one comparison operator, if present.
func (p *parser) parseComparisonOp() (comparisonOp, bool) {
	t := *p.tok()
	pos := p.pos(t)
	switch {
	case t.kind == tOp && comparisonBuiltins[t.text] != "":
		p.next()
		return comparisonOp{t.text, pos}, true
	case p.isKw("in"):
		p.next()
		return comparisonOp{"in", pos}, true
	case p.isKw("not") && p.peek(1).kind == tName && p.peek(1).text == "in":
		p.next()
		p.next()
		return comparisonOp{"not in", pos}, true
	case p.isKw("is"):
		p.next()
		if p.isKw("not") {
			p.next()
			return comparisonOp{"is not", pos}, true
		}
		return comparisonOp{"is", pos}, true
	}
	return comparisonOp{}, false
}

func (p *parser) comparison(op comparisonOp, x, y starsyntax.Expr) starsyntax.Expr {
	switch op.op {
	case "in":
		if isStringLiteral(x) {
			return &starsyntax.BinaryExpr{X: x, OpPos: op.pos, Op: starsyntax.IN, Y: y}
		}
		return p.call("__in__", op.pos, x, y)
	case "not in":
		if isStringLiteral(x) {
			return &starsyntax.BinaryExpr{X: x, OpPos: op.pos, Op: starsyntax.NOT_IN, Y: y}
		}
		return &starsyntax.UnaryExpr{OpPos: op.pos, Op: starsyntax.NOT, X: p.call("__in__", op.pos, x, y)}
	case "is":
		return p.call("__is__", op.pos, x, y)
	case "is not":
		return &starsyntax.UnaryExpr{OpPos: op.pos, Op: starsyntax.NOT, X: p.call("__is__", op.pos, x, y)}
	}
	return p.call(comparisonBuiltins[op.op], op.pos, x, y)
}

// isStringLiteral reports whether e is a string literal, whose
// membership test needs no Python number equality.
func isStringLiteral(e starsyntax.Expr) bool {
	lit, ok := e.(*starsyntax.Literal)
	return ok && lit.Token == starsyntax.STRING
}
