package main

import (
	"strings"
	"testing"
)

func TestREPLPipedSession(t *testing.T) {
	dir := t.TempDir()
	writeScript(t, dir, "args.py", "import sys\nfrom_script = sys.argv\n")
	stdin := strings.Join([]string{
		"x = 20",
		"class Counter:",
		"    def __init__(self, start):",
		"        self.n = start",
		"",
		"    def bump(self):",
		"        self.n = self.n + 1",
		"        return self.n",
		"",
		"Counter(x).bump() + Counter(x).bump()",
		"%who",
		"%time x * 2",
		"%run args.py one two",
		"from_script",
		"import sys",
		"sys.argv",
		"1 // 0",
		"x + 1",
		"%reset -f",
		"%who",
		"%frob",
		"len?",
		"None",
	}, "\n") + "\n"
	stdout, stderr, code := runPiped(t, dir, stdin)
	if code != 0 {
		t.Fatalf("status %d, stderr %q", code, stderr)
	}
	wantOut := []string{
		"42",
		"Counter\tx",
		"Wall time: ",
		"40",
		"['args.py', 'one', 'two']",
		"['']",
		"21",
		"Interactive namespace is empty.",
		"Help on built-in function len:",
		"",
		"len(obj)",
		"    The number of elements of obj; the first dimension of a tensor.",
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != len(wantOut) {
		t.Fatalf("stdout has %d lines, want %d:\n%s", len(lines), len(wantOut), stdout)
	}
	for i, want := range wantOut {
		if !strings.HasPrefix(lines[i], want) || (want != "Wall time: " && lines[i] != want) {
			t.Errorf("stdout line %d = %q, want %q", i, lines[i], want)
		}
	}
	for _, want := range []string{
		"cellscript " + version + " on CPU",
		">>> ",
		"... ",
		"  File \"<python-input-9>\", line 1, in <module>\n    1 // 0\nZeroDivisionError",
		"UsageError: Line magic function `%frob` not found",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestREPLPendingBlockAtEOF(t *testing.T) {
	stdout, stderr, code := runPiped(t, t.TempDir(), "for i in range(3):\n    print(i)")
	if code != 0 || stdout != "0\n1\n2\n" {
		t.Errorf("status %d, stdout %q, stderr %q; want the block to run", code, stdout, stderr)
	}
}

// TestREPLEchoesNestedExpressions checks that every expression statement
// of an input echoes its value, inside top-level blocks too, and that
// del and None do not, as in CPython's interactive mode.
func TestREPLEchoesNestedExpressions(t *testing.T) {
	input := "for i in range(3):\n    i\n\n1; 2\nx = [1]\ndel x[0]\nif True:\n    'yes'\n\nNone\nx\n"
	stdout, stderr, code := runPiped(t, t.TempDir(), input)
	want := "0\n1\n2\n1\n2\n'yes'\n[]\n"
	if code != 0 || stdout != want {
		t.Errorf("status %d, stdout %q, stderr %q; want stdout %q", code, stdout, stderr, want)
	}
}

// TestREPLCatchesUndefinedName checks that a NameError of a name no
// statement defines is raised when the read runs, so try/except in the
// REPL catches it.
func TestREPLCatchesUndefinedName(t *testing.T) {
	input := "try:\n    q = nope\nexcept NameError as e:\n    print('caught', e)\n\n"
	stdout, stderr, code := runPiped(t, t.TempDir(), input)
	want := "caught name 'nope' is not defined\n"
	if code != 0 || stdout != want {
		t.Errorf("status %d, stdout %q, stderr %q; want stdout %q", code, stdout, stderr, want)
	}
}

func TestREPLRunMagicBadPath(t *testing.T) {
	dir := t.TempDir()
	writeScript(t, dir, "ok.py", "")
	_, stderr, _ := runPiped(t, dir, "%run nope.py\n%run .\n")
	for _, want := range []string{
		"%run: cannot read nope.py: no such file or directory\n",
		"%run: cannot read .: is a directory\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestRunInteractiveKeepsGlobals(t *testing.T) {
	dir := t.TempDir()
	writeScript(t, dir, "setup.py", "z = 21\nprint('script ran')\n")
	stdout, stderr, code := runPiped(t, dir, "z * 2\n", "run", "-i", "setup.py")
	if code != 0 || stdout != "script ran\n42\n" {
		t.Errorf("status %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestRunInteractiveAfterError(t *testing.T) {
	dir := t.TempDir()
	writeScript(t, dir, "broken.py", "a = 5\nb = 1 // 0\n")
	stdout, stderr, code := runPiped(t, dir, "a + 1\n", "run", "-i", "broken.py")
	if code != 0 || stdout != "6\n" || !strings.Contains(stderr, "ZeroDivisionError") {
		t.Errorf("status %d, stdout %q, stderr %q; want the REPL to open with a = 5", code, stdout, stderr)
	}
}
