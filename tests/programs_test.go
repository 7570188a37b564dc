package tests

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// goldenMetric is one expected line of a program: "key: value" where the
// value is a number within tol of Value, or exactly Text.
type goldenMetric struct {
	Value *float64 `json:"value"`
	Tol   float64  `json:"tol"`
	Text  *string  `json:"text"`
}

// loadProgramGolden reads testdata/programs/golden.json, which
// testdata/programs/gen_golden.py computes with NumPy by repeating each
// program's training in float32.
func loadProgramGolden(t *testing.T) map[string]map[string]json.RawMessage {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "programs", "golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

// runProgram copies scripts/NAME.py and the data files it reads into a
// fresh directory laid out like the repository, runs it there (so the
// files it writes stay out of the repository) and returns its output
// and the directory.
func runProgram(t *testing.T, name string, data ...string) (string, string) {
	t.Helper()
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "scripts", "data"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range append([]string{name + ".py"}, data...) {
		src, err := os.ReadFile(filepath.Join("..", "scripts", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, "scripts", f), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := "scripts/" + name + ".py"
	src, _ := os.ReadFile(filepath.Join(root, path))
	var out bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &out, Files: os.DirFS(root), Dir: root, Argv: []string{path}})
	if _, err := rt.ExecSource(context.Background(), path, src); err != nil {
		t.Fatalf("%s failed:\n%s\noutput:\n%s", path, rt.FormatError(err), out.String())
	}
	return out.String(), root
}

// checkMetrics compares each golden key with the program's line that
// starts with "key:".
func checkMetrics(t *testing.T, output string, golden map[string]json.RawMessage) {
	t.Helper()
	found := map[string]string{}
	for _, line := range strings.Split(output, "\n") {
		for key := range golden {
			if rest, ok := strings.CutPrefix(line, key+":"); ok {
				found[key] = strings.TrimSpace(rest)
			}
			if rest, ok := strings.CutPrefix(line, key+" "); ok && !strings.Contains(key, ":") {
				if _, done := found[key]; !done {
					found[key] = strings.TrimSpace(rest)
				}
			}
		}
	}
	keys := make([]string, 0, len(golden))
	for k := range golden {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		var g goldenMetric
		if err := json.Unmarshal(golden[key], &g); err != nil || (g.Value == nil && g.Text == nil) {
			continue // a note such as min_margin
		}
		got, ok := found[key]
		if !ok {
			t.Errorf("the output has no %q line:\n%s", key, output)
			continue
		}
		if g.Text != nil {
			if got != *g.Text {
				t.Errorf("%s: got %q, want %q", key, got, *g.Text)
			}
			continue
		}
		v, err := strconv.ParseFloat(got, 64)
		if err != nil {
			t.Errorf("%s: %q is not a number", key, got)
			continue
		}
		if math.Abs(v-*g.Value) > g.Tol {
			t.Errorf("%s: got %v, want %v within %v", key, v, *g.Value, g.Tol)
		}
	}
}

func TestProgramIrisAdamEarlyStopping(t *testing.T) {
	golden := loadProgramGolden(t)["iris_adam"]
	out, _ := runProgram(t, "iris_adam", "data/iris.csv")
	checkMetrics(t, out, golden)
	if !strings.Contains(out, "Epoch 00015: early stopping") {
		t.Errorf("EarlyStopping did not report stopping after epoch 15:\n%s", out)
	}
}

func TestProgramDigitsCheckpointReload(t *testing.T) {
	golden := loadProgramGolden(t)["digits_checkpoint"]
	out, root := runProgram(t, "digits_checkpoint", "data/digits.csv.gz")
	checkMetrics(t, out, golden)
	entries, err := os.ReadDir(filepath.Join(root, "checkpoints"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	// keep_checkpoint_max=3 keeps the files of the last three epochs.
	if want := "digits-5_23.ckpt digits-6_23.ckpt digits-7_23.ckpt"; strings.Join(names, " ") != want {
		t.Errorf("checkpoint files %v, want %s", names, want)
	}
}

func TestProgramDiabetesLearningRateSchedule(t *testing.T) {
	golden := loadProgramGolden(t)["diabetes_lr"]
	out, _ := runProgram(t, "diabetes_lr", "data/diabetes_data_raw.csv.gz", "data/diabetes_target.csv.gz")
	checkMetrics(t, out, golden)
	if !strings.Contains(out, "learning rate: first 0.1 last 0.00439805") {
		t.Errorf("the schedule does not decay 0.1 by 0.8 per epoch over 15 epochs:\n%s", out)
	}
}

func TestProgramFloat16Regression(t *testing.T) {
	golden := loadProgramGolden(t)["float16_regression"]
	out, root := runProgram(t, "float16_regression")
	checkMetrics(t, out, golden)
	info, err := os.Stat(filepath.Join(root, "float16_regression.ckpt"))
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() == 0 {
		t.Errorf("float16_regression.ckpt is empty")
	}
}
