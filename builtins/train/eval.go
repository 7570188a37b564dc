package train

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/dataset"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

func modelEval(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	m, err := modelOf(self)
	if err != nil {
		return nil, err
	}
	var ds, cbv starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs("Model.eval", args, kwargs, "valid_dataset", &ds, "callbacks?", &cbv, "dataset_sink_mode?", new(bool)); err != nil {
		return nil, err
	}
	data, err := datasetArg("Model.eval", ds)
	if err != nil {
		return nil, err
	}
	cbs, err := callbackList(cbv)
	if err != nil {
		return nil, err
	}
	if m.metrics.Len() == 0 {
		return nil, core.Errorf("ValueError", "For Model.eval, the model argument 'metrics' can not be None or empty, you should set the argument 'metrics' for model.")
	}
	return m.evaluate(thread, data, cbs, false)
}

// evaluate runs the eval network over data, updates the metrics and
// returns their values by name. With addEvalLoss (Model.fit) the result
// also has 'eval_loss', the mean of the eval network's loss output.
func (m *modelState) evaluate(thread *starlark.Thread, data *dataset.Dataset, cbs []starlark.Value, addEvalLoss bool) (*starlark.Dict, error) {
	if err := setTrain(thread, m.network, false); err != nil {
		return nil, err
	}
	for _, kv := range m.metrics.Items() {
		if _, err := pyobj.CallMethod(thread, kv[1], "clear", nil, nil); err != nil {
			return nil, err
		}
	}
	evalLoss := &lossMetric{}
	params, rc, err := m.evalParams(thread, data, cbs)
	if err != nil {
		return nil, err
	}
	if err := callHook(thread, cbs, "on_eval_begin", rc); err != nil {
		return nil, err
	}
	if err := callHook(thread, cbs, "on_eval_epoch_begin", rc); err != nil {
		return nil, err
	}
	pull, err := data.Open(thread, 0)
	if err != nil {
		return nil, err
	}
	for step := 1; ; step++ {
		if err := core.CheckCancel(thread); err != nil {
			return nil, err
		}
		row, ok, err := pull()
		if err != nil {
			return nil, err
		}
		if !ok {
			break
		}
		if err := callHook(thread, cbs, "on_eval_step_begin", rc); err != nil {
			return nil, err
		}
		outs, err := m.evalStep(thread, row)
		if err != nil {
			return nil, err
		}
		if addEvalLoss {
			if err := evalLoss.update(lossInput(outs, m.evalIndexes)); err != nil {
				return nil, err
			}
		}
		params.Set("cur_step_num", starlark.MakeInt(step))
		params.Set("net_outputs", outs)
		if err := callHook(thread, cbs, "on_eval_step_end", rc); err != nil {
			return nil, err
		}
	}
	res, err := m.metricResults(thread)
	if err != nil {
		return nil, err
	}
	if addEvalLoss {
		v, err := evalLoss.eval(false)
		if err != nil {
			return nil, err
		}
		if err := res.SetKey(starlark.String("eval_loss"), v); err != nil {
			return nil, err
		}
	}
	params.Set("metrics", res)
	if err := callHook(thread, cbs, "on_eval_epoch_end", rc); err != nil {
		return nil, err
	}
	return res, callHook(thread, cbs, "on_eval_end", rc)
}

func (m *modelState) evalParams(thread *starlark.Thread, data *dataset.Dataset, cbs []starlark.Value) (*Params, starlark.Value, error) {
	batches, err := data.Size(thread)
	if err != nil {
		return nil, nil, err
	}
	params := NewParams()
	params.Set("eval_network", m.evalNetwork)
	params.Set("network", m.network)
	params.Set("valid_dataset", starlark.None)
	params.Set("metrics", m.metrics)
	params.Set("mode", starlark.String("eval"))
	params.Set("batch_num", starlark.MakeInt(batches))
	params.Set("cur_step_num", starlark.MakeInt(0))
	params.Set("net_outputs", starlark.None)
	params.Set("dataset_sink_mode", starlark.False)
	params.Set("list_callback", starlark.NewList(append([]starlark.Value(nil), cbs...)))
	rc, err := starlark.Call(thread, RunContext, starlark.Tuple{params}, nil)
	return params, rc, err
}

// evalStep runs the eval network on one batch and updates every metric,
// as Model._update_metrics does.
func (m *modelState) evalStep(thread *starlark.Thread, row dataset.Row) (starlark.Tuple, error) {
	out, err := starlark.Call(thread, m.evalNetwork, rowArgs(row), nil)
	if err != nil {
		return nil, err
	}
	if _, _, isTensor := tensor.Of(out); isTensor {
		out = starlark.Tuple{out}
	}
	outs, ok := out.(starlark.Tuple)
	if !ok {
		return nil, core.Errorf("ValueError", "Model.eval: the eval network must return a Tensor or a tuple of Tensors, got %s", out.Type())
	}
	for _, kv := range m.metrics.Items() {
		inputs, err := metricInputs(kv[1], outs, m.evalIndexes)
		if err != nil {
			return nil, err
		}
		if _, err := pyobj.CallMethod(thread, kv[1], "update", inputs, nil); err != nil {
			return nil, err
		}
	}
	return outs, nil
}

// metricInputs picks a metric's update arguments: outputs[i0] for Loss
// and (outputs[i1], outputs[i2]) for the others, or every output
// without eval_indexes.
func metricInputs(metric starlark.Value, outs starlark.Tuple, idx []int) (starlark.Tuple, error) {
	if idx == nil {
		return outs, nil
	}
	for _, i := range idx {
		if i < 0 || i >= len(outs) {
			return nil, core.Errorf("IndexError", "Model.eval: eval_indexes %v do not fit the %d outputs of the eval network", idx, len(outs))
		}
	}
	if LossM.IsInstance(metric) {
		return starlark.Tuple{outs[idx[0]]}, nil
	}
	return starlark.Tuple{outs[idx[1]], outs[idx[2]]}, nil
}

// lossInput returns the eval network's loss output for 'eval_loss':
// outputs[eval_indexes[0]], or the first output.
func lossInput(outs starlark.Tuple, idx []int) []*engine.Tensor {
	i := 0
	if idx != nil {
		i = idx[0]
	}
	if i >= len(outs) {
		return nil
	}
	t, _, ok := tensor.Of(outs[i])
	if !ok {
		return nil
	}
	return []*engine.Tensor{t}
}

func (m *modelState) metricResults(thread *starlark.Thread) (*starlark.Dict, error) {
	res := starlark.NewDict(m.metrics.Len())
	for _, kv := range m.metrics.Items() {
		v, err := pyobj.CallMethod(thread, kv[1], "eval", nil, nil)
		if err != nil {
			return nil, err
		}
		if err := res.SetKey(kv[0], v); err != nil {
			return nil, err
		}
	}
	return res, nil
}
