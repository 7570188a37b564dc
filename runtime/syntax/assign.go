package syntax

import (
	starsyntax "go.starlark.net/syntax"
)

// augmentedOps maps Python's augmented assignment operators to the
// Starlark tokens that have them natively.
var augmentedOps = map[string]starsyntax.Token{
	"+=": starsyntax.PLUS_EQ, "-=": starsyntax.MINUS_EQ, "*=": starsyntax.STAR_EQ,
	"/=": starsyntax.SLASH_EQ, "//=": starsyntax.SLASHSLASH_EQ,
	"&=": starsyntax.AMP_EQ, "|=": starsyntax.PIPE_EQ, "^=": starsyntax.CIRCUMFLEX_EQ,
	"<<=": starsyntax.LTLT_EQ, ">>=": starsyntax.GTGT_EQ,
}

// desugaredAugmentedOps maps the augmented operators Starlark lacks to
// the runtime builtin that computes them: x **= y is x = __pow__(x, y).
var desugaredAugmentedOps = map[string]string{"**=": "__pow__", "@=": "__matmul__", "%=": "__mod__"}

// parseExprStatement parses an expression statement, an assignment
// (possibly chained, a = b = v), an augmented assignment or an
// annotated assignment.
func (p *parser) parseExprStatement() []starsyntax.Stmt {
	start := p.i
	first := *p.tok()
	lhs := p.parseTestList()
	t := *p.tok()
	if t.kind == tOp {
		switch {
		case t.text == "=":
			return []starsyntax.Stmt{p.parseAssignment(lhs)}
		case t.text == ":":
			return p.parseAnnotated(lhs)
		case augmentedOps[t.text] != 0:
			return p.parseAugmented(start, lhs)
		case desugaredAugmentedOps[t.text] != "":
			return []starsyntax.Stmt{p.parseDesugaredAugmented(start, lhs)}
		}
	}
	if first.kind == tOp && first.text == "..." && p.i == start+1 {
		return []starsyntax.Stmt{p.pass(p.pos(first))} // "..." as a placeholder body
	}
	return []starsyntax.Stmt{&starsyntax.ExprStmt{X: lhs}}
}

// parseAssignment parses "= value" after the first target. A chain
// a = b = v becomes (a, b) = (v,) * 2, which evaluates v once and
// assigns the targets left to right as Python does.
func (p *parser) parseAssignment(first starsyntax.Expr) starsyntax.Stmt {
	eq := p.next()
	exprs := []starsyntax.Expr{first, p.parseAssignedValue()}
	for p.acceptOp("=") {
		exprs = append(exprs, p.parseAssignedValue())
	}
	value := exprs[len(exprs)-1]
	targets := exprs[:len(exprs)-1]
	for k, target := range targets {
		targets[k] = p.target(target, true)
	}
	pos := p.pos(eq)
	if len(targets) == 1 {
		target, value := p.unpackStarred(targets[0], value)
		return p.assign(target, value, pos)
	}
	for _, target := range targets {
		if hasStarred(target) {
			p.failAt(starsyntax.Start(target), "a starred target in a chained assignment is not supported; assign in two statements")
		}
	}
	repeated := &starsyntax.BinaryExpr{
		X:     p.tuple(pos, value),
		OpPos: pos,
		Op:    starsyntax.STAR,
		Y:     p.intLit(int64(len(targets)), pos),
	}
	return p.assign(p.tuple(starsyntax.Start(targets[0]), targets...), repeated, pos)
}

// parseAssignedValue parses the right-hand side of an assignment.
func (p *parser) parseAssignedValue() starsyntax.Expr {
	if p.isKw("yield") {
		p.fail(*p.tok(), "yield as a value is not supported yet; use a yield statement")
	}
	return p.parseTestList()
}

// parseAugmented parses x op= y into x = __augassign__(x, "op=", y),
// which updates lists, sets and dicts in place and counts a bool x as an
// int, as CPython does. A target that would not evaluate again without
// side effects, such as m[f()][j] or f().x, first stores its container
// and index in hidden variables, so each part runs once and in Python's
// order: container, index, the load, y, then the store.
func (p *parser) parseAugmented(start int, lhs starsyntax.Expr) []starsyntax.Stmt {
	opTok := p.next()
	pos := p.pos(opTok)
	var prefix []starsyntax.Stmt
	var target, read starsyntax.Expr
	if x, i, at, ok := p.subscriptOf(lhs); ok && at.slice == nil && !isRereadable(p.target(lhs, false)) {
		prefix, target, read = p.hiddenSubscript(x, i, at, pos)
	} else if dot, ok := lhs.(*starsyntax.DotExpr); ok && !isNameChain(dot) {
		container := p.ident(p.hiddenName("container"), pos)
		prefix = []starsyntax.Stmt{p.assign(container, dot.X, pos)}
		target = &starsyntax.DotExpr{X: container, Dot: dot.Dot, NamePos: dot.NamePos, Name: dot.Name}
		read = &starsyntax.DotExpr{X: p.ident(container.Name, pos), Dot: dot.Dot, NamePos: dot.NamePos, Name: p.ident(dot.Name.Name, dot.NamePos)}
	} else {
		target = p.target(lhs, false)
		if !isRereadable(target) {
			// NOTE: a slice target such as f()[a:b] += y keeps
			// Starlark's operator, so a bool target raises TypeError.
			op := augmentedOps[opTok.text]
			return []starsyntax.Stmt{&starsyntax.AssignStmt{OpPos: pos, Op: op, LHS: target, RHS: p.boolOperand(op, p.parseAssignedValue())}}
		}
		end := p.i
		p.i = start
		read = p.parseTestList()
		p.i = end
	}
	value := p.parseAssignedValue()
	update := p.assign(target, p.call("__augassign__", pos, read, p.str(opTok.text, pos), value), pos)
	return append(prefix, update)
}

// hiddenSubscript stores the container x and the index i of an
// augmented target x[i] in hidden variables. It returns those
// assignments, the store target and the load of the target.
func (p *parser) hiddenSubscript(x, i starsyntax.Expr, at subscriptBrackets, pos starsyntax.Position) ([]starsyntax.Stmt, starsyntax.Expr, starsyntax.Expr) {
	container := p.hiddenName("container")
	index := p.hiddenName("index")
	prefix := []starsyntax.Stmt{
		p.assign(p.ident(container, pos), x, pos),
		p.assign(p.ident(index, pos), p.call("__index__", starsyntax.Start(i), p.ident(container, pos), i), pos),
	}
	target := &starsyntax.IndexExpr{X: p.ident(container, pos), Lbrack: at.lbrack, Y: p.ident(index, pos), Rbrack: at.rbrack}
	read := p.getItem(p.ident(container, pos), p.ident(index, pos), at.lbrack, at.rbrack)
	return prefix, target, read
}

// parseDesugaredAugmented turns x **= y into x = __pow__(x, y). The
// target is parsed a second time from its tokens so that the read and
// the write are distinct syntax nodes.
func (p *parser) parseDesugaredAugmented(start int, lhs starsyntax.Expr) starsyntax.Stmt {
	opTok := p.next()
	target := p.target(lhs, false)
	end := p.i
	p.i = start
	read := p.parseTestList()
	p.i = end
	pos := p.pos(opTok)
	// NOTE: unlike x += y, a target such as a[f()] is evaluated twice.
	value := p.call(desugaredAugmentedOps[opTok.text], pos, read, p.parseAssignedValue())
	return p.assign(target, value, pos)
}

// parseAnnotated parses "target: annotation [= value]". The annotation
// is dropped; without a value the statement binds nothing.
func (p *parser) parseAnnotated(lhs starsyntax.Expr) []starsyntax.Stmt {
	colon := p.next()
	switch lhs.(type) {
	case *starsyntax.Ident, *starsyntax.DotExpr, *starsyntax.IndexExpr, *starsyntax.SliceExpr:
	default:
		if _, _, _, ok := p.subscriptOf(lhs); ok {
			break
		}
		p.failAt(starsyntax.Start(lhs), "only a single name, attribute or subscript can be annotated")
	}
	p.parseTest()
	if !p.isOp("=") {
		return nil
	}
	p.next()
	return []starsyntax.Stmt{p.assign(p.target(lhs, false), p.parseAssignedValue(), p.pos(colon))}
}

// target checks that e can be assigned to and rewrites a lone slice
// x[a:b] into x[slice(a, b, None)], since Starlark cannot assign to a
// slice expression. allowTuple permits tuple and list targets.
func (p *parser) target(e starsyntax.Expr, allowTuple bool) starsyntax.Expr {
	if x, i, at, ok := p.subscriptOf(e); ok {
		return &starsyntax.IndexExpr{X: x, Lbrack: at.lbrack, Y: p.storeIndex(x, i, at), Rbrack: at.rbrack}
	}
	switch e := e.(type) {
	case *starsyntax.Ident:
		switch e.Name {
		case "True", "False", "None", "__debug__":
			p.failAt(e.NamePos, "cannot assign to %s", e.Name)
		}
		return e
	case *starsyntax.DotExpr, *starsyntax.IndexExpr:
		return e
	case *starsyntax.SliceExpr:
		return &starsyntax.IndexExpr{X: e.X, Lbrack: e.Lbrack, Y: p.sliceCall(e.Lbrack, e.Lo, e.Hi, e.Step), Rbrack: e.Rbrack}
	case *starsyntax.ParenExpr:
		e.X = p.target(e.X, allowTuple)
		return e
	case *starsyntax.UnaryExpr:
		if e.Op == starsyntax.STAR && allowTuple && e.X != nil {
			e.X = p.target(e.X, true)
			return e
		}
	case *starsyntax.TupleExpr:
		if allowTuple {
			p.targets(e.List)
			return e
		}
	case *starsyntax.ListExpr:
		if allowTuple {
			p.targets(e.List)
			return e
		}
	}
	if allowTuple {
		p.failAt(starsyntax.Start(e), "cannot assign to this expression; a target must be a name, attribute, subscript, tuple or list")
	}
	p.failAt(starsyntax.Start(e), "cannot assign to this expression; an augmented or annotated target must be a name, attribute or subscript")
	return nil
}

func (p *parser) targets(list []starsyntax.Expr) {
	for k, elem := range list {
		list[k] = p.target(elem, true)
	}
}

// parseTargetList parses the comma-separated targets of a for loop or
// comprehension, stopping before "in".
func (p *parser) parseTargetList() starsyntax.Expr {
	first := p.parseStarredBitOr()
	if !p.isOp(",") {
		return first
	}
	list := []starsyntax.Expr{first}
	for p.acceptOp(",") && !p.isKw("in") {
		list = append(list, p.parseStarredBitOr())
	}
	return &starsyntax.TupleExpr{List: list}
}

// parseStarredBitOr parses a for-loop target item, which may be starred.
func (p *parser) parseStarredBitOr() starsyntax.Expr {
	if p.isOp("*") {
		star := p.next()
		return &starsyntax.UnaryExpr{OpPos: p.pos(star), Op: starsyntax.STAR, X: p.parseBitOr()}
	}
	return p.parseBitOr()
}

// parseDel desugars "del x[k]" into __delitem__(x, k), "del a.b" into
// __delattr__(a, "b") and "del x" into __delname__(<cells>, "x").
func (p *parser) parseDel() []starsyntax.Stmt {
	p.next()
	var stmts []starsyntax.Stmt
	for {
		stmts = append(stmts, p.deleteTarget(p.parseBitOr())...)
		if !p.acceptOp(",") || !p.startsExpr() {
			return stmts
		}
	}
}

func (p *parser) deleteTarget(e starsyntax.Expr) []starsyntax.Stmt {
	if x, i, at, ok := p.subscriptOf(e); ok {
		return []starsyntax.Stmt{&starsyntax.ExprStmt{X: p.call("__delitem__", at.lbrack, x, p.storeIndex(x, i, at))}}
	}
	switch e := e.(type) {
	case *starsyntax.IndexExpr:
		return []starsyntax.Stmt{&starsyntax.ExprStmt{X: p.call("__delitem__", e.Lbrack, e.X, e.Y)}}
	case *starsyntax.SliceExpr:
		index := p.sliceCall(e.Lbrack, e.Lo, e.Hi, e.Step)
		return []starsyntax.Stmt{&starsyntax.ExprStmt{X: p.call("__delitem__", e.Lbrack, e.X, index)}}
	case *starsyntax.DotExpr:
		return []starsyntax.Stmt{&starsyntax.ExprStmt{X: p.call("__delattr__", e.Dot, e.X, p.str(e.Name.Name, e.NamePos))}}
	case *starsyntax.ParenExpr:
		return p.deleteTarget(e.X)
	case *starsyntax.TupleExpr:
		return p.deleteTargets(e.List)
	case *starsyntax.ListExpr:
		return p.deleteTargets(e.List)
	case *starsyntax.Ident:
		// The scope pass turns this marker into a deletion from cells.
		return []starsyntax.Stmt{&starsyntax.ExprStmt{X: p.call("__delname__", e.NamePos, e)}}
	}
	p.failAt(starsyntax.Start(e), "cannot delete this expression; del takes a subscript or an attribute")
	return nil
}

func (p *parser) deleteTargets(list []starsyntax.Expr) []starsyntax.Stmt {
	var stmts []starsyntax.Stmt
	for _, elem := range list {
		stmts = append(stmts, p.deleteTarget(elem)...)
	}
	return stmts
}
