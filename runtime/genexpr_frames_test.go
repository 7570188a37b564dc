package runtime

import (
	"context"
	"testing"
)

// TestGenexprFrameNames checks that the frame of a generator expression
// reads <genexpr> and a lambda's reads <lambda>, against CPython 3.11's
// traceback recorded with /usr/bin/python3, less its ~^ position lines.
func TestGenexprFrameNames(t *testing.T) {
	src := `def inv(x):
    return 1 / x
f = lambda xs: sum(inv(x) for x in xs)
f([2, 0])
`
	want := `Traceback (most recent call last):
  File "prog.py", line 4, in <module>
    f([2, 0])
  File "prog.py", line 3, in <lambda>
    f = lambda xs: sum(inv(x) for x in xs)
  File "prog.py", line 3, in <genexpr>
    f = lambda xs: sum(inv(x) for x in xs)
  File "prog.py", line 2, in inv
    return 1 / x
ZeroDivisionError: division by zero
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
