package dataset

import (
	"fmt"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// slicesSource is NumpySlicesDataset's data: row i is the slice i along
// the first axis of each column array.
type slicesSource struct {
	data []*engine.Tensor
}

func (s *slicesSource) length(*starlark.Thread) (int, error) { return s.data[0].Shape()[0], nil }

func (s *slicesSource) row(_ *starlark.Thread, i int) (Row, error) {
	row := make(Row, len(s.data))
	for c, t := range s.data {
		inner := engine.Numel(t.Shape()[1:])
		idx := make([]int, inner)
		for j := range idx {
			idx[j] = i*inner + j
		}
		r, err := engine.GatherFlat(t, idx, t.Shape()[1:])
		if err != nil {
			return nil, err
		}
		row[c] = r
	}
	return row, nil
}

// slicesColumns converts NumpySlicesDataset's data argument: a dict
// (one column per key), a tuple (one column per element), or a list or
// array (one column), each converted as np.array does. given, the
// column_names argument or nil, names the columns in error messages when
// its length fits.
func slicesColumns(data starlark.Value, given []string) ([]string, []*engine.Tensor, error) {
	var items []starlark.Value
	var names []string
	switch x := data.(type) {
	case *starlark.Dict:
		for _, kv := range x.Items() {
			k, ok := starlark.AsString(kv[0])
			if !ok {
				return nil, nil, core.Errorf("TypeError", "NumpySlicesDataset: dict keys must be column names (str), got %s", kv[0].Type())
			}
			names = append(names, k)
			items = append(items, kv[1])
		}
	case starlark.Tuple:
		items = x
	default:
		items = []starlark.Value{data}
	}
	if len(items) == 0 {
		return nil, nil, core.Errorf("ValueError", "NumpySlicesDataset: data has no columns")
	}
	if names == nil {
		for i := range items {
			names = append(names, fmt.Sprintf("column_%d", i))
		}
	}
	if len(given) == len(items) {
		names = given // the column_names argument, for the messages below
	}
	cols := make([]*engine.Tensor, len(items))
	for i, it := range items {
		t, err := tensor.ToEngine(it, nil, tensor.NumPy)
		if err != nil {
			_, msg := pyobj.Classify(err)
			return nil, nil, core.Errorf("ValueError", "NumpySlicesDataset: column '%s': %s; each column needs a rectangular array of numbers", names[i], msg)
		}
		if t.Rank() == 0 {
			return nil, nil, core.Errorf("ValueError", "NumpySlicesDataset: column '%s' is a scalar; pass an array to slice along its first axis", names[i])
		}
		if i > 0 && t.Shape()[0] != cols[0].Shape()[0] {
			return nil, nil, core.Errorf("ValueError", "NumpySlicesDataset: column '%s' has %d rows but column '%s' has %d; every column needs the same first dimension", names[i], t.Shape()[0], names[0], cols[0].Shape()[0])
		}
		cols[i] = t
	}
	return names, cols, nil
}
