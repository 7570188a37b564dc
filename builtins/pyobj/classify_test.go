package pyobj

import (
	"errors"
	"fmt"
	"testing"

	"go.starlark.net/starlark"
)

// TestClassifyStarlarkErrors runs programs that fail inside
// go.starlark.net. Each expected type is what CPython 3.11 raises for the
// same Python code.
func TestClassifyStarlarkErrors(t *testing.T) {
	for _, tc := range []struct {
		src     string
		want    string
		noRecur bool // run without the Recursion option
	}{
		{src: `1 + "a"`, want: "TypeError"},
		{src: `-"a"`, want: "TypeError"},
		{src: `[1][5]`, want: "IndexError"},
		{src: `()[0]`, want: "IndexError"},
		{src: `"ab"[9]`, want: "IndexError"},
		{src: `{}["k"]`, want: "KeyError"},
		{src: `(1).foo`, want: "AttributeError"},
		{src: `"abc".nope()`, want: "AttributeError"},
		{src: `undefined_name`, want: "NameError"},
		{src: "def f():\n    x += 1\nf()", want: "NameError"},
		{src: `1 // 0`, want: "ZeroDivisionError"},
		{src: `1 / 0`, want: "ZeroDivisionError"},
		{src: `1 % 0`, want: "ZeroDivisionError"},
		{src: `1.0 / 0.0`, want: "ZeroDivisionError"},
		{src: "def f(n):\n    return f(n)\nf(1)", want: "RecursionError", noRecur: true},
		{src: "def f(n):\n    return f(n + 1)\nf(1)", want: "RecursionError"},
		{src: "def g(a):\n    pass\ng(1, 2)", want: "TypeError"},
		{src: "def g(a):\n    pass\ng()", want: "TypeError"},
		{src: "def g(a):\n    pass\ng(b=1)", want: "TypeError"},
		{src: `{[1]: 2}`, want: "TypeError"},
		{src: "x = {}\nx[[1]] = 1", want: "TypeError"},
		{src: `(1)()`, want: "TypeError"},
		{src: "for x in 1:\n    pass", want: "TypeError"},
		{src: `(1)[0]`, want: "TypeError"},
		{src: "a, b = [1, 2, 3]", want: "ValueError"},
		{src: "a, b = [1]", want: "ValueError"},
		{src: `int("x")`, want: "ValueError"},
		{src: `fail("boom")`, want: "RuntimeError"},
		{src: `1 +`, want: "SyntaxError"},
		{src: `ValueError("vv") + 1`, want: "TypeError"},
		{src: `__assert_fail__("checked")`, want: "AssertionError"},
		{src: `__assert_fail__()`, want: "AssertionError"},
	} {
		t.Run(tc.src, func(t *testing.T) {
			options := *scriptOptions
			options.Recursion = !tc.noRecur
			thread := &starlark.Thread{Name: "classify"}
			_, err := starlark.ExecFileOptions(&options, thread, "classify.star", tc.src, Builtins())
			if err == nil {
				t.Fatal("program succeeded, want an error")
			}
			typ, msg := Classify(err)
			if typ != tc.want {
				t.Errorf("Classify(%q) = %s, want %s", err, typ, tc.want)
			}
			if msg == "" && tc.want != "AssertionError" {
				t.Errorf("Classify(%q) returned an empty message", err)
			}
		})
	}
}

func TestClassifyKeepsPythonErrors(t *testing.T) {
	wrapped := fmt.Errorf("conv2d: %w", ValueErrorf("kernel size %d is negative", -1))
	if typ, msg := Classify(wrapped); typ != "ValueError" || msg != "kernel size -1 is negative" {
		t.Errorf("Classify(wrapped ValueError) = %s, %q", typ, msg)
	}
	if typ, msg := Classify(nil); typ != "" || msg != "" {
		t.Errorf("Classify(nil) = %q, %q, want empty", typ, msg)
	}
	if typ, _ := Classify(errors.New("ModuleNotFoundError: No module named 'x'")); typ != "ModuleNotFoundError" {
		t.Errorf("Classify of a Python-formatted message = %s, want ModuleNotFoundError", typ)
	}
	if typ, _ := Classify(errors.New("something odd")); typ != "RuntimeError" {
		t.Errorf("Classify of an unknown message = %s, want RuntimeError", typ)
	}

	thread := &starlark.Thread{Name: "classify"}
	_, err := starlark.ExecFileOptions(scriptOptions, thread, "raise.star", `
def outer():
    return int(object())
outer()
`, Builtins())
	var evalErr *starlark.EvalError
	if !errors.As(err, &evalErr) {
		t.Fatalf("error %v is not an EvalError", err)
	}
	if typ, msg := Classify(err); typ != "TypeError" || msg != "int() argument must be a string, a bytes-like object or a real number, not 'object'" {
		t.Errorf("Classify(EvalError of TypeError) = %s, %q", typ, msg)
	}
}

// boolFailsSource defines a class whose __bool__ raises, which Truth can
// only report by cancelling the thread.
const boolFailsSource = `
def _Shaky():
    def __bool__(self):
        return throw(ValueError("ambiguous truth value"))
    def __next__(self):
        return throw(KeyError("bad batch"))
    def __iter__(self):
        return self
    return {"__bool__": __bool__, "__next__": __next__, "__iter__": __iter__}

Shaky = __class__("Shaky", (), _Shaky, None)
`

func TestDeferredErrorsStopThread(t *testing.T) {
	for _, tc := range []struct {
		name, src, wantType, wantMsg string
	}{
		{"truth", "if Shaky():\n    print('unreachable')", "ValueError", "ambiguous truth value"},
		{"for loop", "for x in Shaky():\n    print('unreachable')", "KeyError", "'bad batch'"},
		{"sorted", "sorted(Shaky())", "KeyError", "'bad batch'"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var printed []string
			thread := &starlark.Thread{Name: tc.name, Print: func(_ *starlark.Thread, msg string) { printed = append(printed, msg) }}
			_, err := starlark.ExecFileOptions(scriptOptions, thread, "deferred.star", boolFailsSource+tc.src, testPredeclared(nil))
			if err == nil {
				t.Fatal("program succeeded, want an error")
			}
			if len(printed) > 0 {
				t.Errorf("program went on after the error and printed %q", printed)
			}
			typ, msg := Classify(err)
			if typ != tc.wantType || msg != tc.wantMsg {
				t.Errorf("Classify = %s, %q, want %s, %q", typ, msg, tc.wantType, tc.wantMsg)
			}
			deferred := ClearDeferredError(thread)
			if typ, _ := Classify(deferred); typ != tc.wantType {
				t.Errorf("ClearDeferredError returned %v, want a %s", deferred, tc.wantType)
			}
			if _, err := starlark.ExecFileOptions(scriptOptions, thread, "after.star", "x = 1", nil); err != nil {
				t.Errorf("thread still fails after ClearDeferredError: %v", err)
			}
			if ClearDeferredError(thread) != nil {
				t.Error("second ClearDeferredError returned an error")
			}
		})
	}
}

func TestDirectConversionsReturnErrors(t *testing.T) {
	_, out := mustRun(t, boolFailsSource+`
print(fails(lambda: bool(Shaky())))
print(fails(lambda: list(Shaky())))
print(fails(lambda: tuple(Shaky())))
print(fails(lambda: 1 in Shaky()))
print("still running")
`, nil)
	want := `ValueError: ambiguous truth value
KeyError: 'bad batch'
KeyError: 'bad batch'
KeyError: 'bad batch'
still running
`
	compareLines(t, out, want)
}

func TestRecursionThroughMethods(t *testing.T) {
	_, out := mustRun(t, `
def _Loop():
    def spin(self, n):
        return self.spin(n + 1)
    return {"spin": spin}

Loop = __class__("Loop", (), _Loop, None)
print(fails_type(lambda: Loop().spin(0)))
`, nil)
	compareLines(t, out, "RecursionError\n")
}

func TestFormatTraceback(t *testing.T) {
	thread := &starlark.Thread{Name: "tb"}
	_, err := starlark.ExecFileOptions(scriptOptions, thread, "model.star", `
def check(x):
    if __lt__(x, 0):
        throw(ValueError("x must be non-negative, got %d" % x))
def run():
    check(-2)
run()
`, testPredeclared(nil))
	want := `Traceback (most recent call last):
  File "model.star", line 7, in <toplevel>
  File "model.star", line 6, in run
  File "model.star", line 4, in check
ValueError: x must be non-negative, got -2`
	if got := FormatTraceback(err); got != want {
		t.Errorf("FormatTraceback =\n%s\nwant\n%s", got, want)
	}
	if got := FormatTraceback(ValueErrorf("plain")); got != "ValueError: plain" {
		t.Errorf("FormatTraceback of a bare error = %q", got)
	}
}
