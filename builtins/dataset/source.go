package dataset

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/engine/rng"
	"go.starlark.net/starlark"
)

// generatorStage reads rows from a Python source: a random-access
// object (list, tuple, or a class with __getitem__ and __len__), a
// callable that returns an iterable (a generator function), or an
// iterable.
type generatorStage struct {
	source     starlark.Value
	cols       []string
	shuffle    bool
	numSamples int // 0: all
}

func (g *generatorStage) columns() []string { return g.cols }

// randomAccess returns the length and an element getter when the source
// supports indexing.
func (g *generatorStage) randomAccess(thread *starlark.Thread) (int, func(i int) (starlark.Value, error), bool) {
	switch s := g.source.(type) {
	case *starlark.List, starlark.Tuple:
		seq := s.(starlark.Indexable)
		return seq.Len(), func(i int) (starlark.Value, error) { return seq.Index(i), nil }, true
	case *pyobj.Instance:
		getitem, _ := s.Attr("__getitem__")
		length, _ := s.Attr("__len__")
		if getitem == nil || length == nil {
			return 0, nil, false
		}
		n, err := starlark.Call(thread, length, nil, nil)
		if err != nil {
			return 0, nil, false
		}
		var size int
		if err := starlark.AsInt(n, &size); err != nil {
			return 0, nil, false
		}
		return size, func(i int) (starlark.Value, error) {
			return starlark.Call(thread, getitem, starlark.Tuple{starlark.MakeInt(i)}, nil)
		}, true
	}
	return 0, nil, false
}

func (g *generatorStage) size(thread *starlark.Thread) int {
	n, _, ok := g.randomAccess(thread)
	if !ok {
		return -1
	}
	if g.numSamples > 0 && g.numSamples < n {
		return g.numSamples
	}
	return n
}

func (g *generatorStage) open(thread *starlark.Thread) (func() (Row, bool, error), error) {
	rowNum := 0
	convert := func(v starlark.Value) (Row, error) {
		row, err := toRow(v, g.cols, rowNum)
		rowNum++
		return row, err
	}
	if n, get, ok := g.randomAccess(thread); ok {
		order := make([]int, n)
		for i := range order {
			order[i] = i
		}
		if g.shuffle {
			core.EnvOf(thread).WithMindSpore(func(r *rng.NumPy) { r.Shuffle(order) })
		}
		if g.numSamples > 0 && g.numSamples < n {
			order = order[:g.numSamples]
		}
		k := 0
		return func() (Row, bool, error) {
			if k >= len(order) {
				return nil, false, nil
			}
			if err := core.CheckCancel(thread); err != nil {
				return nil, false, err
			}
			v, err := get(order[k])
			k++
			if err != nil {
				return nil, false, err
			}
			row, err := convert(v)
			return row, err == nil, err
		}, nil
	}
	src := g.source
	if fn, ok := src.(starlark.Callable); ok {
		if _, isClass := src.(*pyobj.Class); !isClass {
			v, err := starlark.Call(thread, fn, nil, nil)
			if err != nil {
				return nil, err
			}
			src = v
		}
	}
	iterable, ok := src.(starlark.Iterable)
	if !ok {
		return nil, core.Errorf("TypeError", "GeneratorDataset: source must be a list, a random-access object, a generator function or an iterable, not %s", src.Type())
	}
	it := iterable.Iterate()
	count := 0
	return func() (Row, bool, error) {
		if g.numSamples > 0 && count >= g.numSamples {
			it.Done()
			return nil, false, nil
		}
		if err := core.CheckCancel(thread); err != nil {
			return nil, false, err
		}
		var v starlark.Value
		if !it.Next(&v) {
			it.Done()
			return nil, false, nil
		}
		count++
		row, err := convert(v)
		return row, err == nil, err
	}, nil
}

// toRow converts one source item into columns: a tuple or list gives
// one column per element, anything else a single column.
func toRow(v starlark.Value, cols []string, rowNum int) (Row, error) {
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
		return nil, core.Errorf("ValueError", "GeneratorDataset: row %d has %d columns but column_names lists %d (%s)", rowNum, len(items), len(cols), quoteList(cols))
	}
	row := make(Row, len(items))
	for i, it := range items {
		t, err := tensor.ToEngine(it, nil, tensor.NumPy)
		if err != nil {
			return nil, core.Errorf("ValueError", "GeneratorDataset: row %d, column '%s': %v", rowNum, cols[i], err)
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

// slicesStage is NumpySlicesDataset: rows are slices along the first
// axis of each column array.
type slicesStage struct {
	data    []*engine.Tensor
	cols    []string
	shuffle bool
}

func (s *slicesStage) columns() []string { return s.cols }

func (s *slicesStage) size(*starlark.Thread) int { return s.data[0].Shape()[0] }

func (s *slicesStage) open(thread *starlark.Thread) (func() (Row, bool, error), error) {
	n := s.size(thread)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	if s.shuffle {
		core.EnvOf(thread).WithMindSpore(func(r *rng.NumPy) { r.Shuffle(order) })
	}
	k := 0
	return func() (Row, bool, error) {
		if k >= n {
			return nil, false, nil
		}
		i := order[k]
		k++
		row := make(Row, len(s.data))
		for c, t := range s.data {
			inner := engine.Numel(t.Shape()[1:])
			idx := make([]int, inner)
			for j := range idx {
				idx[j] = i*inner + j
			}
			r, err := engine.GatherFlat(t, idx, t.Shape()[1:])
			if err != nil {
				return nil, false, err
			}
			row[c] = r
		}
		return row, true, nil
	}, nil
}
