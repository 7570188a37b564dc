package syntax

import starsyntax "go.starlark.net/syntax"

// __binop__(x, "op", y) costs a builtin call, about 100 ns more than
// the operator itself. After the scope pass, nativeArith turns it back
// into x op y, and __boolint__(x) into x, where no operand can be a
// bool: an operand whose syntax shows it (boolarith.go), or a name
// that every assignment in its scope gives such a value.
//
// A local of a def qualifies when each of its bindings is a plain
// assignment name = value of a non-bool value, since reading it before
// any binding raises either way. A module name qualifies only for reads
// in top-level code, because a def or lambda may run after a later REPL
// chunk rebinds it. The read must also follow a top-level statement
// that binds the name, so that a value set before the file ran (by an
// earlier REPL chunk or ExecInto's globals) cannot reach it. At the top
// level, a name bound only by "from mindspore import Tensor" (or
// Parameter) is a class whose calls return a tensor, never a bool.

// notBoolClasses are the classes, imported with "from module import
// name", whose calls never return a bool.
var notBoolClasses = map[[2]string]bool{
	{"mindspore", "Tensor"}: true, {"mindspore", "Parameter"}: true,
}

// binding is one assignment to a name: the assigned value, nil when it
// is unknown (a parameter, a loop variable, an unpacked target), and the
// index of the top-level statement that contains it.
type binding struct {
	value starsyntax.Expr
	stmt  int
}

// arithFacts are the names of one scope proven never to hold a bool,
// and the names proven to hold a class in notBoolClasses.
type arithFacts struct {
	names   map[string]bool
	classes map[string]bool
}

// nativeArith rewrites the statements of a file in place.
func nativeArith(stmts []starsyntax.Stmt) {
	bindings := map[string][]binding{}
	for k, stmt := range stmts {
		collectBindings(stmt, k, bindings)
	}
	first := firstTopLevelBindings(stmts)
	starts := map[int]bool{}
	for _, k := range first {
		starts[k] = true
	}
	var facts arithFacts
	for k, stmt := range stmts {
		// The proven names change only after a statement that binds a
		// name for the first time.
		if k == 0 || starts[k-1] {
			facts = provenFacts(bindings, func(name string) bool {
				at, ok := first[name]
				return ok && at < k
			})
		}
		rewriteArithStmt(stmt, facts)
	}
}

// stringValue returns the value of a string literal.
func stringValue(e starsyntax.Expr) (string, bool) {
	lit, ok := e.(*starsyntax.Literal)
	if !ok || lit.Token != starsyntax.STRING {
		return "", false
	}
	s, ok := lit.Value.(string)
	return s, ok
}

// firstTopLevelBindings returns, for each name a top-level statement
// binds by plain assignment, the index of the first such statement.
func firstTopLevelBindings(stmts []starsyntax.Stmt) map[string]int {
	first := map[string]int{}
	for k, stmt := range stmts {
		assign, ok := stmt.(*starsyntax.AssignStmt)
		if !ok || assign.Op != starsyntax.EQ {
			continue
		}
		id, ok := assign.LHS.(*starsyntax.Ident)
		if !ok {
			continue
		}
		if _, seen := first[id.Name]; !seen {
			first[id.Name] = k
		}
	}
	return first
}

// collectBindings records the bindings that stmt makes in its own scope,
// looking into if, for and while bodies but not into defs.
func collectBindings(stmt starsyntax.Stmt, index int, bindings map[string][]binding) {
	switch stmt := stmt.(type) {
	case *starsyntax.AssignStmt:
		if id, ok := stmt.LHS.(*starsyntax.Ident); ok && stmt.Op == starsyntax.EQ {
			bindings[id.Name] = append(bindings[id.Name], binding{stmt.RHS, index})
			return
		}
		bindUnknown(stmt.LHS, index, bindings)
	case *starsyntax.DefStmt:
		// A function is never a bool.
		lambda := &starsyntax.LambdaExpr{}
		bindings[stmt.Name.Name] = append(bindings[stmt.Name.Name], binding{lambda, index})
	case *starsyntax.ForStmt:
		bindUnknown(stmt.Vars, index, bindings)
		for _, s := range stmt.Body {
			collectBindings(s, index, bindings)
		}
	case *starsyntax.WhileStmt:
		for _, s := range stmt.Body {
			collectBindings(s, index, bindings)
		}
	case *starsyntax.IfStmt:
		for _, s := range append(append([]starsyntax.Stmt{}, stmt.True...), stmt.False...) {
			collectBindings(s, index, bindings)
		}
	case *starsyntax.LoadStmt:
		for _, id := range stmt.To {
			bindings[id.Name] = append(bindings[id.Name], binding{nil, index})
		}
	}
}

// bindUnknown records each name in the target e as bound to an unknown
// value.
func bindUnknown(e starsyntax.Expr, index int, bindings map[string][]binding) {
	switch e := e.(type) {
	case *starsyntax.Ident:
		bindings[e.Name] = append(bindings[e.Name], binding{nil, index})
	case *starsyntax.ParenExpr:
		bindUnknown(e.X, index, bindings)
	case *starsyntax.TupleExpr:
		for _, x := range e.List {
			bindUnknown(x, index, bindings)
		}
	case *starsyntax.ListExpr:
		for _, x := range e.List {
			bindUnknown(x, index, bindings)
		}
	case *starsyntax.UnaryExpr:
		bindUnknown(e.X, index, bindings)
	}
}

// provenFacts returns the names for which visible holds and every
// binding gives a value that is never a bool. It starts from every
// candidate and drops names until no binding refutes the rest, so names
// assigned only from each other stay proven.
func provenFacts(bindings map[string][]binding, visible func(string) bool) arithFacts {
	facts := arithFacts{names: map[string]bool{}, classes: map[string]bool{}}
	for name, list := range bindings {
		if !visible(name) {
			continue
		}
		if isClassImport(list) {
			facts.classes[name] = true
		}
		facts.names[name] = true
		for _, b := range list {
			if b.value == nil {
				delete(facts.names, name)
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for name := range facts.names {
			for _, b := range bindings[name] {
				if !notBool(b.value, facts) {
					delete(facts.names, name)
					changed = true
					break
				}
			}
		}
	}
	return facts
}

// isClassImport reports whether every binding in list is
// __import_from__(module, name) of a class in notBoolClasses.
func isClassImport(list []binding) bool {
	for _, b := range list {
		call, ok := b.value.(*starsyntax.CallExpr)
		if !ok || len(call.Args) != 2 {
			return false
		}
		fn, ok := call.Fn.(*starsyntax.Ident)
		if !ok || fn.Name != "__import_from__" {
			return false
		}
		module, ok1 := stringValue(call.Args[0])
		name, ok2 := stringValue(call.Args[1])
		if !ok1 || !ok2 || !notBoolClasses[[2]string{module, name}] {
			return false
		}
	}
	return true
}

// notBool reports whether e never evaluates to a bool, given facts.
func notBool(e starsyntax.Expr, facts arithFacts) bool {
	switch e := e.(type) {
	case *starsyntax.ParenExpr:
		return notBool(e.X, facts)
	case *starsyntax.Ident:
		return facts.names[e.Name]
	case *starsyntax.BinaryExpr:
		switch e.Op {
		case starsyntax.AND, starsyntax.OR, starsyntax.AMP, starsyntax.PIPE, starsyntax.CIRCUMFLEX:
			return notBool(e.X, facts) && notBool(e.Y, facts)
		}
	case *starsyntax.CondExpr:
		return notBool(e.True, facts) && notBool(e.False, facts)
	case *starsyntax.CallExpr:
		fn, ok := e.Fn.(*starsyntax.Ident)
		if ok && facts.classes[fn.Name] {
			return true
		}
		if ok && fn.Name == "__binop__" && len(e.Args) == 3 {
			return !isBitwiseBinop(e) || notBool(e.Args[0], facts) && notBool(e.Args[2], facts)
		}
	}
	return !mayBeBool(e)
}

// defFacts returns the facts of the locals of def.
func defFacts(def *starsyntax.DefStmt) arithFacts {
	bindings := map[string][]binding{}
	for _, param := range def.Params {
		if assign, ok := param.(*starsyntax.BinaryExpr); ok {
			param = assign.X
		}
		bindUnknown(param, 0, bindings)
	}
	for _, stmt := range def.Body {
		collectBindings(stmt, 0, bindings)
	}
	return provenFacts(bindings, func(string) bool { return true })
}

// without returns facts less the names bound by the for clauses of c,
// which are local to the comprehension.
func (facts arithFacts) without(c *starsyntax.Comprehension) arithFacts {
	bindings := map[string][]binding{}
	for _, clause := range c.Clauses {
		if f, ok := clause.(*starsyntax.ForClause); ok {
			bindUnknown(f.Vars, 0, bindings)
		}
	}
	out := arithFacts{names: map[string]bool{}, classes: map[string]bool{}}
	for name := range facts.names {
		if bindings[name] == nil {
			out.names[name] = true
		}
	}
	for name := range facts.classes {
		if bindings[name] == nil {
			out.classes[name] = true
		}
	}
	return out
}

func rewriteArithStmts(stmts []starsyntax.Stmt, facts arithFacts) {
	for _, stmt := range stmts {
		rewriteArithStmt(stmt, facts)
	}
}

// rewriteArithStmt rewrites the expressions of stmt with facts, and the
// body of a def with the facts of its own locals.
func rewriteArithStmt(stmt starsyntax.Stmt, facts arithFacts) {
	switch stmt := stmt.(type) {
	case *starsyntax.AssignStmt:
		stmt.LHS = rewriteArith(stmt.LHS, facts)
		stmt.RHS = rewriteArith(stmt.RHS, facts)
	case *starsyntax.ExprStmt:
		stmt.X = rewriteArith(stmt.X, facts)
	case *starsyntax.DefStmt:
		for _, param := range stmt.Params {
			if assign, ok := param.(*starsyntax.BinaryExpr); ok {
				assign.Y = rewriteArith(assign.Y, facts)
			}
		}
		rewriteArithStmts(stmt.Body, defFacts(stmt))
	case *starsyntax.ForStmt:
		stmt.X = rewriteArith(stmt.X, facts)
		rewriteArithStmts(stmt.Body, facts)
	case *starsyntax.WhileStmt:
		stmt.Cond = rewriteArith(stmt.Cond, facts)
		rewriteArithStmts(stmt.Body, facts)
	case *starsyntax.IfStmt:
		stmt.Cond = rewriteArith(stmt.Cond, facts)
		rewriteArithStmts(stmt.True, facts)
		rewriteArithStmts(stmt.False, facts)
	case *starsyntax.ReturnStmt:
		if stmt.Result != nil {
			stmt.Result = rewriteArith(stmt.Result, facts)
		}
	}
}

// rewriteArith returns e with each __binop__ and __boolint__ call whose
// operands facts prove not to be bools replaced by the native form.
func rewriteArith(e starsyntax.Expr, facts arithFacts) starsyntax.Expr {
	switch e := e.(type) {
	case *starsyntax.ParenExpr:
		e.X = rewriteArith(e.X, facts)
	case *starsyntax.TupleExpr:
		rewriteArithList(e.List, facts)
	case *starsyntax.ListExpr:
		rewriteArithList(e.List, facts)
	case *starsyntax.DictExpr:
		for _, entry := range e.List {
			entry := entry.(*starsyntax.DictEntry)
			entry.Key = rewriteArith(entry.Key, facts)
			entry.Value = rewriteArith(entry.Value, facts)
		}
	case *starsyntax.CallExpr:
		return rewriteArithCall(e, facts)
	case *starsyntax.DotExpr:
		e.X = rewriteArith(e.X, facts)
	case *starsyntax.IndexExpr:
		e.X = rewriteArith(e.X, facts)
		e.Y = rewriteArith(e.Y, facts)
	case *starsyntax.SliceExpr:
		e.X = rewriteArith(e.X, facts)
		e.Lo = rewriteArith(e.Lo, facts)
		e.Hi = rewriteArith(e.Hi, facts)
		e.Step = rewriteArith(e.Step, facts)
	case *starsyntax.UnaryExpr:
		e.X = rewriteArith(e.X, facts)
	case *starsyntax.BinaryExpr:
		e.X = rewriteArith(e.X, facts)
		e.Y = rewriteArith(e.Y, facts)
	case *starsyntax.CondExpr:
		e.Cond = rewriteArith(e.Cond, facts)
		e.True = rewriteArith(e.True, facts)
		e.False = rewriteArith(e.False, facts)
	case *starsyntax.LambdaExpr:
		// A lambda may run after a later REPL chunk rebinds a module
		// name, and its parameters are unknown, so it proves nothing.
		e.Body = rewriteArith(e.Body, arithFacts{})
	case *starsyntax.Comprehension:
		rewriteArithComprehension(e, facts)
	}
	return e
}

func rewriteArithList(list []starsyntax.Expr, facts arithFacts) {
	for k, x := range list {
		list[k] = rewriteArith(x, facts)
	}
}

func rewriteArithComprehension(c *starsyntax.Comprehension, facts arithFacts) {
	inner := facts.without(c)
	for k, clause := range c.Clauses {
		switch clause := clause.(type) {
		case *starsyntax.ForClause:
			// The first iterable is evaluated in the enclosing scope.
			if k == 0 {
				clause.X = rewriteArith(clause.X, facts)
			} else {
				clause.X = rewriteArith(clause.X, inner)
			}
		case *starsyntax.IfClause:
			clause.Cond = rewriteArith(clause.Cond, inner)
		}
	}
	if entry, ok := c.Body.(*starsyntax.DictEntry); ok {
		entry.Key = rewriteArith(entry.Key, inner)
		entry.Value = rewriteArith(entry.Value, inner)
	} else {
		c.Body = rewriteArith(c.Body, inner)
	}
}

// rewriteArithCall rewrites the arguments of call, then call itself when
// it is __binop__ or __boolint__ on operands that are never bools.
func rewriteArithCall(call *starsyntax.CallExpr, facts arithFacts) starsyntax.Expr {
	call.Fn = rewriteArith(call.Fn, facts)
	for k, arg := range call.Args {
		switch arg := arg.(type) {
		case *starsyntax.BinaryExpr:
			if arg.Op == starsyntax.EQ {
				arg.Y = rewriteArith(arg.Y, facts)
				continue
			}
		case *starsyntax.UnaryExpr:
			if arg.Op == starsyntax.STAR || arg.Op == starsyntax.STARSTAR {
				arg.X = rewriteArith(arg.X, facts)
				continue
			}
		}
		call.Args[k] = rewriteArith(arg, facts)
	}
	fn, ok := call.Fn.(*starsyntax.Ident)
	if !ok {
		return call
	}
	switch {
	case fn.Name == "__boolint__" && len(call.Args) == 1 && notBool(call.Args[0], facts):
		return call.Args[0]
	case fn.Name == "__binop__" && len(call.Args) == 3:
		op, ok := stringValue(call.Args[1])
		if !ok || binaryTokens[op] == 0 {
			return call
		}
		if notBool(call.Args[0], facts) && notBool(call.Args[2], facts) {
			return &starsyntax.BinaryExpr{X: call.Args[0], OpPos: call.Lparen, Op: binaryTokens[op], Y: call.Args[2]}
		}
	}
	return call
}
