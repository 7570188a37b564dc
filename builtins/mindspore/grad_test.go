package mindspore_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/runtime"
	"go.starlark.net/starlark"
)

// valueAndGradScript differentiates loss(x) = sum((x*w - t)**2) at
// x = [1, 2], w = [3, -1], t = [1, 1]: the residual is [2, -3], the
// loss 13, d/dx = 2*residual*w = [12, 6], d/dw = 2*residual*x = [4, -12].
const valueAndGradScript = `import numpy as np
import mindspore as ms
from mindspore import Tensor, Parameter

w = Parameter(Tensor(np.array([3.0, -1.0], np.float32)), name="w")
t = Tensor(np.array([1.0, 1.0], np.float32))
x = Tensor(np.array([1.0, 2.0], np.float32))

def loss(x):
    r = x * w - t
    return (r * r).sum(), r

(value, residual), (gx, gw) = ms.value_and_grad(loss, 0, [w], has_aux=True)(x)
gw_only = ms.grad(lambda x: loss(x)[0], None, w)(x)
`

func flat(t *testing.T, v starlark.Value) []float64 {
	t.Helper()
	tt, _, ok := tensor.Of(v)
	if !ok {
		if seq, isSeq := v.(starlark.Indexable); isSeq {
			var out []float64
			for i := 0; i < seq.Len(); i++ {
				out = append(out, flat(t, seq.Index(i))...)
			}
			return out
		}
		t.Fatalf("got %s, want a Tensor", v.Type())
	}
	out := make([]float64, tt.Numel())
	for i := range out {
		out[i] = tt.Float(i)
	}
	return out
}

func TestValueAndGradWithAux(t *testing.T) {
	var stdout bytes.Buffer
	mod, err := runtime.New(runtime.Options{Stdout: &stdout}).ExecSource(context.Background(), "vag.py", []byte(valueAndGradScript))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]float64{
		"value":    {13},
		"residual": {2, -3},
		"gx":       {12, 6},
		"gw":       {4, -12},
		"gw_only":  {4, -12},
	}
	for name, w := range want {
		got := flat(t, mod.Globals[name])
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
