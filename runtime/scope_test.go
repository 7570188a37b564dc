package runtime

import (
	"bytes"
	"context"
	"testing"

	"go.starlark.net/starlark"
)

// TestREPLChunksShareCells runs REPL chunks one by one: names that a
// try block assigns, a global declaration names or del removes must
// reach the globals that later chunks see.
func TestREPLChunksShareCells(t *testing.T) {
	var out bytes.Buffer
	rt := New(Options{Stdout: &out})
	globals := starlark.StringDict{}
	chunks := []string{
		"x = 1",
		"try:\n    x = x + 1\n    y = 10\nexcept ValueError:\n    pass\n",
		"def bump():\n    global x\n    x += 100\n",
		"bump()\n",
		"print(x, y)\n",
		"del y\n",
		"print('y' in dir() if False else x)\n",
		"x = 7\n",
		"bump()\n",
		"print(x)\n",
	}
	for _, chunk := range chunks {
		if err := rt.Eval(context.Background(), "<stdin>", chunk, globals, &out); err != nil {
			t.Fatalf("chunk %q: %v", chunk, err)
		}
	}
	if _, ok := globals["y"]; ok {
		t.Errorf("y is still bound after del y")
	}
	if got, want := out.String(), "102 10\n102\n107\n"; got != want {
		t.Errorf("output = %q, want %q", got, want)
	}
}
