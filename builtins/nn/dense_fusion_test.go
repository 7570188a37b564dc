package nn_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// TestDenseReLUFusion checks that a SequentialCell running Dense then
// ReLU, and Dense(activation='relu'), give the same outputs and
// gradients, bit for bit, as the cells called one by one, and that a
// ReLU subclass with its own construct is still called.
func TestDenseReLUFusion(t *testing.T) {
	src := `import numpy as np
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Tensor

np.random.seed(3)
x = Tensor(np.random.randn(70, 33).astype(np.float32))
d1, d2 = nn.Dense(33, 40), nn.Dense(40, 5)
relu = nn.ReLU()
seq = nn.SequentialCell([d1, relu, d2])

def by_hand(x):
    return d2(relu(d1(x)))

params = seq.trainable_params()
fused = ms.value_and_grad(lambda x: seq(x).sum(), None, params)(x)
plain = ms.value_and_grad(lambda x: by_hand(x).sum(), None, params)(x)
print(np.array_equal(fused[0].asnumpy(), plain[0].asnumpy()))
print([np.array_equal(a.asnumpy(), b.asnumpy()) for a, b in zip(fused[1], plain[1])])

act = nn.Dense(33, 40, activation='relu')
print(np.array_equal(act(x).asnumpy(), relu(ops.MatMul(transpose_b=True)(x, act.weight) + act.bias).asnumpy()))

class LoudReLU(nn.ReLU):
    def construct(self, x):
        print("LoudReLU called")
        return ops.ReLU()(x) * 2

loud = nn.SequentialCell([d1, LoudReLU()])
print(np.array_equal(loud(x).asnumpy(), (relu(d1(x)) * 2).asnumpy()))
`
	var out bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &out})
	if _, err := rt.ExecSource(context.Background(), "fusion.py", []byte(src)); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	want := "True\n[True, True, True, True]\nTrue\nLoudReLU called\nTrue\n"
	if got := out.String(); got != want {
		t.Errorf("printed\n%s\nwant\n%s", got, strings.TrimSpace(want))
	}
}
