package syntax

import "testing"

func TestIncomplete(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want bool
	}{
		{"empty", "", false},
		{"simple statement", "x = 1\n", false},
		{"simple statement without newline", "x = 1", false},
		{"expression", "1 + 2", false},
		{"open paren", "x = (1 +\n", true},
		{"open bracket over lines", "x = [1,\n  2,\n", true},
		{"open brace then blank line", "d = {\n\n", true},
		{"closed brackets", "x = [1,\n 2]\n", false},
		{"open paren with a def inside", "class B:\n    def f(self):\n        g(\n    def h(self):\n", false},
		{"open paren with juxtaposed names", "f(a b\n", false},
		{"open paren after a comma", "f(1,\n", true},
		{"open brace after a colon", "d = {'a':\n", true},
		{"trailing backslash", "x = 1 + \\\n", true},
		{"trailing backslash without newline", "x = 1 + \\", true},
		{"unterminated triple quote", "s = '''abc\n", true},
		{"unterminated triple double quote", "s = \"\"\"abc\ndef\n\n", true},
		{"terminated triple quote", "s = '''abc\n'''\n", false},
		{"string continued by backslash", "s = 'abc\\\n", true},
		{"class header", "class X:\n", true},
		{"def header", "def f():\n", true},
		{"if header", "if c:\n", true},
		{"block body without blank line", "if c:\n    x = 1\n", true},
		{"block ended by blank line", "if c:\n    x = 1\n\n", false},
		{"block ended by whitespace line", "def f():\n    return 1\n    \n", false},
		{"one-line block", "if c: x = 1\n", true},
		{"one-line block ended", "if c: x = 1\n\n", false},
		{"decorator", "@d\n", true},
		{"decorated def", "@d\ndef f():\n    pass\n", true},
		{"else line", "if c:\n    x = 1\nelse:\n", true},
		{"header with comment", "for i in x:  # loop\n", true},
		{"header without its colon", "if True\n", false},
		{"def header without its colon", "def f()\n", false},
		{"body line with an error", "for i in x:\n    y = = 1\n", false},
		{"match header, which fails at once as unsupported", "match x:\n", false},
		{"syntax error", "x = = 1\n", false},
		{"unterminated single quote", "s = 'abc\n", false},
		{"unmatched close", "x = 1)\n", false},
		{"colon inside dict", "d = {1: 2}\n", false},
		{"lambda", "f = lambda: 0\n", false},
		{"bad dedent", "if c:\n        x\n    y\n", false},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			if got := Incomplete(test.src); got != test.want {
				t.Errorf("Incomplete(%q) = %v, want %v", test.src, got, test.want)
			}
		})
	}
}

// TestParseREPL checks that a finished REPL chunk parses with the file
// options and that Incomplete's verdicts agree with the parser.
func TestParseREPL(t *testing.T) {
	f, err := ParseREPL("<stdin>", []byte("def f(x):\n    return x ** 2\n\n"))
	if err != nil {
		t.Fatalf("ParseREPL failed: %v", err)
	}
	if len(f.Stmts) != 1 {
		t.Errorf("got %d statements, want 1", len(f.Stmts))
	}
	if o := f.Options; o == nil || !o.Set || !o.While || !o.TopLevelControl || !o.GlobalReassign || !o.Recursion {
		t.Errorf("Options = %+v, want Set, While, TopLevelControl, GlobalReassign and Recursion", o)
	}
	if _, err := ParseREPL("<stdin>", []byte("x = (1 +\n")); err == nil {
		t.Error("ParseREPL of an input that Incomplete accepts as unfinished succeeded, want an error")
	}
}
