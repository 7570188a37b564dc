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
	if n := len(f.Stmts); n > 0 {
		if es, ok := f.Stmts[n-1].(*starsyntax.ExprStmt); ok {
			pos, _ := es.X.Span()
			es.X = &starsyntax.CallExpr{
				Fn:     &starsyntax.Ident{NamePos: pos, Name: "__repl_echo__"},
				Lparen: pos,
				Args:   []starsyntax.Expr{es.X},
				Rparen: pos,
			}
		}
	}
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
		return starlark.None, rt.execChunk(thread, f, globals, pre)
	})
	return err
}
