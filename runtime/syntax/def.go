package syntax

import (
	"fmt"

	starsyntax "go.starlark.net/syntax"
)

// decorator is one "@expr" line before a def or class.
type decorator struct {
	pos  starsyntax.Position
	expr starsyntax.Expr
}

func (p *parser) parseDecorated() []starsyntax.Stmt {
	var decorators []decorator
	for p.isOp("@") {
		at := p.next()
		expr := p.parseTest()
		p.expectNewline()
		decorators = append(decorators, decorator{pos: p.pos(at), expr: expr})
	}
	switch {
	case p.isKw("def"):
		return p.parseDef(decorators)
	case p.isKw("class"):
		return p.parseClass(decorators)
	}
	p.unexpected("expected 'def' or 'class' after a decorator")
	return nil
}

// decorate wraps value in the decorators, innermost last, so that
// "@d1 @d2(arg)" produces d1(d2(arg)(value)).
func (p *parser) decorate(decorators []decorator, value starsyntax.Expr) starsyntax.Expr {
	for k := len(decorators) - 1; k >= 0; k-- {
		d := decorators[k]
		value = &starsyntax.CallExpr{Fn: d.expr, Lparen: d.pos, Args: []starsyntax.Expr{value}, Rparen: d.pos}
	}
	return value
}

// hoistDecorators handles decorators that mention the name being
// defined, as in "@x.setter" on "def x". Python evaluates decorator
// expressions before the def rebinds the name, so each such decorator is
// first bound to a hidden variable, and the def then applies the hidden
// variables. The hidden names are not identifiers, so user code cannot
// see or collide with them. Other decorators are left in place and
// evaluated after the def.
func (p *parser) hoistDecorators(decorators []decorator, name string) (hoisted []starsyntax.Stmt, applied []decorator) {
	if !mentionsName(decorators, name) {
		return nil, decorators
	}
	for k, d := range decorators {
		hidden := fmt.Sprintf("<decorator %d of %s>", k+1, name)
		hoisted = append(hoisted, p.assign(p.ident(hidden, d.pos), d.expr, d.pos))
		applied = append(applied, decorator{pos: d.pos, expr: p.ident(hidden, d.pos)})
	}
	return hoisted, applied
}

// mentionsName reports whether any decorator expression refers to name.
func mentionsName(decorators []decorator, name string) bool {
	found := false
	for _, d := range decorators {
		starsyntax.Walk(d.expr, func(n starsyntax.Node) bool {
			if id, ok := n.(*starsyntax.Ident); ok && id.Name == name {
				found = true
			}
			return !found
		})
	}
	return found
}

// parseDef parses a function definition. A decorated def becomes the
// def followed by "f = d1(d2(f))"; a generator's body moves into a
// nested function (see generatorBody).
func (p *parser) parseDef(decorators []decorator) []starsyntax.Stmt {
	defTok := p.next()
	nameTok := p.expectName()
	lparen := p.expectOp("(")
	params := p.parseParams(")", true)
	rparen := p.expectOp(")")
	if p.acceptOp("->") {
		p.parseTest() // the return annotation is dropped
	}
	p.expectOp(":")

	qualname := p.qualify(nameTok.text)
	sc := p.pushScope(&scope{kind: defScope, qualname: qualname, firstParam: firstParamName(params)})
	restore := p.enterFunction()
	body := p.parseBlock("function definition", defTok.line)
	restore()
	p.popScope()
	p.recordSignature(p.pos(defTok), nameTok.text, qualname, params)

	pos := p.pos(defTok)
	if sc.generator {
		body = p.generatorBody(nameTok.text, params, body, pos, sc.decls)
		p.decls[body[0].(*starsyntax.DefStmt)] = sc.decls
	}
	name := p.pos(nameTok)
	def := &starsyntax.DefStmt{
		Def:    pos,
		Name:   p.ident(nameTok.text, name),
		Lparen: p.pos(lparen),
		Params: params,
		Rparen: p.pos(rparen),
		Body:   body,
	}
	p.decls[def] = sc.decls
	if len(decorators) == 0 {
		return []starsyntax.Stmt{def}
	}
	stmts, decorators := p.hoistDecorators(decorators, nameTok.text)
	at := decorators[0].pos
	value := p.decorate(decorators, p.ident(nameTok.text, at))
	return append(stmts, def, p.assign(p.ident(nameTok.text, at), value, at))
}

// parseParams parses a def or lambda parameter list up to closing. Type
// annotations (def only) and the positional-only marker "/" are dropped.
func (p *parser) parseParams(closing string, annotations bool) []starsyntax.Expr {
	var params []starsyntax.Expr
	for !p.isOp(closing) {
		switch {
		case p.isOp("/"):
			p.next()
		case p.isOp("*"):
			star := p.next()
			param := &starsyntax.UnaryExpr{OpPos: p.pos(star), Op: starsyntax.STAR}
			if p.tok().kind == tName {
				param.X = p.parseParamName(annotations)
			}
			params = append(params, param)
		case p.isOp("**"):
			star := p.next()
			params = append(params, &starsyntax.UnaryExpr{OpPos: p.pos(star), Op: starsyntax.STARSTAR, X: p.parseParamName(annotations)})
		default:
			id := p.parseParamName(annotations)
			if p.isOp("=") {
				eq := p.next()
				params = append(params, &starsyntax.BinaryExpr{X: id, OpPos: p.pos(eq), Op: starsyntax.EQ, Y: p.parseTest()})
			} else {
				params = append(params, id)
			}
		}
		if !p.acceptOp(",") {
			break
		}
	}
	return params
}

func (p *parser) parseParamName(annotations bool) *starsyntax.Ident {
	t := p.expectName()
	if annotations && p.acceptOp(":") {
		p.parseTest() // the annotation is dropped
	}
	return p.ident(t.text, p.pos(t))
}

// firstParamName returns the name of the first positional parameter, the
// one that receives the instance in a method, or "".
func firstParamName(params []starsyntax.Expr) string {
	if len(params) == 0 {
		return ""
	}
	switch param := params[0].(type) {
	case *starsyntax.Ident:
		return param.Name
	case *starsyntax.BinaryExpr:
		return param.X.(*starsyntax.Ident).Name
	}
	return ""
}

func (p *parser) parseLambda() starsyntax.Expr {
	lambdaTok := p.next()
	params := p.parseParams(":", false)
	p.expectOp(":")
	qualname := p.qualify("<lambda>")
	p.pushScope(&scope{kind: lambdaScope, qualname: qualname})
	body := p.parseTest()
	p.popScope()
	p.recordSignature(p.pos(lambdaTok), "lambda", qualname, params)
	return &starsyntax.LambdaExpr{Lambda: p.pos(lambdaTok), Params: params, Body: body}
}
