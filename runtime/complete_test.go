package runtime

import (
	"context"
	"io"
	"reflect"
	"slices"
	"testing"

	"go.starlark.net/starlark"
)

// completionSession runs setup in a fresh REPL session and returns the
// runtime and its globals.
func completionSession(t *testing.T, setup string) (*Runtime, starlark.StringDict) {
	t.Helper()
	rt := New(Options{Stdout: io.Discard, Stderr: io.Discard})
	globals := starlark.StringDict{}
	if err := rt.Eval(context.Background(), "<setup>", setup, globals, io.Discard); err != nil {
		t.Fatalf("setup: %v", rt.FormatError(err))
	}
	return rt, globals
}

const completionSetup = `import mindspore as ms
import mindspore.nn as nn
import numpy as np

class Net(nn.Cell):
    def __init__(self, hidden, *, scale=1.0):
        super().__init__()
        self.fc = nn.Dense(2, hidden)
        self.head = nn.SequentialCell([nn.ReLU(), nn.Dense(hidden, 1)])
        self._secret = 1

    def construct(self, x):
        return self.head(self.fc(x))

    @property
    def size(self):
        return 2

def scaled(x, factor=2, *rest, clip=None, **options):
    return x * factor

net = Net(4)
t = ms.Tensor(np.ones((2, 2)), ms.float32)
counter = 3
`

func TestCompleteCases(t *testing.T) {
	rt, globals := completionSession(t, completionSetup)
	cases := []struct {
		line  string
		start int
		want  []string
	}{
		{"nn.Den", 3, []string{"Dense"}},
		{"nn.Seq", 3, []string{"SequentialCell"}},
		{"x = nn.ReL", 7, []string{"ReLU", "ReLU6"}},
		{"t.res", 2, []string{"reshape"}},
		{"t.as", 2, []string{"asnumpy", "astype"}},
		{"net.f", 4, []string{"fc"}},
		{"net.fc.w", 7, []string{"weight"}},
		{"net.fc.weight.sha", 14, []string{"shape"}},
		{"net._s", 4, []string{"_secret"}},
		{"net.size.", 9, nil}, // a property could run code
		{"net.head.app", 9, []string{"append"}},
		{"coun", 0, []string{"counter"}},
		{"pri", 0, []string{"print"}},
		{"whi", 0, []string{"while"}},
		{"nn.Dense(1, 1, we", 15, []string{"weight_init="}},
		{"Net(", 4, []string{"hidden=", "scale="}},
		{"net.construct(", 14, []string{"x="}},
		{"ms.Tensor(np.ones(2), dt", 22, []string{"dtype="}},
		{"print(1, sep", 9, []string{"sep="}},
		{"import mindspore.tr", 17, []string{"train"}},
		{"import num", 7, []string{"numpy"}},
		{"from mindspore.train.callback import Loss", 37, []string{"LossMonitor", "LossPlot"}},
		{"from mindspore import (Mod", 23, []string{"Model"}},
		{"'nn.De", 4, nil},
		{"unknown_name.", 13, nil},
		{"1.", 2, nil},
	}
	for _, c := range cases {
		got := rt.Complete(globals, c.line, len(c.line))
		if got.Start != c.start || !reflect.DeepEqual(got.Candidates, c.want) {
			t.Errorf("Complete(%q) = %d %q, want %d %q", c.line, got.Start, got.Candidates, c.start, c.want)
		}
	}
}

func TestCompleteKeywordsFirst(t *testing.T) {
	rt, globals := completionSession(t, completionSetup)
	cases := []struct {
		line     string
		keywords []string
		names    []string // some of the names that follow
	}{
		{"scaled(1, f", []string{"factor="}, []string{"filter", "float", "for"}},
		{"scaled(1, c", []string{"clip="}, []string{"counter", "class"}},
		{"print(1, se", []string{"sep="}, []string{"setattr"}},
	}
	for _, c := range cases {
		got := rt.Complete(globals, c.line, len(c.line)).Candidates
		if len(got) < len(c.keywords) || !reflect.DeepEqual(got[:len(c.keywords)], c.keywords) {
			t.Errorf("Complete(%q) = %q, want it to start with %q", c.line, got, c.keywords)
			continue
		}
		for _, name := range c.names {
			if !slices.Contains(got, name) {
				t.Errorf("Complete(%q) = %q, want it to contain %q", c.line, got, name)
			}
		}
	}
}

func TestCompleteSkipsGivenKeywords(t *testing.T) {
	rt, globals := completionSession(t, completionSetup)
	line := "nn.Dense(1, 1, has_bias=False, "
	got := rt.Complete(globals, line, len(line)).Candidates
	for _, want := range []string{"in_channels=", "out_channels=", "weight_init=", "bias_init=", "activation="} {
		if !slices.Contains(got, want) {
			t.Errorf("Complete(%q) = %q, want it to contain %q", line, got, want)
		}
	}
	if slices.Contains(got, "has_bias=") {
		t.Errorf("Complete(%q) = %q offers has_bias= again", line, got)
	}
}

func TestCompleteCursorInside(t *testing.T) {
	rt, globals := completionSession(t, completionSetup)
	line := "nn.Den + 1"
	got := rt.Complete(globals, line, len("nn.Den"))
	if got.Start != 3 || !reflect.DeepEqual(got.Candidates, []string{"Dense"}) {
		t.Errorf("Complete at offset 6 = %d %q, want 3 [Dense]", got.Start, got.Candidates)
	}
	if got := rt.Complete(globals, line, 99); got.Start != len(line)-1 {
		t.Errorf("an offset past the end gives start %d, want %d", got.Start, len(line)-1)
	}
}

func TestCompleteRunsNoCode(t *testing.T) {
	rt, globals := completionSession(t, `
calls = []
class Spy:
    @property
    def prop(self):
        calls.append(1)
        return 1
    def __getattr__(self, name):
        calls.append(2)
        return 1
spy = Spy()
`)
	for _, line := range []string{"spy.prop.", "spy.missing.", "spy.pr"} {
		rt.Complete(globals, line, len(line))
	}
	if n := globals["calls"].(*starlark.List).Len(); n != 0 {
		t.Errorf("completion ran script code %d times", n)
	}
}
