package syntax

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	starsyntax "go.starlark.net/syntax"
)

// unparse prints a syntax tree as Starlark source, with every binary,
// unary, conditional and lambda expression in parentheses, so tests can
// state the exact desugared form.
func unparse(stmts []starsyntax.Stmt) string {
	var b strings.Builder
	unparseStmts(&b, stmts, "")
	return strings.TrimSuffix(b.String(), "\n")
}

func unparseStmts(b *strings.Builder, stmts []starsyntax.Stmt, indent string) {
	for _, stmt := range stmts {
		unparseStmt(b, stmt, indent)
	}
}

func unparseStmt(b *strings.Builder, stmt starsyntax.Stmt, indent string) {
	b.WriteString(indent)
	switch stmt := stmt.(type) {
	case *starsyntax.ExprStmt:
		fmt.Fprintf(b, "%s\n", unparseExpr(stmt.X))
	case *starsyntax.AssignStmt:
		fmt.Fprintf(b, "%s %s %s\n", unparseExpr(stmt.LHS), stmt.Op, unparseExpr(stmt.RHS))
	case *starsyntax.BranchStmt:
		fmt.Fprintf(b, "%s\n", stmt.Token)
	case *starsyntax.ReturnStmt:
		if stmt.Result == nil {
			b.WriteString("return\n")
		} else {
			fmt.Fprintf(b, "return %s\n", unparseExpr(stmt.Result))
		}
	case *starsyntax.DefStmt:
		fmt.Fprintf(b, "def %s(%s):\n", stmt.Name.Name, unparseList(stmt.Params))
		unparseStmts(b, stmt.Body, indent+"    ")
	case *starsyntax.IfStmt:
		fmt.Fprintf(b, "if %s:\n", unparseExpr(stmt.Cond))
		unparseStmts(b, stmt.True, indent+"    ")
		if len(stmt.False) > 0 {
			fmt.Fprintf(b, "%selse:\n", indent)
			unparseStmts(b, stmt.False, indent+"    ")
		}
	case *starsyntax.ForStmt:
		fmt.Fprintf(b, "for %s in %s:\n", unparseExpr(stmt.Vars), unparseExpr(stmt.X))
		unparseStmts(b, stmt.Body, indent+"    ")
	case *starsyntax.WhileStmt:
		fmt.Fprintf(b, "while %s:\n", unparseExpr(stmt.Cond))
		unparseStmts(b, stmt.Body, indent+"    ")
	default:
		fmt.Fprintf(b, "<%T>\n", stmt)
	}
}

func unparseList(list []starsyntax.Expr) string {
	parts := make([]string, len(list))
	for k, e := range list {
		parts[k] = unparseExpr(e)
	}
	return strings.Join(parts, ", ")
}

func unparseExpr(e starsyntax.Expr) string {
	switch e := e.(type) {
	case nil:
		return ""
	case *starsyntax.Ident:
		return e.Name
	case *starsyntax.Literal:
		return unparseLiteral(e)
	case *starsyntax.CallExpr:
		return fmt.Sprintf("%s(%s)", unparseExpr(e.Fn), unparseList(e.Args))
	case *starsyntax.DotExpr:
		return unparseExpr(e.X) + "." + e.Name.Name
	case *starsyntax.IndexExpr:
		return fmt.Sprintf("%s[%s]", unparseExpr(e.X), unparseExpr(e.Y))
	case *starsyntax.SliceExpr:
		s := fmt.Sprintf("%s[%s:%s", unparseExpr(e.X), unparseExpr(e.Lo), unparseExpr(e.Hi))
		if e.Step != nil {
			s += ":" + unparseExpr(e.Step)
		}
		return s + "]"
	case *starsyntax.ParenExpr:
		return "(" + unparseExpr(e.X) + ")"
	case *starsyntax.TupleExpr:
		if len(e.List) == 1 {
			return "(" + unparseExpr(e.List[0]) + ",)"
		}
		return "(" + unparseList(e.List) + ")"
	case *starsyntax.ListExpr:
		return "[" + unparseList(e.List) + "]"
	case *starsyntax.DictExpr:
		return "{" + unparseList(e.List) + "}"
	case *starsyntax.DictEntry:
		return unparseExpr(e.Key) + ": " + unparseExpr(e.Value)
	case *starsyntax.UnaryExpr:
		return unparseUnary(e)
	case *starsyntax.BinaryExpr:
		if e.Op == starsyntax.EQ {
			return unparseExpr(e.X) + "=" + unparseExpr(e.Y)
		}
		return fmt.Sprintf("(%s %s %s)", unparseExpr(e.X), e.Op, unparseExpr(e.Y))
	case *starsyntax.CondExpr:
		return fmt.Sprintf("(%s if %s else %s)", unparseExpr(e.True), unparseExpr(e.Cond), unparseExpr(e.False))
	case *starsyntax.LambdaExpr:
		if len(e.Params) == 0 {
			return fmt.Sprintf("(lambda: %s)", unparseExpr(e.Body))
		}
		return fmt.Sprintf("(lambda %s: %s)", unparseList(e.Params), unparseExpr(e.Body))
	case *starsyntax.Comprehension:
		return unparseComprehension(e)
	}
	return fmt.Sprintf("<%T>", e)
}

func unparseLiteral(e *starsyntax.Literal) string {
	switch v := e.Value.(type) {
	case string:
		if e.Token == starsyntax.BYTES {
			return "b" + strconv.Quote(v)
		}
		return strconv.Quote(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case *big.Int:
		return v.String()
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return fmt.Sprintf("<%T>", e.Value)
}

func unparseUnary(e *starsyntax.UnaryExpr) string {
	switch e.Op {
	case starsyntax.STAR, starsyntax.STARSTAR:
		return e.Op.String() + unparseExpr(e.X)
	case starsyntax.NOT:
		return "(not " + unparseExpr(e.X) + ")"
	}
	return "(" + e.Op.String() + unparseExpr(e.X) + ")"
}

func unparseComprehension(e *starsyntax.Comprehension) string {
	var b strings.Builder
	b.WriteString(unparseExpr(e.Body))
	for _, clause := range e.Clauses {
		switch clause := clause.(type) {
		case *starsyntax.ForClause:
			fmt.Fprintf(&b, " for %s in %s", unparseExpr(clause.Vars), unparseExpr(clause.X))
		case *starsyntax.IfClause:
			fmt.Fprintf(&b, " if %s", unparseExpr(clause.Cond))
		}
	}
	if e.Curly {
		return "{" + b.String() + "}"
	}
	return "[" + b.String() + "]"
}
