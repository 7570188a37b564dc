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
		Doc: `Model(network, loss_fn=None, optimizer=None, metrics=None, eval_network=None, eval_indexes=None)

High-level training and evaluation. With loss_fn, train wraps network
and loss_fn in WithLossCell; without it, network must return the loss.
train(epoch, train_dataset, callbacks=None, dataset_sink_mode=False,
sink_size=-1, initial_epoch=0) runs one step per batch; on the CPU
device sink mode runs as non-sink mode, as MindSpore does there, and on
the GPU device an epoch is sink_size steps with one step callback per
sink. eval(valid_dataset, callbacks=None) returns a dict of metric
values; fit(epoch, train_dataset, valid_dataset=None, valid_frequency=1,
...) evaluates after training epochs and puts the results, with
'eval_loss', in cb_params.eval_results; predict(*inputs) runs network.`,
		Methods: []pyobj.Method{
			{Name: "__init__", Func: modelInit},
			{Name: "train", Func: modelTrain},
			{Name: "fit", Func: modelFit},
			{Name: "eval", Func: modelEval},
			{Name: "predict", Func: modelPredict},
		},
	})
}

type modelState struct {
	network, lossFn, optimizer, evalNetwork starlark.Value
	metrics                                 *starlark.Dict
	// evalIndexes picks (loss, y_pred, y) from the eval network's
	// outputs; nil passes all outputs to every metric.
	evalIndexes []int
	trainNet    starlark.Value // built on first use
}

func modelOf(self *pyobj.Instance) (*modelState, error) {
	st, ok := self.Native.(*modelState)
	if !ok {
		return nil, core.Errorf("RuntimeError", "Model.__init__ was not called")
	}
	return st, nil
}

func modelInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	st := &modelState{lossFn: starlark.None, optimizer: starlark.None, evalNetwork: starlark.None}
	var metrics, indexes starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs("Model", args, kwargs, "network", &st.network, "loss_fn?", &st.lossFn, "optimizer?", &st.optimizer, "metrics?", &metrics, "eval_network?", &st.evalNetwork, "eval_indexes?", &indexes, "amp_level?", new(starlark.Value), "boost_level?", new(starlark.Value), "loss_scale_manager?", new(starlark.Value), "keep_batchnorm_fp32?", new(starlark.Value)); err != nil {
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
	if err := st.buildEvalNetwork(thread, indexes); err != nil {
		return nil, err
	}
	self.Native = st
	for _, kv := range []struct {
		name string
		v    starlark.Value
	}{{"_network", st.network}, {"_loss_fn", st.lossFn}, {"_optimizer", st.optimizer}, {"_eval_network", st.evalNetwork}} {
		if err := self.DictSet(kv.name, kv.v); err != nil {
			return nil, err
		}
	}
	return starlark.None, nil
}

// buildEvalNetwork follows Model._build_eval_network: with metrics, use
// eval_network, or WithEvalCell(network, loss_fn) read with indexes
// [0, 1, 2].
func (m *modelState) buildEvalNetwork(thread *starlark.Thread, indexes starlark.Value) error {
	if indexes != starlark.None {
		list, ok := indexes.(*starlark.List)
		if !ok || list.Len() != 3 {
			return core.Errorf("ValueError", "Model: eval_indexes must be a list of 3 ints (loss, y_pred, y), got %s", indexes.String())
		}
		for i := 0; i < 3; i++ {
			var k int
			if err := starlark.AsInt(list.Index(i), &k); err != nil {
				return core.Errorf("ValueError", "Model: eval_indexes must contain ints, found %s", list.Index(i).Type())
			}
			m.evalIndexes = append(m.evalIndexes, k)
		}
	}
	if m.metrics.Len() == 0 || m.evalNetwork != starlark.None {
		return nil
	}
	if m.lossFn == starlark.None {
		return core.Errorf("ValueError", "Model: metrics are set but there is no loss_fn or eval_network to evaluate them; pass loss_fn, or eval_network with eval_indexes")
	}
	v, err := starlark.Call(thread, nn.WithEvalCell, starlark.Tuple{m.network, m.lossFn}, nil)
	if err != nil {
		return err
	}
	m.evalNetwork = v
	m.evalIndexes = []int{0, 1, 2}
	return nil
}

// trainNetwork returns the network a step calls: WithLossCell(network,
// loss_fn), or network itself without loss_fn.
func (m *modelState) trainNetwork(thread *starlark.Thread) (starlark.Value, error) {
	if m.trainNet != nil {
		return m.trainNet, nil
	}
	m.trainNet = m.network
	if m.lossFn != starlark.None {
		v, err := starlark.Call(thread, nn.WithLossCell, starlark.Tuple{m.network, m.lossFn}, nil)
		if err != nil {
			return nil, err
		}
		m.trainNet = v
	}
	return m.trainNet, nil
}

// metricFactory lists the names Model accepts in metrics={...}, as
// MindSpore's get_metric_fn does.
func metricFactory() map[string]*pyobj.Class {
	return map[string]*pyobj.Class{
		"acc": Accuracy, "accuracy": Accuracy, "mae": MAE, "mse": MSE, "loss": LossM,
		"precision": Precision, "recall": Recall, "f1": F1,
		"top_1_accuracy": Top1CategoricalAccuracy, "top_5_accuracy": Top5CategoricalAccuracy,
	}
}

// metricsArg converts Model's metrics argument: a dict of name to
// Metric instance, or a set, list or tuple of metric names.
func metricsArg(thread *starlark.Thread, v starlark.Value) (*starlark.Dict, error) {
	d := starlark.NewDict(4)
	byName := func(name string) (starlark.Value, error) {
		c, ok := metricFactory()[name]
		if !ok {
			return nil, core.Errorf("KeyError", "Model: unknown metric '%s'; use one of acc, accuracy, mae, mse, loss, precision, recall, f1, top_1_accuracy, top_5_accuracy or a Metric instance", name)
		}
		return starlark.Call(thread, c, nil, nil)
	}
	switch x := v.(type) {
	case starlark.NoneType:
		return d, nil
	case *starlark.Dict:
		for _, kv := range x.Items() {
			if !Metric.IsInstance(kv[1]) {
				return nil, core.Errorf("TypeError", "Model: metrics[%s] must be a Metric instance such as nn.Accuracy(), got %s", kv[0].String(), kv[1].Type())
			}
			if err := d.SetKey(kv[0], kv[1]); err != nil {
				return nil, err
			}
		}
		return d, nil
	case starlark.Iterable:
		it := x.Iterate()
		defer it.Done()
		var e starlark.Value
		for it.Next(&e) {
			s, ok := e.(starlark.String)
			if !ok {
				return nil, core.Errorf("TypeError", "Model: metric names must be strings, got %s", e.Type())
			}
			m, err := byName(string(s))
			if err != nil {
				return nil, err
			}
			if err := d.SetKey(s, m); err != nil {
				return nil, err
			}
		}
		return d, nil
	}
	return nil, core.Errorf("TypeError", "Model: metrics must be a dict or a set of names, not %s", v.Type())
}

func callbackList(v starlark.Value) ([]starlark.Value, error) {
	var out []starlark.Value
	switch x := v.(type) {
	case starlark.NoneType:
		return nil, nil
	case *starlark.List, starlark.Tuple:
		seq := x.(starlark.Indexable)
		for i := 0; i < seq.Len(); i++ {
			out = append(out, seq.Index(i))
		}
	default:
		out = []starlark.Value{v}
	}
	for _, cb := range out {
		if !Callback.IsInstance(cb) {
			return nil, core.Errorf("TypeError", "Model: callbacks must be a Callback or a list of Callbacks, found %s %s", cb.Type(), cb.String())
		}
	}
	return out, nil
}

func callHook(thread *starlark.Thread, cbs []starlark.Value, hook string, rc starlark.Value) error {
	for _, cb := range cbs {
		if _, err := pyobj.CallMethod(thread, cb, hook, starlark.Tuple{rc}, nil); err != nil {
			return err
		}
	}
	return nil
}

func datasetArg(call string, v starlark.Value) (*dataset.Dataset, error) {
	d, ok := dataset.Of(v)
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

// setTrain calls network.set_train(mode).
func setTrain(thread *starlark.Thread, network starlark.Value, mode bool) error {
	_, err := pyobj.CallMethod(thread, network, "set_train", starlark.Tuple{starlark.Bool(mode)}, nil)
	return err
}

func modelPredict(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	m, err := modelOf(self)
	if err != nil {
		return nil, err
	}
	if err := setTrain(thread, m.network, false); err != nil {
		return nil, err
	}
	return starlark.Call(thread, m.network, args, kwargs)
}
