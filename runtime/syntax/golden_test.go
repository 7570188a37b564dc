package syntax

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoldenPrograms runs each testdata program through Parse and
// go.starlark.net with the stand-ins and compares the printed output
// with the output CPython printed for the same program.
func TestGoldenPrograms(t *testing.T) {
	for _, program := range testdataPrograms(t) {
		file := program.path
		name := strings.TrimSuffix(filepath.Base(file), ".py")
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(file, ".py") + ".out")
			if err != nil {
				t.Fatal(err)
			}
			res := runProgram(program.name, string(program.src))
			if res.err != nil {
				t.Fatalf("run failed: %v", res.err)
			}
			if res.output != string(want) {
				t.Errorf("output differs from CPython\n--- got ---\n%s--- want ---\n%s", res.output, want)
			}
		})
	}
}

// testdataProgram is one Python program under testdata/programs.
type testdataProgram struct {
	path string
	name string // base name, used as the file name when parsing
	src  []byte
}

func testdataPrograms(t *testing.T) []testdataProgram {
	t.Helper()
	paths, err := filepath.Glob("testdata/programs/*.py")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no programs in testdata/programs")
	}
	var programs []testdataProgram
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		programs = append(programs, testdataProgram{path: path, name: filepath.Base(path), src: src})
	}
	return programs
}
