package tests

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// TestUserPrograms runs each program under testdata/userprogs, written
// the way MindSpore r1.6 users write them, and compares what it prints,
// with the traceback of an uncaught exception appended, with NAME.out
// (see testdata/userprogs/README.md for where each golden comes from).
// A program without a golden has an output that this suite cannot pin
// down, so it only has to run: it may raise but must not crash the
// runtime.
func TestUserPrograms(t *testing.T) {
	scripts, err := filepath.Glob(filepath.Join("testdata", "userprogs", "*.py"))
	if err != nil {
		t.Fatal(err)
	}
	if len(scripts) < 25 {
		t.Fatalf("found %d programs under testdata/userprogs, want at least 25", len(scripts))
	}
	for _, script := range scripts {
		name := strings.TrimSuffix(filepath.Base(script), ".py")
		t.Run(name, func(t *testing.T) {
			got, err := runUserProgram(script, t.TempDir())
			if err != nil {
				t.Fatalf("%s did not finish: %v", name, err)
			}
			golden := strings.TrimSuffix(script, ".py") + ".out"
			want, err := os.ReadFile(golden)
			if os.IsNotExist(err) {
				t.Skipf("%s has no golden output; it ran and printed:\n%s", name, got)
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("output of %s differs from %s\n%s", name, golden, langDifference(string(want), got))
			}
		})
	}
}

// runUserProgram runs script with dir, an empty directory, as the
// granted directory, so that files the program writes (checkpoints) stay
// out of the repository and cannot leak into the next run. It returns
// the standard output and error followed by the traceback of an uncaught
// Python exception, as `cellrepl run` prints them. The error is non-nil
// only when the run failed in another way.
func runUserProgram(script, dir string) (string, error) {
	src, err := os.ReadFile(script)
	if err != nil {
		return "", err
	}
	var out bytes.Buffer
	base := filepath.Base(script)
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &out, Dir: dir, Files: os.DirFS(dir), Argv: []string{base}})
	if _, err := rt.ExecSource(context.Background(), base, src); err != nil {
		var re *runtime.Error
		if !errors.As(err, &re) {
			return out.String(), err
		}
		out.WriteString(rt.FormatError(err))
	}
	return out.String(), nil
}
