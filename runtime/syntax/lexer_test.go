package syntax

import (
	"math/big"
	"testing"

	starsyntax "go.starlark.net/syntax"
)

// TestLayoutVariants runs small programs whose meaning depends on how
// the lexer treats line endings, indentation and continuation.
func TestLayoutVariants(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"crlf line endings", "if 1:\r\n    x = 1\r\n    y = 2\r\nprint(x + y)\r\n", "3\n"},
		{"cr line endings", "x = '''a\rb'''\rprint(x == 'a\\nb')\r", "True\n"},
		{"byte order mark", "\ufeffprint(1)\n", "1\n"},
		{"no final newline", "def f():\n    return 5\nprint(f())", "5\n"},
		{"tab equals eight spaces", "if 1:\n\tx = 1\n        y = 2\nprint(x + y)\n", "3\n"},
		{"tab after spaces", "if 1:\n    \tx = 1\n        y = 2\nprint(x + y)\n", "3\n"},
		{"form feed resets indentation", "\fx = 1\nprint(x)\n", "1\n"},
		{"comment-only lines at any indent", "def f():\n        # deep\n    x = 1\n# none\n  # odd\n    return x\nprint(f())\n", "1\n"},
		{"dedent to file level at eof", "def f():\n    if 1:\n        return 2", ""},
		{"blank lines with whitespace", "if 1:\n    x = 1\n   \n\t\n    y = 2\nprint(x + y)\n", "3\n"},
		{"continuation inside block", "if 1:\n    x = 1 + \\\n2\n    print(x)\n", "3\n"},
		{"brackets ignore indentation", "x = [\n1,\n        2,\n    3]\nprint(x)\n", "[1, 2, 3]\n"},
		{"comment inside brackets", "x = (1 +  # one\n     2)  # two\nprint(x)\n", "3\n"},
		{"semicolon after block statement", "if 1: x = 1; y = 2;\nprint(x, y)\n", "1 2\n"},
		{"dedent closes several blocks", "for i in [1]:\n    for j in [2]:\n        if 1:\n            z = i + j\nprint(z)\n", "3\n"},
		{"string continuation line", "s = 'a\\\nb'\nprint(s)\n", "ab\n"},
		{"triple-quoted string spans indentation", "def f():\n    return '''x\ny'''\nprint(f() == 'x\\ny')\n", "True\n"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			res := runProgram("layout.py", test.src)
			if res.err != nil {
				t.Fatalf("run failed: %v", res.err)
			}
			if res.output != test.want {
				t.Errorf("output = %q, want %q", res.output, test.want)
			}
		})
	}
}

// TestNumberLiteralValues checks the Literal values that Starlark's
// compiler receives: int64 when the value fits, *big.Int otherwise.
func TestNumberLiteralValues(t *testing.T) {
	huge, _ := new(big.Int).SetString("18446744073709551616", 10)
	tests := []struct {
		src  string
		want any
	}{
		{"0", int64(0)},
		{"1_000", int64(1000)},
		{"0x7fff_ffff_ffff_ffff", int64(9223372036854775807)},
		{"0o777", int64(511)},
		{"0b_1111", int64(15)},
		{"0x1_0000_0000_0000_0000", huge},
		{"18446744073709551616", huge},
		{"1.", 1.0},
		{".5", 0.5},
		{"1e-5", 1e-5},
		{"1_000.5", 1000.5},
		{"1E+3", 1000.0},
	}
	for _, test := range tests {
		f, err := Parse("n.py", []byte(test.src))
		if err != nil {
			t.Errorf("Parse(%q) failed: %v", test.src, err)
			continue
		}
		lit := f.Stmts[0].(*starsyntax.ExprStmt).X.(*starsyntax.Literal)
		switch want := test.want.(type) {
		case *big.Int:
			got, ok := lit.Value.(*big.Int)
			if !ok || got.Cmp(want) != 0 {
				t.Errorf("%s: Value = %v (%T), want *big.Int %v", test.src, lit.Value, lit.Value, want)
			}
		default:
			if lit.Value != want {
				t.Errorf("%s: Value = %v (%T), want %v (%T)", test.src, lit.Value, lit.Value, want, want)
			}
		}
	}
}

// TestStringLiteralValues checks decoded string and bytes values.
func TestStringLiteralValues(t *testing.T) {
	tests := []struct {
		src   string
		token starsyntax.Token
		want  string
	}{
		{`'a\tb'`, starsyntax.STRING, "a\tb"},
		{`"\x41\101\u00e9\U0001F600"`, starsyntax.STRING, "AAé😀"},
		{`"\xff"`, starsyntax.STRING, "\u00ff"},
		{`"\d"`, starsyntax.STRING, `\d`},
		{`r"\n\""`, starsyntax.STRING, `\n\"`},
		{`u"x"`, starsyntax.STRING, "x"},
		{`b"\xff\x00"`, starsyntax.BYTES, "\xff\x00"},
		{`b"\u0041"`, starsyntax.BYTES, `\u0041`},
		{`Rb"\xff"`, starsyntax.BYTES, `\xff`},
		{`'''a
b'''`, starsyntax.STRING, "a\nb"},
		{`"a\
b"`, starsyntax.STRING, "ab"},
		{`"a" 'b' """c"""`, starsyntax.STRING, "abc"},
	}
	for _, test := range tests {
		f, err := Parse("s.py", []byte(test.src))
		if err != nil {
			t.Errorf("Parse(%q) failed: %v", test.src, err)
			continue
		}
		lit := f.Stmts[0].(*starsyntax.ExprStmt).X.(*starsyntax.Literal)
		if lit.Token != test.token {
			t.Errorf("%s: Token = %v, want %v", test.src, lit.Token, test.token)
		}
		if lit.Value != test.want {
			t.Errorf("%s: Value = %q, want %q", test.src, lit.Value, test.want)
		}
	}
}
