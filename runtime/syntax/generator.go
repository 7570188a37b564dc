package syntax

import (
	starsyntax "go.starlark.net/syntax"
)

// parseYield parses a yield statement inside a generator function:
// "yield v" becomes __yield__(v), a bare "yield" becomes
// __yield__(None) and "yield from it" becomes __yield_from__(it).
func (p *parser) parseYield() starsyntax.Stmt {
	t := p.next()
	pos := p.pos(t)
	switch p.scope.kind {
	case lambdaScope:
		p.fail(t, "'yield' inside lambda is not supported")
	case moduleScope, classScope:
		p.fail(t, "'yield' outside function")
	}
	p.scope.generator = true
	if p.isKw("from") {
		p.next()
		return &starsyntax.ExprStmt{X: p.call("__yield_from__", pos, p.parseTest())}
	}
	var value starsyntax.Expr = p.none(pos)
	if p.startsExpr() {
		value = p.parseTestList()
	}
	return &starsyntax.ExprStmt{X: p.call("__yield__", pos, value)}
}

// generatorBody moves a generator function's body into a nested
// function that the runtime drives:
//
//	def <generator f>():
//	    body...
//	return __generator__(<generator f>)
//
// The nested function's name is not an identifier, so user code cannot
// refer to it, and the runtime shows its frames as frames of f.
// The nested function reads the parameters through its closure. A parameter that
// the body rebinds would become a local of the nested function and be unbound on
// first read, so such parameters are passed in as defaults instead:
// def <generator f>(n=n). __generator__ still calls it with no arguments.
func (p *parser) generatorBody(name string, params []starsyntax.Expr, body []starsyntax.Stmt, pos starsyntax.Position, decls map[string]declaration) []starsyntax.Stmt {
	bodyName := "<generator " + name + ">"
	rebound := map[string]bool{}
	for _, name := range boundNames(body) {
		rebound[name] = decls[name].kind == 0
	}
	var genParams []starsyntax.Expr
	for _, name := range paramNames(params) {
		if rebound[name] {
			genParams = append(genParams, &starsyntax.BinaryExpr{X: p.ident(name, pos), OpPos: pos, Op: starsyntax.EQ, Y: p.ident(name, pos)})
		}
	}
	inner := &starsyntax.DefStmt{
		Def:    pos,
		Name:   p.ident(bodyName, pos),
		Lparen: pos,
		Params: genParams,
		Rparen: pos,
		Body:   body,
	}
	ret := &starsyntax.ReturnStmt{Return: pos, Result: p.call("__generator__", pos, p.ident(bodyName, pos))}
	return []starsyntax.Stmt{inner, ret}
}

// paramNames lists the names a parameter list binds.
func paramNames(params []starsyntax.Expr) []string {
	var names []string
	for _, param := range params {
		switch param := param.(type) {
		case *starsyntax.Ident:
			names = append(names, param.Name)
		case *starsyntax.BinaryExpr:
			names = append(names, param.X.(*starsyntax.Ident).Name)
		case *starsyntax.UnaryExpr:
			if id, ok := param.X.(*starsyntax.Ident); ok {
				names = append(names, id.Name)
			}
		}
	}
	return names
}
