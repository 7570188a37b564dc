package train

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/dataset"
	"github.com/cellscript/cellscript/builtins/nn"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

// Model is mindspore.Model.
var Model *pyobj.Class

func init() {
	Model = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   "Model",
		Module: "mindspore",
		Doc: `Model(network, loss_fn=None, optimizer=None, metrics=None, eval_network=None)

High-level training and evaluation. With loss_fn, train wraps network
and loss_fn in WithLossCell; without it, network must return the loss.
train(epoch, train_dataset, callbacks=None, dataset_sink_mode=True,
sink_size=-1) runs one step per batch (sink mode runs like non-sink mode
on the CPU, as MindSpore does there). eval(valid_dataset) returns a
dict of metric values; predict(*inputs) runs network.`,
		Methods: []pyobj.Method{
			{Name: "__init__", Func: modelInit},
			{Name: "train", Func: modelTrain},
			{Name: "eval", Func: modelEval},
			{Name: "predict", Func: modelPredict},
		},
	})
}

type modelState struct {
	network, lossFn, optimizer, evalNetwork starlark.Value
	metrics                                 *starlark.Dict
}

func modelOf(self *pyobj.Instance) (*modelState, error) {
	st, ok := self.Native.(*modelState)
	if !ok {
		return nil, core.Errorf("RuntimeError", "Model.__init__ was not called")
	}
	return st, nil
}

func modelInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	st := &modelState{}
	var metrics starlark.Value = starlark.None
	st.lossFn, st.optimizer, st.evalNetwork = starlark.None, starlark.None, starlark.None
	if err := starlark.UnpackArgs("Model", args, kwargs, "network", &st.network, "loss_fn?", &st.lossFn, "optimizer?", &st.optimizer, "metrics?", &metrics, "eval_network?", &st.evalNetwork, "eval_indexes?", new(starlark.Value), "amp_level?", new(starlark.Value), "boost_level?", new(starlark.Value), "loss_scale_manager?", new(starlark.Value), "keep_batchnorm_fp32?", new(starlark.Value)); err != nil {
		return nil, err
	}
	if !nn.IsCell(st.network) {
		return nil, core.Errorf("TypeError", "Model: network must be an nn.Cell, got %s", st.network.Type())
	}
	if st.optimizer != starlark.None {
		if _, err := nn.OptimizerOf(st.optimizer); err != nil {
			return nil, core.Errorf("TypeError", "Model: optimizer must be an nn optimizer such as nn.Momentum, got %s", st.optimizer.Type())
		}
	}
	var err error
	if st.metrics, err = metricsArg(thread, metrics); err != nil {
		return nil, err
	}
	self.Native = st
	for _, kv := range [][2]any{{"_network", st.network}, {"_loss_fn", st.lossFn}, {"_optimizer", st.optimizer}} {
		if err := self.DictSet(kv[0].(string), kv[1].(starlark.Value)); err != nil {
			return nil, err
		}
	}
	return starlark.None, nil
}

func callbackList(v starlark.Value) ([]starlark.Value, error) {
	switch x := v.(type) {
	case starlark.NoneType:
		return nil, nil
	case *starlark.List, starlark.Tuple:
		seq := x.(starlark.Indexable)
		out := make([]starlark.Value, seq.Len())
		for i := range out {
			out[i] = seq.Index(i)
		}
		return out, nil
	case *pyobj.Instance:
		return []starlark.Value{x}, nil
	}
	return nil, core.Errorf("TypeError", "callbacks must be a Callback or a list of them, not %s", v.Type())
}

func callHook(thread *starlark.Thread, cbs []starlark.Value, hook string, rc starlark.Value) error {
	for _, cb := range cbs {
		inst, ok := cb.(*pyobj.Instance)
		if !ok {
			return core.Errorf("TypeError", "callback %s is not a Callback", cb.Type())
		}
		m, err := inst.Attr(hook)
		if err != nil {
			return err
		}
		if m == nil {
			continue
		}
		if _, err := starlark.Call(thread, m, starlark.Tuple{rc}, nil); err != nil {
			return err
		}
	}
	return nil
}

func datasetArg(call string, v starlark.Value) (*dataset.Dataset, error) {
	d, ok := v.(*dataset.Dataset)
	if !ok {
		return nil, core.Errorf("TypeError", "%s: the dataset must be a mindspore.dataset dataset such as GeneratorDataset(...).batch(16), not %s", call, v.Type())
	}
	return d, nil
}

func rowArgs(row dataset.Row) starlark.Tuple {
	args := make(starlark.Tuple, len(row))
	for i, t := range row {
		args[i] = tensor.New(t)
	}
	return args
}

func modelTrain(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	m, err := modelOf(self)
	if err != nil {
		return nil, err
	}
	var epoch int
	var ds, cbv starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs("Model.train", args, kwargs, "epoch", &epoch, "train_dataset", &ds, "callbacks?", &cbv, "dataset_sink_mode?", new(bool), "sink_size?", new(int), "initial_epoch?", new(int)); err != nil {
		return nil, err
	}
	if epoch <= 0 {
		return nil, core.Errorf("ValueError", "Model.train: epoch must be a positive int, but got %d", epoch)
	}
	data, err := datasetArg("Model.train", ds)
	if err != nil {
		return nil, err
	}
	cbs, err := callbackList(cbv)
	if err != nil {
		return nil, err
	}
	return starlark.None, Run(thread, m, data, epoch, cbs, nil)
}

// Hooks lets a Go host observe training; any field may be nil.
type Hooks struct {
	StepEnd  func(epoch, step int, loss float64) error
	EpochEnd func(epoch int) error
}

// Run is the training loop behind Model.train.
func Run(thread *starlark.Thread, m *modelState, data *dataset.Dataset, epochs int, cbs []starlark.Value, hooks *Hooks) error {
	lossNet := m.network
	if m.lossFn != starlark.None {
		var err error
		if lossNet, err = starlark.Call(thread, nn.WithLossCell, starlark.Tuple{m.network, m.lossFn}, nil); err != nil {
			return err
		}
	}
	var opt *nn.OptState
	if m.optimizer != starlark.None {
		var err error
		if opt, err = nn.OptimizerOf(m.optimizer); err != nil {
			return err
		}
	}
	if _, _, err := nn.StateOf(m.network); err == nil {
		setTrain, _ := m.network.(*pyobj.Instance).Attr("set_train")
		if setTrain != nil {
			if _, err := starlark.Call(thread, setTrain, nil, nil); err != nil {
				return err
			}
		}
	}
	params := core.NewNamespace("cb_params")
	batches := data.Size(thread)
	params.Set("train_network", lossNet)
	params.Set("network", m.network)
	params.Set("loss_fn", m.lossFn)
	params.Set("optimizer", m.optimizer)
	params.Set("epoch_num", starlark.MakeInt(epochs))
	params.Set("batch_num", starlark.MakeInt(max(batches, 0)))
	params.Set("train_dataset", data)
	params.Set("cur_epoch_num", starlark.MakeInt(0))
	params.Set("cur_step_num", starlark.MakeInt(0))
	params.Set("net_outputs", starlark.None)
	params.Set("dataset_sink_mode", starlark.False)
	params.Set("mode", starlark.String("train"))
	rcv, err := starlark.Call(thread, RunContext, starlark.Tuple{params}, nil)
	if err != nil {
		return err
	}
	rc := stateOf(rcv.(*pyobj.Instance))
	if err := callHook(thread, cbs, "on_train_begin", rcv); err != nil {
		return err
	}
	step := 0
	for e := 1; e <= epochs && !rc.stop; e++ {
		params.Set("cur_epoch_num", starlark.MakeInt(e))
		if err := callHook(thread, cbs, "on_train_epoch_begin", rcv); err != nil {
			return err
		}
		pull, err := data.Open(thread)
		if err != nil {
			return err
		}
		inEpoch := 0
		for !rc.stop {
			if err := core.CheckCancel(thread); err != nil {
				return err
			}
			row, ok, err := pull()
			if err != nil {
				return err
			}
			if !ok {
				break
			}
			if err := callHook(thread, cbs, "on_train_step_begin", rcv); err != nil {
				return err
			}
			loss, err := trainStep(thread, lossNet, opt, rowArgs(row))
			if err != nil {
				return err
			}
			step++
			inEpoch++
			if batches < 0 {
				params.Set("batch_num", starlark.MakeInt(inEpoch))
			}
			params.Set("cur_step_num", starlark.MakeInt(step))
			params.Set("net_outputs", loss)
			if err := callHook(thread, cbs, "on_train_step_end", rcv); err != nil {
				return err
			}
			if hooks != nil && hooks.StepEnd != nil {
				v, _, _ := LossValue(loss)
				if err := hooks.StepEnd(e, step, v); err != nil {
					return err
				}
			}
		}
		if err := callHook(thread, cbs, "on_train_epoch_end", rcv); err != nil {
			return err
		}
		if hooks != nil && hooks.EpochEnd != nil {
			if err := hooks.EpochEnd(e); err != nil {
				return err
			}
		}
	}
	return callHook(thread, cbs, "on_train_end", rcv)
}

// trainStep runs one step: with an optimizer, the loss network's
// gradients update the optimizer's parameters and the loss from before
// the update is returned; without one, lossNet is a training cell that
// does its own update.
func trainStep(thread *starlark.Thread, lossNet starlark.Value, opt *nn.OptState, inputs starlark.Tuple) (starlark.Value, error) {
	if opt == nil {
		return starlark.Call(thread, lossNet, inputs, nil)
	}
	loss, grads, err := nn.ComputeGrads(thread, lossNet, inputs, opt.Params, 1)
	if err != nil {
		return nil, err
	}
	return loss, opt.Apply(thread, grads)
}

func modelPredict(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	m, err := modelOf(self)
	if err != nil {
		return nil, err
	}
	return starlark.Call(thread, m.network, args, kwargs)
}
