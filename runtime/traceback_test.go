package runtime

import (
	"context"
	"regexp"
	"strings"
	"testing"
)

// recursionSource recurses n times and then raises ValueError.
func recursionSource(n string) string {
	return "def f(n):\n    if n == 0:\n        raise ValueError(\"bottom\")\n    return f(n - 1)\nf(" + n + ")\n"
}

// repeatedFrame is the frame that recursionSource repeats.
const repeatedFrame = "  File \"prog.py\", line 4, in f\n    return f(n - 1)\n"

// TestTracebackFoldsRepeatedFrames compares tracebacks of recursion
// with what CPython 3.11 prints for the same program, without the
// "^^^" lines that CPython adds under the failing expression.
func TestTracebackFoldsRepeatedFrames(t *testing.T) {
	head := "Traceback (most recent call last):\n  File \"prog.py\", line 5, in <module>\n"
	tail := "  File \"prog.py\", line 3, in f\n    raise ValueError(\"bottom\")\nValueError: bottom\n"
	threeFrames := strings.Repeat(repeatedFrame, 3)
	cases := []struct {
		depth string
		want  string
	}{
		{"3", head + "    f(3)\n" + threeFrames + tail},
		{"4", head + "    f(4)\n" + threeFrames + "  [Previous line repeated 1 more time]\n" + tail},
		{"10", head + "    f(10)\n" + threeFrames + "  [Previous line repeated 7 more times]\n" + tail},
	}
	for _, c := range cases {
		t.Run("depth "+c.depth, func(t *testing.T) {
			rt := New(Options{})
			_, err := rt.ExecSource(context.Background(), "prog.py", []byte(recursionSource(c.depth)))
			if err == nil {
				t.Fatal("no error, want ValueError")
			}
			if got := rt.FormatError(err); got != c.want {
				t.Errorf("traceback differs\n%s", lineDiff(c.want, got))
			}
		})
	}
}

// TestUnboundedRecursionTraceback checks the type, message and folded
// traceback of recursion without a base case. The number of folded
// frames depends on the interpreter's depth limit, which differs from
// CPython's default of 1000, so only its form is checked.
func TestUnboundedRecursionTraceback(t *testing.T) {
	rt := New(Options{})
	src := "def f(n):\n    return f(n + 1)\nf(0)\n"
	_, err := rt.ExecSource(context.Background(), "prog.py", []byte(src))
	if err == nil {
		t.Fatal("no error, want RecursionError")
	}
	got := rt.FormatError(err)
	frame := "  File \"prog.py\", line 2, in f\n    return f(n + 1)\n"
	want := regexp.MustCompile(`^Traceback \(most recent call last\):\n` +
		`  File "prog\.py", line 3, in <module>\n    f\(0\)\n` +
		regexp.QuoteMeta(strings.Repeat(frame, 3)) +
		`  \[Previous line repeated \d+ more times\]\n` +
		`RecursionError: maximum recursion depth exceeded\n$`)
	if !want.MatchString(got) {
		t.Errorf("traceback does not match %s:\n%s", want, got)
	}
}
