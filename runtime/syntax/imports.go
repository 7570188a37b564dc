package syntax

import (
	"strings"

	starsyntax "go.starlark.net/syntax"
)

// futureFeatures lists the names "from __future__ import" accepts. All
// of them are already the behaviour of Python 3, so the statement is
// dropped.
var futureFeatures = map[string]bool{
	"nested_scopes": true, "generators": true, "division": true,
	"absolute_import": true, "with_statement": true, "print_function": true,
	"unicode_literals": true, "generator_stop": true, "annotations": true,
}

// parseImport desugars "import a.b.c" into a = __import__("a.b.c"),
// which returns the top package, and "import a.b as c" into
// c = __import_module__("a.b"), which returns a.b itself.
func (p *parser) parseImport() []starsyntax.Stmt {
	importTok := p.next()
	pos := p.pos(importTok)
	var stmts []starsyntax.Stmt
	for {
		first := *p.tok()
		module := p.parseDottedName()
		if p.isKw("as") {
			p.next()
			alias := p.expectName()
			value := p.call("__import_module__", pos, p.str(module, p.pos(first)))
			stmts = append(stmts, p.assign(p.ident(alias.text, p.pos(alias)), value, pos))
		} else {
			top, _, _ := strings.Cut(module, ".")
			value := p.call("__import__", pos, p.str(module, p.pos(first)))
			stmts = append(stmts, p.assign(p.ident(top, p.pos(first)), value, pos))
		}
		if !p.acceptOp(",") {
			return stmts
		}
	}
}

// parseFromImport desugars "from a.b import x, y as z" into
// x = __import_from__("a.b", "x") and z = __import_from__("a.b", "y").
func (p *parser) parseFromImport() []starsyntax.Stmt {
	fromTok := p.next()
	pos := p.pos(fromTok)
	if p.isOp(".") || p.isOp("...") {
		p.fail(*p.tok(), "relative imports are not supported yet; use the absolute module name")
	}
	moduleTok := *p.tok()
	module := p.parseDottedName()
	p.expectKw("import")
	if p.isOp("*") {
		p.fail(*p.tok(), "from ... import * is not supported; import the names you need")
	}

	paren := p.acceptOp("(")
	var stmts []starsyntax.Stmt
	for {
		nameTok := p.expectName()
		bound := nameTok
		if p.isKw("as") {
			p.next()
			bound = p.expectName()
		}
		if module == "__future__" && !futureFeatures[nameTok.text] {
			p.fail(nameTok, "future feature %s is not defined", nameTok.text)
		}
		value := p.call("__import_from__", pos, p.str(module, p.pos(moduleTok)), p.str(nameTok.text, p.pos(nameTok)))
		stmts = append(stmts, p.assign(p.ident(bound.text, p.pos(bound)), value, pos))
		if !p.acceptOp(",") || paren && p.isOp(")") {
			break
		}
	}

	if paren {
		p.expectOp(")")
	}
	if module == "__future__" {
		return nil
	}
	return stmts
}

// parseDottedName parses "a.b.c" and returns it as one string.
func (p *parser) parseDottedName() string {
	parts := []string{p.expectName().text}
	for p.acceptOp(".") {
		parts = append(parts, p.expectName().text)
	}
	return strings.Join(parts, ".")
}
