package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/chzyer/readline"
)

// errInterrupted is returned by lineReader.readLine when the user
// pressed Ctrl-C at the prompt.
var errInterrupted = errors.New("interrupted")

// lineReader reads one line of REPL input after printing a prompt. It
// returns io.EOF at the end of input and errInterrupted after Ctrl-C.
type lineReader interface {
	readLine(prompt string) (string, error)
	close() error
}

// historyLimit is the number of lines the history file keeps.
const historyLimit = 10000

// editor reads lines with readline: editing, history, Ctrl-R search and
// Tab completion.
type editor struct {
	rl *readline.Instance
}

func newEditor(historyFile string, completer readline.AutoCompleter, stdout, stderr io.Writer) (*editor, error) {
	rl, err := readline.NewEx(&readline.Config{
		Prompt:            primaryPrompt,
		HistoryFile:       historyFile,
		HistoryLimit:      historyLimit,
		HistorySearchFold: true,
		AutoComplete:      completer,
		Stdout:            stdout,
		Stderr:            stderr,
		// readline turns Tab completion off and redraws each key with
		// backspaces on a terminal that reports 0 columns, as the one that
		// script(1) opens does when script itself runs without a terminal.
		FuncGetWidth: terminalWidth,
	})
	if err != nil {
		return nil, err
	}
	return &editor{rl: rl}, nil
}

func (e *editor) readLine(prompt string) (string, error) {
	e.rl.SetPrompt(prompt)
	line, err := e.rl.Readline()
	if errors.Is(err, readline.ErrInterrupt) {
		return "", errInterrupted
	}
	return line, err
}

func (e *editor) close() error { return e.rl.Close() }

// plainReader reads lines from a pipe or file, printing prompts to
// stderr so that stdout holds only the program's output.
type plainReader struct {
	in     *bufio.Reader
	prompt io.Writer
}

func newPlainReader(in io.Reader, prompt io.Writer) *plainReader {
	return &plainReader{in: bufio.NewReader(in), prompt: prompt}
}

func (p *plainReader) readLine(prompt string) (string, error) {
	fmt.Fprint(p.prompt, prompt)
	line, err := p.in.ReadString('\n')
	if err == io.EOF && line != "" {
		err = nil
	}
	return strings.TrimRight(line, "\r\n"), err
}

func (p *plainReader) close() error { return nil }

// historyFile returns the REPL history path,
// $XDG_CONFIG_HOME/cellscript/history or ~/.config/cellscript/history,
// creating its directory.
func historyFile() (string, error) {
	dir := os.Getenv("XDG_CONFIG_HOME")
	if !filepath.IsAbs(dir) {
		// The XDG base directory specification requires ignoring a
		// relative path.
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("cannot find the history directory: %w; set XDG_CONFIG_HOME", err)
		}
		dir = filepath.Join(home, ".config")
	}
	dir = filepath.Join(dir, "cellscript")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("cannot create the history directory: %w", err)
	}
	return filepath.Join(dir, "history"), nil
}
