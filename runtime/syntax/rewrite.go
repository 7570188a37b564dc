package syntax

import (
	starsyntax "go.starlark.net/syntax"
)

// The rewrite phase of the scope pass turns every use of a celled name
// into an attribute of the cells that hold it, and each def that owns
// cells makes them on entry. It also turns starred items in tuple, list
// and set displays into concatenations.

// rewriteStmts rewrites a block of statements. An empty block stays
// nil, because go.starlark.net marks a missing else clause with nil.
func (sp *scopePass) rewriteStmts(stmts []starsyntax.Stmt, s *nameScope) []starsyntax.Stmt {
	if len(stmts) == 0 {
		return nil
	}
	out := make([]starsyntax.Stmt, 0, len(stmts))
	for _, stmt := range stmts {
		out = append(out, sp.rewriteStmt(stmt, s)...)
	}
	return out
}

func (sp *scopePass) rewriteStmt(stmt starsyntax.Stmt, s *nameScope) []starsyntax.Stmt {
	switch stmt := stmt.(type) {
	case *starsyntax.AssignStmt:
		stmt.RHS = sp.value(stmt.RHS, s)
		stmt.LHS = sp.targetExpr(stmt.LHS, s)
	case *starsyntax.ExprStmt:
		if name, ok := deletedName(stmt); ok {
			return []starsyntax.Stmt{sp.deleteStmt(stmt, name, s)}
		}
		stmt.X = sp.value(stmt.X, s)
	case *starsyntax.DefStmt:
		return sp.rewriteDef(stmt, s)
	case *starsyntax.ForStmt:
		stmt.X = sp.loopOperand(sp.value(stmt.X, s))
		stmt.Vars = sp.targetExpr(stmt.Vars, s)
		stmt.Body = sp.rewriteStmts(stmt.Body, s)
	case *starsyntax.WhileStmt:
		stmt.Cond = sp.value(stmt.Cond, s)
		stmt.Body = sp.rewriteStmts(stmt.Body, s)
	case *starsyntax.IfStmt:
		stmt.Cond = sp.value(stmt.Cond, s)
		stmt.True = sp.rewriteStmts(stmt.True, s)
		stmt.False = sp.rewriteStmts(stmt.False, s)
	case *starsyntax.ReturnStmt:
		if stmt.Result != nil {
			stmt.Result = sp.value(stmt.Result, s)
		}
	}
	return []starsyntax.Stmt{stmt}
}

// deleteStmt turns "del name" into __delname__(<cells>, "name").
func (sp *scopePass) deleteStmt(stmt *starsyntax.ExprStmt, name string, s *nameScope) starsyntax.Stmt {
	call := stmt.X.(*starsyntax.CallExpr)
	pos := call.Lparen
	owner := s.lookup(name)
	if owner == nil {
		owner = s
	}
	call.Args = []starsyntax.Expr{sp.p.ident(cellsName(owner.depth), pos), sp.p.str(name, pos)}
	return stmt
}

// rewriteDef rewrites a def. A block function's body belongs to s. A
// real def gets its own scope and, when it owns cells, a prologue that
// makes them and copies the celled parameters into them.
func (sp *scopePass) rewriteDef(def *starsyntax.DefStmt, s *nameScope) []starsyntax.Stmt {
	if IsBlockFunction(def.Name.Name) {
		def.Body = sp.rewriteStmts(def.Body, s)
		return []starsyntax.Stmt{def}
	}
	inner := sp.scopes[def]
	sp.rewriteParams(def.Params, s)
	body := sp.rewriteStmts(def.Body, inner)
	def.Body = append(sp.prologue(inner, def.Def), body...)
	out := []starsyntax.Stmt{def}
	if cell := sp.cellRef(def.Name.Name, def.Name.NamePos, s); cell != nil {
		out = append(out, sp.p.assign(cell, sp.p.ident(def.Name.Name, def.Name.NamePos), def.Def))
	}
	sp.renameShadowed(def.Name, s)
	return out
}

func (sp *scopePass) rewriteParams(params []starsyntax.Expr, s *nameScope) {
	for _, param := range params {
		if bin, ok := param.(*starsyntax.BinaryExpr); ok {
			bin.Y = sp.value(bin.Y, s)
		}
	}
}

// prologue returns the statements that make the cells of a def and copy
// its celled parameters into them.
func (sp *scopePass) prologue(s *nameScope, pos starsyntax.Position) []starsyntax.Stmt {
	if len(s.celled) == 0 {
		return nil
	}
	name := cellsName(s.depth)
	stmts := []starsyntax.Stmt{sp.p.assign(sp.p.ident(name, pos), sp.p.call("__cells__", pos), pos)}
	for _, param := range s.params {
		if s.celled[param] {
			stmts = append(stmts, sp.p.assign(sp.cellAttr(name, param, pos), sp.p.ident(param, pos), pos))
		}
	}
	return stmts
}

func (sp *scopePass) cellAttr(cells, name string, pos starsyntax.Position) *starsyntax.DotExpr {
	return &starsyntax.DotExpr{X: sp.p.ident(cells, pos), Dot: pos, NamePos: pos, Name: sp.p.ident(name, pos)}
}

// cellRef returns the cell attribute that name refers to from s, or nil
// when it is an ordinary variable.
func (sp *scopePass) cellRef(name string, pos starsyntax.Position, s *nameScope) starsyntax.Expr {
	if !isIdentifier(name) {
		return nil
	}
	owner := s.lookup(name)
	if owner == nil || !owner.celled[name] {
		return nil
	}
	return sp.cellAttr(cellsName(owner.depth), name, pos)
}

// renameShadowed renames a class body's use of a shadowed name.
func (sp *scopePass) renameShadowed(id *starsyntax.Ident, s *nameScope) {
	if s.class && s.shadowed[id.Name] && s.lookup(id.Name) == s {
		id.Name = classAttrName(id.Name)
	}
}

// targetExpr rewrites an assignment target.
func (sp *scopePass) targetExpr(e starsyntax.Expr, s *nameScope) starsyntax.Expr {
	switch e := e.(type) {
	case *starsyntax.Ident:
		if cell := sp.cellRef(e.Name, e.NamePos, s); cell != nil {
			return cell
		}
		sp.renameShadowed(e, s)
		return e
	case *starsyntax.TupleExpr:
		for k, x := range e.List {
			e.List[k] = sp.targetExpr(x, s)
		}
		return e
	case *starsyntax.ListExpr:
		for k, x := range e.List {
			e.List[k] = sp.targetExpr(x, s)
		}
		return e
	case *starsyntax.ParenExpr:
		e.X = sp.targetExpr(e.X, s)
		return e
	case *starsyntax.UnaryExpr:
		if e.Op == starsyntax.STAR {
			sp.p.failAt(e.OpPos, "a starred assignment target must be directly in a tuple or list of targets")
		}
	case *starsyntax.DotExpr:
		// An attribute target stays an attribute, even one such as
		// self.count whose read becomes __attr__.
		e.X = sp.value(e.X, s)
		return e
	}
	return sp.value(e, s)
}

// value rewrites an expression evaluated for its value.
func (sp *scopePass) value(e starsyntax.Expr, s *nameScope) starsyntax.Expr {
	switch e := e.(type) {
	case *starsyntax.Ident:
		if cell := sp.cellRef(e.Name, e.NamePos, s); cell != nil {
			return cell
		}
		sp.renameShadowed(e, s)
		return e
	case *starsyntax.Literal:
		return e
	case *starsyntax.ParenExpr:
		e.X = sp.value(e.X, s)
		return e
	case *starsyntax.TupleExpr:
		sp.values(e.List, s)
		return sp.expandStarred(e, e.List, e.Lparen, false)
	case *starsyntax.ListExpr:
		sp.values(e.List, s)
		return sp.expandStarred(e, e.List, e.Lbrack, true)
	case *starsyntax.DictExpr:
		for _, entry := range e.List {
			entry := entry.(*starsyntax.DictEntry)
			entry.Key = sp.value(entry.Key, s)
			entry.Value = sp.value(entry.Value, s)
		}
		return e
	case *starsyntax.CallExpr:
		e.Fn = sp.value(e.Fn, s)
		for k, arg := range e.Args {
			e.Args[k] = sp.argument(arg, s)
		}
		return e
	case *starsyntax.DotExpr:
		e.X = sp.value(e.X, s)
		if dunderAttrs[e.Name.Name] || pythonOnlyMethods[e.Name.Name] {
			return sp.p.call("__attr__", e.Dot, e.X, sp.p.str(e.Name.Name, e.NamePos))
		}
		return e
	case *starsyntax.IndexExpr:
		e.X = sp.value(e.X, s)
		e.Y = sp.value(e.Y, s)
		return e
	case *starsyntax.SliceExpr:
		e.X = sp.value(e.X, s)
		e.Lo = sp.optional(e.Lo, s)
		e.Hi = sp.optional(e.Hi, s)
		e.Step = sp.optional(e.Step, s)
		return e
	case *starsyntax.UnaryExpr:
		if e.Op == starsyntax.STAR || e.Op == starsyntax.STARSTAR {
			sp.p.failAt(e.OpPos, "a starred expression is only allowed in a call, or in a tuple, list or set display")
		}
		e.X = sp.value(e.X, s)
		return e
	case *starsyntax.BinaryExpr:
		e.X = sp.value(e.X, s)
		e.Y = sp.value(e.Y, s)
		return e
	case *starsyntax.CondExpr:
		e.Cond = sp.value(e.Cond, s)
		e.True = sp.value(e.True, s)
		e.False = sp.value(e.False, s)
		return e
	case *starsyntax.LambdaExpr:
		sp.rewriteParams(e.Params, s)
		e.Body = sp.value(e.Body, sp.scopes[e])
		return e
	case *starsyntax.Comprehension:
		return sp.comprehension(e, s)
	}
	return e
}

// dunderAttrs lists the attributes that Python gives every function,
// class or object but go.starlark.net values lack. Reading one becomes
// __attr__(x, name), which reads the attribute of x when it has one and
// otherwise returns what Python gives functions and builtins.
var dunderAttrs = map[string]bool{"__name__": true, "__qualname__": true, "__class__": true, "__doc__": true, "__module__": true}

// loopOperand wraps the iterable of a for loop or comprehension in
// __foriter__(x), which iterates a str by characters, as Python does,
// and passes anything else through.
func (sp *scopePass) loopOperand(x starsyntax.Expr) starsyntax.Expr {
	return sp.p.call("__foriter__", starsyntax.Start(x), x)
}

func (sp *scopePass) optional(e starsyntax.Expr, s *nameScope) starsyntax.Expr {
	if e == nil {
		return nil
	}
	return sp.value(e, s)
}

// values rewrites the elements of a display, keeping a starred element
// starred so expandStarred can find it.
func (sp *scopePass) values(list []starsyntax.Expr, s *nameScope) {
	for k, x := range list {
		if star, ok := x.(*starsyntax.UnaryExpr); ok && star.Op == starsyntax.STAR {
			star.X = sp.value(star.X, s)
			continue
		}
		list[k] = sp.value(x, s)
	}
}

// argument rewrites one argument of a call: a keyword argument's name
// stays as it is, and *args and **kwargs are allowed.
func (sp *scopePass) argument(arg starsyntax.Expr, s *nameScope) starsyntax.Expr {
	switch arg := arg.(type) {
	case *starsyntax.BinaryExpr:
		if arg.Op == starsyntax.EQ {
			arg.Y = sp.value(arg.Y, s)
			return arg
		}
	case *starsyntax.UnaryExpr:
		if arg.Op == starsyntax.STAR || arg.Op == starsyntax.STARSTAR {
			arg.X = sp.value(arg.X, s)
			return arg
		}
	}
	return sp.value(arg, s)
}

func (sp *scopePass) comprehension(c *starsyntax.Comprehension, s *nameScope) starsyntax.Expr {
	inner := sp.scopes[c]
	for k, clause := range c.Clauses {
		switch clause := clause.(type) {
		case *starsyntax.ForClause:
			if k == 0 {
				clause.X = sp.loopOperand(sp.value(clause.X, s))
			} else {
				clause.X = sp.loopOperand(sp.value(clause.X, inner))
			}
			clause.Vars = sp.targetExpr(clause.Vars, inner)
		case *starsyntax.IfClause:
			clause.Cond = sp.value(clause.Cond, inner)
		}
	}
	if entry, ok := c.Body.(*starsyntax.DictEntry); ok {
		entry.Key = sp.value(entry.Key, inner)
		entry.Value = sp.value(entry.Value, inner)
	} else {
		c.Body = sp.value(c.Body, inner)
	}
	return c
}

// expandStarred turns a display with starred items, such as
// [a, *b, c], into a concatenation: [a] + __iterlist__(b) + [c]. A
// tuple display becomes tuples joined the same way.
func (sp *scopePass) expandStarred(display starsyntax.Expr, list []starsyntax.Expr, pos starsyntax.Position, isList bool) starsyntax.Expr {
	starred := false
	for _, x := range list {
		if star, ok := x.(*starsyntax.UnaryExpr); ok && star.Op == starsyntax.STAR {
			starred = true
		}
	}
	if !starred {
		return display
	}
	var parts []starsyntax.Expr
	var run []starsyntax.Expr
	flush := func() {
		if len(run) == 0 {
			return
		}
		if isList {
			parts = append(parts, &starsyntax.ListExpr{Lbrack: pos, List: run, Rbrack: pos})
		} else {
			parts = append(parts, sp.p.tuple(pos, run...))
		}
		run = nil
	}
	convert := "__itertuple__"
	if isList {
		convert = "__iterlist__"
	}
	for _, x := range list {
		star, ok := x.(*starsyntax.UnaryExpr)
		if !ok || star.Op != starsyntax.STAR {
			run = append(run, x)
			continue
		}
		flush()
		parts = append(parts, sp.p.call(convert, star.OpPos, star.X))
	}
	flush()
	result := parts[0]
	for _, part := range parts[1:] {
		result = &starsyntax.BinaryExpr{X: result, OpPos: pos, Op: starsyntax.PLUS, Y: part}
	}
	return result
}
