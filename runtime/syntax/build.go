package syntax

import (
	"strconv"

	starsyntax "go.starlark.net/syntax"
)

// Constructors for synthesised nodes. Each takes the position of the
// user's construct that the node stands for, so runtime errors inside
// desugared code point at the user's line and column.

func (p *parser) ident(name string, pos starsyntax.Position) *starsyntax.Ident {
	return &starsyntax.Ident{NamePos: pos, Name: name}
}

func (p *parser) none(pos starsyntax.Position) *starsyntax.Ident {
	return p.ident("None", pos)
}

func (p *parser) str(value string, pos starsyntax.Position) *starsyntax.Literal {
	return &starsyntax.Literal{Token: starsyntax.STRING, TokenPos: pos, Raw: strconv.Quote(value), Value: value}
}

func (p *parser) intLit(value int64, pos starsyntax.Position) *starsyntax.Literal {
	return &starsyntax.Literal{Token: starsyntax.INT, TokenPos: pos, Raw: strconv.FormatInt(value, 10), Value: value}
}

// call builds fn(args...) where fn is a predeclared runtime builtin.
func (p *parser) call(fn string, pos starsyntax.Position, args ...starsyntax.Expr) *starsyntax.CallExpr {
	return &starsyntax.CallExpr{Fn: p.ident(fn, pos), Lparen: pos, Args: args, Rparen: pos}
}

func (p *parser) tuple(pos starsyntax.Position, elems ...starsyntax.Expr) *starsyntax.TupleExpr {
	return &starsyntax.TupleExpr{Lparen: pos, List: elems, Rparen: pos}
}

func (p *parser) assign(lhs, rhs starsyntax.Expr, pos starsyntax.Position) *starsyntax.AssignStmt {
	return &starsyntax.AssignStmt{OpPos: pos, Op: starsyntax.EQ, LHS: lhs, RHS: rhs}
}

func (p *parser) pass(pos starsyntax.Position) *starsyntax.BranchStmt {
	return &starsyntax.BranchStmt{Token: starsyntax.PASS, TokenPos: pos}
}

// sliceCall builds slice(lo, hi, step) with None for missing parts, the
// form a slice takes inside a tuple index or an assignment target.
func (p *parser) sliceCall(pos starsyntax.Position, lo, hi, step starsyntax.Expr) *starsyntax.CallExpr {
	orNone := func(e starsyntax.Expr) starsyntax.Expr {
		if e == nil {
			return p.none(pos)
		}
		return e
	}
	return p.call("slice", pos, orNone(lo), orNone(hi), orNone(step))
}

// nonEmpty returns body, or a lone pass when desugaring left it empty,
// because go.starlark.net requires every block to hold a statement.
func (p *parser) nonEmpty(body []starsyntax.Stmt, pos starsyntax.Position) []starsyntax.Stmt {
	if len(body) == 0 {
		return []starsyntax.Stmt{p.pass(pos)}
	}
	return body
}
