package syntax

import (
	"sort"
	"strconv"
	"strings"

	starsyntax "go.starlark.net/syntax"
)

// Starlark functions cannot assign the variables of an enclosing
// function or of the module. Python code does so in three ways: from
// block functions (the try, except, else, finally and with bodies of
// blocks.go), through global and nonlocal declarations, and with
// "del name", which Starlark cannot express. Every such name lives in
// a cell object instead of a Starlark variable:
//
//	def f(n):                      def f(n):
//	    try:                           <cells 1> = __cells__()
//	        n = int(n)                 <cells 1>.n = n
//	    except ValueError:             def <try 2>():
//	        n = 0                          <cells 1>.n = int(<cells 1>.n)
//	    return n                       ...
//	                                   return <cells 1>.n
//
// The cells of a def are made on entry to it and named by its nesting
// depth, so a nested def can reach the cells of each enclosing def. The
// module's cells come from __module_cells__(names), and the runtime
// copies them back into the module's globals when the module finishes.
//
// The pass below resolves every name the way go.starlark.net does
// (a class body is an ordinary enclosing function, comprehension
// variables are local to the comprehension, a block function belongs to
// the def or module around it) and rewrites each use of a celled name
// into an attribute of the cells that hold it.

// declKind is the kind of a global or nonlocal declaration.
type declKind int8

const (
	declGlobal declKind = iota + 1
	declNonlocal
)

// declaration is a global or nonlocal declaration of a name.
type declaration struct {
	kind declKind
	pos  starsyntax.Position
}

// declare records a global or nonlocal declaration in s.
func (s *scope) declare(name string, kind declKind, pos starsyntax.Position) {
	if s.decls == nil {
		s.decls = map[string]declaration{}
	}
	s.decls[name] = declaration{kind, pos}
}

// cellsName returns the name of the cells of a def at the given depth
// (0 is the module).
func cellsName(depth int) string { return "<cells " + strconv.Itoa(depth) + ">" }

// nameScopeKind distinguishes the scopes the pass tracks.
type nameScopeKind int8

const (
	moduleNames nameScopeKind = iota
	functionNames
	comprehensionNames
)

// nameScope is one scope of the name-resolution pass.
type nameScope struct {
	parent *nameScope
	kind   nameScopeKind
	depth  int  // def nesting depth; the module is 0
	class  bool // the body function of a class statement
	// shadowed lists, for a class scope, the names it binds that nested
	// functions also use. The class body holds them under classAttrName,
	// so those functions see the enclosing binding, as in Python.
	shadowed map[string]bool
	decls    map[string]declaration
	params   []string
	bound    map[string]bool
	inBlock  map[string]bool // bound inside a block function
	deleted  map[string]bool
	celled   map[string]bool
}

func newNameScope(parent *nameScope, kind nameScopeKind) *nameScope {
	s := &nameScope{parent: parent, kind: kind, bound: map[string]bool{}, inBlock: map[string]bool{}, deleted: map[string]bool{}, celled: map[string]bool{}, shadowed: map[string]bool{}}
	if parent != nil {
		s.depth = parent.depth
		if kind == functionNames {
			s.depth++
		}
	}
	return s
}

func (s *nameScope) module() *nameScope {
	for s.parent != nil {
		s = s.parent
	}
	return s
}

// lookup returns the scope whose binding name refers to from s, or nil
// for a predeclared or undefined name.
func (s *nameScope) lookup(name string) *nameScope {
	for sc := s; sc != nil; sc = sc.parent {
		switch sc.decls[name].kind {
		case declGlobal:
			return s.module()
		case declNonlocal:
			continue
		}
		if sc.bound[name] && !(sc.shadowed[name] && sc != s) {
			return sc
		}
	}
	return nil
}

// classAttrName returns the name under which a class body holds a
// shadowed name (see nameScope.shadowed).
func classAttrName(name string) string { return "<class attr " + name + ">" }

// reference is a use of a name, recorded to find shadowed class names.
type reference struct {
	scope *nameScope
	name  string
}

// nonlocalOwner returns the enclosing def that binds name for a
// nonlocal declaration in s, or nil.
func (s *nameScope) nonlocalOwner(name string) *nameScope {
	for sc := s.parent; sc != nil && sc.kind != moduleNames; sc = sc.parent {
		if sc.kind == functionNames && sc.decls[name].kind == 0 && sc.bound[name] {
			return sc
		}
		if sc.decls[name].kind == declGlobal {
			return nil
		}
	}
	return nil
}

// scopePass holds the state of the name-resolution pass over a file.
type scopePass struct {
	p      *parser
	refs   []reference
	scopes map[starsyntax.Node]*nameScope
	order  []*nameScope // in the order the collect phase made them
	module *nameScope
}

// resolveCells runs the pass over the statements of a whole file.
func (p *parser) resolveCells(stmts []starsyntax.Stmt) []starsyntax.Stmt {
	sp := &scopePass{p: p, scopes: map[starsyntax.Node]*nameScope{}}
	sp.module = newNameScope(nil, moduleNames)
	sp.order = append(sp.order, sp.module)
	sp.collectStmts(stmts, sp.module, false)
	sp.computeCells()
	sp.computeShadowed()
	out := sp.rewriteStmts(stmts, sp.module)
	if names := sortedNames(sp.module.celled); len(names) > 0 {
		pos := starsyntax.MakePosition(p.filename, 1, 1)
		var elems []starsyntax.Expr
		for _, name := range names {
			elems = append(elems, p.str(name, pos))
		}
		make := p.call("__module_cells__", pos, p.tuple(pos, elems...))
		out = append([]starsyntax.Stmt{p.assign(p.ident(cellsName(0), pos), make, pos)}, out...)
	}
	return out
}

func sortedNames(set map[string]bool) []string {
	names := make([]string, 0, len(set))
	for name := range set {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// bind records that s binds name. inBlock marks a binding made inside a
// block function.
func (sp *scopePass) bind(s *nameScope, name string, inBlock bool) {
	if !isIdentifier(name) {
		return
	}
	s.bound[name] = true
	if inBlock {
		s.inBlock[name] = true
	}
}

func (sp *scopePass) bindTarget(e starsyntax.Expr, s *nameScope, inBlock bool) {
	switch e := e.(type) {
	case *starsyntax.Ident:
		sp.bind(s, e.Name, inBlock)
	case *starsyntax.TupleExpr:
		for _, x := range e.List {
			sp.bindTarget(x, s, inBlock)
		}
	case *starsyntax.ListExpr:
		for _, x := range e.List {
			sp.bindTarget(x, s, inBlock)
		}
	case *starsyntax.ParenExpr:
		sp.bindTarget(e.X, s, inBlock)
	case *starsyntax.UnaryExpr:
		if e.X != nil {
			sp.bindTarget(e.X, s, inBlock)
		}
	default:
		sp.collectExpr(e, s)
	}
}

func (sp *scopePass) collectStmts(stmts []starsyntax.Stmt, s *nameScope, inBlock bool) {
	for _, stmt := range stmts {
		sp.collectStmt(stmt, s, inBlock)
	}
}

func (sp *scopePass) collectStmt(stmt starsyntax.Stmt, s *nameScope, inBlock bool) {
	switch stmt := stmt.(type) {
	case *starsyntax.AssignStmt:
		sp.collectExpr(stmt.RHS, s)
		sp.bindTarget(stmt.LHS, s, inBlock)
	case *starsyntax.ExprStmt:
		if name, ok := deletedName(stmt); ok {
			sp.bind(s, name, inBlock)
			s.deleted[name] = true
			return
		}
		sp.collectExpr(stmt.X, s)
	case *starsyntax.DefStmt:
		if IsBlockFunction(stmt.Name.Name) {
			sp.collectStmts(stmt.Body, s, true)
			return
		}
		sp.bind(s, stmt.Name.Name, inBlock)
		sp.collectFunction(stmt, stmt.Params, s, func(inner *nameScope) {
			inner.class = strings.HasPrefix(stmt.Name.Name, "<class ")
			inner.decls = sp.p.decls[stmt]
			sp.collectStmts(stmt.Body, inner, false)
		})
	case *starsyntax.ForStmt:
		sp.collectExpr(stmt.X, s)
		sp.bindTarget(stmt.Vars, s, inBlock)
		sp.collectStmts(stmt.Body, s, inBlock)
	case *starsyntax.WhileStmt:
		sp.collectExpr(stmt.Cond, s)
		sp.collectStmts(stmt.Body, s, inBlock)
	case *starsyntax.IfStmt:
		sp.collectExpr(stmt.Cond, s)
		sp.collectStmts(stmt.True, s, inBlock)
		sp.collectStmts(stmt.False, s, inBlock)
	case *starsyntax.ReturnStmt:
		if stmt.Result != nil {
			sp.collectExpr(stmt.Result, s)
		}
	}
}

// collectFunction makes the scope of a def or lambda, binds its
// parameters and runs body in it. Default values belong to s.
func (sp *scopePass) collectFunction(node starsyntax.Node, params []starsyntax.Expr, s *nameScope, body func(*nameScope)) {
	inner := newNameScope(s, functionNames)
	sp.scopes[node] = inner
	sp.order = append(sp.order, inner)
	for _, param := range params {
		if bin, ok := param.(*starsyntax.BinaryExpr); ok {
			sp.collectExpr(bin.Y, s)
		}
	}
	for _, name := range paramNames(params) {
		inner.params = append(inner.params, name)
		sp.bind(inner, name, false)
	}
	body(inner)
}

// deletedName recognises the __delname__(x) statement that "del x"
// becomes.
func deletedName(stmt *starsyntax.ExprStmt) (string, bool) {
	call, ok := stmt.X.(*starsyntax.CallExpr)
	if !ok || len(call.Args) != 1 {
		return "", false
	}
	fn, ok := call.Fn.(*starsyntax.Ident)
	if !ok || fn.Name != "__delname__" {
		return "", false
	}
	id, ok := call.Args[0].(*starsyntax.Ident)
	if !ok {
		return "", false
	}
	return id.Name, true
}

func (sp *scopePass) collectExpr(e starsyntax.Expr, s *nameScope) {
	starsyntax.Walk(e, func(n starsyntax.Node) bool {
		switch n := n.(type) {
		case *starsyntax.Ident:
			sp.refs = append(sp.refs, reference{s, n.Name})
		case *starsyntax.DotExpr:
			sp.collectExpr(n.X, s)
			return false
		case *starsyntax.CallExpr:
			sp.collectExpr(n.Fn, s)
			for _, arg := range n.Args {
				if kw, ok := arg.(*starsyntax.BinaryExpr); ok && kw.Op == starsyntax.EQ {
					sp.collectExpr(kw.Y, s)
				} else {
					sp.collectExpr(arg, s)
				}
			}
			return false
		case *starsyntax.LambdaExpr:
			sp.collectFunction(n, n.Params, s, func(inner *nameScope) { sp.collectExpr(n.Body, inner) })
			return false
		case *starsyntax.Comprehension:
			sp.collectComprehension(n, s)
			return false
		}
		return true
	})
}

func (sp *scopePass) collectComprehension(c *starsyntax.Comprehension, s *nameScope) {
	inner := newNameScope(s, comprehensionNames)
	sp.scopes[c] = inner
	sp.order = append(sp.order, inner)
	for k, clause := range c.Clauses {
		switch clause := clause.(type) {
		case *starsyntax.ForClause:
			if k == 0 {
				sp.collectExpr(clause.X, s)
			} else {
				sp.collectExpr(clause.X, inner)
			}
			sp.bindTarget(clause.Vars, inner, false)
		case *starsyntax.IfClause:
			sp.collectExpr(clause.Cond, inner)
		}
	}
	sp.collectExpr(c.Body, inner)
}

// computeCells decides which names live in cells.
func (sp *scopePass) computeCells() {
	for _, s := range sp.order {
		for name := range s.decls {
			delete(s.bound, name)
		}
	}
	for _, s := range sp.order {
		for _, name := range sortedDecls(s.decls) {
			decl := s.decls[name]
			switch decl.kind {
			case declGlobal:
				sp.module.celled[name] = true
				sp.module.bound[name] = true
			case declNonlocal:
				owner := s.nonlocalOwner(name)
				if owner == nil {
					sp.p.failAt(decl.pos, "no binding for nonlocal '%s' found", name)
				}
				owner.celled[name] = true
			}
		}
	}
	for _, s := range sp.order {
		for name := range s.inBlock {
			if s.decls[name].kind == 0 {
				s.celled[name] = true
			}
		}
		for name := range s.deleted {
			if s.decls[name].kind == 0 {
				s.celled[name] = true
			}
		}
	}
}

func sortedDecls(decls map[string]declaration) []string {
	names := make([]string, 0, len(decls))
	for name := range decls {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// computeShadowed finds the names of class scopes that nested functions
// use. Python resolves those uses past the class body, but
// go.starlark.net would resolve them to the class body's variable.
func (sp *scopePass) computeShadowed() {
	for _, ref := range sp.refs {
		owner := ref.scope.lookup(ref.name)
		if owner != nil && owner.class && owner != ref.scope && !owner.celled[ref.name] {
			owner.shadowed[ref.name] = true
		}
	}
}
