package tests

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// TestLanguagePrograms runs each program under scripts/lang and
// compares what it prints with its golden output in testdata/lang (see
// testdata/lang/README.md for where the goldens come from).
func TestLanguagePrograms(t *testing.T) {
	scripts, err := filepath.Glob("../scripts/lang/*.py")
	if err != nil {
		t.Fatal(err)
	}
	if len(scripts) < 10 {
		t.Fatalf("found %d programs under scripts/lang, want at least 10", len(scripts))
	}
	for _, script := range scripts {
		name := strings.TrimSuffix(filepath.Base(script), ".py")
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("testdata", "lang", name+".out"))
			if err != nil {
				t.Fatal(err)
			}
			got, err := runLangProgram(script)
			if err != nil {
				t.Fatalf("%s failed:\n%s", name, err)
			}
			if got != string(want) {
				t.Errorf("output of %s differs from its golden\n%s", name, langDifference(string(want), got))
			}
		})
	}
}

// runLangProgram runs a script with its directory as the granted directory
// and sys.argv = [script], returning what it printed.
func runLangProgram(script string) (string, error) {
	dir, err := filepath.Abs(filepath.Dir(script))
	if err != nil {
		return "", err
	}
	var out bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &out, Dir: dir, Files: os.DirFS(dir), Argv: []string{filepath.Base(script)}})
	src, err := os.ReadFile(script)
	if err != nil {
		return "", err
	}
	if _, err := rt.ExecSource(context.Background(), filepath.Base(script), src); err != nil {
		var re *runtime.Error
		if errors.As(err, &re) {
			return out.String(), errors.New(rt.FormatError(err))
		}
		return out.String(), err
	}
	return out.String(), nil
}

// langDifference shows the first line where got departs from want.
func langDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return "(same lines)"
}
