package tests

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// TestSyntaxErrorReports runs each malformed program in
// testdata/syntaxerrors and compares the report with what CPython 3.11.2
// printed for it: the .golden beside it, recorded with
// `/usr/bin/python3 NAME.py 2>&1`, with the directory CPython puts before
// the file name removed.
func TestSyntaxErrorReports(t *testing.T) {
	programs, err := filepath.Glob("testdata/syntaxerrors/*.py")
	if err != nil {
		t.Fatal(err)
	}
	if len(programs) < 15 {
		t.Fatalf("found %d programs in testdata/syntaxerrors, want at least 15", len(programs))
	}
	for _, prog := range programs {
		name := filepath.Base(prog)
		t.Run(strings.TrimSuffix(name, ".py"), func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(prog, ".py") + ".golden")
			if err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(prog)
			if err != nil {
				t.Fatal(err)
			}
			rt := runtime.New(runtime.Options{})
			_, err = rt.ExecSource(context.Background(), name, src)
			if err == nil {
				t.Fatal("the program ran, want a syntax error")
			}
			if got := rt.FormatError(err); got != string(want) {
				t.Errorf("report differs from CPython's\n got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
