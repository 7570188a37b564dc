package syntax

import (
	"errors"
	"strings"
	"testing"
)

// TestSyntaxErrors checks the position and message of each rejected
// construct.
func TestSyntaxErrors(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		msg       string
	}{
		{"star import", "from a import *", 1, 15, "from ... import * is not supported"},
		{"relative import", "from . import x", 1, 6, "relative imports are not supported"},
		{"unknown future", "from __future__ import braces", 1, 24, "future feature braces is not defined"},
		{"super outside method", "def f():\n    return super()", 2, 12, "super() without arguments is only supported inside a method"},
		{"super in lambda in method", "class C:\n    def f(self):\n        return lambda: super()", 3, 24, "only supported inside a method"},
		{"super at class level", "class C:\n    x = super()", 2, 9, "only supported inside a method"},
		{"super without parameter", "class C:\n    def f():\n        super()", 3, 9, "needs a method with a first positional parameter"},
		{"yield as value", "def f():\n    x = yield 1", 2, 9, "yield as a value is not supported yet"},
		{"parenthesized yield", "def f():\n    print((yield))", 2, 12, "yield as a value"},
		{"yield outside function", "yield 1", 1, 1, "'yield' outside function"},
		{"yield in class", "class C:\n    yield 1", 2, 5, "'yield' outside function"},
		{"del call", "del f()", 1, 5, "cannot delete this expression"},
		{"nonlocal without binding", "def f():\n    nonlocal x", 2, 14, "no binding for nonlocal 'x' found"},
		{"nonlocal at module level", "nonlocal x", 1, 1, "nonlocal declaration not allowed at module level"},
		{"try without handler", "try:\n    pass\nx = 1", 3, 1, "expected 'except' or 'finally' block"},
		{"else without except", "try:\n    pass\nelse:\n    pass", 3, 1, "'else' after 'try' needs an 'except' clause first"},
		{"bare except not last", "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass", 5, 1, "a bare 'except:' must be the last except clause"},
		{"except star", "try:\n    pass\nexcept* E:\n    pass", 3, 7, "'except*' (exception groups) is not supported"},
		{"unparenthesized except tuple", "try:\n    pass\nexcept A, B:\n    pass", 3, 9, "multiple exception types must be parenthesized"},
		{"except without try", "except E:\n    pass", 1, 1, "'except' is only valid after 'try'"},
		{"break outside loop", "break", 1, 1, "'break' outside loop"},
		{"continue in try outside loop", "try:\n    continue\nfinally:\n    pass", 2, 5, "'continue' outside loop"},
		{"break in def inside loop", "for x in y:\n    def f():\n        break", 3, 9, "'break' outside loop"},
		{"two starred targets", "a, *b, *c = d", 1, 8, "multiple starred expressions in assignment"},
		{"lone starred target", "*a = b", 1, 1, "a starred assignment target must be in a list or tuple"},
		{"starred value alone", "x = *a", 1, 5, "a starred expression is only allowed in a call"},
		{"nested starred target", "(a, *b), c = d", 1, 5, "a starred assignment target must be directly in a tuple or list"},
		{"starred in chained assignment", "a, *b = c = d", 1, 1, "a starred target in a chained assignment is not supported"},
		{"starred dict key", "x = {*a: 1}", 1, 6, "a starred expression cannot be a dict key"},
		{"async def", "async def f(): pass", 1, 1, "'async' functions and statements are not supported"},
		{"await", "def f():\n    return await g()", 2, 12, "'await' expressions are not supported"},
		{"match", "match x:\n    case 1:\n        pass", 1, 1, "'match' statements are not supported"},
		{"walrus", "if (n := 10) > 5:\n    pass", 1, 7, "assignment expressions (':=') are not supported"},
		{"print chevron", "print >>f, x", 1, 1, "'print >>'"},
		{"python 2 print", "print 'x'", 1, 1, "Missing parentheses in call to 'print'. Did you mean print(...)?"},
		{"load statement", "load(\"//a:b.star\", \"x\")", 1, 1, "load statements are not supported; use import"},
		{"return outside function", "return 1", 1, 1, "'return' outside function"},
		{"return in class body", "class C:\n    return 1", 2, 5, "'return' outside function"},
		{"unclosed paren", "x = (1 +\n", 1, 5, "'(' was never closed"},
		{"unclosed bracket on later line", "a = 1\nb = [1,\n  2", 2, 5, "'[' was never closed"},
		{"unmatched close", "x = 1)", 1, 6, "unmatched ')'"},
		{"mismatched close", "x = (1]", 1, 7, "closing parenthesis ']' does not match opening parenthesis '('"},
		{"unexpected indent", "x = 1\n    y = 2", 2, 5, "unexpected indent"},
		{"bad dedent", "if x:\n        y = 1\n    z = 2", 3, 10, "unindent does not match any outer indentation level"},
		{"missing block", "if x:\ny = 1", 2, 1, "expected an indented block after 'if' statement on line 1"},
		{"missing colon", "def f()\n    pass", 1, 8, "expected ':'"},
		{"unterminated string", "x = 'abc\ny = 1", 1, 5, "unterminated string literal"},
		{"unterminated triple string", "x = '''abc\ny = 1", 1, 5, "unterminated triple-quoted string literal"},
		{"continuation at eof", "x = 1 + \\", 1, 9, "unexpected end of file after line continuation character"},
		{"character after continuation", "x = 1 \\ + 2", 1, 7, "unexpected character after line continuation character"},
		{"leading zero", "x = 012", 1, 5, "leading zeros in decimal integer literals are not permitted"},
		{"bad underscore", "x = 1__0", 1, 6, "'_' must separate digits"},
		{"trailing underscore", "x = 10_", 1, 7, "'_' must separate digits"},
		{"empty hex", "x = 0x", 1, 5, "invalid hexadecimal literal"},
		{"bad binary digit", "x = 0b102", 1, 9, "invalid digit or letter"},
		{"complex literal", "x = 1j", 1, 5, "complex literals are not supported"},
		{"letter after number", "x = 1abc", 1, 6, "invalid digit or letter"},
		{"truncated hex escape", `x = "\x4"`, 1, 6, `truncated \x escape`},
		{"truncated unicode escape", `x = "\u12"`, 1, 6, `truncated \u escape`},
		{"code point too large", `x = "\U00110000"`, 1, 6, "illegal Unicode character"},
		{"named escape", `x = "\N{DASH}"`, 1, 6, `\N{...} escapes are not supported`},
		{"non-ascii bytes", `x = b"é"`, 1, 7, "bytes can only contain ASCII literal characters"},
		{"bytes octal out of range", `x = b"\777"`, 1, 7, "out of range 0-255"},
		{"mixed bytes and str", `x = b"a" "b"`, 1, 10, "cannot mix bytes and nonbytes literals"},
		{"fstring nested spec with conversion", `f"{x:{w!r}}"`, 1, 8, "a nested replacement field in a format spec takes no conversion or spec"},
		{"fstring empty field", `f"{}"`, 1, 3, "f-string: empty expression not allowed"},
		{"fstring single brace", `f"a}b"`, 1, 4, "f-string: single '}' is not allowed"},
		{"fstring unclosed field", `f"{x"`, 1, 3, "f-string: expecting '}'"},
		{"fstring bad conversion", `f"{x!z}"`, 1, 6, "invalid conversion character"},
		{"fstring backslash", `f"{'\n'}"`, 1, 5, "f-string expression part cannot include a backslash"},
		{"fstring syntax error in field", "x = 1\ny = f\"ab{1 +}\"", 2, 13, "invalid syntax"},
		{"assign to literal", "1 = x", 1, 1, "cannot assign to this expression"},
		{"assign to call", "f() = x", 1, 1, "cannot assign to this expression"},
		{"assign to True", "True = 1", 1, 1, "cannot assign to True"},
		{"augmented tuple", "a, b += 1", 1, 1, "an augmented or annotated target must be a name"},
		{"annotated tuple", "a, b: int = 1", 1, 1, "only a single name"},
		{"keyword as name", "def = 1", 1, 5, "invalid syntax"},
		{"keyword in expression", "x = class", 1, 5, "invalid syntax"},
		{"keyword argument expression", "f(a.b=1)", 1, 3, "expression cannot contain assignment"},
		{"unparenthesized generator", "f(a, x for x in y)", 1, 8, "generator expression must be parenthesized"},
		{"decorator without def", "@d\nx = 1", 2, 1, "invalid syntax"},
		{"invalid character", "x = $", 1, 5, "invalid character '$'"},
		{"lone bang", "x = !a", 1, 5, "'!' is only valid as part of '!='"},
		{"null byte", "x = 1\x00", 1, 6, "null bytes"},
		{"nesting too deep", "x = " + strings.Repeat("(", 300) + "1" + strings.Repeat(")", 300), 1, 205, "expression nested too deeply"},
		{"unary nesting too deep", "x = " + strings.Repeat("-", 300) + "1", 1, 204, "expression nested too deeply"},
		{"class star bases", "class C(*bases): pass", 1, 9, "class bases with '*' or '**' are not supported"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			_, err := Parse("test.py", []byte(test.src))
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse error = %v, want a *SyntaxError", err)
			}
			if se.Line != test.line || se.Col != test.col {
				t.Errorf("position = %d:%d, want %d:%d (%s)", se.Line, se.Col, test.line, test.col, se.Msg)
			}
			if !strings.Contains(se.Msg, test.msg) {
				t.Errorf("message = %q, want it to contain %q", se.Msg, test.msg)
			}
			if se.Filename != "test.py" {
				t.Errorf("filename = %q, want test.py", se.Filename)
			}
		})
	}
}

// TestSyntaxErrorReport checks the CPython-style rendering of an error.
func TestSyntaxErrorReport(t *testing.T) {
	_, err := Parse("train.star", []byte("import m\n\n    \nx = (1 +\n"))
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("Parse error = %v, want a *SyntaxError", err)
	}
	want := `  File "train.star", line 4
    x = (1 +
        ^
SyntaxError: '(' was never closed`
	if got := se.Report(); got != want {
		t.Errorf("Report() =\n%s\nwant\n%s", got, want)
	}
	if got, want := se.Error(), "train.star:4:5: '(' was never closed"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if se.Text != "x = (1 +" {
		t.Errorf("Text = %q, want the source line", se.Text)
	}
}

// TestSyntaxErrorReportIndented checks that the caret stays under the
// column when the line's indentation is stripped.
func TestSyntaxErrorReportIndented(t *testing.T) {
	_, err := Parse("f.py", []byte("def f():\n    return x $ y\n"))
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("Parse error = %v, want a *SyntaxError", err)
	}
	want := "  File \"f.py\", line 2\n    return x $ y\n             ^\nSyntaxError: invalid character '$' (U+0024)"
	if got := se.Report(); got != want {
		t.Errorf("Report() =\n%s\nwant\n%s", got, want)
	}
}
