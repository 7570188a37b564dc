package tests

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// refCase is the subset of a reference case that the training-loop
// tests read.
type refCase struct {
	ID     string `json:"id"`
	Loss   string `json:"loss"`
	Params struct {
		Optimizer struct {
			LearningRate float64 `json:"learning_rate"`
			Momentum     float64 `json:"momentum"`
			WeightDecay  float64 `json:"weight_decay"`
		} `json:"optimizer"`
		Epochs int `json:"epochs"`
	} `json:"params"`
	Inputs []struct {
		Name string          `json:"name"`
		Data json.RawMessage `json:"data"`
	} `json:"inputs"`
	ExpectedStdout      []string         `json:"expected_stdout"`
	ExpectedFinalParams map[string][]any `json:"expected_final_params"`
}

func loadCases(t *testing.T) []refCase {
	t.Helper()
	data, err := os.ReadFile("testdata/mindspore_losses.json")
	if err != nil {
		t.Fatalf("reading reference cases: %v", err)
	}
	var cases []refCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("parsing reference cases: %v", err)
	}
	return cases
}

// trainingLoopScript writes the deterministic tutorial program of a
// TrainingLoop case: Dense(1, 1) with fixed weights, a LossBase L1 loss,
// Momentum, batch 8 without shuffling, LossMonitor.
func trainingLoopScript(c refCase) string {
	opt := c.Params.Optimizer
	return fmt.Sprintf(`import numpy as np
import mindspore.nn as nn
import mindspore.ops as ops
from mindspore import Model, Tensor
from mindspore import dataset as ds
from mindspore.nn import LossBase
from mindspore.train.callback import LossMonitor

class LinearNet(nn.Cell):
    def __init__(self):
        super(LinearNet, self).__init__()
        self.fc = nn.Dense(1, 1, Tensor(np.array([[0.01]], np.float32)), Tensor(np.array([-0.02], np.float32)))

    def construct(self, x):
        return self.fc(x)

class L1Loss(LossBase):
    def __init__(self, reduction="mean"):
        super(L1Loss, self).__init__(reduction)
        self.abs = ops.Abs()

    def construct(self, base, target):
        return self.get_loss(self.abs(base - target))

data = np.array(%s, np.float32)
label = np.array(%s, np.float32)
rows = [(data[i], label[i]) for i in range(len(data))]
dataset = ds.GeneratorDataset(rows, column_names=['data', 'label'], shuffle=False).batch(8)
net = LinearNet()
opt = nn.Momentum(net.trainable_params(), learning_rate=%v, momentum=%v, weight_decay=%v)
model = Model(net, L1Loss(), opt)
model.train(%d, dataset, callbacks=[LossMonitor()], dataset_sink_mode=False)
for p in net.trainable_params():
    print(p.name, p.asnumpy().tolist())
`, c.Inputs[0].Data, c.Inputs[1].Data, opt.LearningRate, opt.Momentum, opt.WeightDecay, c.Params.Epochs)
}

func TestTrainingLoopCases(t *testing.T) {
	ran := 0
	for _, c := range loadCases(t) {
		if c.Loss != "TrainingLoop" {
			continue
		}
		ran++
		t.Run(c.ID, func(t *testing.T) {
			var out bytes.Buffer
			rt := runtime.New(runtime.Options{Stdout: &out})
			if _, err := rt.ExecSource(context.Background(), c.ID+".py", []byte(trainingLoopScript(c))); err != nil {
				t.Fatalf("script failed: %s", rt.FormatError(err))
			}
			lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
			if len(lines) < len(c.ExpectedStdout) {
				t.Fatalf("got %d output lines, want at least %d:\n%s", len(lines), len(c.ExpectedStdout), out.String())
			}
			for i, want := range c.ExpectedStdout {
				if lines[i] != want {
					t.Errorf("line %d: got %q, want %q", i+1, lines[i], want)
				}
			}
			got := map[string][]float64{}
			for _, line := range lines[len(c.ExpectedStdout):] {
				name, values, ok := strings.Cut(line, " ")
				if !ok {
					t.Fatalf("unexpected output line %q", line)
				}
				var nested any
				if err := json.Unmarshal([]byte(values), &nested); err != nil {
					t.Fatalf("parameter line %q: %v", line, err)
				}
				got[name] = flatten(nested)
			}
			for name, want := range c.ExpectedFinalParams {
				g, ok := got[name]
				if !ok {
					t.Errorf("parameter %s missing from output", name)
					continue
				}
				w := flatten(any(want))
				for i := range w {
					if math.Abs(g[i]-w[i]) > 1e-6*math.Max(1, math.Abs(w[i])) {
						t.Errorf("%s[%d] = %.9g, want %.9g", name, i, g[i], w[i])
					}
				}
			}
		})
	}
	if ran != 2 {
		t.Fatalf("ran %d TrainingLoop cases, want 2", ran)
	}
}

func flatten(v any) []float64 {
	switch x := v.(type) {
	case float64:
		return []float64{x}
	case []any:
		var out []float64
		for _, e := range x {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return nil
}
