package runtime_test

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/cellscript/cellscript/runtime"
)

// lineLosses are the step losses of trainSource's build(0.1) over two
// epochs, from a float32 NumPy 1.24 re-implementation of the same SGD
// steps on MSE (w, b start at 0; x = arange(16)/16, y = 2x + 1, batches
// of 4 in order).
var lineLosses = []float64{
	1.4296875, 2.0974872, 2.5366507, 2.5037246,
	0.010477476, 0.12064025, 0.3765036, 0.6023998,
}

func checkLosses(t *testing.T, what string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d step losses %v, want %d", what, len(got), got, len(want))
		return
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-6*math.Max(1, want[i]) {
			t.Errorf("%s: step %d loss %v, want %v", what, i+1, got[i], want[i])
		}
	}
}

// buildLine returns the Model and dataset of trainSource.
func buildLine(t *testing.T, rt *runtime.Runtime, extra string) (*runtime.Module, *runtime.Object, *runtime.Object) {
	t.Helper()
	mod := load(t, rt, "train.py", trainSource+extra)
	built, err := mod.Call(context.Background(), "build", 0.1)
	if err != nil {
		t.Fatal(err)
	}
	parts, err := built.Elements()
	if err != nil {
		t.Fatal(err)
	}
	return mod, parts[0], parts[1]
}

func TestTrainHooksSeeEveryStep(t *testing.T) {
	rt, out := newRuntime(t, runtime.Options{})
	mod, model, data := buildLine(t, rt, "")
	monitor, err := mod.Runtime().ExecSource(context.Background(), "cb.py", []byte("from mindspore.train.callback import LossMonitor\nmonitor = LossMonitor()\n"))
	if err != nil {
		t.Fatal(err)
	}
	lossMonitor, _ := monitor.Get("monitor")
	var steps []runtime.TrainStep
	var epochs []runtime.TrainEpoch
	err = rt.Train(context.Background(), model, data, runtime.TrainOptions{
		Epochs:    2,
		Callbacks: []*runtime.Object{lossMonitor},
		StepEnd: func(s runtime.TrainStep) error {
			steps = append(steps, s)
			return nil
		},
		EpochEnd: func(e runtime.TrainEpoch) error {
			epochs = append(epochs, e)
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	var losses []float64
	for i, s := range steps {
		losses = append(losses, s.Loss)
		if s.Step != i+1 || s.Epoch != i/4+1 {
			t.Errorf("step %d reported as epoch %d step %d", i+1, s.Epoch, s.Step)
		}
	}
	checkLosses(t, "Train", losses, lineLosses)
	if len(epochs) != 2 || epochs[0].Steps != 4 || epochs[1].Epoch != 2 {
		t.Fatalf("epochs = %+v, want two of 4 steps", epochs)
	}
	if want := (lineLosses[4] + lineLosses[5] + lineLosses[6] + lineLosses[7]) / 4; math.Abs(epochs[1].MeanLoss-want) > 1e-6 {
		t.Errorf("epoch 2 mean loss %v, want %v", epochs[1].MeanLoss, want)
	}
	if got := strings.Count(out.String(), "loss is"); got != 8 {
		t.Errorf("LossMonitor printed %d lines, want 8:\n%s", got, out)
	}
}

func TestTrainStopFromHook(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	_, model, data := buildLine(t, rt, "")
	var steps, epochs int
	err := rt.Train(context.Background(), model, data, runtime.TrainOptions{
		Epochs: 5,
		StepEnd: func(s runtime.TrainStep) error {
			steps++
			if s.Step == 6 {
				return runtime.ErrStopTraining
			}
			return nil
		},
		EpochEnd: func(runtime.TrainEpoch) error {
			epochs++
			return nil
		},
	})
	if err != nil {
		t.Fatalf("Train after a stop request: %v", err)
	}
	if steps != 6 {
		t.Errorf("ran %d steps, want 6", steps)
	}
	if epochs != 2 {
		t.Errorf("ran %d epoch ends, want 2 (the stopped epoch still ends)", epochs)
	}
}

func TestTrainHookErrorAborts(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	_, model, data := buildLine(t, rt, "")
	diverged := errors.New("loss diverged")
	steps := 0
	err := rt.Train(context.Background(), model, data, runtime.TrainOptions{
		Epochs: 3,
		StepEnd: func(runtime.TrainStep) error {
			steps++
			if steps == 2 {
				return diverged
			}
			return nil
		},
	})
	if !errors.Is(err, diverged) {
		t.Fatalf("Train = %v, want an error wrapping the hook's error", err)
	}
	scriptError(t, err)
	if steps != 2 {
		t.Errorf("ran %d steps after the hook failed, want 2", steps)
	}
}

func TestTrainCancelMidway(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	// A dataset of 10,000 batches takes far longer than the test waits.
	mod := load(t, rt, "long.py", trainSource+`
def build_long():
    x = np.arange(40000, dtype=np.float32).reshape(40000, 1) / 40000
    data = ds.NumpySlicesDataset((x, 2 * x), column_names=["x", "y"], shuffle=False).batch(4)
    net = Line()
    return Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), learning_rate=0.1)), data
`)
	built, err := mod.Call(context.Background(), "build_long")
	if err != nil {
		t.Fatal(err)
	}
	parts, _ := built.Elements()
	ctx, cancel := context.WithCancel(context.Background())
	var cancelledAt time.Time
	steps := 0
	err = rt.Train(ctx, parts[0], parts[1], runtime.TrainOptions{
		Epochs: 1,
		StepEnd: func(runtime.TrainStep) error {
			steps++
			if steps == 20 {
				cancelledAt = time.Now()
				cancel()
			}
			return nil
		},
	})
	latency := time.Since(cancelledAt)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Train after cancel = %v, want context.Canceled", err)
	}
	wantType(t, err, "KeyboardInterrupt")
	if latency > 100*time.Millisecond {
		t.Errorf("Train returned %v after the cancel, want under 100ms", latency)
	}
	if steps > 21 {
		t.Errorf("ran %d steps, want training to stop right after step 20", steps)
	}
	if _, err := mod.Call(context.Background(), "build", 0.1); err != nil {
		t.Errorf("runtime unusable after a cancelled Train: %v", err)
	}
}

func TestTrainArgumentErrors(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod, model, data := buildLine(t, rt, "")
	line, _ := mod.Get("Line")
	ctx := context.Background()
	err := rt.Train(ctx, line, data, runtime.TrainOptions{Epochs: 1})
	wantType(t, err, "TypeError")
	err = rt.Train(ctx, model, data, runtime.TrainOptions{})
	wantType(t, err, "ValueError")
	err = rt.Train(ctx, model, line, runtime.TrainOptions{Epochs: 1})
	wantType(t, err, "TypeError")
	err = rt.Train(ctx, model, nil, runtime.TrainOptions{Epochs: 1})
	wantType(t, err, "TypeError")
}
