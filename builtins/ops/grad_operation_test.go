package ops_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/runtime"
	"go.starlark.net/starlark"
)

// gradScript differentiates f(x, y, z) = x*y*z at x = [1, 2],
// y = [-2, 3], z = [0.5, 3]: df/dx = y*z, df/dy = x*z, df/dz = x*y.
const gradScript = `import numpy as np
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor, Parameter, ParameterTuple

class Net(nn.Cell):
    def construct(self, x, y, z):
        return x * y * z

class Scale(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor(np.array([3.0, -1.0], np.float32)), name="w")
    def construct(self, x):
        return x * self.w

x = Tensor(np.array([1.0, 2.0], np.float32))
y = Tensor(np.array([-2.0, 3.0], np.float32))
z = Tensor(np.array([0.5, 3.0], np.float32))
net = Net()
first = ops.GradOperation()(net)(x, y, z)
all_inputs = ops.GradOperation(get_all=True)(net)(x, y, z)
with_sens = ops.GradOperation(sens_param=True)(net)(x, y, z, Tensor(np.array([2.0, -1.0], np.float32)))
scale = Scale()
by_list = ops.GradOperation(get_by_list=True)(scale, ParameterTuple(scale.trainable_params()))(x)
`

func values(t *testing.T, v starlark.Value) []float64 {
	t.Helper()
	var out []float64
	if tt, _, ok := tensor.Of(v); ok {
		for i := 0; i < tt.Numel(); i++ {
			out = append(out, tt.Float(i))
		}
		return out
	}
	seq, ok := v.(starlark.Indexable)
	if !ok {
		t.Fatalf("got %s, want a Tensor or a tuple of Tensors", v.Type())
	}
	for i := 0; i < seq.Len(); i++ {
		out = append(out, values(t, seq.Index(i))...)
	}
	return out
}

func TestGradOperationModes(t *testing.T) {
	var stdout bytes.Buffer
	mod, err := runtime.New(runtime.Options{Stdout: &stdout}).ExecSource(context.Background(), "grad.py", []byte(gradScript))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]float64{
		"first":      {-1, 9},
		"all_inputs": {-1, 9, 0.5, 6, -2, 6},
		"with_sens":  {-2, -9},
		"by_list":    {1, 2},
	}
	for name, w := range want {
		got := values(t, mod.Globals[name])
		if len(got) != len(w) {
			t.Errorf("%s = %v, want %v", name, got, w)
			continue
		}
		for i := range w {
			if got[i] != w[i] {
				t.Errorf("%s = %v, want %v", name, got, w)
				break
			}
		}
	}
}
