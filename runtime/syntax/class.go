package syntax

import (
	starsyntax "go.starlark.net/syntax"
)

// parseClass desugars a class statement. The body becomes a function
// that runs the body and returns the names it bound:
//
//	def <class C>():
//	    body...
//	    return {"n1": n1, ...}
//	C = __class__("C", (B1, B2), <class C>, "docstring")
//
// The body function's name is not an identifier, so user code cannot
// collide with it, and a backtrace through the body reads "in <class C>".
// Keyword arguments in the header, such as metaclass=M, are dropped.
//
// Methods do not see the names the class body binds, as in Python: the
// scope pass renames a class-body name that a method also uses (see
// nameScope.shadowed), so the method's use resolves past the class.
func (p *parser) parseClass(decorators []decorator) []starsyntax.Stmt {
	classTok := p.next()
	nameTok := p.expectName()
	pos := p.pos(classTok)
	var bases []starsyntax.Expr
	if p.isOp("(") {
		bases = p.parseClassBases()
	}
	p.expectOp(":")

	sc := p.pushScope(&scope{kind: classScope, className: nameTok.text, qualname: p.qualify(nameTok.text)})
	restore := p.enterFunction()
	body := p.parseBlock("class definition", classTok.line)
	restore()
	p.popScope()

	bodyName := "<class " + nameTok.text + ">"
	var entries []starsyntax.Expr
	for _, name := range boundNames(body) {
		entries = append(entries, &starsyntax.DictEntry{Key: p.str(name, pos), Colon: pos, Value: p.ident(name, pos)})
	}
	ret := &starsyntax.ReturnStmt{Return: pos, Result: &starsyntax.DictExpr{Lbrace: pos, List: entries, Rbrace: pos}}
	bodyFn := &starsyntax.DefStmt{
		Def:    pos,
		Name:   p.ident(bodyName, p.pos(nameTok)),
		Lparen: pos,
		Rparen: pos,
		Body:   append(body, ret),
	}
	p.decls[bodyFn] = sc.decls
	var class starsyntax.Expr = p.call("__class__", pos,
		p.str(nameTok.text, p.pos(nameTok)),
		p.tuple(pos, bases...),
		p.ident(bodyName, pos),
		p.str(docstring(body), pos))
	stmts, decorators := p.hoistDecorators(decorators, nameTok.text)
	class = p.decorate(decorators, class)
	return append(stmts, bodyFn, p.assign(p.ident(nameTok.text, p.pos(nameTok)), class, pos))
}

// parseClassBases parses "(B1, B2, kw=v)" and returns the positional bases.
func (p *parser) parseClassBases() []starsyntax.Expr {
	p.expectOp("(")
	var bases []starsyntax.Expr
	for !p.isOp(")") {
		if p.isOp("*") || p.isOp("**") {
			p.fail(*p.tok(), "class bases with '*' or '**' are not supported")
		}
		base := p.parseTest()
		if p.acceptOp("=") {
			if _, ok := base.(*starsyntax.Ident); !ok {
				p.failAt(starsyntax.Start(base), "keyword argument must be a name")
			}
			p.parseTest() // keyword arguments such as metaclass=M are dropped
		} else {
			bases = append(bases, base)
		}
		if !p.acceptOp(",") {
			break
		}
	}
	p.expectOp(")")
	return bases
}

// docstring returns the string literal that opens body, or "".
func docstring(body []starsyntax.Stmt) string {
	if len(body) == 0 {
		return ""
	}
	stmt, ok := body[0].(*starsyntax.ExprStmt)
	if !ok {
		return ""
	}
	lit, ok := stmt.X.(*starsyntax.Literal)
	if !ok || lit.Token != starsyntax.STRING {
		return ""
	}
	return lit.Value.(string)
}

// boundNames lists, in first-binding order, the identifiers that stmts
// bind in their own scope: assignment and for-loop targets, defs, and
// names bound inside nested if, for and while blocks and block functions
// (see blocks.go), but not inside nested functions. Synthesised names
// that are not identifiers, such as a nested class's body function, are
// left out.
func boundNames(stmts []starsyntax.Stmt) []string {
	var names []string
	seen := map[string]bool{}
	add := func(id *starsyntax.Ident) {
		if !seen[id.Name] && isIdentifier(id.Name) {
			seen[id.Name] = true
			names = append(names, id.Name)
		}
	}
	var walk func([]starsyntax.Stmt)
	walk = func(stmts []starsyntax.Stmt) {
		for _, stmt := range stmts {
			switch stmt := stmt.(type) {
			case *starsyntax.AssignStmt:
				targetNames(stmt.LHS, add)
			case *starsyntax.DefStmt:
				if IsBlockFunction(stmt.Name.Name) {
					walk(stmt.Body)
				} else {
					add(stmt.Name)
				}
			case *starsyntax.ForStmt:
				targetNames(stmt.Vars, add)
				walk(stmt.Body)
			case *starsyntax.WhileStmt:
				walk(stmt.Body)
			case *starsyntax.IfStmt:
				walk(stmt.True)
				walk(stmt.False)
			}
		}
	}
	walk(stmts)
	return names
}

// targetNames calls add for each identifier an assignment target binds.
func targetNames(target starsyntax.Expr, add func(*starsyntax.Ident)) {
	switch target := target.(type) {
	case *starsyntax.Ident:
		add(target)
	case *starsyntax.TupleExpr:
		for _, elem := range target.List {
			targetNames(elem, add)
		}
	case *starsyntax.ListExpr:
		for _, elem := range target.List {
			targetNames(elem, add)
		}
	case *starsyntax.ParenExpr:
		targetNames(target.X, add)
	}
}

func isIdentifier(name string) bool {
	for i, r := range name {
		if !(r == '_' || r >= 0x80 || isLetter(byte(r)) || i > 0 && isDigit(byte(r))) {
			return false
		}
	}
	return name != ""
}

// superArgs returns the arguments for a zero-argument super() call at
// pos: the enclosing class and the method's first parameter.
func (p *parser) superArgs(pos starsyntax.Position) []starsyntax.Expr {
	method := p.scope
	if method.kind != defScope || method.parent.kind != classScope {
		p.failAt(pos, "super() without arguments is only supported inside a method")
	}
	if method.firstParam == "" {
		p.failAt(pos, "super() without arguments needs a method with a first positional parameter")
	}
	return []starsyntax.Expr{p.ident(method.parent.className, pos), p.ident(method.firstParam, pos)}
}
