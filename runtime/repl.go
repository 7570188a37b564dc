package runtime

import (
	"context"
	"fmt"
	"io"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/runtime/syntax"
	"go.starlark.net/starlark"
	starsyntax "go.starlark.net/syntax"
)

// RunGlobals runs a script file and returns its globals unfrozen, for
// `cellrepl run -i`. The globals are returned even when the script
// fails part way.
func (rt *Runtime) RunGlobals(ctx context.Context, path string) (starlark.StringDict, error) {
	globals := starlark.StringDict{}
	src, err := readFile(path)
	if err != nil {
		return globals, err
	}
	err = rt.ExecInto(ctx, path, src, globals)
	return globals, err
}

// Eval runs one REPL input in globals. When the input is a single
// expression statement whose value is not None, Eval writes the value's
// repr to echo, as the Python REPL does.
func (rt *Runtime) Eval(ctx context.Context, filename, src string, globals starlark.StringDict, echo io.Writer) error {
	if !rt.usable() {
		return noRuntimeError()
	}
	rt.rememberSource(filename, []byte(src))
	f, info, err := syntax.ParseWithInfo(filename, []byte(src))
	if err != nil {
		return convertError(nil, err)
	}
	rt.rememberInfo(filename, info)
	echoExpressions(f.Stmts)
	pre := rt.predeclared()
	// The echo builtin writes to this call's echo, so it replaces the
	// one an earlier call merged into globals.
	delete(globals, "__repl_echo__")
	pre["__repl_echo__"] = starlark.NewBuiltin("__repl_echo__", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 1 && args[0] != starlark.None {
			s, err := core.Repr(thread, args[0])
			if err != nil {
				return nil, err
			}
			fmt.Fprintln(echo, s)
		}
		return starlark.None, nil
	})
	_, err = rt.run(ctx, "repl", func(thread *starlark.Thread) (starlark.Value, error) {
		thread.SetLocal(replGlobalsKey, globals)
		return starlark.None, rt.execChunk(thread, f, globals, pre, func() (*starsyntax.File, error) {
			f2, err := syntax.Parse(filename, []byte(src))
			if err == nil {
				echoExpressions(f2.Stmts)
			}
			return f2, err
		})
	})
	return err
}

// echoExpressions wraps the expression statements of a REPL input in
// __repl_echo__, as CPython's interactive mode prints the value of every
// expression statement outside function and class bodies: `1; 2` prints
// both, and `for i in range(3): i` prints each i. The bodies of try,
// except, else, finally and with statements are block functions after
// desugaring, so echoExpressions descends into those defs too.
func echoExpressions(stmts []starsyntax.Stmt) {
	for _, st := range stmts {
		switch st := st.(type) {
		case *starsyntax.ExprStmt:
			if isDesugaredStatement(st.X) {
				continue
			}
			pos, _ := st.X.Span()
			st.X = &starsyntax.CallExpr{
				Fn:     &starsyntax.Ident{NamePos: pos, Name: "__repl_echo__"},
				Lparen: pos,
				Args:   []starsyntax.Expr{st.X},
				Rparen: pos,
			}
		case *starsyntax.IfStmt:
			echoExpressions(st.True)
			echoExpressions(st.False)
		case *starsyntax.ForStmt:
			echoExpressions(st.Body)
		case *starsyntax.WhileStmt:
			echoExpressions(st.Body)
		case *starsyntax.DefStmt:
			if syntax.IsBlockFunction(st.Name.Name) {
				echoExpressions(st.Body)
			}
		}
	}
}

// isDesugaredStatement reports whether x is the call the front end makes
// for a statement that is not an expression, such as del.
func isDesugaredStatement(x starsyntax.Expr) bool {
	call, ok := x.(*starsyntax.CallExpr)
	if !ok {
		return false
	}
	fn, ok := call.Fn.(*starsyntax.Ident)
	if !ok {
		return false
	}
	switch fn.Name {
	case "__delitem__", "__delattr__", "__delname__", "__assert_fail__", "__raise__":
		return true
	}
	return false
}
