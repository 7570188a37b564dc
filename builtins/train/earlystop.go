package train

import (
	"fmt"
	"math"

	"github.com/cellscript/cellscript/builtins/checkpoint"
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// EarlyStopping stops training when a monitored value stops improving.
var EarlyStopping *pyobj.Class

// smallerBetter lists the monitors that auto mode minimizes, as
// MindSpore's _smaller_better_metrics does.
var smallerBetter = map[string]bool{"hausdorff_distance": true, "mae": true, "mse": true, "loss": true, "perplexity": true, "mean_surface_distance": true, "root_mean_square_distance": true, "eval_loss": true}

// earlyStop is the native state of an EarlyStopping instance.
type earlyStop struct {
	monitor          string
	minDelta         float64
	patience         int
	verbose, restore bool
	lower            bool
	baseline         *float64
	wait, stopped    int
	best             float64
	bestWeights      []*engine.Tensor
}

func init() {
	EarlyStopping = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   "EarlyStopping",
		Module: "mindspore.train.callback",
		Doc: `EarlyStopping(monitor='eval_loss', min_delta=0, patience=0, verbose=False, mode='auto', baseline=None, restore_best_weights=False)

At each epoch end, reads monitor ('loss' is the training loss, other
names come from Model.fit's eval results, such as 'eval_loss' or 'acc')
and counts epochs without an improvement larger than min_delta; when the
count reaches patience it requests a stop, restoring the best epoch's
weights with restore_best_weights. mode 'auto' minimizes losses and
errors and maximizes other metrics. NOTE: with patience=0, as in
MindSpore, training stops after the first epoch that reports a value.`,
		Bases: []*pyobj.Class{Callback},
		Methods: []pyobj.Method{
			{Name: "__init__", Func: earlyStopInit},
			{Name: "on_train_begin", Func: earlyStopBegin},
			{Name: "on_train_epoch_end", Func: earlyStopEpochEnd},
			{Name: "on_train_end", Func: earlyStopEnd},
		},
		GetAttr: func(thread *starlark.Thread, self *pyobj.Instance, name string) (starlark.Value, error) {
			es, ok := self.Native.(*earlyStop)
			if !ok {
				return nil, nil
			}
			switch name {
			case "wait":
				return starlark.MakeInt(es.wait), nil
			case "stopped_epoch":
				return starlark.MakeInt(es.stopped), nil
			case "best":
				return starlark.Float(es.best), nil
			case "monitor":
				return starlark.String(es.monitor), nil
			case "patience":
				return starlark.MakeInt(es.patience), nil
			}
			return nil, nil
		},
	})
}

func earlyStopInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	es := &earlyStop{monitor: "eval_loss"}
	mode := "auto"
	var baseline starlark.Value = starlark.None
	if err := starlark.UnpackArgs("EarlyStopping", args, kwargs, "monitor?", &es.monitor, "min_delta?", (*core.Float)(&es.minDelta), "patience?", &es.patience, "verbose?", &es.verbose, "mode?", &mode, "baseline?", &baseline, "restore_best_weights?", &es.restore); err != nil {
		return nil, err
	}
	es.minDelta = math.Abs(es.minDelta)
	if es.patience < 0 {
		return nil, core.Errorf("ValueError", "EarlyStopping: patience must be a non-negative int, but got %d", es.patience)
	}
	if mode != "auto" && mode != "min" && mode != "max" {
		return nil, core.Errorf("ValueError", "mode should be 'auto', 'min' or 'max', but got %s.", mode)
	}
	if baseline != starlark.None {
		f, ok := starlark.AsFloat(baseline)
		if !ok {
			return nil, core.Errorf("TypeError", "EarlyStopping: baseline must be a number, not %s", baseline.Type())
		}
		es.baseline = &f
	}
	es.lower = mode == "min" || (mode == "auto" && smallerBetter[es.monitor])
	es.reset()
	self.Native = es
	return starlark.None, nil
}

func (es *earlyStop) reset() {
	es.wait, es.stopped, es.bestWeights = 0, 0, nil
	es.best = math.Inf(-1)
	if es.lower {
		es.best = math.Inf(1)
	}
}

func (es *earlyStop) improves(a, b float64) bool {
	if es.lower {
		return a < b-es.minDelta
	}
	return a > b+es.minDelta
}

func earlyStopOf(self *pyobj.Instance) (*earlyStop, error) {
	es, ok := self.Native.(*earlyStop)
	if !ok {
		return nil, core.Errorf("RuntimeError", "EarlyStopping.__init__ was not called")
	}
	return es, nil
}

func earlyStopBegin(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	es, err := earlyStopOf(self)
	if err != nil {
		return nil, err
	}
	es.reset()
	return starlark.None, nil
}

func earlyStopEpochEnd(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	es, err := earlyStopOf(self)
	if err != nil {
		return nil, err
	}
	if len(args) != 1 {
		return nil, core.Errorf("TypeError", "on_train_epoch_end takes the run_context")
	}
	params, err := cbParams(args[0])
	if err != nil {
		return nil, err
	}
	current, ok := es.monitorValue(thread, params)
	if !ok {
		return starlark.None, nil
	}
	net := params.Lookup("train_network")
	if es.restore && es.bestWeights == nil {
		if es.bestWeights, err = copyWeights(thread, net); err != nil {
			return nil, err
		}
	}
	es.wait++
	if es.improves(current, es.best) {
		es.best = current
		if es.restore {
			if es.bestWeights, err = copyWeights(thread, net); err != nil {
				return nil, err
			}
		}
		if es.baseline == nil || es.improves(current, *es.baseline) {
			es.wait = 0
		}
	}
	if es.wait < es.patience {
		return starlark.None, nil
	}
	es.stopped = intAttr(params.Lookup("cur_epoch_num"))
	stateOf(args[0].(*pyobj.Instance)).stop = true
	if es.restore && es.bestWeights != nil {
		if es.verbose {
			fmt.Fprintln(core.EnvOf(thread).Stdout, "Restoring model weights from the end of the best epoch.")
		}
		return starlark.None, restoreWeights(thread, net, es.bestWeights)
	}
	return starlark.None, nil
}

// monitorValue reads the monitored value: the mean training loss for
// 'loss', else eval_results[monitor]. A missing value, or 0, which
// MindSpore's truth test also skips, reports false after a warning.
func (es *earlyStop) monitorValue(thread *starlark.Thread, params *Params) (float64, bool) {
	var v float64
	found := false
	var choices []string
	if es.monitor == "loss" {
		v, _, found = LossValue(params.Lookup("net_outputs"))
	} else if res, ok := params.Lookup("eval_results").(*starlark.Dict); ok {
		for _, k := range res.Keys() {
			choices = append(choices, k.String())
		}
		if x, has, _ := res.Get(starlark.String(es.monitor)); has {
			v, found = starlark.AsFloat(x)
			if t, _, isT := tensor.Of(x); isT && t.Numel() == 1 {
				v, found = t.Float(0), true
			}
		}
	}
	if !found {
		fmt.Fprintf(core.EnvOf(thread).Stderr, "[WARNING] Early stopping is conditioned on %s, which is not available. Available choices are: %v\n", es.monitor, append([]string{"'loss'"}, choices...))
		return 0, false
	}
	return v, v != 0
}

func earlyStopEnd(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	es, err := earlyStopOf(self)
	if err != nil {
		return nil, err
	}
	if es.stopped > 0 && es.verbose {
		fmt.Fprintf(core.EnvOf(thread).Stdout, "Epoch %05d: early stopping\n", es.stopped)
	}
	return starlark.None, nil
}

func copyWeights(thread *starlark.Thread, net starlark.Value) ([]*engine.Tensor, error) {
	params, err := checkpoint.NetParams(thread, net)
	if err != nil {
		return nil, err
	}
	out := make([]*engine.Tensor, len(params))
	for i, p := range params {
		out[i] = p.T.Clone()
	}
	return out, nil
}

func restoreWeights(thread *starlark.Thread, net starlark.Value, weights []*engine.Tensor) error {
	params, err := checkpoint.NetParams(thread, net)
	if err != nil {
		return err
	}
	if len(params) != len(weights) {
		return core.Errorf("RuntimeError", "EarlyStopping: the network has %d parameters but %d were saved", len(params), len(weights))
	}
	for i, p := range params {
		if err := p.SetData(weights[i]); err != nil {
			return core.Errorf("RuntimeError", "EarlyStopping: restoring %s: %v", p.Name, err)
		}
	}
	return nil
}
