// Package dataset is mindspore.dataset: GeneratorDataset and
// NumpySlicesDataset sources with batch, shuffle, map, repeat, take and
// skip stages, iterated once per epoch.
package dataset

import (
	"fmt"
	"sort"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Row is one dataset row: a value per column.
type Row []*engine.Tensor

// stage is one node of a dataset pipeline.
type stage interface {
	// open starts one pass over the data and returns a pull function
	// that yields rows until ok is false.
	open(thread *starlark.Thread) (func() (Row, bool, error), error)
	// size returns the number of rows of one pass, or -1 when unknown.
	size(thread *starlark.Thread) int
	columns() []string
}

// Dataset is the Starlark value of a dataset pipeline.
type Dataset struct {
	name string
	st   stage
}

var _ starlark.HasAttrs = (*Dataset)(nil)
var _ starlark.Iterable = (*Dataset)(nil)

func (d *Dataset) String() string        { return fmt.Sprintf("<%s>", d.name) }
func (d *Dataset) Type() string          { return d.name }
func (d *Dataset) Freeze()               {}
func (d *Dataset) Truth() starlark.Bool  { return true }
func (d *Dataset) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable type: '%s'", d.name) }

// Open starts one pass (one epoch) over the dataset.
func (d *Dataset) Open(thread *starlark.Thread) (func() (Row, bool, error), error) {
	return d.st.open(thread)
}

// Size returns the number of rows (batches after batch()) of one pass,
// or -1 when the source cannot tell without iterating.
func (d *Dataset) Size(thread *starlark.Thread) int { return d.st.size(thread) }

// Columns returns the column names.
func (d *Dataset) Columns() []string { return d.st.columns() }

// Iterate yields tuples of Tensors, as create_tuple_iterator does.
func (d *Dataset) Iterate() starlark.Iterator {
	return &rowIter{d: d, asDict: false}
}

var methodNames = []string{"batch", "create_dict_iterator", "create_tuple_iterator", "get_batch_size", "get_col_names", "get_dataset_size", "map", "repeat", "shuffle", "skip", "take"}

// AttrNames lists the dataset methods.
func (d *Dataset) AttrNames() []string { return append([]string(nil), methodNames...) }

// Attr returns a bound dataset method.
func (d *Dataset) Attr(name string) (starlark.Value, error) {
	i := sort.SearchStrings(methodNames, name)
	if i >= len(methodNames) || methodNames[i] != name {
		return nil, nil
	}
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return d.call(thread, name, args, kwargs)
	}), nil
}

func (d *Dataset) call(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	switch name {
	case "batch":
		return d.batch(args, kwargs)
	case "shuffle":
		var buf int
		if err := starlark.UnpackArgs("shuffle", args, kwargs, "buffer_size", &buf); err != nil {
			return nil, err
		}
		if buf <= 1 {
			return nil, core.Errorf("ValueError", "shuffle: buffer_size must be greater than 1, but got %d", buf)
		}
		return &Dataset{name: "ShuffleDataset", st: &shuffleStage{in: d.st, buffer: buf}}, nil
	case "repeat":
		count := -1
		if err := starlark.UnpackArgs("repeat", args, kwargs, "count?", &count); err != nil {
			return nil, err
		}
		return &Dataset{name: "RepeatDataset", st: &repeatStage{in: d.st, count: count}}, nil
	case "take", "skip":
		var n int
		if err := starlark.UnpackArgs(name, args, kwargs, "count", &n); err != nil {
			return nil, err
		}
		return &Dataset{name: "TakeDataset", st: &sliceStage{in: d.st, skip: name == "skip", n: n}}, nil
	case "map":
		return d.mapStage(args, kwargs)
	case "get_dataset_size":
		n := d.st.size(thread)
		if n < 0 {
			// Count by iterating, as MindSpore does for generators.
			pull, err := d.st.open(thread)
			if err != nil {
				return nil, err
			}
			n = 0
			for {
				_, ok, err := pull()
				if err != nil {
					return nil, err
				}
				if !ok {
					break
				}
				n++
			}
		}
		return starlark.MakeInt(n), nil
	case "get_col_names":
		cols := d.st.columns()
		vals := make([]starlark.Value, len(cols))
		for i, c := range cols {
			vals[i] = starlark.String(c)
		}
		return starlark.NewList(vals), nil
	case "get_batch_size":
		if b, ok := d.st.(*batchStage); ok {
			return starlark.MakeInt(b.size_), nil
		}
		return starlark.MakeInt(1), nil
	case "create_tuple_iterator", "create_dict_iterator":
		outputNumpy := false
		if err := starlark.UnpackArgs(name, args, kwargs, "columns?", new(starlark.Value), "num_epochs?", new(int), "output_numpy?", &outputNumpy, "do_copy?", new(bool)); err != nil {
			return nil, err
		}
		return &iterValue{d: d, thread: thread, asDict: name == "create_dict_iterator", numpy: outputNumpy}, nil
	}
	return nil, fmt.Errorf("unknown dataset method %s", name)
}

// rowValue wraps a row's column as a MindSpore Tensor or NumPy array.
func rowValue(t *engine.Tensor, numpy bool) starlark.Value {
	if numpy {
		return tensor.NewArray(t)
	}
	return tensor.New(t)
}

type rowIter struct {
	d      *Dataset
	asDict bool
	numpy  bool
	thread *starlark.Thread
	pull   func() (Row, bool, error)
	err    error
}

func (it *rowIter) Next(p *starlark.Value) bool {
	if it.err != nil {
		return false
	}
	if it.pull == nil {
		thread := it.thread
		if thread == nil {
			thread = &starlark.Thread{}
		}
		pull, err := it.d.st.open(thread)
		if err != nil {
			it.err = err
			return false
		}
		it.pull = pull
	}
	row, ok, err := it.pull()
	if err != nil {
		it.err = err
		if it.thread != nil {
			it.thread.Cancel(err.Error())
		}
		return false
	}
	if !ok {
		return false
	}
	if it.asDict {
		dict := starlark.NewDict(len(row))
		for i, c := range it.d.st.columns() {
			_ = dict.SetKey(starlark.String(c), rowValue(row[i], it.numpy))
		}
		*p = dict
		return true
	}
	vals := make([]starlark.Value, len(row))
	for i, t := range row {
		vals[i] = rowValue(t, it.numpy)
	}
	*p = starlark.NewList(vals)
	return true
}

func (it *rowIter) Done() {}

// iterValue is what create_tuple_iterator returns: an iterable that
// starts a new pass each time it is iterated.
type iterValue struct {
	d      *Dataset
	thread *starlark.Thread
	asDict bool
	numpy  bool
}

func (v *iterValue) String() string        { return "<TupleIterator>" }
func (v *iterValue) Type() string          { return "Iterator" }
func (v *iterValue) Freeze()               {}
func (v *iterValue) Truth() starlark.Bool  { return true }
func (v *iterValue) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable type: 'Iterator'") }
func (v *iterValue) Iterate() starlark.Iterator {
	return &rowIter{d: v.d, asDict: v.asDict, numpy: v.numpy, thread: v.thread}
}
