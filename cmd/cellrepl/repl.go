package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/cellscript/cellscript/runtime"
	"github.com/cellscript/cellscript/runtime/syntax"
	"go.starlark.net/starlark"
)

type replOptions struct {
	rt      *runtime.Runtime
	globals starlark.StringDict
}

// repl reads statements from standard input and runs them in one set of
// globals, echoing the value of expression statements.
func repl(o replOptions, stdout, stderr io.Writer) int {
	if o.rt == nil {
		wd, _ := os.Getwd()
		o.rt = runtime.New(runtime.Options{Stdout: stdout, Stderr: stderr, Files: os.DirFS(wd), Dir: wd, Argv: []string{""}})
	}
	if o.globals == nil {
		o.globals = starlark.StringDict{}
	}
	fmt.Fprintf(stdout, "cellscript %s on CPU. Type help(obj) for help, Ctrl-D to exit.\n", version)
	in := bufio.NewScanner(os.Stdin)
	var buf []string
	prompt := ">>> "
	for {
		fmt.Fprint(stdout, prompt)
		if !in.Scan() {
			fmt.Fprintln(stdout)
			return 0
		}
		buf = append(buf, in.Text())
		src := strings.Join(buf, "\n") + "\n"
		if syntax.Incomplete(src) {
			prompt = "... "
			continue
		}
		buf, prompt = nil, ">>> "
		if strings.TrimSpace(src) == "" {
			continue
		}
		if err := o.rt.Eval(context.Background(), "<stdin>", src, o.globals, stdout); err != nil {
			fmt.Fprint(stderr, o.rt.FormatError(err))
		}
	}
}
