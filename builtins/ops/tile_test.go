package ops_test

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// runOps runs a script after importing NumPy, mindspore and ops, and
// returns what it printed.
func runOps(t *testing.T, code string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &out})
	src := "import numpy as np\nimport mindspore as ms\nimport mindspore.ops as ops\nfrom mindspore import Tensor\n" + code
	_, err := rt.ExecSource(context.Background(), "tile_test.py", []byte(src))
	return out.String(), err
}

// TestTileSizeRank compares ops.Tile, ops.Size and ops.Rank with the
// output of np.tile, .size and .ndim under NumPy 1.24.2.
func TestTileSizeRank(t *testing.T) {
	cases := []struct{ name, code, want string }{
		{"tile docstring", "print(ops.Tile()(Tensor(np.array([[1, 2], [3, 4]]), ms.float32), (2, 3)))",
			"[[1. 2. 1. 2. 1. 2.]\n [3. 4. 3. 4. 3. 4.]\n [1. 2. 1. 2. 1. 2.]\n [3. 4. 3. 4. 3. 4.]]\n"},
		{"tile longer multiples", "print(ops.Tile()(Tensor(np.array([1, 2], np.int32)), (2, 1, 2)))",
			"[[[1 2 1 2]]\n\n [[1 2 1 2]]]\n"},
		{"tile dtype", "print(ops.Tile()(Tensor(np.array([1, 2], np.int32)), (3,)).dtype)", "Int32\n"},
		{"size", "print(ops.Size()(Tensor(np.ones((2, 3, 4)), ms.float32)))", "24\n"},
		{"rank", "print(ops.Rank()(Tensor(np.ones((2, 3, 4)), ms.float32)))", "3\n"},
		{"rank scalar", "print(ops.Rank()(Tensor(1.5, ms.float32)))", "0\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := runOps(t, c.code)
			if err != nil {
				t.Fatalf("%s: %v", c.code, err)
			}
			if got != c.want {
				t.Errorf("%s printed\n%s\nwant\n%s", c.code, got, c.want)
			}
		})
	}
}

// TestTileGradient checks that the gradient of sum(Tile(x, m)) is the
// number of copies of each element of x.
func TestTileGradient(t *testing.T) {
	code := `x = Tensor(np.array([[1.0, 2.0, 3.0]]), ms.float32)
f = lambda x: ops.ReduceSum()(ops.Tile()(x, (2, 2)))
print(ops.GradOperation()(f)(x))
`
	got, err := runOps(t, code)
	if err != nil {
		t.Fatal(err)
	}
	if want := "[[4. 4. 4.]]\n"; got != want {
		t.Errorf("gradient %q, want %q", got, want)
	}
}

// TestShapeOpsRejectBadArguments checks the exception types MindSpore
// r1.6 raises for bad Tile multiples and a str dtype given to Cast.
func TestShapeOpsRejectBadArguments(t *testing.T) {
	cases := []struct{ name, code, kind string }{
		{"tile list multiples", "ops.Tile()(Tensor(np.ones((2, 2)), ms.float32), [2, 2])", "TypeError"},
		{"tile short multiples", "ops.Tile()(Tensor(np.ones((2, 2)), ms.float32), (2,))", "ValueError"},
		{"tile zero multiple", "ops.Tile()(Tensor(np.ones((2, 2)), ms.float32), (0, 1))", "ValueError"},
		{"tile float multiple", "ops.Tile()(Tensor(np.ones((2, 2)), ms.float32), (1.5, 1))", "TypeError"},
		{"cast str dtype", "ops.Cast()(Tensor(np.ones(2), ms.float32), 'int32')", "TypeError"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := runOps(t, c.code)
			var re *runtime.Error
			if !errors.As(err, &re) {
				t.Fatalf("%s: got error %v, want a %s", c.code, err, c.kind)
			}
			if re.Type != c.kind {
				t.Errorf("%s raised %s (%s), want %s", c.code, re.Type, re.Error(), c.kind)
			}
		})
	}
}
