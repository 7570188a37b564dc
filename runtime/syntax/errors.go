package syntax

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// SyntaxError is a parse error in Python or Starlark source. Line and Col
// are 1-based and point into the user's own file; Col counts runes.
type SyntaxError struct {
	Filename string
	Line     int
	Col      int
	Msg      string
	Text     string // the source line containing the error, without its newline
	// Type is the Python exception type: "SyntaxError", or
	// "IndentationError" for indentation errors. Empty means
	// "SyntaxError".
	Type string
	// NoCaret leaves out the caret line, as CPython does for an
	// unexpected indent.
	NoCaret bool

	// eof marks errors caused only by the input ending too early
	// (an open bracket, a trailing backslash, an unterminated
	// triple-quoted string), which Incomplete treats as "needs more lines".
	eof bool
}

// Error returns the error in the compiler style "file:line:col: msg".
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Filename, e.Line, e.Col, e.Msg)
}

// TypeName returns the Python exception type of the error.
func (e *SyntaxError) TypeName() string {
	if e.Type == "" {
		return "SyntaxError"
	}
	return e.Type
}

// Report formats the error the way CPython prints a SyntaxError: the file
// and line, the source line without its indentation, a caret under the
// column, and the message.
func (e *SyntaxError) Report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "  File %q, line %d\n", e.Filename, e.Line)
	if e.Text != "" {
		trimmed := strings.TrimLeft(e.Text, " \t\f")
		indent := utf8.RuneCountInString(e.Text) - utf8.RuneCountInString(trimmed)
		caret := e.Col - 1 - indent
		if caret < 0 {
			caret = 0
		}
		fmt.Fprintf(&b, "    %s\n", trimmed)
		if !e.NoCaret {
			fmt.Fprintf(&b, "    %s^\n", strings.Repeat(" ", caret))
		}
	}
	fmt.Fprintf(&b, "%s: %s", e.TypeName(), e.Msg)
	return b.String()
}

// sourceLine returns line n (1-based) of src without its newline, or ""
// when n is out of range.
func sourceLine(src string, n int) string {
	for i := 1; i < n; i++ {
		k := strings.IndexByte(src, '\n')
		if k < 0 {
			return ""
		}
		src = src[k+1:]
	}
	if k := strings.IndexByte(src, '\n'); k >= 0 {
		src = src[:k]
	}
	return src
}
