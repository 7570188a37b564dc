package dataset

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// batchStage stacks consecutive rows column by column along a new
// leading axis.
type batchStage struct {
	in            stage
	batchSize     int
	dropRemainder bool
}

func (b *batchStage) columns() []string { return b.in.columns() }

func (b *batchStage) size(thread *starlark.Thread) (int, error) {
	n, err := b.in.size(thread)
	if err != nil || n < 0 {
		return n, err
	}
	if b.dropRemainder {
		return n / b.batchSize, nil
	}
	return (n + b.batchSize - 1) / b.batchSize, nil
}

func (b *batchStage) open(thread *starlark.Thread, epoch int) (Pull, error) {
	pull, err := b.in.open(thread, epoch)
	if err != nil {
		return nil, err
	}
	first := 0 // index of the batch's first row in the input
	return func() (Row, bool, error) {
		var rows []Row
		for len(rows) < b.batchSize {
			r, ok, err := pull()
			if err != nil {
				return nil, false, err
			}
			if !ok {
				break
			}
			rows = append(rows, r)
		}
		if len(rows) == 0 || (b.dropRemainder && len(rows) < b.batchSize) {
			return nil, false, nil
		}
		out, err := stackRows(rows, b.in.columns(), first)
		first += len(rows)
		return out, err == nil, err
	}, nil
}

// stackRows stacks each column of rows, naming the row (counted from the
// start of the pass) and the column whose shape or dtype differs from
// the batch's first row.
func stackRows(rows []Row, cols []string, first int) (Row, error) {
	out := make(Row, len(rows[0]))
	for c := range rows[0] {
		head := rows[0][c]
		parts := make([]*engine.Tensor, len(rows))
		for i, r := range rows {
			t := r[c]
			if engine.FormatShape(t.Shape()) != engine.FormatShape(head.Shape()) {
				return nil, core.Errorf("ValueError", "batch: row %d, column '%s' has shape %s but row %d, the first of its batch, has %s; rows in a batch must have equal shapes", first+i, cols[c], engine.FormatShape(t.Shape()), first, engine.FormatShape(head.Shape()))
			}
			if t.DType() != head.DType() {
				return nil, core.Errorf("TypeError", "batch: row %d, column '%s' has dtype %s but row %d, the first of its batch, has %s; give every row of a column the same dtype", first+i, cols[c], t.DType(), first, head.DType())
			}
			parts[i] = t
		}
		s, err := engine.Stack(parts, 0)
		if err != nil {
			return nil, core.EngineError("batch", err)
		}
		out[c] = s
	}
	return out, nil
}

// shuffleStage is Dataset.shuffle(buffer_size): it fills a buffer, then
// for each output row draws a slot uniformly (NumPy's randint on the
// epoch's generator), emits that row and puts the next input row in the
// slot, or the buffer's last row once the input is exhausted.
type shuffleStage struct {
	in     stage
	buffer int
}

func (s *shuffleStage) columns() []string                         { return s.in.columns() }
func (s *shuffleStage) size(thread *starlark.Thread) (int, error) { return s.in.size(thread) }

func (s *shuffleStage) open(thread *starlark.Thread, epoch int) (Pull, error) {
	pull, err := s.in.open(thread, epoch)
	if err != nil {
		return nil, err
	}
	r := epochRNG(thread, epoch)
	var buf []Row
	exhausted := false
	return func() (Row, bool, error) {
		for !exhausted && len(buf) < s.buffer {
			row, ok, err := pull()
			if err != nil {
				return nil, false, err
			}
			if !ok {
				exhausted = true
				break
			}
			buf = append(buf, row)
		}
		if len(buf) == 0 {
			return nil, false, nil
		}
		k, _ := r.Randint(0, int64(len(buf)))
		out := buf[k]
		next, ok, err := Row(nil), false, error(nil)
		if !exhausted {
			if next, ok, err = pull(); err != nil {
				return nil, false, err
			}
			exhausted = !ok
		}
		if ok {
			buf[k] = next
		} else {
			buf[k] = buf[len(buf)-1]
			buf = buf[:len(buf)-1]
		}
		return out, true, nil
	}, nil
}

// repeatStage runs its input count times, or endlessly for count -1.
// Pass k of the input within epoch e is input epoch e*count+k, so
// shuffles differ between repeats.
type repeatStage struct {
	in    stage
	count int
}

func (r *repeatStage) columns() []string { return r.in.columns() }

func (r *repeatStage) size(thread *starlark.Thread) (int, error) {
	if r.count < 0 {
		return -1, nil
	}
	n, err := r.in.size(thread)
	if err != nil || n < 0 {
		return n, err
	}
	return n * r.count, nil
}

func (r *repeatStage) open(thread *starlark.Thread, epoch int) (Pull, error) {
	pass := 0
	var pull Pull
	return func() (Row, bool, error) {
		for {
			if pull == nil {
				if r.count >= 0 && pass >= r.count {
					return nil, false, nil
				}
				p, err := r.in.open(thread, epoch*max(r.count, 1)+pass)
				if err != nil {
					return nil, false, err
				}
				pull = p
				pass++
			}
			row, ok, err := pull()
			if err != nil || ok {
				return row, ok, err
			}
			pull = nil
			if n, err := r.in.size(thread); err != nil || n == 0 {
				return nil, false, err
			}
		}
	}, nil
}

// sliceStage is take(n) (n = -1: all rows) or skip(n).
type sliceStage struct {
	in   stage
	skip bool
	n    int
}

func (s *sliceStage) columns() []string { return s.in.columns() }

func (s *sliceStage) size(thread *starlark.Thread) (int, error) {
	n, err := s.in.size(thread)
	if err != nil {
		return 0, err
	}
	switch {
	case s.skip && n < 0:
		return -1, nil
	case s.skip:
		return max(n-s.n, 0), nil
	case s.n < 0:
		return n, nil
	case n < 0:
		return s.n, nil
	}
	return min(n, s.n), nil
}

func (s *sliceStage) open(thread *starlark.Thread, epoch int) (Pull, error) {
	pull, err := s.in.open(thread, epoch)
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
