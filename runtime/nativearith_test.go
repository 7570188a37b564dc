package runtime

import (
	"bytes"
	"context"
	"testing"

	"go.starlark.net/starlark"
)

// A REPL chunk may rebind a module name that an earlier chunk's code
// reads, so the front end's native operators must not rely on a
// binding from another chunk. CPython 3.11 prints each want below.
func TestNativeArithAcrossChunks(t *testing.T) {
	var out bytes.Buffer
	rt := New(Options{Stdout: &out, Stderr: &out})
	globals := starlark.StringDict{}
	chunks := []struct{ src, want string }{
		{"a = 1\ndef f():\n    return a - 1\nprint(a - 1)", "0\n"},
		{"a = True\nprint(f(), a - 1)", "0 0\n"},
		{"print(a + 1)\na = 5\nprint(a + 1)", "2\n6\n"},
		{"b = True\nx = b + 1", ""},
		{"print(x, -b, b & 3)", "2 -1 1\n"},
	}
	for _, chunk := range chunks {
		out.Reset()
		if err := rt.Eval(context.Background(), "<input>", chunk.src, globals, &out); err != nil {
			t.Fatalf("%q: %v", chunk.src, rt.FormatError(err))
		}
		if out.String() != chunk.want {
			t.Errorf("%q printed %q, want %q", chunk.src, out.String(), chunk.want)
		}
	}
}
