package runtime

import (
	"context"
	"testing"
)

// TestParameterSyntaxErrors checks the SyntaxErrors that the resolver
// raises for bad parameter lists against CPython 3.11's output,
// recorded with /usr/bin/python3: message, source line and caret.
func TestParameterSyntaxErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"def f(a=1, b):\n    pass\n", `  File "prog.py", line 1
    def f(a=1, b):
               ^
SyntaxError: non-default argument follows default argument
`},
		{"def f(*, **k):\n    pass\n", `  File "prog.py", line 1
    def f(*, **k):
          ^
SyntaxError: named arguments must follow bare *
`},
		{"lambda a, a: 0\n", `  File "prog.py", line 1
    lambda a, a: 0
              ^
SyntaxError: duplicate argument 'a' in function definition
`},
	}
	for _, c := range cases {
		rt := New(Options{})
		_, err := rt.ExecSource(context.Background(), "prog.py", []byte(c.src))
		if err == nil {
			t.Errorf("%q: no error, want SyntaxError", c.src)
			continue
		}
		if got := rt.FormatError(err); got != c.want {
			t.Errorf("%q: output differs\n%s", c.src, lineDiff(c.want, got))
		}
	}
}
