package tensor_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// TestExpandAsAndParameterStr checks Tensor.expand_as against
// np.broadcast_to under NumPy 1.24.2, and that str() and repr() of a
// Parameter are MindSpore r1.6's Parameter.__str__, without the values.
func TestExpandAsAndParameterStr(t *testing.T) {
	src := `import numpy as np
import mindspore as ms
from mindspore import Tensor, Parameter
x = Tensor(np.array([[1], [2]]), ms.int32)
print(x.expand_as(Tensor(np.zeros((2, 3)), ms.float32)))
print(x.expand_as(Tensor(np.zeros((2, 3)), ms.float32)).dtype)
p = Parameter(Tensor(np.ones((2, 3)), ms.float32), name="w", requires_grad=False)
print(p)
print([p])
print(str(p) == repr(p))
`
	want := "[[1 1 1]\n [2 2 2]]\nInt32\n" +
		"Parameter (name=w, shape=(2, 3), dtype=Float32, requires_grad=False)\n" +
		"[Parameter (name=w, shape=(2, 3), dtype=Float32, requires_grad=False)]\nTrue\n"
	var out bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &out})
	if _, err := rt.ExecSource(context.Background(), "expand.py", []byte(src)); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if got := out.String(); got != want {
		t.Errorf("printed\n%s\nwant\n%s", got, want)
	}
}

// TestExpandAsRejectsBadShape checks that expand_as raises for a shape
// the tensor does not broadcast to.
func TestExpandAsRejectsBadShape(t *testing.T) {
	src := "import numpy as np\nfrom mindspore import Tensor\nTensor(np.ones(3)).expand_as(Tensor(np.ones((2, 4))))\n"
	rt := runtime.New(runtime.Options{})
	if _, err := rt.ExecSource(context.Background(), "expand.py", []byte(src)); err == nil {
		t.Fatal("expand_as from (3,) to (2, 4) did not raise")
	}
}

// TestTypeReprNamesModule checks that type() of a Tensor and a
// Parameter prints MindSpore r1.6's class path, while an attribute
// error keeps the bare class name, as MindSpore's do.
func TestTypeReprNamesModule(t *testing.T) {
	src := `import numpy as np
from mindspore import Tensor, Parameter
x = Tensor(np.ones(2, np.float32))
print(type(x), type(Parameter(x, name="w")), type(np.ones(2)))
try:
    x.foo
except AttributeError as e:
    print(e)
`
	want := "<class 'mindspore.common.tensor.Tensor'> <class 'mindspore.common.parameter.Parameter'> <class 'numpy.ndarray'>\n" +
		"'Tensor' object has no attribute 'foo'\n"
	var out bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &out})
	if _, err := rt.ExecSource(context.Background(), "types.py", []byte(src)); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if got := out.String(); got != want {
		t.Errorf("printed\n%s\nwant\n%s", got, want)
	}
}
