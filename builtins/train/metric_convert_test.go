package train_test

import (
	"testing"
)

// TestMetricConvertData checks Metric._convert_data, which custom metrics
// call in update: Tensors and lists become NumPy arrays, arrays pass
// unchanged and other values raise TypeError.
func TestMetricConvertData(t *testing.T) {
	src := `import mindspore
from mindspore import nn
class Custom(nn.Metric):
    def clear(self):
        pass
m = Custom()
a = m._convert_data(mindspore.Tensor(np.array([1.5, 2.0], np.float32)))
print(type(a).__name__, a.dtype, a)
b = m._convert_data([[1, 2], [3, 4]])
print(type(b).__name__, b.shape, b.sum())
c = np.zeros(3)
print(m._convert_data(c) is c)
try:
    m._convert_data(3)
except TypeError:
    print("TypeError")
`
	want := []string{"ndarray float32 [1.5 2. ]", "ndarray (2, 2) 10", "True", "TypeError"}
	got := lines(run(t, "", src))
	if len(got) != len(want) {
		t.Fatalf("printed %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d: got %q, want %q", i+1, got[i], want[i])
		}
	}
}
