package dataset

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// randomSource is a source that can read row i directly: a list, a
// tuple, an array, a script object with __getitem__ and __len__, or
// the column arrays of NumpySlicesDataset.
type randomSource interface {
	length(thread *starlark.Thread) (int, error)
	row(thread *starlark.Thread, i int) (Row, error)
}

// indexedStage reads a random-access source in the order its sampler
// chooses for each epoch.
type indexedStage struct {
	src     randomSource
	cols    []string
	sampler sampler
}

func (s *indexedStage) columns() []string { return s.cols }

func (s *indexedStage) size(thread *starlark.Thread) (int, error) {
	n, err := s.src.length(thread)
	if err != nil {
		return 0, err
	}
	return s.sampler.count(n), nil
}

func (s *indexedStage) open(thread *starlark.Thread, epoch int) (Pull, error) {
	n, err := s.src.length(thread)
	if err != nil {
		return nil, err
	}
	order, err := s.sampler.indices(thread, n, epoch)
	if err != nil {
		return nil, err
	}
	k := 0
	return func() (Row, bool, error) {
		if k >= len(order) {
			return nil, false, nil
		}
		if err := core.CheckCancel(thread); err != nil {
			return nil, false, err
		}
		i := order[k]
		k++
		row, err := s.src.row(thread, i)
		return row, err == nil, err
	}, nil
}

// itemSource is a random-access Python object; items convert to rows.
type itemSource struct {
	obj  starlark.Value
	cols []string
	// types are the column_types dtypes, nil to infer.
	types []*engine.DType
}

// randomAccess reports whether MindSpore would sample v by index: a
// list, a tuple, an array, or an object with __getitem__ and __len__.
func randomAccess(v starlark.Value) bool {
	switch x := v.(type) {
	case *starlark.List, starlark.Tuple, *tensor.Tensor:
		return true
	case *pyobj.Instance:
		get, _ := x.Class().Lookup("__getitem__")
		n, _ := x.Class().Lookup("__len__")
		return get != nil && n != nil
	}
	return false
}

func (s *itemSource) length(thread *starlark.Thread) (int, error) {
	return sourceLen(thread, s.obj)
}

// sourceLen returns len(v) for a sequence or an object with __len__.
func sourceLen(thread *starlark.Thread, v starlark.Value) (int, error) {
	if inst, ok := v.(*pyobj.Instance); ok {
		r, err := pyobj.CallMethod(thread, inst, "__len__", nil, nil)
		if err != nil {
			return 0, err
		}
		var n int
		if err := starlark.AsInt(r, &n); err != nil || n < 0 {
			return 0, core.Errorf("TypeError", "GeneratorDataset: source.__len__() returned %s, not a non-negative int", r.String())
		}
		return n, nil
	}
	if seq, ok := v.(starlark.Sequence); ok {
		return seq.Len(), nil
	}
	return 0, core.Errorf("TypeError", "GeneratorDataset: the source %s has no length", v.Type())
}

func (s *itemSource) row(thread *starlark.Thread, i int) (Row, error) {
	var item starlark.Value
	var err error
	switch x := s.obj.(type) {
	case *pyobj.Instance:
		item, err = pyobj.CallMethod(thread, x, "__getitem__", starlark.Tuple{starlark.MakeInt(i)}, nil)
	case starlark.Indexable:
		item = x.Index(i)
	}
	if err != nil {
		return nil, err
	}
	return toRow(item, s.cols, s.types, i)
}

// iterStage reads a generator function (called once per epoch) or an
// iterable, up to numSamples rows when numSamples > 0.
type iterStage struct {
	source     starlark.Value
	cols       []string
	types      []*engine.DType
	numSamples int
}

func (s *iterStage) columns() []string { return s.cols }

func (s *iterStage) size(thread *starlark.Thread) (int, error) {
	if !isCallable(s.source) {
		if n, err := sourceLen(thread, s.source); err == nil {
			if s.numSamples > 0 {
				n = min(n, s.numSamples)
			}
			return n, nil
		}
	}
	return countRows(thread, s)
}

func (s *iterStage) open(thread *starlark.Thread, epoch int) (Pull, error) {
	src := s.source
	if isCallable(src) {
		v, err := starlark.Call(thread, src, nil, nil)
		if err != nil {
			return nil, err
		}
		src = v
	}
	iterable, ok := src.(starlark.Iterable)
	if !ok {
		return nil, core.Errorf("TypeError", "GeneratorDataset: source must be a random-access object, a generator function or an iterable, not %s", src.Type())
	}
	it := iterable.Iterate()
	count := 0
	return func() (Row, bool, error) {
		if it == nil || (s.numSamples > 0 && count >= s.numSamples) {
			return finish(&it)
		}
		if err := core.CheckCancel(thread); err != nil {
			return nil, false, err
		}
		var v starlark.Value
		if !it.Next(&v) {
			if err := pyobj.ClearDeferredError(thread); err != nil {
				it.Done()
				it = nil
				return nil, false, err
			}
			return finish(&it)
		}
		row, err := toRow(v, s.cols, s.types, count)
		count++
		return row, err == nil, err
	}, nil
}

// isCallable reports whether Python's callable(v) holds: a script
// object is callable only when its class defines __call__.
func isCallable(v starlark.Value) bool {
	if inst, ok := v.(*pyobj.Instance); ok {
		call, _ := inst.Class().Lookup("__call__")
		return call != nil
	}
	_, ok := v.(starlark.Callable)
	return ok
}

func finish(it *starlark.Iterator) (Row, bool, error) {
	if *it != nil {
		(*it).Done()
		*it = nil
	}
	return nil, false, nil
}

// toRow converts one source item into columns: a tuple or list gives
// one column per element, anything else a single column. Each column
// converts as np.array does; types, when set, casts to column_types.
func toRow(v starlark.Value, cols []string, types []*engine.DType, rowNum int) (Row, error) {
	var items []starlark.Value
	switch x := v.(type) {
	case starlark.Tuple:
		items = x
	case *starlark.List:
		for i := 0; i < x.Len(); i++ {
			items = append(items, x.Index(i))
		}
	default:
		items = []starlark.Value{v}
	}
	if len(items) != len(cols) {
		return nil, core.Errorf("ValueError", "GeneratorDataset: row %d has %d columns but column_names lists %d (%s); return one value per column", rowNum, len(items), len(cols), quoteList(cols))
	}
	row := make(Row, len(items))
	for i, it := range items {
		var want *engine.DType
		if types != nil {
			want = types[i]
		}
		t, err := tensor.ToEngine(it, want, tensor.NumPy)
		if err != nil {
			_, msg := pyobj.Classify(err)
			return nil, core.Errorf("ValueError", "GeneratorDataset: row %d, column '%s': %s; each column needs a number or a rectangular array of numbers", rowNum, cols[i], msg)
		}
		row[i] = t
	}
	return row, nil
}

func quoteList(cols []string) string {
	s := "["
	for i, c := range cols {
		if i > 0 {
			s += ", "
		}
		s += core.QuoteString(c)
	}
	return s + "]"
}
