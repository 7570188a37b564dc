package runtime

import (
	"go.starlark.net/starlark"
	starsyntax "go.starlark.net/syntax"
)

// raiseUndefinedName is the predeclared name that replaces each read of
// a name no statement defines: __undefined__(name) raises the name's
// NameError when the read runs, as Python does, so `y = missing`
// raises at once and `try: missing` / `except NameError:` catches it.
const raiseUndefinedName = "__undefined__"

// replaceUndefinedReads rewrites the identifiers at the given positions,
// the reads go.starlark.net's resolver reported as undefined, into
// calls of __undefined__. Identifiers in node types it does not visit
// stay as they are and still resolve to their undefinedName.
func replaceUndefinedReads(f *starsyntax.File, at map[linePos]string) {
	r := undefinedRewriter{at: at}
	r.stmts(f.Stmts)
}

type undefinedRewriter struct {
	at map[linePos]string
}

// linePos is a position without its file, which differs between two
// parses of one source.
type linePos struct{ line, col int32 }

func posKey(p starsyntax.Position) linePos { return linePos{p.Line, p.Col} }

func (r undefinedRewriter) stmts(list []starsyntax.Stmt) {
	for _, st := range list {
		switch st := st.(type) {
		case *starsyntax.AssignStmt:
			st.RHS = r.expr(st.RHS)
			r.target(st.LHS)
		case *starsyntax.ExprStmt:
			st.X = r.expr(st.X)
		case *starsyntax.DefStmt:
			for i, p := range st.Params {
				if b, ok := p.(*starsyntax.BinaryExpr); ok && b.Op == starsyntax.EQ {
					b.Y = r.expr(b.Y)
				} else {
					st.Params[i] = p
				}
			}
			r.stmts(st.Body)
		case *starsyntax.ForStmt:
			st.X = r.expr(st.X)
			r.target(st.Vars)
			r.stmts(st.Body)
		case *starsyntax.WhileStmt:
			st.Cond = r.expr(st.Cond)
			r.stmts(st.Body)
		case *starsyntax.IfStmt:
			st.Cond = r.expr(st.Cond)
			r.stmts(st.True)
			r.stmts(st.False)
		case *starsyntax.ReturnStmt:
			if st.Result != nil {
				st.Result = r.expr(st.Result)
			}
		}
	}
}

// target visits the expressions inside an assignment target that are
// read, such as x and i in x[i] = v; the names it binds stay.
func (r undefinedRewriter) target(e starsyntax.Expr) {
	switch e := e.(type) {
	case *starsyntax.IndexExpr:
		e.X = r.expr(e.X)
		e.Y = r.expr(e.Y)
	case *starsyntax.DotExpr:
		e.X = r.expr(e.X)
	case *starsyntax.TupleExpr:
		for _, x := range e.List {
			r.target(x)
		}
	case *starsyntax.ListExpr:
		for _, x := range e.List {
			r.target(x)
		}
	case *starsyntax.ParenExpr:
		r.target(e.X)
	}
}

func (r undefinedRewriter) exprs(list []starsyntax.Expr) {
	for i, x := range list {
		list[i] = r.expr(x)
	}
}

func (r undefinedRewriter) expr(e starsyntax.Expr) starsyntax.Expr {
	switch e := e.(type) {
	case nil:
		return nil
	case *starsyntax.Ident:
		if name, ok := r.at[posKey(e.NamePos)]; ok && name == e.Name {
			return &starsyntax.CallExpr{
				Fn:     &starsyntax.Ident{NamePos: e.NamePos, Name: raiseUndefinedName},
				Lparen: e.NamePos,
				Args:   []starsyntax.Expr{&starsyntax.Literal{Token: starsyntax.STRING, TokenPos: e.NamePos, Raw: `"` + name + `"`, Value: name}},
				Rparen: e.NamePos,
			}
		}
	case *starsyntax.ParenExpr:
		e.X = r.expr(e.X)
	case *starsyntax.TupleExpr:
		r.exprs(e.List)
	case *starsyntax.ListExpr:
		r.exprs(e.List)
	case *starsyntax.DictExpr:
		for _, entry := range e.List {
			if d, ok := entry.(*starsyntax.DictEntry); ok {
				d.Key = r.expr(d.Key)
				d.Value = r.expr(d.Value)
			}
		}
	case *starsyntax.CallExpr:
		e.Fn = r.expr(e.Fn)
		for i, arg := range e.Args {
			if b, ok := arg.(*starsyntax.BinaryExpr); ok && b.Op == starsyntax.EQ {
				b.Y = r.expr(b.Y) // keyword argument: the name is not a read
				continue
			}
			e.Args[i] = r.expr(arg)
		}
	case *starsyntax.DotExpr:
		e.X = r.expr(e.X)
	case *starsyntax.IndexExpr:
		e.X = r.expr(e.X)
		e.Y = r.expr(e.Y)
	case *starsyntax.SliceExpr:
		e.X = r.expr(e.X)
		e.Lo = r.expr(e.Lo)
		e.Hi = r.expr(e.Hi)
		e.Step = r.expr(e.Step)
	case *starsyntax.UnaryExpr:
		e.X = r.expr(e.X)
	case *starsyntax.BinaryExpr:
		e.X = r.expr(e.X)
		e.Y = r.expr(e.Y)
	case *starsyntax.CondExpr:
		e.Cond = r.expr(e.Cond)
		e.True = r.expr(e.True)
		e.False = r.expr(e.False)
	case *starsyntax.LambdaExpr:
		for _, p := range e.Params {
			if b, ok := p.(*starsyntax.BinaryExpr); ok && b.Op == starsyntax.EQ {
				b.Y = r.expr(b.Y)
			}
		}
		e.Body = r.expr(e.Body)
	case *starsyntax.Comprehension:
		e.Body = r.expr(e.Body)
		for _, c := range e.Clauses {
			switch c := c.(type) {
			case *starsyntax.ForClause:
				c.X = r.expr(c.X)
				r.target(c.Vars)
			case *starsyntax.IfClause:
				c.Cond = r.expr(c.Cond)
			}
		}
	}
	return e
}

// undefinedBuiltin returns __undefined__ for the undefined names of one
// file, raising each name's NameError with its spelling suggestion.
func undefinedBuiltin(names map[string]undefinedName) *starlark.Builtin {
	return starlark.NewBuiltin(raiseUndefinedName, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		name, _ := starlark.AsString(args[0])
		if u, ok := names[name]; ok {
			return nil, u.err()
		}
		return nil, undefinedName{name: name, message: "name '" + name + "' is not defined"}.err()
	})
}
