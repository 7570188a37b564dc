package checkpoint_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/builtins/checkpoint"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/runtime"
)

const prelude = `import numpy as np
import mindspore as ms
from mindspore import nn, Tensor, Parameter
`

func run(dir, src string) (string, error) {
	var buf bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &buf, Stderr: &buf, Files: os.DirFS(dir), Dir: dir})
	_, err := rt.ExecSource(context.Background(), "t.py", []byte(prelude+src))
	return buf.String(), err
}

func TestScriptRoundTrip(t *testing.T) {
	dir := t.TempDir()
	out, err := run(dir, `
net = nn.Dense(3, 2)
ms.save_checkpoint(net, "model", append_dict={"epoch_num": 7, "lr": 0.5, "note": "iris"})
params = ms.load_checkpoint("model.ckpt")
print(sorted(params.keys()))
print(params["weight"].name, params["epoch_num"].asnumpy().tolist(), params["note"])
other = nn.Dense(3, 2)
print(ms.load_param_into_net(other, params))
print(np.array_equal(other.weight.asnumpy(), net.weight.asnumpy()), np.array_equal(other.bias.asnumpy(), net.bias.asnumpy()))
bigger = nn.SequentialCell([nn.Dense(3, 2), nn.ReLU()])
ms.save_checkpoint(bigger, "seq.ckpt")
plain = nn.Dense(3, 2)
print(ms.load_param_into_net(plain, ms.load_checkpoint("seq.ckpt")), np.array_equal(plain.weight.asnumpy(), bigger[0].weight.asnumpy()))
print(ms.load_param_into_net(nn.Dense(3, 2), ms.load_checkpoint("model.ckpt", filter_prefix="bias")))
ms.save_checkpoint([{"name": "w", "data": Tensor(np.arange(6, dtype=np.float64).reshape(2, 3))}], "list.ckpt")
print(ms.load_checkpoint("list.ckpt")["w"].asnumpy().tolist())
`)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	want := []string{
		"['bias', 'epoch_num', 'lr', 'note', 'weight']",
		"weight 7 iris",
		"[]",
		"True True",
		"[] True",
		"['bias']",
		"[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]",
	}
	got := strings.Split(strings.TrimSpace(out), "\n")
	for i, w := range want {
		if i >= len(got) || got[i] != w {
			t.Errorf("line %d: got %q, want %q", i, pick(got, i), w)
		}
	}
	files, _ := os.ReadDir(dir)
	for _, f := range files {
		if strings.Contains(f.Name(), ".tmp") {
			t.Errorf("temporary file %s was left behind", f.Name())
		}
	}
}

func pick(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return "<missing>"
}

func TestScriptReadsHandBuiltFile(t *testing.T) {
	dir := t.TempDir()
	// One Float32 value "weight" of shape (2, 3) holding 1..6, assembled
	// from checkpoint.proto field by field.
	data := []byte{0x0a, 0x31, 0x0a, 0x06, 'w', 'e', 'i', 'g', 'h', 't', 0x12, 0x27,
		0x08, 0x02, 0x08, 0x03, 0x12, 0x07, 'F', 'l', 'o', 'a', 't', '3', '2', 0x1a, 0x18,
		0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x40, 0x40,
		0x00, 0x00, 0x80, 0x40, 0x00, 0x00, 0xa0, 0x40, 0x00, 0x00, 0xc0, 0x40}
	if err := os.WriteFile(filepath.Join(dir, "hand.ckpt"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := run(dir, `
p = ms.load_checkpoint("hand.ckpt")["weight"]
print(p.dtype, p.shape, p.asnumpy().tolist())
net = nn.Dense(3, 2, has_bias=False)
print(ms.load_param_into_net(net, {"weight": p}), net.weight.asnumpy().sum())
`)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if want := "Float32 (2, 3) [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]\n[] 21.0\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestScriptErrors(t *testing.T) {
	dir := t.TempDir()
	w, _ := engine.FromFloat32([]float32{1, 2, 3, 4}, 2, 2)
	good, err := checkpoint.Encode([]checkpoint.Entry{{Name: "weight", Tensor: w}})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"cut.ckpt":     good[:len(good)-5],
		"empty.ckpt":   {},
		"foreign.ckpt": []byte("\x89PNG\r\n\x1a\n not a checkpoint"),
		"good.ckpt":    good,
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct{ src, typ, want string }{
		{`ms.load_checkpoint("cut.ckpt")`, "ValueError", "'cut.ckpt' is not a valid MindSpore checkpoint: truncated"},
		{`ms.load_checkpoint("empty.ckpt")`, "ValueError", "'empty.ckpt' is not a valid MindSpore checkpoint: the file is empty"},
		{`ms.load_checkpoint("foreign.ckpt")`, "ValueError", "'foreign.ckpt' is not a valid MindSpore checkpoint"},
		{`ms.load_checkpoint("missing.ckpt")`, "ValueError", "'missing.ckpt' does not exist"},
		{`ms.load_checkpoint("good.txt")`, "ValueError", "should end with '.ckpt'"},
		{`ms.save_checkpoint(nn.Dense(2, 2), "../outside.ckpt")`, "PermissionError", "outside the directory"},
		{`ms.load_param_into_net(nn.Dense(3, 2), ms.load_checkpoint("good.ckpt"))`, "RuntimeError", "shape"},
	}
	for _, c := range cases {
		_, err := run(dir, c.src+"\n")
		var re *runtime.Error
		if c.typ == "PermissionError" && pyobj.ExceptionClass(c.typ) == nil {
			// NOTE: the object model has no PermissionError class yet, so
			// core.Errorf raises a RuntimeError with the same message.
			c.typ = "RuntimeError"
		}
		if !errors.As(err, &re) || re.Type != c.typ || !strings.Contains(re.Message, c.want) {
			t.Errorf("%s: got %v, want a %s containing %q", c.src, err, c.typ, c.want)
		}
	}
	// A failed load leaves the network's parameters as they were.
	out, err := run(dir, `
net = nn.Dense(2, 2, has_bias=True)
before = net.weight.asnumpy().copy()
bad = {"weight": Parameter(Tensor(np.ones((2, 2), np.float32)), name="weight"), "bias": Parameter(Tensor(np.ones((3,), np.float32)), name="bias")}
try:
    ms.load_param_into_net(net, bad)
except RuntimeError:
    print("raised", np.array_equal(before, net.weight.asnumpy()))
`)
	if err != nil || strings.TrimSpace(out) != "raised True" {
		t.Errorf("partial load check printed %q (%v), want raised True", out, err)
	}
}
