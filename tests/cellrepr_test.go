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

// The expected lines follow the extend_repr layouts of MindSpore r1.6's
// mindspore/nn/layer/{conv,normalization,pooling,basic,embedding}.py.
func TestBuiltinCellExtendRepr(t *testing.T) {
	src := `
import mindspore.nn as nn
print(nn.SequentialCell([nn.Conv2d(1, 4, 3), nn.BatchNorm2d(4)]))
print(nn.MaxPool2d(2, 2))
print(nn.AvgPool2d(kernel_size=(2, 2)))
print(nn.Dropout(0.8))
print(nn.Flatten())
print(nn.LayerNorm((3,)))
print(nn.Embedding(5, 2))
`
	want := `SequentialCell<
  (0): Conv2d<input_channels=1, output_channels=4, kernel_size=(3, 3), stride=(1, 1), pad_mode=same, padding=0, dilation=(1, 1), group=1, has_bias=False, weight_init=normal, bias_init=zeros, format=NCHW>
  (1): BatchNorm2d<num_features=4, eps=1e-05, momentum=0.9, gamma=Parameter (name=1.gamma, shape=(4,), dtype=Float32, requires_grad=True), beta=Parameter (name=1.beta, shape=(4,), dtype=Float32, requires_grad=True), moving_mean=Parameter (name=1.moving_mean, shape=(4,), dtype=Float32, requires_grad=False), moving_variance=Parameter (name=1.moving_variance, shape=(4,), dtype=Float32, requires_grad=False)>
  >
MaxPool2d<kernel_size=2, stride=2, pad_mode=VALID>
AvgPool2d<kernel_size=(2, 2), stride=1, pad_mode=VALID>
Dropout<keep_prob=0.8, dtype=Float32>
Flatten<>
LayerNorm<normalized_shape=(3,), begin_norm_axis=-1, begin_params_axis=-1, gammaParameter (name=gamma, shape=(3,), dtype=Float32, requires_grad=True), beta=Parameter (name=beta, shape=(3,), dtype=Float32, requires_grad=True)>
Embedding<vocab_size=5, embedding_size=2, use_one_hot=False, embedding_table=Parameter (name=embedding_table, shape=(5, 2), dtype=Float32, requires_grad=True), dtype=Int32, padding_idx=None>
`
	var out bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out})
	if _, err := rt.ExecSource(context.Background(), "builtin_repr.py", []byte(src)); err != nil {
		t.Fatalf("script failed: %s", rt.FormatError(err))
	}
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
}
