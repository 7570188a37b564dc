package tests

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// badInputPrelude runs before every bad input: the imports and a few
// well-formed values that the lines misuse.
const badInputPrelude = `import math
import numpy as np
import mindspore as ms
import mindspore.nn as nn
import mindspore.ops as ops
import mindspore.dataset as ds
from mindspore import Tensor, Parameter, Model
from mindspore.train.callback import LossMonitor
x = Tensor(np.ones((3, 4), np.float32))
labels = Tensor(np.array([0, 1, 2], np.int32))
a = np.arange(12.0).reshape(3, 4)
net = nn.Dense(4, 2)
opt = nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9)
def rows():
    yield (np.ones(3, np.float32), 1)
`

// badInput is one line that a user could plausibly type, and that must
// raise a Python exception.
type badInput struct {
	module string // the module or area the line exercises
	line   string
}

// badInputs lists the lines the table covers. Each runs after
// badInputPrelude in a fresh runtime that grants a directory holding the
// files that badInputFiles writes.
var badInputs = []badInput{
	// The language and Python's built-ins.
	{"syntax", "def f(:"},
	{"syntax", "x = (1, 2"},
	{"syntax", "class C(object)"},
	{"syntax", "async def f(): pass"},
	{"builtins", "undefined_name + 1"},
	{"builtins", "len(5)"},
	{"builtins", "int('abc')"},
	{"builtins", "float('1.2.3')"},
	{"builtins", "[1, 2, 3][10]"},
	{"builtins", "{'a': 1}['b']"},
	{"builtins", "1 / 0"},
	{"builtins", "'a' + 1"},
	{"builtins", "None.shape"},
	{"builtins", "range(1, 2, 0)"},
	{"builtins", "assert 1 == 2, 'one is not two'"},
	{"builtins", "raise ValueError('raised by the script')"},
	{"builtins", "a, b = [1, 2, 3]"},
	{"builtins", "def f(n):\n    return f(n + 1)\nf(0)"},
	{"builtins", "list(range(1 << 40))"},
	{"builtins", "'ab' * (1 << 40)"},
	{"builtins", "[0] * (1 << 40)"},
	{"builtins", "sorted([1, 'a'])"},
	{"builtins", "max([])"},
	{"builtins", "math.sqrt(-1)"},
	{"builtins", "math.log(0)"},
	{"imports", "import socket"},
	{"imports", "import subprocess"},
	{"imports", "from mindspore import NoSuchThing"},
	{"imports", "import mindspore.nosuchmodule"},

	// Files stay inside the granted directory.
	{"files", "np.loadtxt('/etc/passwd')"},
	{"files", "np.loadtxt('../outside.csv')"},
	{"files", "np.loadtxt('missing.csv')"},
	{"files", "np.loadtxt('ragged.csv', delimiter=',')"},
	{"files", "np.loadtxt('words.csv', delimiter=',')"},
	{"files", "np.loadtxt('broken.csv.gz')"},
	{"files", "ms.save_checkpoint(net, '/tmp/escape.ckpt')"},
	{"files", "ms.save_checkpoint(net, '../escape.ckpt')"},
	{"files", "ms.load_checkpoint('link/secret.ckpt')"},

	// NumPy arrays.
	{"numpy", "np.zeros((1 << 40, 1 << 40))"},
	{"numpy", "np.ones((-1, 3))"},
	{"numpy", "np.zeros((2, 3), dtype='complex64')"},
	{"numpy", "np.arange(0, 10, 0)"},
	{"numpy", "np.arange(0, 1 << 62)"},
	{"numpy", "np.array([[1, 2], [3]])"},
	{"numpy", "np.array([1, 'a'], dtype=np.float32)"},
	{"numpy", "np.array([1, None], dtype=np.int32)"},
	{"numpy", "np.array([1 << 70], dtype=np.int64)"},
	{"numpy", "a.reshape(5, 3)"},
	{"numpy", "a.reshape(-1, -1)"},
	{"numpy", "a[3]"},
	{"numpy", "a[0, 0, 0]"},
	{"numpy", "a[:, 9]"},
	{"numpy", "a[..., ...]"},
	{"numpy", "a['x']"},
	{"numpy", "a[1.5]"},
	{"numpy", "a[np.array([True, False])]"},
	{"numpy", "a + np.ones((2, 4))"},
	{"numpy", "np.dot(a, np.ones((3, 2)))"},
	{"numpy", "a @ np.ones((5,))"},
	{"numpy", "np.concatenate([a, np.ones((3, 5))])"},
	{"numpy", "np.concatenate([a, np.ones((3, 4))], axis=2)"},
	{"numpy", "np.stack([a, np.ones((4, 3))])"},
	{"numpy", "a.sum(axis=5)"},
	{"numpy", "a.transpose((0, 0))"},
	{"numpy", "a.astype('float128')"},
	{"numpy", "np.eye(-2)"},
	{"numpy", "np.eye(1 << 20)"},
	{"numpy", "np.linspace(0, 1, 1 << 40)"},
	{"numpy", "np.random.permutation(1 << 40)"},
	{"numpy", "np.random.normal(0, 1, (1 << 30,))"},
	{"numpy", "np.zeros((2, 100000), np.float32)[[0] * 100000]"},
	{"numpy", "np.linspace(0, 1, -5)"},
	{"numpy", "np.random.normal(0, -1.0, (2, 2))"},
	{"numpy", "np.random.randint(5, 1)"},
	{"numpy", "np.random.choice(0)"},
	{"numpy", "np.float32('abc')"},
	{"numpy", "a.item()"},
	{"numpy", "np.full((2, 2), 'x')"},

	// MindSpore tensors.
	{"tensor", "Tensor([[1.0, 2.0], [3.0]])"},
	{"tensor", "Tensor('text')"},
	{"tensor", "Tensor(np.ones(3), dtype='float99')"},
	{"tensor", "x + Tensor(np.ones((2, 4), np.float32))"},
	{"tensor", "x @ x"},
	{"tensor", "x.reshape((5, 5))"},
	{"tensor", "x.reshape(-1, -2)"},
	{"tensor", "x[5]"},
	{"tensor", "x[0, 1, 2]"},
	{"tensor", "x.sum(axis=3)"},
	{"tensor", "x.mean(axis=(0, 0))"},
	{"tensor", "x.transpose(1, 2)"},
	{"tensor", "x.astype('no_such_dtype')"},
	{"tensor", "x.item()"},
	{"tensor", "x + 'a'"},
	{"tensor", "x[0] = Tensor(np.ones(5, np.float32))"},
	{"tensor", "~x"},
	{"tensor", "Parameter(x, name=3)"},
	{"tensor", "Parameter('weights', name='p')"},
	{"tensor", "Parameter(x, name='p').set_data(Tensor(np.ones((2, 2), np.float32)))"},

	// Primitives and functional ops.
	{"ops", "ops.MatMul()(Tensor(np.ones((3, 4), np.float32)), Tensor(np.ones((5, 2), np.float32)))"},
	{"ops", "ops.MatMul(transpose_b=True)(x, Tensor(np.ones((2, 3), np.float32)))"},
	{"ops", "ops.ReduceMean(keep_dims='yes')(x)"},
	{"ops", "ops.ReduceSum()(x, 7)"},
	{"ops", "ops.Concat(axis=3)((x, x))"},
	{"ops", "ops.Concat()((x, labels))"},
	{"ops", "ops.Transpose()(x, (0,))"},
	{"ops", "ops.Reshape()(x, (7,))"},
	{"ops", "ops.Softmax(axis=4)(x)"},
	{"ops", "ops.Abs()('text')"},
	{"ops", "ops.Add()(x, Tensor(np.ones((2, 2), np.float32)))"},
	{"ops", "ops.OneHot()(labels, -1, Tensor(1.0), Tensor(0.0))"},
	{"ops", "ops.Gather()(x, Tensor(np.array([7], np.int32)), 0)"},
	{"ops", "ops.Cast()(x, 'float99')"},
	{"ops", "ops.ExpandDims()(x, 5)"},
	{"ops", "ops.mse_loss(x, Tensor(np.ones((4, 3), np.float32)))"},

	// Layers and Cells.
	{"nn", "nn.Dense(0, 2)"},
	{"nn", "nn.Dense(4, 2)(Tensor(np.ones((3, 5), np.float32)))"},
	{"nn", "nn.Dense(4, 2, activation='nope')"},
	{"nn", "nn.Dense(4, 2, weight_init='bogus')"},
	{"nn", "nn.Dense('4', 2)"},
	{"nn", "nn.Dense(1 << 30, 4)"},
	{"nn", "nn.Conv2d(3, 8, 3)(Tensor(np.ones((1, 4, 8, 8), np.float32)))"},
	{"nn", "nn.Conv2d(3, 8, 0)"},
	{"nn", "nn.Conv2d(3, 8, 3, pad_mode='diagonal')"},
	{"nn", "nn.MaxPool2d(kernel_size=0)"},
	{"nn", "nn.BatchNorm1d(4)(Tensor(np.ones((3, 5), np.float32)))"},
	{"nn", "nn.Dropout(keep_prob=1.5)"},
	{"nn", "nn.Embedding(10, 3)(Tensor(np.array([11], np.int32)))"},
	{"nn", "nn.Softmax(axis=5)(x)"},
	{"nn", "nn.SequentialCell([nn.Dense(4, 2), 'relu'])"},
	{"nn", "class Net(nn.Cell):\n    def construct(self, x):\n        return self.fc(x)\nNet()(x)"},
	{"nn", "class Net(nn.Cell):\n    def __init__(self):\n        super().__init__()\nNet()(x)"},
	{"nn", "net.no_such_layer"},

	// Losses.
	{"losses", "nn.MSELoss()(x, Tensor(np.ones((4, 3), np.float32)))"},
	{"losses", "nn.MSELoss(reduction='average')"},
	{"losses", "nn.L1Loss(reduction=None)"},
	{"losses", "nn.SmoothL1Loss(beta=-1.0)"},
	{"losses", "nn.SmoothL1Loss(beta='big')"},
	{"losses", "nn.HuberLoss(delta=0.0)"},
	{"losses", "nn.BCELoss()(Tensor(np.ones((16, 1), np.float32)), Tensor(np.ones((16,), np.float32)))"},
	{"losses", "nn.BCEWithLogitsLoss()(x, Tensor(np.ones((3, 4), np.int32)))"},
	{"losses", "nn.SoftmaxCrossEntropyWithLogits(sparse=True)(x, Tensor(np.array([0, 1, 9], np.int32)))"},
	{"losses", "nn.SoftmaxCrossEntropyWithLogits(sparse=True)(x, Tensor(np.array([0.5, 1.0, 2.0], np.float32)))"},
	{"losses", "nn.SoftmaxCrossEntropyWithLogits(sparse=False)(x, labels)"},
	{"losses", "nn.CrossEntropyLoss()(x, Tensor(np.array([0, 1], np.int32)))"},
	{"losses", "nn.CrossEntropyLoss(label_smoothing=2.0)"},
	{"losses", "nn.NLLLoss(ignore_index='x')"},
	{"losses", "nn.FocalLoss(gamma='high')"},
	{"losses", "nn.FocalLoss(weight=[1.0, 2.0])"},
	{"losses", "nn.CosineEmbeddingLoss(margin=3.0)"},
	{"losses", "nn.MarginRankingLoss()(x, x, Tensor(np.ones((2,), np.float32)))"},
	{"losses", "nn.KLDivLoss(reduction='average')"},
	{"losses", "nn.TripletMarginLoss(p='two')"},
	{"losses", "nn.GaussianNLLLoss(eps=-1.0)"},
	{"losses", "nn.MSELoss()(x)"},
	{"losses", "nn.L1Loss()(x, np.ones((3, 4), np.float32))"},
	{"losses", "nn.CrossEntropyLoss()([[1.0, 2.0]], Tensor(np.array([0], np.int32)))"},

	// Optimizers.
	{"optim", "nn.Momentum(net.trainable_params(), learning_rate=-0.1, momentum=0.9)"},
	{"optim", "nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=-0.9)"},
	{"optim", "nn.Momentum([], learning_rate=0.1, momentum=0.9)"},
	{"optim", "nn.SGD(net.trainable_params(), learning_rate='fast')"},
	{"optim", "nn.Adam(net.trainable_params(), beta1=1.5)"},
	{"optim", "nn.Adam(net.trainable_params(), eps=0.0)"},
	{"optim", "nn.Adam([1, 2, 3])"},
	{"optim", "nn.SGD(net.trainable_params(), weight_decay=-1.0)"},

	// Datasets.
	{"dataset", "ds.NumpySlicesDataset((np.ones((4, 2)), np.ones(3)), column_names=['x', 'y'])"},
	{"dataset", "ds.NumpySlicesDataset(np.ones((4, 2)), column_names=['x', 'y'])"},
	{"dataset", "ds.NumpySlicesDataset('data')"},
	{"dataset", "ds.GeneratorDataset(rows, column_names=['x'])\nfor r in ds.GeneratorDataset(rows, column_names=['x']).create_tuple_iterator():\n    pass"},
	{"dataset", "def ragged():\n    yield (np.ones(3, np.float32), 1)\n    yield (np.ones(4, np.float32), 2)\nfor r in ds.GeneratorDataset(ragged, column_names=['x', 'y']).batch(2).create_tuple_iterator():\n    pass"},
	{"dataset", "def mixed():\n    yield (np.ones(3, np.float32), 1)\n    yield (np.ones(3, np.float32), 'cat')\nfor r in ds.GeneratorDataset(mixed, column_names=['x', 'y']).create_tuple_iterator():\n    pass"},
	{"dataset", "def mixed():\n    yield (np.ones(2, np.float32), 1)\n    yield (np.ones(2, np.int32), 2.5)\nfor r in ds.GeneratorDataset(mixed, column_names=['x', 'y']).batch(2).create_tuple_iterator():\n    pass"},
	{"dataset", "def nested():\n    yield ([[1.0, 2.0], [3.0]], 1)\nfor r in ds.GeneratorDataset(nested, column_names=['x', 'y']).create_tuple_iterator():\n    pass"},
	{"dataset", "ds.GeneratorDataset(42, column_names=['x'])"},
	{"dataset", "ds.GeneratorDataset(rows, column_names=[])"},
	{"dataset", "ds.GeneratorDataset(rows, column_names=['x', 'y']).batch(0)"},
	{"dataset", "ds.GeneratorDataset(rows, column_names=['x', 'y']).shuffle(buffer_size=0)"},
	{"dataset", "ds.GeneratorDataset(rows, column_names=['x', 'y']).repeat(-5)"},
	{"dataset", "ds.GeneratorDataset(rows, column_names=['x', 'y']).split([0.5, 0.2])"},
	{"dataset", "ds.GeneratorDataset(rows, column_names=['x', 'y']).map(operations=[lambda v: v], input_columns=['z'])"},
	{"dataset", "ds.GeneratorDataset(rows, column_names=['x', 'y']).take(-3)"},

	// Model, callbacks and metrics.
	{"train", "Model(net, nn.MSELoss(), opt).train(0, ds.GeneratorDataset(rows, column_names=['x', 'y']))"},
	{"train", "Model(net, nn.MSELoss(), opt).train(1, [1, 2, 3])"},
	{"train", "Model(net, nn.MSELoss(), opt).train(1, ds.GeneratorDataset(rows, column_names=['x', 'y']), callbacks=[42])"},
	{"train", "Model(net, nn.MSELoss(), opt).train(1, ds.GeneratorDataset(rows, column_names=['x', 'y']))"},
	{"train", "Model('net')"},
	{"train", "Model(net, nn.MSELoss(), opt, metrics={'acc': 'accuracy'})"},
	{"train", "Model(net, nn.MSELoss(), opt).eval(ds.GeneratorDataset(rows, column_names=['x', 'y']))"},
	{"train", "LossMonitor(per_print_times=-1)"},
	{"train", "nn.Accuracy().eval()"},
	{"train", "ms.set_context(mode='fast')"},
	{"train", "ms.set_context(no_such_option=1)"},
	{"train", "ms.set_seed(-1)"},

	// Checkpoints.
	{"checkpoint", "ms.load_checkpoint('missing.ckpt')"},
	{"checkpoint", "ms.load_checkpoint('empty.ckpt')"},
	{"checkpoint", "ms.load_checkpoint('truncated.ckpt')"},
	{"checkpoint", "ms.load_checkpoint('garbage.ckpt')"},
	{"checkpoint", "ms.load_checkpoint('foreign.ckpt')"},
	{"checkpoint", "ms.load_checkpoint('model.pt')"},
	{"checkpoint", "ms.load_param_into_net(net, {'weight': Parameter(Tensor(np.ones((5, 5), np.float32)), name='weight')})"},
	{"checkpoint", "ms.load_param_into_net(net, [1, 2])"},
	{"checkpoint", "ms.save_checkpoint('not a net', 'out.ckpt')"},
	{"checkpoint", "ms.save_checkpoint([{'name': 'w'}], 'out.ckpt')"},
}

// badInputFiles are the files of the granted directory that the lines
// read: a valid checkpoint cut short, garbage, a zip header and
// malformed CSV files.
func badInputFiles(t *testing.T, dir string) {
	t.Helper()
	files := map[string][]byte{
		"ragged.csv":    []byte("1,2,3\n4,5\n"),
		"words.csv":     []byte("1,2\nthree,4\n"),
		"broken.csv.gz": []byte("this is not gzip data"),
		"empty.ckpt":    {},
		"garbage.ckpt":  []byte("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"),
		"foreign.ckpt":  []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00 a zip archive, not a checkpoint"),
		"model.pt":      []byte("PK\x03\x04"),
	}
	// truncated.ckpt is a valid two-tensor checkpoint cut in its second
	// tensor's content: its first value is whole, so a reader that
	// returned what it parsed would load a partial network.
	files["truncated.ckpt"] = truncatedCheckpoint()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	outside := filepath.Join(filepath.Dir(dir), "secret")
	if err := os.MkdirAll(outside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.ckpt"), truncatedCheckpoint(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
}

// truncatedCheckpoint returns a checkpoint of "a" (Float32 [1.5]) and
// "b" (Float32 [2, 3]) cut three bytes before its end.
func truncatedCheckpoint() []byte {
	value := func(tag string, content []byte, dims ...byte) []byte {
		var tensor []byte
		for _, d := range dims {
			tensor = append(tensor, 0x08, d)
		}
		tensor = append(tensor, 0x12, 7)
		tensor = append(tensor, "Float32"...)
		tensor = append(tensor, 0x1a, byte(len(content)))
		tensor = append(tensor, content...)
		v := append([]byte{0x0a, byte(len(tag))}, tag...)
		v = append(v, 0x12, byte(len(tensor)))
		v = append(v, tensor...)
		return append([]byte{0x0a, byte(len(v))}, v...)
	}
	file := value("a", []byte{0, 0, 0xc0, 0x3f}, 1)
	file = append(file, value("b", []byte{0, 0, 0, 0x40, 0, 0, 0x40, 0x40}, 2)...)
	return file[:len(file)-3]
}

// TestBadInputs runs every bad input and compares the table of the
// exceptions they raise with testdata/bad_inputs.golden. Run
// go test ./tests -run TestBadInputs -update to rewrite it after
// reviewing the new messages.
func TestBadInputs(t *testing.T) {
	if len(badInputs) < 100 {
		t.Fatalf("only %d bad inputs; the table must cover at least 100", len(badInputs))
	}
	root := t.TempDir()
	dir := filepath.Join(root, "granted")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	badInputFiles(t, dir)
	if err := os.WriteFile(filepath.Join(root, "outside.csv"), []byte("1,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	var table strings.Builder
	table.WriteString("# Bad inputs and the exceptions they raise: module | line | type | message\n")
	for _, in := range badInputs {
		typ, msg := runBadInput(t, dir, in)
		fmt.Fprintf(&table, "%s | %s | %s | %s\n", in.module, escapeCell(in.line), typ, escapeCell(msg))
		switch {
		case typ == "no error":
			t.Errorf("%s: %q raised no exception", in.module, in.line)
		case strings.Contains(msg, "Go panic"):
			t.Errorf("%s: %q hit a Go panic: %s", in.module, in.line, msg)
		case msg == "" && typ != "KeyboardInterrupt":
			t.Errorf("%s: %q raised %s without a message", in.module, in.line, typ)
		}
	}
	compareGolden(t, filepath.Join("testdata", "bad_inputs.golden"), table.String())
}

// runBadInput runs one line and returns the exception type and message.
func runBadInput(t *testing.T, dir string, in badInput) (typ, msg string) {
	t.Helper()
	var out strings.Builder
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &out, Dir: dir, MaxTensorBytes: 256 << 20, MaxSteps: 10_000_000})
	defer rt.Close()
	_, err := rt.ExecSource(context.Background(), "bad.py", []byte(badInputPrelude+in.line+"\n"))
	if err == nil {
		return "no error", ""
	}
	var e *runtime.Error
	if !errors.As(err, &e) {
		t.Fatalf("%q: error %v (%T) is not a *runtime.Error", in.line, err, err)
	}
	return e.Type, strings.ReplaceAll(e.Message, dir, "<granted>")
}

// escapeCell keeps a table cell on one line and its separators
// unambiguous.
func escapeCell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", `\n`)
}

// compareGolden compares got with the file at path, or rewrites the
// file under -update.
func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file (run go test ./tests -run TestBadInputs -update): %v", err)
	}
	gotLines, wantLines := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(gotLines), len(wantLines)); i++ {
		var g, w string
		if i < len(gotLines) {
			g = gotLines[i]
		}
		if i < len(wantLines) {
			w = wantLines[i]
		}
		if g != w {
			t.Errorf("%s line %d differs:\n got: %s\nwant: %s", path, i+1, g, w)
		}
	}
}
