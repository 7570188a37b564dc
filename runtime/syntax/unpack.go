package syntax

import (
	starsyntax "go.starlark.net/syntax"
)

// Star-unpacking that Starlark lacks: starred assignment targets,
// starred items in displays (rewrite.go turns those into
// concatenations), set displays, dict displays with "**", and call
// arguments in orders Starlark rejects.

// starredIndex returns the position of the starred element of a tuple
// or list target, or -1. Two starred elements are a syntax error.
func (p *parser) starredIndex(list []starsyntax.Expr) int {
	found := -1
	for k, x := range list {
		if star, ok := x.(*starsyntax.UnaryExpr); ok && star.Op == starsyntax.STAR {
			if found >= 0 {
				p.failAt(star.OpPos, "multiple starred expressions in assignment")
			}
			found = k
		}
	}
	return found
}

// targetList returns the elements of a tuple or list target, looking
// through parentheses.
func targetList(target starsyntax.Expr) ([]starsyntax.Expr, bool) {
	switch t := target.(type) {
	case *starsyntax.TupleExpr:
		return t.List, true
	case *starsyntax.ListExpr:
		return t.List, true
	case *starsyntax.ParenExpr:
		return targetList(t.X)
	}
	return nil, false
}

// hasStarred reports whether a target has a starred element at its top
// level.
func hasStarred(target starsyntax.Expr) bool {
	list, ok := targetList(target)
	if !ok {
		return false
	}
	for _, x := range list {
		if star, ok := x.(*starsyntax.UnaryExpr); ok && star.Op == starsyntax.STAR {
			return true
		}
	}
	return false
}

// unpackStarred rewrites "a, *b, c = v" into "a, b, c = __unpack__(v,
// 1, 1)": __unpack__ checks the length and gathers the middle into a
// list. Targets without a starred element pass through.
func (p *parser) unpackStarred(target, value starsyntax.Expr) (starsyntax.Expr, starsyntax.Expr) {
	if star, ok := target.(*starsyntax.UnaryExpr); ok && star.Op == starsyntax.STAR {
		p.failAt(star.OpPos, "a starred assignment target must be in a list or tuple")
	}
	list, ok := targetList(target)
	if !ok {
		return target, value
	}
	k := p.starredIndex(list)
	if k < 0 {
		return target, value
	}
	star := list[k].(*starsyntax.UnaryExpr)
	list[k] = star.X
	pos := star.OpPos
	call := p.call("__unpack__", pos, value, p.intLit(int64(k), pos), p.intLit(int64(len(list)-k-1), pos))
	return target, call
}

// assignTarget returns the statements that assign value to target.
func (p *parser) assignTarget(target, value starsyntax.Expr, pos starsyntax.Position) []starsyntax.Stmt {
	target, value = p.unpackStarred(target, value)
	return []starsyntax.Stmt{p.assign(target, value, pos)}
}

// forTarget handles a starred for-loop target, "for a, *b in x": the
// loop binds a hidden variable and the body starts by unpacking it.
func (p *parser) forTarget(vars starsyntax.Expr, body []starsyntax.Stmt) (starsyntax.Expr, []starsyntax.Stmt) {
	vars = p.target(vars, true)
	if star, ok := vars.(*starsyntax.UnaryExpr); ok {
		p.failAt(star.OpPos, "a starred assignment target must be in a list or tuple")
	}
	if !hasStarred(vars) {
		return vars, body
	}
	pos := starsyntax.Start(vars)
	item := p.ident(p.hiddenName("item"), pos)
	unpack := p.assignTarget(vars, item, pos)
	return item, append(unpack, body...)
}

// parseStarredTest parses an element of a tuple, list or set display,
// which may be "*iterable".
func (p *parser) parseStarredTest() starsyntax.Expr {
	if p.isOp("*") {
		star := p.next()
		return &starsyntax.UnaryExpr{OpPos: p.pos(star), Op: starsyntax.STAR, X: p.parseBitOr()}
	}
	return p.parseTest()
}

// normalizeArgs puts call arguments into the order Starlark accepts:
// positional, keyword, *args, **kwargs. Python also allows several
// *args and **kwargs and positional arguments after *args. Such a call
// gathers its positional arguments into one *__itertuple__ sum and its
// keyword arguments into one **__kwargs__(...) merge, which raises
// TypeError on a repeated keyword.
func (p *parser) normalizeArgs(args []starsyntax.Expr) []starsyntax.Expr {
	var positional, keywords []starsyntax.Expr
	stars, starStars := 0, 0
	mixedPositional, mixedKeywords := false, false
	for _, arg := range args {
		switch {
		case isUnary(arg, starsyntax.STAR):
			stars++
			positional = append(positional, arg)
		case isUnary(arg, starsyntax.STARSTAR):
			starStars++
			keywords = append(keywords, arg)
		case isKeyword(arg):
			if starStars > 0 {
				mixedKeywords = true
			}
			keywords = append(keywords, arg)
		default:
			if stars > 0 {
				mixedPositional = true
			}
			positional = append(positional, arg)
		}
	}
	if stars > 1 || mixedPositional {
		positional = []starsyntax.Expr{p.gatherPositional(positional)}
	}
	if starStars > 1 || mixedKeywords {
		keywords = []starsyntax.Expr{p.gatherKeywords(keywords)}
	}
	var out []starsyntax.Expr
	var star, starStar starsyntax.Expr
	for _, arg := range positional {
		if isUnary(arg, starsyntax.STAR) {
			star = arg
		} else {
			out = append(out, arg)
		}
	}
	for _, arg := range keywords {
		if isUnary(arg, starsyntax.STARSTAR) {
			starStar = arg
		} else {
			out = append(out, arg)
		}
	}
	if star != nil {
		out = append(out, star)
	}
	if starStar != nil {
		out = append(out, starStar)
	}
	return out
}

func isUnary(e starsyntax.Expr, op starsyntax.Token) bool {
	u, ok := e.(*starsyntax.UnaryExpr)
	return ok && u.Op == op
}

func isKeyword(e starsyntax.Expr) bool {
	b, ok := e.(*starsyntax.BinaryExpr)
	return ok && b.Op == starsyntax.EQ
}

// gatherPositional turns positional arguments with stars into one
// *args: *((a,) + __itertuple__(b) + (c,)).
func (p *parser) gatherPositional(args []starsyntax.Expr) starsyntax.Expr {
	pos := starsyntax.Start(args[0])
	elems := append([]starsyntax.Expr(nil), args...)
	tuple := p.tuple(pos, elems...)
	return &starsyntax.UnaryExpr{OpPos: pos, Op: starsyntax.STAR, X: tuple}
}

// gatherKeywords turns keyword arguments with several ** into one
// **__kwargs__(...), whose arguments are dicts: {"k": v} for k=v and
// the operand of each **.
func (p *parser) gatherKeywords(args []starsyntax.Expr) starsyntax.Expr {
	pos := starsyntax.Start(args[0])
	var dicts []starsyntax.Expr
	for _, arg := range args {
		if u, ok := arg.(*starsyntax.UnaryExpr); ok {
			dicts = append(dicts, u.X)
			continue
		}
		kw := arg.(*starsyntax.BinaryExpr)
		name := kw.X.(*starsyntax.Ident)
		entry := &starsyntax.DictEntry{Key: p.str(name.Name, name.NamePos), Colon: kw.OpPos, Value: kw.Y}
		dicts = append(dicts, &starsyntax.DictExpr{Lbrace: kw.OpPos, List: []starsyntax.Expr{entry}, Rbrace: kw.OpPos})
	}
	return &starsyntax.UnaryExpr{OpPos: pos, Op: starsyntax.STARSTAR, X: p.call("__kwargs__", pos, dicts...)}
}
