package runtime

import (
	"context"
	"testing"
)

// TestExceptionNotesPrinted checks an uncaught exception with __notes__
// against CPython 3.11's output, recorded with /usr/bin/python3: each
// note on its own line after the message, a note that is not a string
// in its repr.
func TestExceptionNotesPrinted(t *testing.T) {
	src := `def check(x):
    if x < 0:
        e = ValueError("negative")
        e.__notes__ = ["x must be >= 0", 3]
        raise e
check(-1)
`
	want := `Traceback (most recent call last):
  File "prog.py", line 6, in <module>
    check(-1)
  File "prog.py", line 5, in check
    raise e
ValueError: negative
x must be >= 0
3
`
	rt := New(Options{})
	_, err := rt.ExecSource(context.Background(), "prog.py", []byte(src))
	if err == nil {
		t.Fatal("no error, want an uncaught exception")
	}
	if got := rt.FormatError(err); got != want {
		t.Errorf("traceback differs\n%s", lineDiff(want, got))
	}
}

// TestChainedExceptionNotesPrinted checks that the notes of an exception
// being handled print under its own message, as CPython 3.11 prints them.
func TestChainedExceptionNotesPrinted(t *testing.T) {
	src := `try:
    e = KeyError("k")
    e.__notes__ = ["inner note"]
    raise e
except KeyError:
    raise ValueError("outer")
`
	want := `Traceback (most recent call last):
  File "prog.py", line 4, in <module>
    raise e
KeyError: 'k'
inner note

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "prog.py", line 6, in <module>
    raise ValueError("outer")
ValueError: outer
`
	rt := New(Options{})
	_, err := rt.ExecSource(context.Background(), "prog.py", []byte(src))
	if err == nil {
		t.Fatal("no error, want an uncaught exception")
	}
	if got := rt.FormatError(err); got != want {
		t.Errorf("traceback differs\n%s", lineDiff(want, got))
	}
}
