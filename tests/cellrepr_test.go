package tests

import (
	"bytes"
	"context"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

func TestCellReprMatchesMindSpore(t *testing.T) {
	src := `
import mindspore.nn as nn

class LinearNet(nn.Cell):
    def __init__(self):
        super(LinearNet, self).__init__()
        self.fc = nn.Dense(1, 1)
        self.act = nn.ReLU()

    def construct(self, x):
        return self.act(self.fc(x))

class Tagged(nn.Cell):
    def extend_repr(self):
        return "tag=7"

print(LinearNet())
print(nn.L1Loss())
print(Tagged())
`
	want := `LinearNet<
  (fc): Dense<input_channels=1, output_channels=1, has_bias=True>
  (act): ReLU<>
  >
L1Loss<>
Tagged<tag=7>
`
	var out bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out})
	if _, err := rt.ExecSource(context.Background(), "repr.py", []byte(src)); err != nil {
		t.Fatalf("script failed: %s", rt.FormatError(err))
	}
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
}
