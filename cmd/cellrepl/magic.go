package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/cellscript/cellscript/builtins/core"
	"go.starlark.net/starlark"
)

// commands are the REPL's IPython-style line magics.
var commands = []string{"%reset", "%run", "%time", "%who"}

// helpQueryPattern matches IPython's help syntax: obj?, obj?? and ?obj.
var helpQueryPattern = regexp.MustCompile(`^(?:\?\??([A-Za-z_][\w.]*)|([A-Za-z_][\w.]*)\?\??)$`)

// helpQuery returns the dotted name of a help query such as nn.Dense?.
func helpQuery(input string) (string, bool) {
	m := helpQueryPattern.FindStringSubmatch(input)
	if m == nil {
		return "", false
	}
	return m[1] + m[2], true
}

// command runs a line starting with %.
func (s *session) command(line string) {
	name, rest, _ := strings.Cut(line, " ")
	rest = strings.TrimSpace(rest)
	switch name {
	case "%run":
		s.runFile(rest)
	case "%time":
		s.timeInput(rest)
	case "%who":
		s.who()
	case "%reset":
		s.reset(rest)
	default:
		fmt.Fprintf(s.stderr, "UsageError: Line magic function `%s` not found; the commands are %s.\n", name, strings.Join(commands, ", "))
	}
}

// runFile is %run FILE [ARGS...]: it runs the file in the session's
// globals with sys.argv set to FILE ARGS, and restores sys.argv after.
func (s *session) runFile(args string) {
	fields := strings.Fields(args)
	if len(fields) == 0 {
		fmt.Fprintf(s.stderr, "UsageError: %%run needs a file name: %%run FILE [ARGS...]\n")
		return
	}
	path := fields[0]
	src, err := os.ReadFile(path)
	if err != nil {
		// A *fs.PathError repeats the path in its message.
		var pathErr *fs.PathError
		if errors.As(err, &pathErr) {
			err = pathErr.Err
		}
		fmt.Fprintf(s.stderr, "%%run: cannot read %s: %v\n", path, err)
		return
	}
	restore, err := s.setArgv(fields)
	if err != nil {
		fmt.Fprintf(s.stderr, "%%run: cannot set sys.argv: %v\n", err)
		return
	}
	defer restore()
	ctx, done := s.interrupts.start()
	err = s.rt.ExecInto(ctx, path, src, s.globals)
	interrupted := ctx.Err() != nil
	done()
	if err != nil {
		s.host.printError(err, interrupted)
	}
}

// setArgv binds sys.argv to a new list of argv, as IPython's %run
// does, and returns the function that binds the previous list again.
// The runtime shares one sys module among all the scripts it runs.
func (s *session) setArgv(argv []string) (restore func(), err error) {
	scratch := starlark.StringDict{}
	if err := s.rt.Eval(context.Background(), "<%run>", "import sys\n", scratch, io.Discard); err != nil {
		return nil, err
	}
	sys, ok := scratch["sys"].(*core.Module)
	if !ok {
		return nil, fmt.Errorf("sys is a %s, not a module", scratch["sys"].Type())
	}
	saved := sys.Members["argv"]
	values := make([]starlark.Value, len(argv))
	for i, a := range argv {
		values[i] = starlark.String(a)
	}
	sys.Members["argv"] = starlark.NewList(values)
	return func() { sys.Members["argv"] = saved }, nil
}

// timeInput is %time STATEMENT: it runs the statement, then prints its
// wall time and, for an expression, its value, as IPython does.
func (s *session) timeInput(src string) {
	if src == "" {
		fmt.Fprintf(s.stderr, "UsageError: %%time needs a statement: %%time EXPR\n")
		return
	}
	var echo bytes.Buffer
	start := time.Now()
	err := s.eval(src+"\n", &echo)
	elapsed := time.Since(start)
	if err != nil {
		return
	}
	fmt.Fprintf(s.stdout, "Wall time: %s\n", formatDuration(elapsed))
	s.stdout.Write(echo.Bytes())
}

// formatDuration prints d with three significant digits in the largest
// unit below it, as IPython's %time does: 2.03 s, 15.1 ms, 812 µs.
func formatDuration(d time.Duration) string {
	seconds := d.Seconds()
	if seconds >= 60 {
		minutes := int(seconds / 60)
		return fmt.Sprintf("%dmin %.0fs", minutes, seconds-float64(minutes*60))
	}
	units := []struct {
		name  string
		scale float64
	}{{"s", 1}, {"ms", 1e3}, {"µs", 1e6}, {"ns", 1e9}}
	for _, u := range units {
		if v := seconds * u.scale; v >= 1 || u.name == "ns" {
			text := strconv.FormatFloat(v, 'g', 3, 64)
			if strings.Contains(text, "e") {
				// 999.7 rounds to 1e+03 in 'g' format.
				text = strconv.FormatFloat(v, 'f', 0, 64)
			}
			return text + " " + u.name
		}
	}
	return "0 ns"
}

// who is %who: the names the session defined, tab-separated.
func (s *session) who() {
	names := s.rt.UserNames(s.globals)
	if len(names) == 0 {
		fmt.Fprintln(s.stdout, "Interactive namespace is empty.")
		return
	}
	fmt.Fprintln(s.stdout, strings.Join(names, "\t"))
}

// reset is %reset [-f]: after confirmation (none with -f) it deletes the
// names the session defined.
func (s *session) reset(args string) {
	if args != "-f" {
		if args != "" {
			fmt.Fprintf(s.stderr, "UsageError: %%reset takes only -f, got %q\n", args)
			return
		}
		answer, err := s.reader.readLine("Once deleted, variables cannot be recovered. Proceed (y/[n])? ")
		if err != nil || strings.ToLower(strings.TrimSpace(answer)) != "y" {
			fmt.Fprintln(s.stdout, "Nothing done.")
			return
		}
	}
	for _, name := range s.rt.UserNames(s.globals) {
		delete(s.globals, name)
	}
}
