package cuda_test

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// programs are the tutorial programs, the digits, iris and diabetes
// programs, the language examples and a run of every loss of the
// catalogue with its gradient, which must print on the GPU what they
// print on the CPU, within float32 rounding. scripts/digits_checkpoint.py
// is left out because it writes checkpoint files into the repository.
var programs = []string{
	"scripts/tutorial/builtin_l1.py",
	"scripts/tutorial/custom_l1_cell.py",
	"scripts/tutorial/linear_fit.py",
	"scripts/tutorial/lossbase_subclass.py",
	"scripts/tutorial/two_label_fit.py",
	"scripts/digits.py",
	"scripts/iris_adam.py",
	"scripts/diabetes_lr.py",
	"scripts/lang/config_registry.py",
	"scripts/lang/data_pipeline.py",
	"scripts/lang/linear_regression.py",
	"scripts/lang/metrics.py",
	"scripts/lang/ms_custom_loss.py",
	"scripts/lang/ms_dataset_model.py",
	"scripts/lang/ms_mlp_cells.py",
	"scripts/lang/ms_train_step.py",
	"scripts/lang/softmax_classifier.py",
	"scripts/lang/training_callbacks.py",
	"engine/cuda/testdata/losses.py",
}

// pythonOnly are the programs above that compute with plain Python
// values and NumPy arrays, so they launch no kernels on the GPU.
var pythonOnly = map[string]bool{
	"scripts/lang/config_registry.py":    true,
	"scripts/lang/data_pipeline.py":      true,
	"scripts/lang/linear_regression.py":  true,
	"scripts/lang/metrics.py":            true,
	"scripts/lang/softmax_classifier.py": true,
	"scripts/lang/training_callbacks.py": true,
}

func runProgram(t *testing.T, path, device string) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(root, path))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out, Files: os.DirFS(root), Dir: root, Argv: []string{path}, Device: device})
	if _, err := rt.ExecSource(context.Background(), path, src); err != nil {
		t.Fatalf("%s on %s failed:\n%s", path, device, rt.FormatError(err))
	}
	return out.String()
}

var (
	number = regexp.MustCompile(`-?[0-9]+\.?[0-9]*(e[-+]?[0-9]+)?`)
	spaces = regexp.MustCompile(`\s+`)
)

// sameOutput compares two program outputs: the text between numbers
// exactly but for spaces, which NumPy's array printing pads from the
// values, and the numbers within a relative 1e-3, which
// losses after hundreds of float32 steps keep.
func sameOutput(t *testing.T, cpu, gpu string) {
	t.Helper()
	text := func(s string) string { return spaces.ReplaceAllString(number.ReplaceAllString(s, "#"), "") }
	if a, b := text(cpu), text(gpu); a != b {
		t.Fatalf("outputs differ in text:\nCPU:\n%s\nGPU:\n%s", cpu, gpu)
	}
	want, got := number.FindAllString(cpu, -1), number.FindAllString(gpu, -1)
	for i := range want {
		w, _ := strconv.ParseFloat(want[i], 64)
		g, _ := strconv.ParseFloat(got[i], 64)
		if math.Abs(w-g) > 1e-3*math.Abs(w)+1e-6 {
			t.Errorf("number %d: GPU printed %s, CPU %s", i, got[i], want[i])
		}
	}
}

func TestProgramsOnGPU(t *testing.T) {
	be := backend(t)
	for _, p := range programs {
		t.Run(filepath.Base(p), func(t *testing.T) {
			before := be.KernelLaunches()
			gpu := runProgram(t, p, "GPU")
			if be.KernelLaunches() == before && !pythonOnly[p] {
				t.Error("the program launched no kernels")
			}
			sameOutput(t, runProgram(t, p, "CPU"), gpu)
		})
	}
}
