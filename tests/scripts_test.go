package tests

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

var update = flag.Bool("update", false, "rewrite golden files from the current output")

// runScript runs a program from scripts/ with the repository root as its
// granted directory and returns what it printed.
func runScript(t *testing.T, path string) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(root, path))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	// Warnings go to stderr, which the NumPy warning test checks on its own.
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: io.Discard, Files: os.DirFS(root), Dir: root, Argv: []string{path}})
	if _, err := rt.ExecSource(context.Background(), path, src); err != nil {
		t.Fatalf("%s failed:\n%s", path, rt.FormatError(err))
	}
	return out.String()
}

// checkGolden compares output with testdata/golden/NAME.out.
func checkGolden(t *testing.T, name, output string) {
	t.Helper()
	golden := filepath.Join("testdata", "golden", name+".out")
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(output), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("missing golden file (run go test ./tests -update): %v", err)
	}
	if output != string(want) {
		t.Errorf("output of %s differs from %s:\n--- got\n%s--- want\n%s", name, golden, output, want)
	}
}

func TestTutorialBuiltinL1(t *testing.T) {
	out := runScript(t, "scripts/tutorial/builtin_l1.py")
	checkGolden(t, "builtin_l1", out)
	for _, want := range []string{"mean ()\n1.5\n", "sum ()\n9.0\n", "none (2, 3)\n[[1. 0. 2.]\n [1. 2. 3.]]\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestTutorialCustomCell(t *testing.T) {
	out := runScript(t, "scripts/tutorial/custom_l1_cell.py")
	checkGolden(t, "custom_l1_cell", out)
	if !strings.HasPrefix(out, "0.03333334\n") {
		t.Errorf("custom L1 Cell printed %q, want the tutorial's 0.03333334", out)
	}
}

func TestTutorialLossBaseSubclass(t *testing.T) {
	out := runScript(t, "scripts/tutorial/lossbase_subclass.py")
	checkGolden(t, "lossbase_subclass", out)
	for _, want := range []string{"mean 1.5\n", "sum 9.0\n", "none [[1. 0. 2.]\n [1. 2. 3.]]\n", "(0, 1)\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

var monitorLine = regexp.MustCompile(`^epoch: (\d+) step: (\d+), loss is (\S+)$`)

// lossLines parses LossMonitor lines and checks their numbering.
func lossLines(t *testing.T, out string) []float64 {
	t.Helper()
	var losses []float64
	for _, line := range strings.Split(out, "\n") {
		m := monitorLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		if want := strconv.Itoa(len(losses) + 1); m[2] != want || m[1] != "1" {
			t.Errorf("line %q: want epoch 1 step %s", line, want)
		}
		v, err := strconv.ParseFloat(m[3], 64)
		if err != nil {
			t.Fatalf("line %q: loss is not a number", line)
		}
		losses = append(losses, v)
	}
	return losses
}

func TestTutorialFitting(t *testing.T) {
	for _, name := range []string{"linear_fit", "two_label_fit"} {
		t.Run(name, func(t *testing.T) {
			out := runScript(t, "scripts/tutorial/"+name+".py")
			checkGolden(t, name, out)
			losses := lossLines(t, out)
			if len(losses) != 10 {
				t.Fatalf("got %d LossMonitor lines, want 10:\n%s", len(losses), out)
			}
			first := (losses[0] + losses[1]) / 2
			last := (losses[8] + losses[9]) / 2
			if last >= first {
				t.Errorf("loss did not fall: first two steps average %.4f, last two %.4f", first, last)
			}
			if !strings.Contains(out, "['fc.weight', 'fc.bias']") {
				t.Errorf("parameter names missing or wrong:\n%s", out)
			}
		})
	}
}
