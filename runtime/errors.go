package runtime

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/runtime/syntax"
	"go.starlark.net/starlark"
)

// Frame is one entry of a script backtrace.
type Frame struct {
	File     string
	Line     int
	Col      int
	Function string // "<module>" for top-level code
}

// Error is the error every runtime entry point returns for a failure in
// script code: the Python exception type and message and the script
// backtrace, outermost call first. Use errors.As to reach it.
type Error struct {
	Type      string // Python exception type, such as "ValueError"
	Message   string
	Traceback []Frame
	// SourceLine and Caret describe a SyntaxError's position. Caret is
	// the 1-based column of the caret line, or 0 for none.
	SourceLine string
	Caret      int
	// Cause is the exception of "raise ... from cause", and Context
	// the exception being handled when this one was raised. Format
	// prints Cause, or Context unless SuppressContext is set, first.
	Cause           *Error
	Context         *Error
	SuppressContext bool
	// Notes are the exception's __notes__, which CPython 3.11 prints
	// one per line after the message.
	Notes []string
	cause error
}

func (e *Error) Error() string {
	if e.Message == "" {
		return e.Type
	}
	return e.Type + ": " + e.Message
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.cause }

// Format renders the error as CPython prints an uncaught exception, but
// without source lines; Runtime.FormatError adds them.
func (e *Error) Format() string { return e.format(nil) }

// format renders the error and the exceptions chained to it, showing
// source lines that lookup returns.
func (e *Error) format(lookup func(file string, line int) string) string {
	var b strings.Builder
	e.formatChain(&b, lookup, map[*Error]bool{})
	return b.String()
}

// formatChain writes the chained exceptions, oldest first, and then e.
func (e *Error) formatChain(b *strings.Builder, lookup func(file string, line int) string, seen map[*Error]bool) {
	seen[e] = true
	switch {
	case e.Cause != nil && !seen[e.Cause]:
		e.Cause.formatChain(b, lookup, seen)
		b.WriteString("\nThe above exception was the direct cause of the following exception:\n\n")
	case e.Context != nil && !e.SuppressContext && !seen[e.Context]:
		e.Context.formatChain(b, lookup, seen)
		b.WriteString("\nDuring handling of the above exception, another exception occurred:\n\n")
	}
	b.WriteString(e.formatOne(lookup))
}

// formatOne renders the error alone.
func (e *Error) formatOne(lookup func(file string, line int) string) string {
	var b strings.Builder
	if (e.Type == "SyntaxError" || e.Type == "IndentationError") && len(e.Traceback) == 1 {
		f := e.Traceback[0]
		fmt.Fprintf(&b, "  File \"%s\", line %d\n", f.File, f.Line)
		source, caretCol := e.SourceLine, e.Caret
		if source == "" && lookup != nil {
			// A resolver error, such as a duplicate parameter, carries
			// only its position.
			source, caretCol = lookup(f.File, f.Line), f.Col
		}
		if source != "" {
			trimmed := strings.TrimLeft(source, " \t")
			fmt.Fprintf(&b, "    %s\n", trimmed)
			// NOTE: CPython 3.11 underlines a whole token or expression
			// with "^^^" for some errors (such as print "x"); this prints
			// one caret at its first column.
			if caretCol > 0 {
				caret := caretCol - (len(source) - len(trimmed))
				fmt.Fprintf(&b, "    %s^\n", strings.Repeat(" ", max(caret-1, 0)))
			}
		}
		b.WriteString(e.Error())
		b.WriteString("\n")
		return b.String()
	}
	// An error raised outside any script frame, such as a call from Go of
	// a missing global, has no frames, and CPython prints no header then.
	if len(e.Traceback) > 0 {
		b.WriteString("Traceback (most recent call last):\n")
	}
	writeFrames(&b, e.Traceback, lookup)
	b.WriteString(e.Error())
	b.WriteString("\n")
	for _, note := range e.Notes {
		b.WriteString(note)
		b.WriteString("\n")
	}
	return b.String()
}

// recursiveCutoff is how many identical consecutive frames a traceback
// shows before it folds the rest into one line, as CPython 3.11 does.
const recursiveCutoff = 3

// writeFrames writes the frames of a traceback, with their source lines
// when lookup finds them. A run of more than recursiveCutoff frames at
// the same file, line and function, which unbounded recursion makes,
// shows its first recursiveCutoff frames and then
// "[Previous line repeated N more times]", as CPython prints it.
func writeFrames(b *strings.Builder, frames []Frame, lookup func(file string, line int) string) {
	count := 0
	for i, f := range frames {
		if i > 0 && !sameFrame(f, frames[i-1]) {
			writeRepeated(b, count)
			count = 0
		}
		count++
		if count > recursiveCutoff {
			continue
		}
		fmt.Fprintf(b, "  File \"%s\", line %d, in %s\n", f.File, f.Line, f.Function)
		if lookup == nil {
			continue
		}
		if src := lookup(f.File, f.Line); src != "" {
			fmt.Fprintf(b, "    %s\n", strings.TrimSpace(src))
		}
	}
	writeRepeated(b, count)
}

// sameFrame reports whether two frames print the same location, which
// is how CPython decides that a frame repeats the one before.
func sameFrame(x, y Frame) bool {
	return x.File == y.File && x.Line == y.Line && x.Function == y.Function
}

// writeRepeated writes the line that replaces the frames past
// recursiveCutoff in a run of count identical frames.
func writeRepeated(b *strings.Builder, count int) {
	n := count - recursiveCutoff
	if n <= 0 {
		return
	}
	plural := "s"
	if n == 1 {
		plural = ""
	}
	fmt.Fprintf(b, "  [Previous line repeated %d more time%s]\n", n, plural)
}

// exceptionNotes returns the notes of the Python exception inside err.
func exceptionNotes(err error) []string {
	var pe *pyobj.Error
	if !errors.As(err, &pe) {
		return nil
	}
	return instanceNotes(pe.Exception())
}

// instanceNotes returns the __notes__ list of exception exc, with each
// value that is not a string in its repr, as CPython 3.11 prints them.
func instanceNotes(exc *pyobj.Instance) []string {
	v, ok := exc.DictGet("__notes__")
	if !ok {
		return nil
	}
	list, ok := v.(*starlark.List)
	if !ok {
		return nil
	}
	var notes []string
	for i := 0; i < list.Len(); i++ {
		note := list.Index(i)
		if s, ok := starlark.AsString(note); ok {
			notes = append(notes, s)
		} else {
			notes = append(notes, note.String())
		}
	}
	return notes
}

// generatorFrames returns the frames of the generator bodies whose
// errors reached a consumer's next() call inside err, outermost first.
func generatorFrames(err error) []Frame {
	var frames []Frame
	var ge *generatorError
	for errors.As(err, &ge) {
		var ee *starlark.EvalError
		if !errors.As(ge.err, &ee) {
			break
		}
		frames = append(frames, starlarkFrames(ee.CallStack)...)
		err = ee.Unwrap()
	}
	return frames
}

// convertError turns any error from compiling or running a script into
// an *Error.
func convertError(thread *starlark.Thread, err error) error {
	if err == nil {
		return nil
	}
	var re *Error
	if errors.As(err, &re) {
		return re
	}
	var se *syntax.SyntaxError
	if errors.As(err, &se) {
		caret := se.Col
		if se.NoCaret {
			caret = 0
		}
		return &Error{Type: se.TypeName(), Message: se.Msg, Traceback: []Frame{{File: se.Filename, Line: se.Line, Col: se.Col}}, SourceLine: se.Text, Caret: caret, cause: err}
	}
	out := &Error{cause: err}
	var ee *starlark.EvalError
	if errors.As(err, &ee) {
		for _, fr := range ee.CallStack {
			if fr.Pos.Line == 0 {
				continue // a Go builtin
			}
			name := fr.Name
			if name == "<toplevel>" {
				name = "<module>"
			}
			out.Traceback = append(out.Traceback, Frame{File: fr.Pos.Filename(), Line: int(fr.Pos.Line), Col: int(fr.Pos.Col), Function: name})
		}
		out.Traceback = append(out.Traceback, generatorFrames(ee.Unwrap())...)
	}
	cause := err
	if thread != nil {
		if pending, ok := thread.Local(pendingErrKey).(error); ok {
			cause = pending
			thread.SetLocal(pendingErrKey, nil)
			out.cause = errors.Join(err, pending) // errors.As reaches both
		}
	}
	out.Type, out.Message = pyobj.Classify(cause)
	out.Notes = exceptionNotes(cause)
	finishError(thread, out, err, cause)
	attachChain(thread, out, cause)
	return out
}
