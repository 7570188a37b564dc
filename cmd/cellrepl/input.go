package main

import (
	"regexp"
	"strings"

	"github.com/cellscript/cellscript/runtime/syntax"
)

// Prompts of the REPL, as Python's.
const (
	primaryPrompt      = ">>> "
	continuationPrompt = "... "
)

// inputBuffer collects the lines of one REPL input. An input continues
// while syntax.Incomplete reports it unfinished: inside brackets, after
// a trailing backslash, and in a block (class, def, if, ...) until a
// blank line.
type inputBuffer struct {
	lines []string
}

// add appends a line and reports whether the input is complete.
func (b *inputBuffer) add(line string) (complete bool) {
	b.lines = append(b.lines, line)
	return !syntax.Incomplete(b.source())
}

// source returns the input so far, each line ended by a newline.
func (b *inputBuffer) source() string {
	return strings.Join(b.lines, "\n") + "\n"
}

func (b *inputBuffer) empty() bool { return len(b.lines) == 0 }

// definitionHeader matches the first line of a class or function
// definition, decorators included.
var definitionHeader = regexp.MustCompile(`^(class|def|async\s+def)\s|^@`)

// isDefinition reports whether src is a single top-level class or def
// block, which runs again harmlessly: it only rebinds one name.
func isDefinition(src string) bool {
	if !definitionHeader.MatchString(src) {
		return false
	}
	lines := strings.Split(strings.TrimRight(src, "\n"), "\n")
	inDecorators := strings.HasPrefix(lines[0], "@")
	for _, l := range lines[1:] {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			continue
		}
		// Another top-level line may only be the def or class that the
		// decorators above it decorate.
		if !inDecorators || !definitionHeader.MatchString(l) {
			return false
		}
		inDecorators = strings.HasPrefix(l, "@")
	}
	return true
}

// continuesDefinition reports whether line, typed at the primary
// prompt, continues the previous definition: it is indented, which a
// new statement cannot be. This happens when a class with blank lines
// between its methods is pasted, because the first blank line ends the
// block early.
func continuesDefinition(line string) bool {
	return strings.TrimSpace(line) != "" && (strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t"))
}
