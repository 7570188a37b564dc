package train

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/nn"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Metric classes: clear(), update(*inputs), eval().
var (
	Metric   *pyobj.Class
	Accuracy *pyobj.Class
	MAE      *pyobj.Class
	MSE      *pyobj.Class
	LossM    *pyobj.Class
)

// metricState accumulates a sum and a count.
type metricState struct {
	kind       string
	sum, count float64
}

func metricClass(name, doc string, update func(st *metricState, args starlark.Tuple) error) *pyobj.Class {
	return pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   name,
		Module: "mindspore.nn.metrics",
		Doc:    doc,
		Bases:  []*pyobj.Class{Metric},
		Methods: []pyobj.Method{
			{Name: "__init__", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				self.Native = &metricState{kind: name}
				return starlark.None, nil
			}},
			{Name: "clear", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				self.Native = &metricState{kind: name}
				return starlark.None, nil
			}},
			{Name: "update", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				st, ok := self.Native.(*metricState)
				if !ok {
					st = &metricState{kind: name}
					self.Native = st
				}
				return starlark.None, update(st, args)
			}},
			{Name: "eval", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				st, ok := self.Native.(*metricState)
				if !ok || st.count == 0 {
					return nil, core.Errorf("RuntimeError", "%s.eval: no samples were given; call update() first", name)
				}
				return starlark.Float(st.sum / st.count), nil
			}},
		},
	})
}

func init() {
	Metric = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   "Metric",
		Module: "mindspore.nn.metrics",
		Doc:    "Metric()\n\nThe base class of metrics: clear(), update(*inputs), eval().",
	})
	Accuracy = metricClass("Accuracy", "Accuracy(eval_type='classification')\n\nThe fraction of rows whose argmax of y_pred equals the label (an index, or the argmax of a one-hot row).", accuracyUpdate)
	MAE = metricClass("MAE", "MAE()\n\nThe mean absolute error of y_pred against y.", errorUpdate(false))
	MSE = metricClass("MSE", "MSE()\n\nThe mean squared error of y_pred against y.", errorUpdate(true))
	LossM = metricClass("Loss", "Loss()\n\nThe average of the loss values passed to update().", lossUpdate)
}

func twoTensors(name string, args starlark.Tuple) (*engine.Tensor, *engine.Tensor, error) {
	if len(args) < 2 {
		return nil, nil, core.Errorf("ValueError", "%s.update needs y_pred and y, got %d inputs", name, len(args))
	}
	p, err := tensor.AsTensor(args[len(args)-2])
	if err != nil {
		return nil, nil, err
	}
	y, err := tensor.AsTensor(args[len(args)-1])
	return p, y, err
}

func accuracyUpdate(st *metricState, args starlark.Tuple) error {
	pred, y, err := twoTensors("Accuracy", args)
	if err != nil {
		return err
	}
	if pred.Rank() != 2 {
		return core.Errorf("ValueError", "Accuracy.update: y_pred must be (N, C), got shape %s", engine.FormatShape(pred.Shape()))
	}
	n, c := pred.Shape()[0], pred.Shape()[1]
	labels := make([]int64, n)
	switch {
	case y.Rank() == 2 && y.Shape()[1] == c:
		am, err := engine.ArgMax(y, 1, false)
		if err != nil {
			return err
		}
		copy(labels, am.I64())
	case y.Numel() == n:
		for i := range labels {
			labels[i] = y.Int(i)
		}
	default:
		return core.Errorf("ValueError", "Accuracy.update: y shape %s does not match y_pred shape %s", engine.FormatShape(y.Shape()), engine.FormatShape(pred.Shape()))
	}
	am, err := engine.ArgMax(pred, 1, false)
	if err != nil {
		return err
	}
	for i, p := range am.I64() {
		if p == labels[i] {
			st.sum++
		}
	}
	st.count += float64(n)
	return nil
}

func errorUpdate(squared bool) func(st *metricState, args starlark.Tuple) error {
	return func(st *metricState, args starlark.Tuple) error {
		pred, y, err := twoTensors("MAE", args)
		if err != nil {
			return err
		}
		shape, ok := engine.BroadcastShapes(pred.Shape(), y.Shape())
		if !ok {
			return core.Errorf("ValueError", "metric update: y_pred shape %s and y shape %s do not broadcast", engine.FormatShape(pred.Shape()), engine.FormatShape(y.Shape()))
		}
		p, _ := engine.BroadcastTo(pred, shape...)
		q, _ := engine.BroadcastTo(y, shape...)
		rows := 1
		if len(shape) > 0 {
			rows = shape[0]
		}
		per := p.Numel() / max(rows, 1)
		for r := 0; r < rows; r++ {
			var s float64
			for k := 0; k < per; k++ {
				d := p.Float(r*per+k) - q.Float(r*per+k)
				if squared {
					s += d * d
				} else {
					s += math.Abs(d)
				}
			}
			st.sum += s / float64(max(per, 1))
		}
		st.count += float64(rows)
		return nil
	}
}

func lossUpdate(st *metricState, args starlark.Tuple) error {
	if len(args) < 1 {
		return core.Errorf("ValueError", "Loss.update needs the loss")
	}
	v, _, ok := LossValue(args[0])
	if !ok {
		return core.Errorf("TypeError", "Loss.update: the loss must be a Tensor or a number")
	}
	st.sum += v
	st.count++
	return nil
}

// metricsArg converts Model's metrics argument: a dict of Metric
// instances, or a set or list of names ('acc', 'accuracy', 'mae',
// 'mse', 'loss').
func metricsArg(thread *starlark.Thread, v starlark.Value) (*starlark.Dict, error) {
	d := starlark.NewDict(4)
	byName := func(name string) (starlark.Value, error) {
		classes := map[string]*pyobj.Class{"acc": Accuracy, "accuracy": Accuracy, "mae": MAE, "mse": MSE, "loss": LossM}
		c, ok := classes[name]
		if !ok {
			return nil, core.Errorf("ValueError", "Model: unknown metric '%s'; use 'acc', 'accuracy', 'mae', 'mse', 'loss' or a Metric instance", name)
		}
		return starlark.Call(thread, c, nil, nil)
	}
	switch x := v.(type) {
	case starlark.NoneType:
		return d, nil
	case *starlark.Dict:
		for _, kv := range x.Items() {
			m := kv[1]
			if s, ok := m.(starlark.String); ok {
				var err error
				if m, err = byName(string(s)); err != nil {
					return nil, err
				}
			}
			if err := d.SetKey(kv[0], m); err != nil {
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

func callMethod(thread *starlark.Thread, v starlark.Value, name string, args starlark.Tuple) (starlark.Value, error) {
	inst, ok := v.(*pyobj.Instance)
	if !ok {
		return nil, core.Errorf("TypeError", "%s is not a Metric", v.Type())
	}
	m, err := inst.Attr(name)
	if err != nil {
		return nil, err
	}
	if m == nil {
		return nil, core.Errorf("AttributeError", "'%s' object has no attribute '%s'", inst.Class().Name(), name)
	}
	return starlark.Call(thread, m, args, nil)
}

func modelEval(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	m, err := modelOf(self)
	if err != nil {
		return nil, err
	}
	var ds starlark.Value
	if err := starlark.UnpackArgs("Model.eval", args, kwargs, "valid_dataset", &ds, "callbacks?", new(starlark.Value), "dataset_sink_mode?", new(bool)); err != nil {
		return nil, err
	}
	data, err := datasetArg("Model.eval", ds)
	if err != nil {
		return nil, err
	}
	if m.metrics.Len() == 0 {
		return nil, core.Errorf("ValueError", "Model.eval: the model has no metrics; pass metrics={'acc'} to Model")
	}
	evalNet := m.evalNetwork
	if evalNet == starlark.None {
		if m.lossFn == starlark.None {
			evalNet = m.network
		} else if evalNet, err = starlark.Call(thread, nn.WithEvalCell, starlark.Tuple{m.network, m.lossFn}, nil); err != nil {
			return nil, err
		}
	}
	if inst, ok := m.network.(*pyobj.Instance); ok {
		if setTrain, _ := inst.Attr("set_train"); setTrain != nil {
			if _, err := starlark.Call(thread, setTrain, starlark.Tuple{starlark.False}, nil); err != nil {
				return nil, err
			}
		}
	}
	for _, kv := range m.metrics.Items() {
		if _, err := callMethod(thread, kv[1], "clear", nil); err != nil {
			return nil, err
		}
	}
	pull, err := data.Open(thread)
	if err != nil {
		return nil, err
	}
	for {
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
		out, err := starlark.Call(thread, evalNet, rowArgs(row), nil)
		if err != nil {
			return nil, err
		}
		outs, ok := out.(starlark.Tuple)
		if !ok {
			// A network without loss: compare its output with the last column.
			outs = starlark.Tuple{out, tensor.New(row[len(row)-1])}
		}
		for _, kv := range m.metrics.Items() {
			inputs := outs
			if isLossMetric(kv[1]) {
				inputs = outs[:1]
			} else if len(outs) == 3 {
				inputs = outs[1:]
			}
			if _, err := callMethod(thread, kv[1], "update", inputs); err != nil {
				return nil, err
			}
		}
	}
	res := starlark.NewDict(m.metrics.Len())
	for _, kv := range m.metrics.Items() {
		v, err := callMethod(thread, kv[1], "eval", nil)
		if err != nil {
			return nil, err
		}
		if err := res.SetKey(kv[0], v); err != nil {
			return nil, err
		}
	}
	return res, nil
}

func isLossMetric(v starlark.Value) bool {
	inst, ok := v.(*pyobj.Instance)
	return ok && inst.Class().IsSubclass(LossM)
}
