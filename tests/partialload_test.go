package tests

import (
	"context"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// TestLoadParamIntoNetIsAllOrNothing loads a parameter dict whose
// weight fits the network and whose bias does not. The load must fail
// without changing the weight, so that a bad checkpoint never leaves a
// network half loaded.
func TestLoadParamIntoNetIsAllOrNothing(t *testing.T) {
	src := `import numpy as np
import mindspore as ms
import mindspore.nn as nn
from mindspore import Tensor, Parameter
net = nn.Dense(2, 2)
before = net.weight.asnumpy().copy()
params = {
    "weight": Parameter(Tensor(np.full((2, 2), 7.0, np.float32)), name="weight"),
    "bias": Parameter(Tensor(np.ones((5,), np.float32)), name="bias"),
}
try:
    ms.load_param_into_net(net, params)
except RuntimeError as e:
    print("RuntimeError:", e)
print("weight unchanged:", bool((net.weight.asnumpy() == before).all()))
`
	var out strings.Builder
	rt := runtime.New(runtime.Options{Stdout: &out})
	if _, err := rt.ExecSource(context.Background(), "partial.py", []byte(src)); err != nil {
		t.Fatal(err)
	}
	want := "RuntimeError: load_param_into_net: bias in net has shape (2,) but parameter_dict['bias'] has shape (5,); check that the checkpoint belongs to this network\nweight unchanged: True\n"
	if out.String() != want {
		t.Errorf("output %q, want %q", out.String(), want)
	}
}
