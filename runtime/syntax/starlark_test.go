package syntax

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.starlark.net/starlark"
)

// TestPlainStarlarkMeaning runs each plain Starlark program twice, once
// parsed by go.starlark.net's own parser with its native comparisons
// and once parsed here with the comparison stand-ins, and checks that
// both print the same output.
func TestPlainStarlarkMeaning(t *testing.T) {
	paths, err := filepath.Glob("testdata/starlark/*.star")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no programs in testdata/starlark")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want, err := runNative(path, src)
			if err != nil {
				t.Fatalf("go.starlark.net failed on the program: %v", err)
			}
			res := runProgram(path, string(src))
			if res.err != nil {
				t.Fatalf("run failed: %v", res.err)
			}
			if res.output != want {
				t.Errorf("output differs from go.starlark.net\n--- got ---\n%s--- want ---\n%s", res.output, want)
			}
		})
	}
}

func runNative(filename string, src []byte) (string, error) {
	var out strings.Builder
	thread := &starlark.Thread{Print: func(_ *starlark.Thread, msg string) {
		out.WriteString(msg)
		out.WriteByte('\n')
	}}
	_, err := starlark.ExecFileOptions(fileOptions(), thread, filename, src, nil)
	return out.String(), err
}

// TestLoadStatementRejected checks that a Starlark load statement gets
// a syntax error that points to import, while a Python function named
// load still parses.
func TestLoadStatementRejected(t *testing.T) {
	_, err := Parse("a.star", []byte("load(\"//lib:defs.bzl\", \"f\", g = \"h\")\n"))
	if err == nil || !strings.Contains(err.Error(), "use import") {
		t.Errorf("Parse error = %v, want a load statement error that points to import", err)
	}
	for _, src := range []string{"load('weights.ckpt')\n", "load('a.ckpt', 'b')\n", "model.load('x.star', 'y')\n", "def f():\n    load('x.star', 'y')\n"} {
		if _, err := Parse("a.py", []byte(src)); err != nil {
			t.Errorf("Parse(%q) = %v, want success for an ordinary call", src, err)
		}
	}
}
