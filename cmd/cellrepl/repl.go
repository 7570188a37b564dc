package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/cellscript/cellscript/runtime"
	"go.starlark.net/starlark"
)

// replOptions start a REPL on an existing host and globals, as
// `cellrepl run -i` does; zero values start a fresh session.
type replOptions struct {
	host    *host
	globals starlark.StringDict
}

// session is one REPL: a runtime, the globals that every input shares,
// and the line reader.
type session struct {
	host       *host
	rt         *runtime.Runtime
	globals    starlark.StringDict
	stdout     io.Writer
	stderr     io.Writer
	reader     lineReader
	interrupts *interrupter

	// inputs counts the inputs run, which name their source in
	// tracebacks: <python-input-N>, as CPython 3.13's REPL does.
	inputs int
	// lastDefinition is the source of the last input if that was a
	// class or def block that ran without error. An indented line at
	// the primary prompt continues it.
	lastDefinition string
}

// startREPL runs the REPL on standard input until Ctrl-D and returns
// the exit status.
func startREPL(o replOptions, stdout, stderr io.Writer) int {
	if o.host == nil {
		o.host = newHost(hostOptions{Device: "CPU", Argv: []string{""}, MaxMemory: defaultMaxMemory()}, stdout, stderr)
	}
	if o.globals == nil {
		o.globals = starlark.StringDict{}
	}
	s := &session{
		host:    o.host,
		rt:      o.host.rt,
		globals: o.globals,
		stdout:  o.host.stdout,
		stderr:  o.host.stderr,
	}
	if isTerminalFile(os.Stdin) && isTerminalWriter(stdout) {
		history, err := historyFile()
		if err != nil {
			fmt.Fprintf(stderr, "cellrepl: history is off: %v\n", err)
		}
		ed, err := newEditor(history, &completer{s: s}, stdout, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "cellrepl: cannot start the line editor: %v\n", err)
			return 1
		}
		s.reader = ed
		s.interrupts = newInterrupter(nil)
	} else {
		s.reader = newPlainReader(os.Stdin, stderr)
		s.interrupts = newInterrupter(func() {
			fmt.Fprintln(stderr, "\nKeyboardInterrupt")
			os.Exit(130)
		})
	}
	defer s.reader.close()
	defer s.interrupts.stop()
	return s.loop()
}

func isTerminalFile(f *os.File) bool { return isTerminalWriter(f) }

func (s *session) banner() {
	fmt.Fprintf(s.stderr, "cellscript %s on %s: MindSpore-style Python.\n", version, s.host.opts.Device)
	fmt.Fprintln(s.stderr, `Type help() for help, help(obj) or obj? for documentation, Ctrl-D to exit.`)
}

// loop reads and runs inputs until the end of input.
func (s *session) loop() int {
	s.banner()
	for {
		src, err := s.readInput()
		switch {
		case err == io.EOF:
			fmt.Fprintln(s.stderr)
			return 0
		case errors.Is(err, errInterrupted):
			fmt.Fprintln(s.stderr, "KeyboardInterrupt")
			continue
		case err != nil:
			fmt.Fprintf(s.stderr, "cellrepl: cannot read input: %v\n", err)
			return 1
		}
		s.handle(src)
	}
}

// readInput reads lines until they form a complete input. A command
// (%run, ...) is always one line. At the end of input, a pending
// incomplete input is returned to run; the next call returns io.EOF.
func (s *session) readInput() (string, error) {
	var buf inputBuffer
	prompt := primaryPrompt
	for {
		line, err := s.reader.readLine(prompt)
		if err == io.EOF && !buf.empty() {
			return buf.source(), nil
		}
		if err != nil {
			return "", err
		}
		if buf.empty() {
			if strings.HasPrefix(strings.TrimSpace(line), "%") {
				return line, nil
			}
			if s.lastDefinition != "" && continuesDefinition(line) {
				buf.lines = strings.Split(strings.TrimRight(s.lastDefinition, "\n"), "\n")
				buf.lines = append(buf.lines, "")
			}
		}
		if buf.add(line) {
			return buf.source(), nil
		}
		prompt = continuationPrompt
	}
}

// handle runs one complete input: a command, a help query or code.
func (s *session) handle(src string) {
	trimmed := strings.TrimSpace(src)
	if trimmed == "" {
		return
	}
	if strings.HasPrefix(trimmed, "%") {
		s.lastDefinition = ""
		s.command(trimmed)
		return
	}
	if name, ok := helpQuery(trimmed); ok {
		src = "help(" + name + ")\n"
	}
	err := s.eval(src, s.stdout)
	if err == nil && isDefinition(src) {
		s.lastDefinition = src
	} else {
		s.lastDefinition = ""
	}
}

// eval runs src in the session's globals, writing the value of an
// expression statement to echo. Ctrl-C cancels it. It prints the
// error, if any, and returns it.
func (s *session) eval(src string, echo io.Writer) error {
	s.inputs++
	filename := fmt.Sprintf("<python-input-%d>", s.inputs)
	ctx, done := s.interrupts.start()
	err := s.rt.Eval(ctx, filename, src, s.globals, echo)
	interrupted := ctx.Err() != nil
	done()
	if err != nil {
		s.host.printError(err, interrupted)
	}
	return err
}
