package dataset

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// Iterator classes of create_tuple_iterator and create_dict_iterator.
// Each `for` loop over an iterator runs one epoch; the next loop runs
// the next epoch, with a new shuffle, until num_epochs have run.
var (
	TupleIterator *pyobj.Class
	DictIterator  *pyobj.Class
)

// iterState is the native state of an iterator instance.
type iterState struct {
	d         *Dataset
	pick      []int // columns to return, nil for all
	asDict    bool
	numpy     bool
	numEpochs int // -1: unlimited
	epoch     int
	pull      Pull
}

func init() {
	methods := []pyobj.Method{
		{Name: "__iter__", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return self, nil
		}},
		{Name: "__next__", Func: iterNext},
		{Name: "stop", Func: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if st, ok := self.Native.(*iterState); ok {
				st.pull, st.numEpochs, st.epoch = nil, 1, 1
			}
			return starlark.None, nil
		}},
	}
	TupleIterator = pyobj.NewNativeClass(pyobj.NativeSpec{Name: "TupleIterator", Module: "mindspore.dataset", Doc: "Iterates a dataset, yielding a list of Tensors (or arrays) per row.", Methods: methods})
	DictIterator = pyobj.NewNativeClass(pyobj.NativeSpec{Name: "DictIterator", Module: "mindspore.dataset", Doc: "Iterates a dataset, yielding a dict of column name to Tensor (or array) per row.", Methods: methods})
}

// newIterator returns an iterator instance over d.
func newIterator(thread *starlark.Thread, d *Dataset, pick []int, asDict, numpy bool, numEpochs int) (starlark.Value, error) {
	cls := TupleIterator
	if asDict {
		cls = DictIterator
	}
	v, err := starlark.Call(thread, cls, nil, nil)
	if err != nil {
		return nil, err
	}
	v.(*pyobj.Instance).Native = &iterState{d: d, pick: pick, asDict: asDict, numpy: numpy, numEpochs: numEpochs}
	return v, nil
}

func iterNext(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	st, ok := self.Native.(*iterState)
	if !ok {
		return nil, core.Errorf("RuntimeError", "create the iterator with dataset.create_tuple_iterator()")
	}
	if st.pull == nil {
		if st.numEpochs != -1 && st.epoch >= st.numEpochs {
			return nil, pyobj.StopIterationErr()
		}
		pull, err := st.d.Open(thread, st.epoch)
		if err != nil {
			return nil, err
		}
		st.pull = pull
	}
	row, ok, err := st.pull()
	if err != nil {
		st.pull = nil
		return nil, err
	}
	if !ok {
		st.pull = nil
		st.epoch++
		return nil, pyobj.StopIterationErr()
	}
	return st.value(row), nil
}

func (st *iterState) value(row Row) starlark.Value {
	cols := st.d.Columns()
	pick := st.pick
	if pick == nil {
		pick = make([]int, len(row))
		for i := range pick {
			pick[i] = i
		}
	}
	if st.asDict {
		dict := starlark.NewDict(len(pick))
		for _, i := range pick {
			_ = dict.SetKey(starlark.String(cols[i]), rowValue(row, i, st.numpy))
		}
		return dict
	}
	vals := make([]starlark.Value, len(pick))
	for k, i := range pick {
		vals[k] = rowValue(row, i, st.numpy)
	}
	return starlark.NewList(vals)
}
