package runtime

import (
	"context"
	"testing"
)

// TestNextKeepsConsumerFrames checks that an error a generator body
// raises into next() shows the frames of the consumer above the
// generator's, against CPython 3.11's traceback recorded with
// /usr/bin/python3, less its ~^ position lines.
func TestNextKeepsConsumerFrames(t *testing.T) {
	src := `def inner():
    yield 1 // 0
def gen():
    yield next(inner())
def outer():
    g = gen()
    next(g)
outer()
`
	want := `Traceback (most recent call last):
  File "prog.py", line 8, in <module>
    outer()
  File "prog.py", line 7, in outer
    next(g)
  File "prog.py", line 4, in gen
    yield next(inner())
  File "prog.py", line 2, in inner
    yield 1 // 0
ZeroDivisionError: integer division or modulo by zero
`
	rt := New(Options{})
	_, err := rt.ExecSource(context.Background(), "prog.py", []byte(src))
	if err == nil {
		t.Fatal("no error, want ZeroDivisionError")
	}
	if got := rt.FormatError(err); got != want {
		t.Errorf("traceback differs\n%s", lineDiff(want, got))
	}
}
