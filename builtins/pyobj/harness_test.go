package pyobj

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// scriptOptions are the Starlark dialect the Python front end targets.
var scriptOptions = &syntax.FileOptions{
	While:           true,
	TopLevelControl: true,
	GlobalReassign:  true,
	Recursion:       true,
}

// testPredeclared returns Builtins plus the helpers that testdata/prelude.py
// defines for the CPython reference programs.
func testPredeclared(extra starlark.StringDict) starlark.StringDict {
	d := Builtins()
	d["fails"] = starlark.NewBuiltin("fails", failsBuiltin)
	d["fails_type"] = starlark.NewBuiltin("fails_type", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		result, err := failsBuiltin(thread, b, args, kwargs)
		if err != nil {
			return nil, err
		}
		typ, _, _ := strings.Cut(string(result.(starlark.String)), ":")
		return starlark.String(typ), nil
	})
	d["throw"] = starlark.NewBuiltin("throw", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 1 {
			return nil, fmt.Errorf("throw: got %d arguments, want 1", len(args))
		}
		return nil, Raise(thread, args[0])
	})
	for name, v := range extra {
		d[name] = v
	}
	return d
}

// failsBuiltin calls its first argument with the rest and returns
// "Type: message" for the error, or "no error".
func failsBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, fmt.Errorf("fails: missing function")
	}
	_, err := starlark.Call(thread, args[0], args[1:], kwargs)
	ClearDeferredError(thread)
	if err == nil {
		return starlark.String("no error"), nil
	}
	typ, msg := Classify(err)
	if msg == "" {
		return starlark.String(typ), nil
	}
	return starlark.String(typ + ": " + msg), nil
}

// runScript runs src as a file named name and returns its globals and
// printed output.
func runScript(t *testing.T, name, src string, extra starlark.StringDict) (starlark.StringDict, string, error) {
	t.Helper()
	var out strings.Builder
	thread := &starlark.Thread{
		Name:  name,
		Print: func(_ *starlark.Thread, msg string) { out.WriteString(msg + "\n") },
	}
	globals, err := starlark.ExecFileOptions(scriptOptions, thread, name, src, testPredeclared(extra))
	return globals, out.String(), err
}

// mustRun runs src and fails the test on an error.
func mustRun(t *testing.T, src string, extra starlark.StringDict) (starlark.StringDict, string) {
	t.Helper()
	globals, out, err := runScript(t, "test.star", src, extra)
	if err != nil {
		t.Fatalf("script failed: %s\noutput so far:\n%s", FormatTraceback(err), out)
	}
	return globals, out
}

// TestScriptsMatchCPython runs each testdata/NAME.star and compares its
// output with NAME.golden, which CPython printed for the equivalent
// NAME.py (see testdata/gen_golden.sh).
func TestScriptsMatchCPython(t *testing.T) {
	for _, name := range []string{
		"mro", "super", "attributes", "operators", "protocols",
		"isinstance", "exceptions", "constructors",
	} {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile("testdata/" + name + ".star")
			if err != nil {
				t.Fatal(err)
			}
			golden, err := os.ReadFile("testdata/" + name + ".golden")
			if err != nil {
				t.Fatal(err)
			}
			_, out, err := runScript(t, name+".star", string(src), nil)
			if err != nil {
				t.Fatalf("%s failed: %s\noutput so far:\n%s", name, FormatTraceback(err), out)
			}
			compareLines(t, out, string(golden))
		})
	}
}

// compareLines reports each line of got that differs from want.
func compareLines(t *testing.T, got, want string) {
	t.Helper()
	gotLines := strings.Split(strings.TrimRight(got, "\n"), "\n")
	wantLines := strings.Split(strings.TrimRight(want, "\n"), "\n")
	for i := 0; i < len(gotLines) || i < len(wantLines); i++ {
		var g, w string
		if i < len(gotLines) {
			g = gotLines[i]
		}
		if i < len(wantLines) {
			w = wantLines[i]
		}
		if g != w {
			t.Errorf("line %d:\n got: %s\nwant: %s", i+1, g, w)
		}
	}
}
