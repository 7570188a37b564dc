package tests

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNumPyPrograms runs the NumPy programs in testdata/numpy and
// compares their output with what CPython 3.11 with NumPy 1.24.2 printed
// for the same file (the .golden beside each program, recorded with
// `python3 testdata/numpy/NAME.py > testdata/numpy/NAME.golden` run from
// another directory, since np_random.py must not shadow the random
// module).
func TestNumPyPrograms(t *testing.T) {
	programs, err := filepath.Glob("testdata/numpy/*.py")
	if err != nil {
		t.Fatal(err)
	}
	if len(programs) == 0 {
		t.Fatal("no programs in testdata/numpy")
	}
	for _, prog := range programs {
		name := strings.TrimSuffix(filepath.Base(prog), ".py")
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(prog, ".py") + ".golden")
			if err != nil {
				t.Fatal(err)
			}
			got := runScript(t, filepath.Join("tests", prog))
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(gl) && i < len(wl); i++ {
					if gl[i] != wl[i] {
						t.Fatalf("line %d differs from NumPy:\n got: %s\nwant: %s", i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("output has %d lines, NumPy printed %d", len(gl), len(wl))
			}
		})
	}
}
