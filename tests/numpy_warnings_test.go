package tests

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// TestNumPyDivisionWarnings runs testdata/numpy/np_divide_by_zero.py and
// compares what it writes to stderr with the RuntimeWarnings that
// CPython 3.11 with NumPy 1.24.2 printed for it, recorded with
// `python3 testdata/numpy/np_divide_by_zero.py 2> FILE` and the script
// path replaced by PROG. TestNumPyPrograms checks its stdout.
func TestNumPyDivisionWarnings(t *testing.T) {
	const prog = "tests/testdata/numpy/np_divide_by_zero.py"
	want, err := os.ReadFile("testdata/numpy/np_divide_by_zero.stderr")
	if err != nil {
		t.Fatal(err)
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(root, prog))
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &stdout, Stderr: &stderr})
	if _, err := rt.ExecSource(context.Background(), prog, src); err != nil {
		t.Fatalf("%s failed:\n%s", prog, rt.FormatError(err))
	}
	got := strings.ReplaceAll(stderr.String(), prog+":", "PROG:")
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) && i < len(wl); i++ {
		if gl[i] != wl[i] {
			t.Fatalf("stderr line %d differs from NumPy:\n got: %s\nwant: %s", i+1, gl[i], wl[i])
		}
	}
	if len(gl) != len(wl) {
		t.Fatalf("stderr has %d lines, NumPy printed %d:\n%s", len(gl), len(wl), got)
	}
}
