package dataset

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

var methodNames = []string{"__iter__", "batch", "create_dict_iterator", "create_tuple_iterator", "get_batch_size", "get_col_names", "get_dataset_size", "get_repeat_count", "map", "output_shapes", "output_types", "repeat", "shuffle", "skip", "split", "take"}

func datasetMethod(name string) pyobj.MethodFunc {
	return func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		d, ok := self.Native.(*Dataset)
		if !ok {
			return nil, core.Errorf("RuntimeError", "%s.__init__ was not called", self.Class().Name())
		}
		return d.call(thread, self, name, args, kwargs)
	}
}

func (d *Dataset) call(thread *starlark.Thread, self *pyobj.Instance, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	switch name {
	case "batch":
		return d.batch(thread, args, kwargs)
	case "shuffle":
		var buf int
		if err := starlark.UnpackArgs("shuffle", args, kwargs, "buffer_size", &buf); err != nil {
			return nil, err
		}
		if buf <= 1 {
			return nil, core.Errorf("ValueError", "shuffle: buffer_size must be greater than 1, but got %d", buf)
		}
		return newValue(thread, ShuffleDataset, &Dataset{st: &shuffleStage{in: d.st, buffer: buf}})
	case "repeat":
		return d.repeatMethod(thread, args, kwargs)
	case "take", "skip":
		return d.sliceMethod(thread, name, args, kwargs)
	case "map":
		return d.mapMethod(thread, args, kwargs)
	case "split":
		return d.splitMethod(thread, self, args, kwargs)
	case "get_dataset_size":
		if err := starlark.UnpackArgs(name, args, kwargs); err != nil {
			return nil, err
		}
		n, err := d.st.size(thread)
		return starlark.MakeInt(n), err
	case "get_col_names":
		if err := starlark.UnpackArgs(name, args, kwargs); err != nil {
			return nil, err
		}
		return stringList(d.st.columns()), nil
	case "get_batch_size":
		return starlark.MakeInt(max(d.batchSize, 1)), nil
	case "get_repeat_count":
		if d.repeat == 0 {
			return starlark.MakeInt(1), nil
		}
		return starlark.MakeInt(d.repeat), nil
	case "output_shapes":
		return d.outputShapes(thread, args, kwargs)
	case "output_types":
		return d.outputTypes(thread, args, kwargs)
	case "__iter__":
		return newIterator(thread, d, nil, false, false, 1)
	}
	return d.iteratorMethod(thread, name, args, kwargs)
}

func stringList(list []string) *starlark.List {
	vals := make([]starlark.Value, len(list))
	for i, c := range list {
		vals[i] = starlark.String(c)
	}
	return starlark.NewList(vals)
}

func (d *Dataset) batch(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var size starlark.Value
	drop := false
	var perBatch, inCols, outCols, order, pad starlark.Value = starlark.None, starlark.None, starlark.None, starlark.None, starlark.None
	if err := starlark.UnpackArgs("batch", args, kwargs, "batch_size", &size, "drop_remainder?", &drop, "num_parallel_workers?", new(starlark.Value), "per_batch_map?", &perBatch, "input_columns?", &inCols, "output_columns?", &outCols, "column_order?", &order, "pad_info?", &pad, "python_multiprocessing?", new(bool), "max_rowsize?", new(starlark.Value)); err != nil {
		return nil, err
	}
	for _, unsupported := range []struct {
		name string
		v    starlark.Value
	}{{"per_batch_map", perBatch}, {"input_columns", inCols}, {"output_columns", outCols}, {"column_order", order}, {"pad_info", pad}} {
		if unsupported.v != starlark.None {
			return nil, core.Errorf("NotImplementedError", "batch: %s is not supported; transform rows with map() before batch()", unsupported.name)
		}
	}
	var n int
	if _, isInt := size.(starlark.Int); !isInt || starlark.AsInt(size, &n) != nil || n <= 0 {
		return nil, core.Errorf("ValueError", "batch: batch_size must be a positive int, but got %s", size.String())
	}
	return newValue(thread, BatchDataset, &Dataset{st: &batchStage{in: d.st, batchSize: n, dropRemainder: drop}, batchSize: n})
}

func (d *Dataset) repeatMethod(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var countV starlark.Value = starlark.None
	if err := starlark.UnpackArgs("repeat", args, kwargs, "count?", &countV); err != nil {
		return nil, err
	}
	count := -1
	if countV != starlark.None {
		if err := starlark.AsInt(countV, &count); err != nil || (count <= 0 && count != -1) {
			return nil, core.Errorf("ValueError", "repeat: count should be either -1 or a positive integer, but got %s", countV.String())
		}
	}
	return newValue(thread, RepeatDataset, &Dataset{st: &repeatStage{in: d.st, count: count}, batchSize: d.batchSize, repeat: count})
}

func (d *Dataset) sliceMethod(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n := -1
	if err := starlark.UnpackArgs(name, args, kwargs, "count?", &n); err != nil {
		return nil, err
	}
	if name == "skip" {
		if n < 0 {
			return nil, core.Errorf("ValueError", "skip: count must be a non-negative int, but got %d", n)
		}
		return newValue(thread, SkipDataset, &Dataset{st: &sliceStage{in: d.st, skip: true, n: n}, batchSize: d.batchSize})
	}
	if n <= 0 && n != -1 {
		return nil, core.Errorf("ValueError", "take: count should be either -1 or a positive integer, but got %d", n)
	}
	return newValue(thread, TakeDataset, &Dataset{st: &sliceStage{in: d.st, n: n}, batchSize: d.batchSize})
}

func (d *Dataset) mapMethod(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var ops, inCols, outCols, order starlark.Value = nil, starlark.None, starlark.None, starlark.None
	if err := starlark.UnpackArgs("map", args, kwargs, "operations", &ops, "input_columns?", &inCols, "output_columns?", &outCols, "column_order?", &order, "num_parallel_workers?", new(starlark.Value), "python_multiprocessing?", new(bool), "cache?", new(starlark.Value), "callbacks?", new(starlark.Value), "max_rowsize?", new(starlark.Value), "offload?", new(starlark.Value)); err != nil {
		return nil, err
	}
	var list []starlark.Value
	if seq, ok := ops.(*starlark.List); ok {
		for i := 0; i < seq.Len(); i++ {
			list = append(list, seq.Index(i))
		}
	} else {
		list = []starlark.Value{ops}
	}
	for i, op := range list {
		if _, ok := op.(starlark.Callable); !ok {
			return nil, core.Errorf("TypeError", "map: operations[%d] is %s, not callable", i, op.Type())
		}
	}
	inNames, err := namesArg("map", "input_columns", inCols)
	if err != nil {
		return nil, err
	}
	outNames, err := namesArg("map", "output_columns", outCols)
	if err != nil {
		return nil, err
	}
	orderNames, err := columnOrderArg(order)
	if err != nil {
		return nil, err
	}
	m, err := newMapStage(d.st, list, inNames, outNames, orderNames)
	if err != nil {
		return nil, err
	}
	return newValue(thread, MapDataset, &Dataset{st: m, batchSize: d.batchSize})
}

// namesArg converts a column-name argument: None (nil), a str or a list
// of str.
func namesArg(call, arg string, v starlark.Value) ([]string, error) {
	switch x := v.(type) {
	case starlark.NoneType:
		return nil, nil
	case starlark.String:
		return []string{string(x)}, nil
	case *starlark.List, starlark.Tuple:
		seq := x.(starlark.Indexable)
		out := make([]string, seq.Len())
		for i := range out {
			s, ok := starlark.AsString(seq.Index(i))
			if !ok {
				return nil, core.Errorf("TypeError", "%s: %s must contain strings, found %s", call, arg, seq.Index(i).Type())
			}
			out[i] = s
		}
		if len(out) == 0 {
			return nil, core.Errorf("ValueError", "%s: %s is empty", call, arg)
		}
		return out, nil
	}
	return nil, core.Errorf("TypeError", "%s: %s must be a str or a list of str, not %s", call, arg, v.Type())
}

// columnOrderArg converts map()'s column_order: None (nil) or a list of
// distinct column names. MindSpore r1.6 rejects a str or a tuple here with
// a TypeError, unlike input_columns and output_columns.
func columnOrderArg(v starlark.Value) ([]string, error) {
	if v == starlark.None {
		return nil, nil
	}
	if _, ok := v.(*starlark.List); !ok {
		return nil, core.Errorf("TypeError", "map: column_order must be a list of str, not %s", v.Type())
	}
	names, err := namesArg("map", "column_order", v)
	if err != nil {
		return nil, err
	}
	for i, n := range names {
		if indexOf(names[:i], n) >= 0 {
			return nil, core.Errorf("ValueError", "map: column_order %s names column '%s' twice. List each column once", quoteList(names), n)
		}
	}
	return names, nil
}

func (d *Dataset) splitMethod(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var sizes starlark.Value
	randomize := true
	if err := starlark.UnpackArgs("split", args, kwargs, "sizes", &sizes, "randomize?", &randomize); err != nil {
		return nil, err
	}
	parts, err := d.split(thread, sizes, randomize)
	if err != nil {
		return nil, err
	}
	out := make(starlark.Tuple, len(parts))
	for i, p := range parts {
		p.batchSize = d.batchSize
		if out[i], err = newValue(thread, self.Class(), p); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (d *Dataset) iteratorMethod(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	outputNumpy := false
	var cols, epochs starlark.Value = starlark.None, starlark.None
	var err error
	if name == "create_tuple_iterator" {
		err = starlark.UnpackArgs(name, args, kwargs, "columns?", &cols, "num_epochs?", &epochs, "output_numpy?", &outputNumpy, "do_copy?", new(bool))
	} else {
		err = starlark.UnpackArgs(name, args, kwargs, "num_epochs?", &epochs, "output_numpy?", &outputNumpy, "do_copy?", new(bool))
	}
	if err != nil {
		return nil, err
	}
	numEpochs := -1
	if epochs != starlark.None {
		if err := starlark.AsInt(epochs, &numEpochs); err != nil || (numEpochs <= 0 && numEpochs != -1) {
			return nil, core.Errorf("ValueError", "%s: num_epochs must be -1 or a positive int, got %s", name, epochs.String())
		}
	}
	names, err := namesArg(name, "columns", cols)
	if err != nil {
		return nil, err
	}
	var pick []int
	for _, n := range names {
		i := indexOf(d.st.columns(), n)
		if i < 0 {
			return nil, core.Errorf("ValueError", "%s: column '%s' is not one of %s", name, n, quoteList(d.st.columns()))
		}
		pick = append(pick, i)
	}
	return newIterator(thread, d, pick, name == "create_dict_iterator", outputNumpy, numEpochs)
}

// rowValue wraps a row's column as a MindSpore Tensor or a NumPy array.
func rowValue(t Row, i int, numpy bool) starlark.Value {
	if numpy {
		return tensor.NewArray(t[i])
	}
	return tensor.New(t[i])
}
