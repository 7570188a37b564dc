package syntax

import (
	"errors"
	"os"
	"testing"

	"go.starlark.net/starlark"
	starsyntax "go.starlark.net/syntax"
)

// innermostFrame returns the innermost call frame of err that lies in
// the user's file, skipping Go builtins.
func innermostFrame(t *testing.T, err error, filename string) starlark.CallFrame {
	t.Helper()
	var evalErr *starlark.EvalError
	if !errors.As(err, &evalErr) {
		t.Fatalf("error = %v, want a *starlark.EvalError", err)
	}
	stack := evalErr.CallStack
	for k := len(stack) - 1; k >= 0; k-- {
		if stack[k].Pos.Filename() == filename {
			return stack[k]
		}
	}
	t.Fatalf("no frame in %s: %s", filename, evalErr.Backtrace())
	return starlark.CallFrame{}
}

func TestRuntimeErrorPositions(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		function  string
		line, col int32
	}{
		{"inside a method", "class C:\n    def m(self, x):\n        return x + 's'\nC.m(None, 1)\n", "m", 3, 18},
		{"inside a class body", "class D:\n    x = 1\n    y = x // 0\n", "<class D>", 3, 11},
		{"inside a comparison", "x = 1\ny = x < 'a'\n", "<toplevel>", 2, 7},
		{"inside an equality in an assert", "x = [1]\nassert x >= 'a', 'msg'\n", "<toplevel>", 2, 10},
		{"inside a comparison chain", "x = 1\ny = 0 <= x < 'a'\n", "<toplevel>", 2, 7},
		{"inside a chain operand", "x = 1\ny = 0 <= x < 1 // 0\n", "lambda", 2, 16},
		{"inside a generator", "def g():\n    yield 1\n    yield 1 // 0\nlist(g())\n", "<generator g>", 3, 13},
		{"inside a power", "x = 2 ** 'a'\n", "<toplevel>", 1, 7},
		{"inside an f-string field", "x = 1\ny = f'{x + \"s\"}'\n", "<toplevel>", 2, 10},
		{"inside a decorator", "def d(f):\n    return 1 // 0\n@d\ndef f(): pass\n", "d", 2, 14},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			res := runProgram("pos.py", test.src)
			if res.err == nil {
				t.Fatal("program succeeded, want a runtime error")
			}
			frame := innermostFrame(t, res.err, "pos.py")
			if frame.Name != test.function {
				t.Errorf("innermost function = %q, want %q", frame.Name, test.function)
			}
			if frame.Pos.Line != test.line || frame.Pos.Col != test.col {
				t.Errorf("position = %d:%d, want %d:%d", frame.Pos.Line, frame.Pos.Col, test.line, test.col)
			}
		})
	}
}

// TestSyntaxErrorPositionInField checks that an error inside an f-string
// field on a later line of a triple-quoted string points into the field.
func TestSyntaxErrorPositionInField(t *testing.T) {
	src := "x = 1\ns = f'''first\n  {x +* 2}'''\n"
	_, err := Parse("pos.py", []byte(src))
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("Parse error = %v, want a *SyntaxError", err)
	}
	if se.Line != 3 || se.Col != 7 {
		t.Errorf("position = %d:%d, want 3:7 (%s)", se.Line, se.Col, se.Msg)
	}
	if se.Text != "  {x +* 2}'''" {
		t.Errorf("Text = %q, want the third source line", se.Text)
	}
}

// checkPositions reports every node of f whose start position is not a
// real position in filename.
func checkPositions(t *testing.T, f *starsyntax.File, filename string) {
	t.Helper()
	starsyntax.Walk(f, func(n starsyntax.Node) bool {
		if n == nil {
			return false
		}
		if _, ok := n.(*starsyntax.File); ok {
			return true // an empty file has no span
		}
		start, _ := n.Span()
		if !start.IsValid() || start.Line < 1 || start.Col < 1 || start.Filename() != filename {
			t.Errorf("%T has position %v, want a position in %s", n, start, filename)
		}
		return true
	})
}

// TestAllNodesHavePositions parses every testdata program and checks
// that desugaring left no node without a position.
func TestAllNodesHavePositions(t *testing.T) {
	for _, file := range testdataPrograms(t) {
		f, err := Parse(file.name, file.src)
		if err != nil {
			t.Fatalf("%s: %v", file.name, err)
		}
		checkPositions(t, f, file.name)
	}
}

// TestPositionsOfDesugaredNodes checks that synthesised calls carry the
// position of the operator or statement they come from.
func TestPositionsOfDesugaredNodes(t *testing.T) {
	f, err := Parse("p.py", []byte("import a.b\nx = y ** 2\nassert x\n"))
	if err != nil {
		t.Fatal(err)
	}
	imp := f.Stmts[0].(*starsyntax.AssignStmt)
	if got := imp.RHS.(*starsyntax.CallExpr).Lparen; got.Line != 1 || got.Col != 1 {
		t.Errorf("__import__ call at %v, want p.py:1:1", got)
	}
	if got := imp.LHS.(*starsyntax.Ident).NamePos; got.Line != 1 || got.Col != 8 {
		t.Errorf("bound name at %v, want p.py:1:8", got)
	}
	pow := f.Stmts[1].(*starsyntax.AssignStmt).RHS.(*starsyntax.CallExpr)
	if got := pow.Lparen; got.Line != 2 || got.Col != 7 {
		t.Errorf("__pow__ call at %v, want p.py:2:7", got)
	}
	assert := f.Stmts[2].(*starsyntax.IfStmt)
	if got := assert.If; got.Line != 3 || got.Col != 1 {
		t.Errorf("assert at %v, want p.py:3:1", got)
	}
}

// TestRealisticModelCodeCompiles parses typical MindSpore training code
// and compiles it with every free name treated as predeclared.
func TestRealisticModelCodeCompiles(t *testing.T) {
	src, err := os.ReadFile("testdata/fuzz_seeds/lenet.py")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse("lenet.py", src)
	if err != nil {
		t.Fatalf("Parse failed: %v", err)
	}
	checkPositions(t, f, "lenet.py")
	if _, err := starlark.FileProgram(f, func(string) bool { return true }); err != nil {
		t.Errorf("FileProgram failed: %v", err)
	}
}
