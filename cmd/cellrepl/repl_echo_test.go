package main

import (
	"strings"
	"testing"
)

// TestREPLEchoInTryAndWith checks that expression statements in the
// bodies of try, except, else, finally and with at top level echo their
// values, and those inside a def do not. The expected stdout is
// `/usr/bin/python3 -i` (CPython 3.11) fed the same lines.
func TestREPLEchoInTryAndWith(t *testing.T) {
	stdin := strings.Join([]string{
		"try:",
		"    1/0",
		"except ZeroDivisionError as e:",
		"    e",
		"finally:",
		"    'fin'",
		"",
		"try:",
		"    'body'",
		"except Exception:",
		"    pass",
		"else:",
		"    'else'",
		"",
		"class CM:",
		"    def __enter__(self):",
		"        return 7",
		"    def __exit__(self, *a):",
		"        return True",
		"",
		"with CM() as v:",
		"    v",
		"    {}[1]",
		"    'not reached'",
		"",
		"def f():",
		"    try:",
		"        'inside def'",
		"    finally:",
		"        pass",
		"",
		"f()",
		"for i in range(2):",
		"    try:",
		"        i",
		"    finally:",
		"        -i",
		"",
	}, "\n") + "\n"
	stdout, stderr, code := runPiped(t, t.TempDir(), stdin)
	if code != 0 {
		t.Fatalf("status %d, stderr %q", code, stderr)
	}
	want := "ZeroDivisionError('division by zero')\n'fin'\n'body'\n'else'\n7\n0\n0\n1\n-1\n"
	if stdout != want {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}
}
