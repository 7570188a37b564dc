package dataset

import (
	"fmt"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/engine/rng"
	"go.starlark.net/starlark"
)

// batchStage stacks consecutive rows column by column along a new
// leading axis.
type batchStage struct {
	in            stage
	size_         int
	dropRemainder bool
}

func (d *Dataset) batch(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var size int
	drop := false
	if err := starlark.UnpackArgs("batch", args, kwargs, "batch_size", &size, "drop_remainder?", &drop, "num_parallel_workers?", new(starlark.Value), "per_batch_map?", new(starlark.Value), "input_columns?", new(starlark.Value), "output_columns?", new(starlark.Value), "column_order?", new(starlark.Value), "pad_info?", new(starlark.Value), "python_multiprocessing?", new(bool)); err != nil {
		return nil, err
	}
	if size <= 0 {
		return nil, core.Errorf("ValueError", "batch: batch_size must be a positive int, but got %d", size)
	}
	return &Dataset{name: "BatchDataset", st: &batchStage{in: d.st, size_: size, dropRemainder: drop}}, nil
}

func (b *batchStage) columns() []string { return b.in.columns() }

func (b *batchStage) size(thread *starlark.Thread) int {
	n := b.in.size(thread)
	if n < 0 {
		return -1
	}
	if b.dropRemainder {
		return n / b.size_
	}
	return (n + b.size_ - 1) / b.size_
}

func (b *batchStage) open(thread *starlark.Thread) (func() (Row, bool, error), error) {
	pull, err := b.in.open(thread)
	if err != nil {
		return nil, err
	}
	batchNum := 0
	return func() (Row, bool, error) {
		var rows []Row
		for len(rows) < b.size_ {
			r, ok, err := pull()
			if err != nil {
				return nil, false, err
			}
			if !ok {
				break
			}
			rows = append(rows, r)
		}
		if len(rows) == 0 || (b.dropRemainder && len(rows) < b.size_) {
			return nil, false, nil
		}
		out, err := stackRows(rows, b.in.columns(), batchNum)
		batchNum++
		return out, err == nil, err
	}, nil
}

// stackRows stacks each column of rows, naming the row and column whose
// shape or dtype differs from the batch's first row.
func stackRows(rows []Row, cols []string, batchNum int) (Row, error) {
	out := make(Row, len(rows[0]))
	for c := range rows[0] {
		first := rows[0][c]
		parts := make([]*engine.Tensor, len(rows))
		for i, r := range rows {
			t := r[c]
			if engine.FormatShape(t.Shape()) != engine.FormatShape(first.Shape()) {
				return nil, core.Errorf("ValueError", "batch %d: row %d, column '%s' has shape %s but the batch's first row has %s; rows in a batch must have equal shapes", batchNum, i, cols[c], engine.FormatShape(t.Shape()), engine.FormatShape(first.Shape()))
			}
			if t.DType() != first.DType() {
				return nil, core.Errorf("TypeError", "batch %d: row %d, column '%s' has dtype %s but the batch's first row has %s", batchNum, i, cols[c], t.DType(), first.DType())
			}
			parts[i] = t
		}
		s, err := engine.Stack(parts, 0)
		if err != nil {
			return nil, err
		}
		out[c] = s
	}
	return out, nil
}

// shuffleStage shuffles within a buffer, as Dataset.shuffle does.
type shuffleStage struct {
	in     stage
	buffer int
}

func (s *shuffleStage) columns() []string                { return s.in.columns() }
func (s *shuffleStage) size(thread *starlark.Thread) int { return s.in.size(thread) }

func (s *shuffleStage) open(thread *starlark.Thread) (func() (Row, bool, error), error) {
	pull, err := s.in.open(thread)
	if err != nil {
		return nil, err
	}
	var buf []Row
	exhausted := false
	env := core.EnvOf(thread)
	return func() (Row, bool, error) {
		for !exhausted && len(buf) < s.buffer {
			r, ok, err := pull()
			if err != nil {
				return nil, false, err
			}
			if !ok {
				exhausted = true
				break
			}
			buf = append(buf, r)
		}
		if len(buf) == 0 {
			return nil, false, nil
		}
		var k int64
		env.WithMindSpore(func(r *rng.NumPy) { k, _ = r.Randint(0, int64(len(buf))) })
		row := buf[k]
		buf[k] = buf[len(buf)-1]
		buf = buf[:len(buf)-1]
		return row, true, nil
	}, nil
}

// repeatStage runs its input count times (forever when count is -1).
type repeatStage struct {
	in    stage
	count int
}

func (r *repeatStage) columns() []string { return r.in.columns() }
func (r *repeatStage) size(thread *starlark.Thread) int {
	n := r.in.size(thread)
	if n < 0 || r.count < 0 {
		return -1
	}
	return n * r.count
}

func (r *repeatStage) open(thread *starlark.Thread) (func() (Row, bool, error), error) {
	pass := 0
	var pull func() (Row, bool, error)
	return func() (Row, bool, error) {
		for {
			if pull == nil {
				if r.count >= 0 && pass >= r.count {
					return nil, false, nil
				}
				p, err := r.in.open(thread)
				if err != nil {
					return nil, false, err
				}
				pull = p
				pass++
			}
			row, ok, err := pull()
			if err != nil {
				return nil, false, err
			}
			if ok {
				return row, true, nil
			}
			pull = nil
			if r.in.size(thread) == 0 {
				return nil, false, nil
			}
		}
	}, nil
}

// sliceStage is take(n) or skip(n).
type sliceStage struct {
	in   stage
	skip bool
	n    int
}

func (s *sliceStage) columns() []string { return s.in.columns() }
func (s *sliceStage) size(thread *starlark.Thread) int {
	n := s.in.size(thread)
	if n < 0 {
		return -1
	}
	if s.skip {
		return max(n-s.n, 0)
	}
	if s.n < 0 {
		return n
	}
	return min(n, s.n)
}

func (s *sliceStage) open(thread *starlark.Thread) (func() (Row, bool, error), error) {
	pull, err := s.in.open(thread)
	if err != nil {
		return nil, err
	}
	k := 0
	return func() (Row, bool, error) {
		for s.skip && k < s.n {
			_, ok, err := pull()
			if err != nil || !ok {
				return nil, false, err
			}
			k++
		}
		if !s.skip && s.n >= 0 && k >= s.n {
			return nil, false, nil
		}
		k++
		return pull()
	}, nil
}

// mapStage applies operations to input columns of each row.
type mapStage struct {
	in         stage
	operations []starlark.Value
	inputs     []int
}

func (d *Dataset) mapStage(args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var ops, inCols starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs("map", args, kwargs, "operations", &ops, "input_columns?", &inCols, "output_columns?", new(starlark.Value), "column_order?", new(starlark.Value), "num_parallel_workers?", new(starlark.Value), "python_multiprocessing?", new(bool)); err != nil {
		return nil, err
	}
	var list []starlark.Value
	if seq, ok := ops.(starlark.Indexable); ok {
		for i := 0; i < seq.Len(); i++ {
			list = append(list, seq.Index(i))
		}
	} else {
		list = []starlark.Value{ops}
	}
	cols := d.st.columns()
	var inputs []int
	names := []string{cols[0]}
	switch x := inCols.(type) {
	case starlark.String:
		names = []string{string(x)}
	case starlark.Indexable:
		names = nil
		for i := 0; i < x.Len(); i++ {
			s, _ := starlark.AsString(x.Index(i))
			names = append(names, s)
		}
	}
	for _, n := range names {
		found := false
		for i, c := range cols {
			if c == n {
				inputs = append(inputs, i)
				found = true
			}
		}
		if !found {
			return nil, core.Errorf("ValueError", "map: input column '%s' is not one of %s", n, quoteList(cols))
		}
	}
	return &Dataset{name: "MapDataset", st: &mapStage{in: d.st, operations: list, inputs: inputs}}, nil
}

func (m *mapStage) columns() []string                { return m.in.columns() }
func (m *mapStage) size(thread *starlark.Thread) int { return m.in.size(thread) }

func (m *mapStage) open(thread *starlark.Thread) (func() (Row, bool, error), error) {
	pull, err := m.in.open(thread)
	if err != nil {
		return nil, err
	}
	return func() (Row, bool, error) {
		row, ok, err := pull()
		if err != nil || !ok {
			return nil, false, err
		}
		out := append(Row(nil), row...)
		args := make(starlark.Tuple, len(m.inputs))
		for i, c := range m.inputs {
			args[i] = tensor.NewArray(row[c])
		}
		var res starlark.Value = args
		for _, op := range m.operations {
			in, _ := res.(starlark.Tuple)
			if in == nil {
				in = starlark.Tuple{res}
			}
			if res, err = starlark.Call(thread, op, in, nil); err != nil {
				return nil, false, err
			}
		}
		results, ok := res.(starlark.Tuple)
		if !ok {
			results = starlark.Tuple{res}
		}
		if len(results) != len(m.inputs) {
			return nil, false, core.Errorf("ValueError", "map: the operations returned %d values for %d input columns", len(results), len(m.inputs))
		}
		for i, c := range m.inputs {
			t, err := tensor.ToEngine(results[i], nil, tensor.NumPy)
			if err != nil {
				return nil, false, fmt.Errorf("map: column '%s': %v", m.in.columns()[c], err)
			}
			out[c] = t
		}
		return out, true, nil
	}, nil
}
