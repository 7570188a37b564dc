package syntax

import (
	starsyntax "go.starlark.net/syntax"
)

// parseTry desugars a try statement into block functions and one call
// of the runtime builtin __try__:
//
//	def <try 1>(): body
//	def <except 2>(<exc 3>): e = <exc 3>; handler
//	def <else 4>(): else-body
//	def <finally 5>(): finally-body
//	<flow 6> = __try__(<try 1>, ((lambda: E, <except 2>),), <else 4>, <finally 5>)
//
// followed by the statements that act on the status value (see
// dispatchFlow). A bare except passes None in place of the lambda, and
// a missing else or finally passes None.
func (p *parser) parseTry() []starsyntax.Stmt {
	tryTok := p.next()
	pos := p.pos(tryTok)
	p.expectOp(":")
	var defs []starsyntax.Stmt
	var sig signals

	body, s := p.parseBlockBody("'try' statement", tryTok.line, nil)
	sig.merge(s)
	bodyName := p.hiddenName("try")
	defs = append(defs, p.blockDef(bodyName, pos, nil, body))

	handlers, handlerDefs, s := p.parseHandlers()
	sig.merge(s)
	defs = append(defs, handlerDefs...)

	var orElse, final starsyntax.Expr = p.none(pos), p.none(pos)
	if p.isKw("else") {
		if len(handlers) == 0 {
			p.fail(*p.tok(), "'else' after 'try' needs an 'except' clause first")
		}
		elseTok := p.next()
		p.expectOp(":")
		body, s := p.parseBlockBody("'else' statement", elseTok.line, nil)
		sig.merge(s)
		name := p.hiddenName("else")
		defs = append(defs, p.blockDef(name, p.pos(elseTok), nil, body))
		orElse = p.ident(name, pos)
	}
	if p.isKw("finally") {
		finallyTok := p.next()
		p.expectOp(":")
		body, s := p.parseBlockBody("'finally' statement", finallyTok.line, nil)
		sig.merge(s)
		name := p.hiddenName("finally")
		defs = append(defs, p.blockDef(name, p.pos(finallyTok), nil, body))
		final = p.ident(name, pos)
	}
	if len(handlers) == 0 && final.(*starsyntax.Ident).Name == "None" {
		p.unexpected("expected 'except' or 'finally' block")
	}

	flow := p.hiddenName("flow")
	call := p.call("__try__", pos, p.ident(bodyName, pos), p.tuple(pos, handlers...), orElse, final)
	stmts := append(defs, p.assign(p.ident(flow, pos), call, pos))
	return append(stmts, p.dispatchFlow(flow, sig, pos)...)
}

// parseHandlers parses the except clauses of a try statement. It
// returns the (types, handler) pairs for __try__, the defs of the
// handler functions and the status values they can return.
func (p *parser) parseHandlers() (pairs []starsyntax.Expr, defs []starsyntax.Stmt, sig signals) {
	sawBare := false
	for p.isKw("except") {
		exceptTok := p.next()
		pos := p.pos(exceptTok)
		if sawBare {
			p.fail(exceptTok, "a bare 'except:' must be the last except clause")
		}
		if p.isOp("*") {
			p.fail(*p.tok(), "'except*' (exception groups) is not supported")
		}
		var types starsyntax.Expr = p.none(pos)
		var prefix []starsyntax.Stmt
		exc := p.hiddenName("exc")
		if p.isOp(":") {
			sawBare = true
		} else {
			typesPos := p.pos(*p.tok())
			typesExpr := p.parseTest()
			if p.isOp(",") {
				p.fail(*p.tok(), "multiple exception types must be parenthesized")
			}
			types = &starsyntax.LambdaExpr{Lambda: typesPos, Body: typesExpr}
			if p.isKw("as") {
				p.next()
				name := p.expectName()
				prefix = []starsyntax.Stmt{p.assign(p.target(p.ident(name.text, p.pos(name)), false), p.ident(exc, pos), p.pos(name))}
			}
		}
		p.expectOp(":")
		body, s := p.parseBlockBody("'except' statement", exceptTok.line, prefix)
		sig.merge(s)
		name := p.hiddenName("except")
		defs = append(defs, p.blockDef(name, pos, []starsyntax.Expr{p.ident(exc, pos)}, body))
		pairs = append(pairs, p.tuple(pos, types, p.ident(name, pos)))
	}
	return pairs, defs, sig
}

// parseRaise desugars "raise" into __raise__(), "raise X" into
// __raise__(X) and "raise X from Y" into __raise__(X, Y).
func (p *parser) parseRaise() starsyntax.Stmt {
	t := p.next()
	pos := p.pos(t)
	var args []starsyntax.Expr
	if p.startsExpr() {
		args = append(args, p.parseTest())
		if p.isKw("from") {
			p.next()
			args = append(args, p.parseTest())
		}
	}
	return &starsyntax.ExprStmt{X: p.call("__raise__", pos, args...)}
}

// parseWith desugars "with m1 as a, m2 as b: body" into nested block
// functions and calls of the runtime builtin __with__:
//
//	def <with 1>(<value 2>):
//	    a = <value 2>
//	    def <with 3>(<value 4>):
//	        b = <value 4>
//	        body
//	    <flow 5> = __with__(m2, <with 3>)
//	    ...dispatch
//	<flow 6> = __with__(m1, <with 1>)
//	...dispatch
//
// __with__ calls __enter__, passes its result to the block function and
// calls __exit__ however the block ends.
func (p *parser) parseWith() []starsyntax.Stmt {
	withTok := p.next()
	paren := p.isOp("(") && p.withItemsParenthesized()
	if paren {
		p.next()
	}
	type item struct {
		manager starsyntax.Expr
		target  starsyntax.Expr
		pos     starsyntax.Position
	}
	var items []item
	for {
		it := item{pos: p.pos(*p.tok())}
		it.manager = p.parseTest()
		if p.isKw("as") {
			p.next()
			it.target = p.target(p.parseBitOr(), true)
		}
		items = append(items, it)
		if !p.acceptOp(",") || paren && p.isOp(")") {
			break
		}
	}
	if paren {
		p.expectOp(")")
	}
	p.expectOp(":")
	pos := p.pos(withTok)

	// Each item's block starts before the body is parsed, so that
	// return, break and continue in the body see every enclosing block.
	blocks := make([]*blockCtx, len(items))
	for k := range items {
		blocks[k] = p.beginBlock()
	}
	body := p.parseBlock("'with' statement", withTok.line)
	for k := len(items) - 1; k >= 0; k-- {
		it := items[k]
		value := p.hiddenName("value")
		var prefix []starsyntax.Stmt
		if it.target != nil {
			prefix = p.assignTarget(it.target, p.ident(value, it.pos), it.pos)
		}
		name := p.hiddenName("with")
		def := p.blockDef(name, pos, []starsyntax.Expr{p.ident(value, pos)}, append(prefix, body...))
		sig := blocks[k].signals
		p.endBlock(blocks[k])
		flow := p.hiddenName("flow")
		call := p.call("__with__", it.pos, it.manager, p.ident(name, pos))
		body = []starsyntax.Stmt{def, p.assign(p.ident(flow, pos), call, pos)}
		body = append(body, p.dispatchFlow(flow, sig, pos)...)
	}
	return body
}

// withItemsParenthesized reports whether the "(" after "with" opens a
// parenthesized list of items, "with (a as b, c):", rather than an
// expression such as "with (lock):". It is the former when "as" appears
// at the top level of the brackets or the bracket is followed by ":"
// after a top-level comma.
func (p *parser) withItemsParenthesized() bool {
	depth := 0
	comma := false
	for k := 0; ; k++ {
		t := p.peek(k)
		switch {
		case t.kind == tEOF || t.kind == tNewline:
			return false
		case t.kind == tOp && (t.text == "(" || t.text == "[" || t.text == "{"):
			depth++
		case t.kind == tOp && (t.text == ")" || t.text == "]" || t.text == "}"):
			depth--
			if depth == 0 {
				next := p.peek(k + 1)
				return comma && next.kind == tOp && next.text == ":"
			}
		case depth == 1 && t.kind == tName && t.text == "as":
			return true
		case depth == 1 && t.kind == tOp && t.text == ",":
			comma = true
		}
	}
}

// parseDeclaration parses "global a, b" or "nonlocal a, b". The names
// are recorded on the enclosing def scope, and the scope pass routes
// every use of them to the right cell (see scopes.go).
func (p *parser) parseDeclaration() []starsyntax.Stmt {
	t := p.next()
	for {
		name := p.expectName()
		switch {
		case t.text == "nonlocal" && p.scope.kind != defScope:
			p.fail(t, "nonlocal declaration not allowed at module level")
		case t.text == "global":
			p.scope.declare(name.text, declGlobal, p.pos(name))
		default:
			p.scope.declare(name.text, declNonlocal, p.pos(name))
		}
		if !p.acceptOp(",") {
			break
		}
	}
	return []starsyntax.Stmt{p.pass(p.pos(t))}
}
