package runtime

import (
	"context"
	"testing"
)

// TestChainedTracebacks checks the text of uncaught chained exceptions
// against CPython 3.11's, recorded with /usr/bin/python3 and with the
// ~^ position lines removed, which this runtime does not print.
func TestChainedTracebacks(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"direct cause",
			`def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise ValueError("missing " + k) from e
lookup({}, "q")
`,
			`Traceback (most recent call last):
  File "prog.py", line 3, in lookup
    return d[k]
KeyError: 'q'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "prog.py", line 6, in <module>
    lookup({}, "q")
  File "prog.py", line 5, in lookup
    raise ValueError("missing " + k) from e
ValueError: missing q
`},
		{"during handling",
			`def parse(s):
    try:
        return int(s)
    except ValueError:
        return {}[s]
parse("x")
`,
			`Traceback (most recent call last):
  File "prog.py", line 3, in parse
    return int(s)
ValueError: invalid literal for int() with base 10: 'x'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "prog.py", line 6, in <module>
    parse("x")
  File "prog.py", line 5, in parse
    return {}[s]
KeyError: 'x'
`},
		{"context suppressed by from None",
			`try:
    {}["k"]
except KeyError:
    raise RuntimeError("hidden") from None
`,
			`Traceback (most recent call last):
  File "prog.py", line 4, in <module>
    raise RuntimeError("hidden") from None
RuntimeError: hidden
`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rt := New(Options{})
			_, err := rt.ExecSource(context.Background(), "prog.py", []byte(c.src))
			if err == nil {
				t.Fatal("no error, want an uncaught exception")
			}
			if got := rt.FormatError(err); got != c.want {
				t.Errorf("traceback differs\n%s", lineDiff(c.want, got))
			}
		})
	}
}
