package train

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// metricImpl is the native state of a built-in metric.
type metricImpl interface {
	clear()
	update(inputs []*engine.Tensor) error
	eval(average bool) (starlark.Value, error)
}

// Metric classes: clear(), update(*inputs), eval().
var (
	Metric                  *pyobj.Class
	Accuracy                *pyobj.Class
	MAE                     *pyobj.Class
	MSE                     *pyobj.Class
	LossM                   *pyobj.Class
	Precision               *pyobj.Class
	Recall                  *pyobj.Class
	Fbeta                   *pyobj.Class
	F1                      *pyobj.Class
	TopKCategoricalAccuracy *pyobj.Class
	Top1CategoricalAccuracy *pyobj.Class
	Top5CategoricalAccuracy *pyobj.Class
)

// metricSpec describes one built-in metric class: its constructor
// parses the __init__ arguments, and averaged marks an eval(average=False)
// signature.
type metricSpec struct {
	name, doc string
	base      *pyobj.Class
	newImpl   func(args starlark.Tuple, kwargs []starlark.Tuple) (metricImpl, error)
	averaged  bool
}

func metricClass(s metricSpec) *pyobj.Class {
	base := s.base
	if base == nil {
		base = Metric
	}
	return pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   s.name,
		Module: "mindspore.train",
		Doc:    s.doc,
		Bases:  []*pyobj.Class{base},
		Methods: []pyobj.Method{
			{Name: "__init__", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				impl, err := s.newImpl(args, kwargs)
				if err != nil {
					return nil, err
				}
				self.Native = impl
				return starlark.None, self.DictSet("_indexes", starlark.None)
			}},
			{Name: "clear", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				impl, err := implOf(self)
				if err != nil {
					return nil, err
				}
				impl.clear()
				return starlark.None, nil
			}},
			{Name: "update", Func: metricUpdate},
			{Name: "eval", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
				average := false
				if s.averaged {
					if err := starlark.UnpackArgs(s.name+".eval", args, kwargs, "average?", &average); err != nil {
						return nil, err
					}
				} else if err := starlark.UnpackArgs(s.name+".eval", args, kwargs); err != nil {
					return nil, err
				}
				impl, err := implOf(self)
				if err != nil {
					return nil, err
				}
				return impl.eval(average)
			}},
		},
	})
}

func implOf(self *pyobj.Instance) (metricImpl, error) {
	impl, ok := self.Native.(metricImpl)
	if !ok {
		return nil, core.Errorf("RuntimeError", "%s.__init__ was not called", self.Class().Name())
	}
	return impl, nil
}

// metricUpdate converts the inputs to arrays, applies set_indexes and
// passes them to the metric.
func metricUpdate(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, core.Errorf("TypeError", "%s.update takes positional inputs only", self.Class().Name())
	}
	impl, err := implOf(self)
	if err != nil {
		return nil, err
	}
	inputs, err := rearrange(self, args)
	if err != nil {
		return nil, err
	}
	arrays := make([]*engine.Tensor, len(inputs))
	for i, v := range inputs {
		if arrays[i], err = convertData(v); err != nil {
			return nil, err
		}
	}
	return starlark.None, impl.update(arrays)
}

// rearrange picks the inputs listed by set_indexes, as MindSpore's
// rearrange_inputs decorator does.
func rearrange(self *pyobj.Instance, args starlark.Tuple) (starlark.Tuple, error) {
	v, _ := self.DictGet("_indexes")
	list, ok := v.(*starlark.List)
	if !ok || list.Len() == 0 {
		return args, nil
	}
	out := make(starlark.Tuple, list.Len())
	for k := range out {
		var i int
		if err := starlark.AsInt(list.Index(k), &i); err != nil || i < 0 || i >= len(args) {
			return nil, core.Errorf("IndexError", "%s.update: index %s of set_indexes is out of range for %d inputs", self.Class().Name(), list.Index(k).String(), len(args))
		}
		out[k] = args[i]
	}
	return out, nil
}

// convertData converts an update input as Metric._convert_data does:
// Tensors and arrays pass, lists become arrays, anything else is a
// TypeError.
func convertData(v starlark.Value) (*engine.Tensor, error) {
	if t, _, ok := tensor.Of(v); ok {
		return t, nil
	}
	if _, ok := v.(*starlark.List); ok {
		return tensor.ToEngine(v, nil, tensor.NumPy)
	}
	return nil, core.Errorf("TypeError", "For 'Metric' and its derived classes, the input data type must be tensor, list or numpy.ndarray, but got %s", v.Type())
}

func metricBaseMethods() []pyobj.Method {
	return []pyobj.Method{
		{Name: "__init__", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return starlark.None, self.DictSet("_indexes", starlark.None)
		}},
		{Name: "set_indexes", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var idx starlark.Value
			if err := starlark.UnpackArgs("set_indexes", args, kwargs, "indexes", &idx); err != nil {
				return nil, err
			}
			list, ok := idx.(*starlark.List)
			if ok {
				for i := 0; i < list.Len(); i++ {
					if _, isInt := list.Index(i).(starlark.Int); !isInt {
						ok = false
					}
				}
			}
			if !ok {
				return nil, core.Errorf("ValueError", "For 'set_indexes', the argument 'indexes' must be a list and all its elements must be int, please check whether it is correct.")
			}
			return self, self.DictSet("_indexes", list)
		}},
		{Name: "_convert_data", Func: metricConvertData},
		{Name: "__call__", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if _, err := pyobj.CallMethod(thread, self, "clear", nil, nil); err != nil {
				return nil, err
			}
			if _, err := pyobj.CallMethod(thread, self, "update", args, nil); err != nil {
				return nil, err
			}
			return pyobj.CallMethod(thread, self, "eval", nil, nil)
		}},
	}
}

// metricConvertData implements Metric._convert_data(data), which custom
// metrics call in update: a Tensor becomes a NumPy array, a list becomes
// numpy.array(list), an array is returned unchanged.
func metricConvertData(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	if err := starlark.UnpackArgs("_convert_data", args, kwargs, "data", &data); err != nil {
		return nil, err
	}
	if t, ok := data.(*tensor.Tensor); ok && t.Flavor == tensor.NumPy {
		return t, nil
	}
	t, err := convertData(data)
	if err != nil {
		return nil, err
	}
	return tensor.NewArray(t), nil
}

func indexesProperty() starlark.Value {
	get := starlark.NewBuiltin("indexes", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 1 {
			return nil, core.Errorf("TypeError", "indexes getter takes the metric")
		}
		if inst, ok := args[0].(*pyobj.Instance); ok {
			if v, ok := inst.DictGet("_indexes"); ok {
				return v, nil
			}
		}
		return starlark.None, nil
	})
	return pyobj.NewProperty(get, nil, nil, "The input order set by set_indexes, or None.")
}

func noArgsImpl(name string, mk func() metricImpl) func(starlark.Tuple, []starlark.Tuple) (metricImpl, error) {
	return func(args starlark.Tuple, kwargs []starlark.Tuple) (metricImpl, error) {
		if err := starlark.UnpackArgs(name, args, kwargs); err != nil {
			return nil, err
		}
		return mk(), nil
	}
}

func evalTypeImpl(name string, mk func(multilabel bool) metricImpl) func(starlark.Tuple, []starlark.Tuple) (metricImpl, error) {
	return func(args starlark.Tuple, kwargs []starlark.Tuple) (metricImpl, error) {
		evalType := "classification"
		if err := starlark.UnpackArgs(name, args, kwargs, "eval_type?", &evalType); err != nil {
			return nil, err
		}
		if evalType != "classification" && evalType != "multilabel" {
			return nil, core.Errorf("TypeError", "The argument 'eval_type' must be in {'classification', 'multilabel'}, but got %s", evalType)
		}
		return mk(evalType == "multilabel"), nil
	}
}

func init() {
	Metric = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:    "Metric",
		Module:  "mindspore.train",
		Doc:     "Metric()\n\nThe base class of metrics: clear(), update(*inputs), eval(); set_indexes(list) picks and orders the inputs of update.",
		Methods: metricBaseMethods(),
		Attrs:   []pyobj.NamedValue{{Name: "indexes", Value: indexesProperty()}},
	})
	Accuracy = metricClass(metricSpec{name: "Accuracy", doc: "Accuracy(eval_type='classification')\n\nThe fraction of samples whose argmax of y_pred equals the label (an index, or a one-hot row); 'multilabel' counts rows whose 0/1 predictions all equal the labels.", newImpl: evalTypeImpl("Accuracy", func(m bool) metricImpl { return &accuracy{multilabel: m} })})
	MAE = metricClass(metricSpec{name: "MAE", doc: "MAE()\n\nThe sum of |y - y_pred| over all elements divided by the number of samples (the first dimension of y).", newImpl: noArgsImpl("MAE", func() metricImpl { return &errorMetric{name: "MAE"} })})
	MSE = metricClass(metricSpec{name: "MSE", doc: "MSE()\n\nThe sum of (y - y_pred)**2 over all elements divided by the number of samples (the first dimension of y).", newImpl: noArgsImpl("MSE", func() metricImpl { return &errorMetric{name: "MSE", squared: true} })})
	LossM = metricClass(metricSpec{name: "Loss", doc: "Loss()\n\nThe average over update() calls of the mean of each loss (a 0-d or 1-d Tensor).", newImpl: noArgsImpl("Loss", func() metricImpl { return &lossMetric{} })})
	Precision = metricClass(metricSpec{name: "Precision", doc: "Precision(eval_type='classification')\n\neval(average=False) returns the per-class precision TP / (TP + FP) as an array, or its mean with average=True.", newImpl: evalTypeImpl("Precision", func(m bool) metricImpl { return &prMetric{name: "Precision", multilabel: m} }), averaged: true})
	Recall = metricClass(metricSpec{name: "Recall", doc: "Recall(eval_type='classification')\n\neval(average=False) returns the per-class recall TP / (TP + FN) as an array, or its mean with average=True.", newImpl: evalTypeImpl("Recall", func(m bool) metricImpl { return &prMetric{name: "Recall", recall: true, multilabel: m} }), averaged: true})
	Fbeta = metricClass(metricSpec{name: "Fbeta", doc: "Fbeta(beta)\n\neval(average=False) returns the per-class (1+beta**2)*TP / ((1+beta**2)*TP + beta**2*FN + FP) as an array, or its mean with average=True.", newImpl: fbetaImpl, averaged: true})
	F1 = metricClass(metricSpec{name: "F1", doc: "F1()\n\nFbeta with beta = 1.", base: Fbeta, newImpl: noArgsImpl("F1", func() metricImpl { return &fbeta{beta: 1} }), averaged: true})
	TopKCategoricalAccuracy = metricClass(metricSpec{name: "TopKCategoricalAccuracy", doc: "TopKCategoricalAccuracy(k)\n\nThe fraction of samples whose label is among the k largest entries of y_pred; among equal scores the lower index ranks first.", newImpl: topKImpl})
	Top1CategoricalAccuracy = metricClass(metricSpec{name: "Top1CategoricalAccuracy", doc: "Top1CategoricalAccuracy()\n\nTopKCategoricalAccuracy(1).", base: TopKCategoricalAccuracy, newImpl: noArgsImpl("Top1CategoricalAccuracy", func() metricImpl { return &topK{k: 1} })})
	Top5CategoricalAccuracy = metricClass(metricSpec{name: "Top5CategoricalAccuracy", doc: "Top5CategoricalAccuracy()\n\nTopKCategoricalAccuracy(5).", base: TopKCategoricalAccuracy, newImpl: noArgsImpl("Top5CategoricalAccuracy", func() metricImpl { return &topK{k: 5} })})
}

func fbetaImpl(args starlark.Tuple, kwargs []starlark.Tuple) (metricImpl, error) {
	var beta float64
	if err := starlark.UnpackArgs("Fbeta", args, kwargs, "beta", (*core.Float)(&beta)); err != nil {
		return nil, err
	}
	if !(beta > 0) {
		return nil, core.Errorf("ValueError", "For 'Fbeta', the argument 'beta' must be greater than 0, but got %s.", core.FormatFloat(beta))
	}
	return &fbeta{beta: beta}, nil
}

func topKImpl(args starlark.Tuple, kwargs []starlark.Tuple) (metricImpl, error) {
	var k starlark.Value
	if err := starlark.UnpackArgs("TopKCategoricalAccuracy", args, kwargs, "k", &k); err != nil {
		return nil, err
	}
	var n int
	if _, isInt := k.(starlark.Int); !isInt || starlark.AsInt(k, &n) != nil {
		return nil, core.Errorf("TypeError", "For 'TopKCategoricalAccuracy', the type of the argument 'k' should be int, but got 'k' type: %s.", k.Type())
	}
	if n < 1 {
		return nil, core.Errorf("ValueError", "For 'TopKCategoricalAccuracy', the argument 'k' must be at least 1, but got 'k' value: %d.", n)
	}
	return &topK{k: n}, nil
}
