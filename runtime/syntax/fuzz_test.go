package syntax

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.starlark.net/starlark"
)

// parseTimeout bounds one fuzz input; parsing is linear, so a real input
// takes microseconds and only a hang comes near this.
const parseTimeout = 10 * time.Second

// FuzzParse checks that Parse and Incomplete never panic or hang, that
// every error is a *SyntaxError from the parser rather than a recovered
// internal failure, and that every tree Parse returns carries positions
// and compiles without panicking in go.starlark.net.
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"testdata/programs/*.py", "testdata/starlark/*.star", "testdata/fuzz_seeds/*.py", "../testdata/lang/*.py"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, path := range paths {
			src, err := os.ReadFile(path)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			checkParse(t, src)
			Incomplete(string(src))
		}()
		select {
		case <-done:
		case <-time.After(parseTimeout):
			t.Fatalf("Parse did not return within %v", parseTimeout)
		}
	})
}

func checkParse(t *testing.T, src []byte) {
	file, err := Parse("fuzz.py", src)
	if err != nil {
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse error %v is a %T, want *SyntaxError", err, err)
		} else if strings.Contains(se.Msg, "internal error") {
			t.Errorf("Parse recovered from a panic: %s", se.Msg)
		}
		return
	}
	checkPositions(t, file, "fuzz.py")
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("go.starlark.net panicked compiling the parsed tree: %v", r)
		}
	}()
	starlark.FileProgram(file, standins().Has)
}
