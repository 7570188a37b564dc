package dataset

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"go.starlark.net/starlark"
)

// splitSizes converts split()'s sizes into row counts as MindSpore's
// _get_absolute_split_sizes does. Ints must sum to the dataset size.
// Fractions become round(f * size), with Python's round (half to even).
// Rows still missing go to the first split, and excess rows come off
// the first split that can lose them.
func splitSizes(sizes starlark.Value, total int) ([]int, error) {
	list, ok := sizes.(*starlark.List)
	if !ok || list.Len() == 0 {
		return nil, core.Errorf("TypeError", "split: sizes must be a non-empty list of ints or of fractions, such as [0.8, 0.2], not %s", sizes.Type())
	}
	allInt := true
	vals := make([]float64, list.Len())
	for i := range vals {
		v := list.Index(i)
		f, isNum := starlark.AsFloat(v)
		if !isNum {
			return nil, core.Errorf("TypeError", "split: sizes[%d] is %s, not a number", i, v.Type())
		}
		if _, isInt := v.(starlark.Int); !isInt {
			allInt = false
		}
		vals[i] = f
	}
	out := make([]int, len(vals))
	if allInt {
		sum := 0
		for i, v := range vals {
			if v <= 0 {
				return nil, core.Errorf("ValueError", "split: sizes[%d] is %d; sizes must be positive", i, int(v))
			}
			out[i] = int(v)
			sum += out[i]
		}
		if sum != total {
			return nil, core.Errorf("RuntimeError", "split: the sizes sum to %d but the dataset has %d rows", sum, total)
		}
		return out, nil
	}
	return fractionSizes(vals, total)
}

func fractionSizes(vals []float64, total int) ([]int, error) {
	out := make([]int, len(vals))
	sum := 0.0
	assigned := 0
	for i, f := range vals {
		if f <= 0 || f > 1 {
			return nil, core.Errorf("ValueError", "split: fraction sizes[%d] is %s; fractions must be in (0, 1]", i, core.FormatFloat(f))
		}
		sum += f
		out[i] = int(math.RoundToEven(f * float64(total)))
		if out[i] == 0 {
			return nil, core.Errorf("RuntimeError", "split: the fraction %s of %d rows is 0 rows; use a larger fraction", core.FormatFloat(f), total)
		}
		assigned += out[i]
	}
	if math.Abs(sum-1) > 1e-9 {
		return nil, core.Errorf("ValueError", "split: fractions must sum to 1, but they sum to %s", core.FormatFloat(sum))
	}
	diff := total - assigned
	if diff > 0 {
		out[0] += diff
		return out, nil
	}
	for i := range out {
		if out[i]+diff > 0 {
			out[i] += diff
			break
		}
	}
	return out, nil
}

// splitStage passes the rows at positions [lo, hi) of order, where order
// is a fixed permutation of the input positions of one pass (nil: the
// input order). With a permutation it buffers the split's rows of a pass
// and emits them in permutation order.
type splitStage struct {
	in     stage
	order  []int
	lo, hi int
}

func (s *splitStage) columns() []string                  { return s.in.columns() }
func (s *splitStage) size(*starlark.Thread) (int, error) { return s.hi - s.lo, nil }

func (s *splitStage) open(thread *starlark.Thread, epoch int) (Pull, error) {
	pull, err := s.in.open(thread, epoch)
	if err != nil {
		return nil, err
	}
	if s.order == nil {
		return (&sliceStage{n: s.hi - s.lo}).limit(skipRows(pull, s.lo)), nil
	}
	rank := make(map[int]int, s.hi-s.lo) // input position -> output slot
	for k := s.lo; k < s.hi; k++ {
		rank[s.order[k]] = k - s.lo
	}
	rows := make([]Row, s.hi-s.lo)
	loaded := false
	next := 0
	return func() (Row, bool, error) {
		if !loaded {
			for pos := 0; ; pos++ {
				row, ok, err := pull()
				if err != nil {
					return nil, false, err
				}
				if !ok {
					break
				}
				if slot, in := rank[pos]; in {
					rows[slot] = row
				}
			}
			loaded = true
		}
		for next < len(rows) && rows[next] == nil {
			next++ // the input was shorter than when split() counted it
		}
		if next >= len(rows) {
			return nil, false, nil
		}
		next++
		return rows[next-1], true, nil
	}, nil
}

func skipRows(pull Pull, n int) Pull {
	skipped := 0
	return func() (Row, bool, error) {
		for ; skipped < n; skipped++ {
			if _, ok, err := pull(); err != nil || !ok {
				return nil, false, err
			}
		}
		return pull()
	}
}

// limit stops pull after s.n rows.
func (s *sliceStage) limit(pull Pull) Pull {
	k := 0
	return func() (Row, bool, error) {
		if k >= s.n {
			return nil, false, nil
		}
		k++
		return pull()
	}
}

// split implements Dataset.split. A random-access source read in full
// (sequentially or shuffled) splits its row indices: each split keeps
// fixed rows and, when the source shuffles, visits them in a new order
// each epoch. Other pipelines split the positions of a pass.
//
// NOTE: MindSpore draws the randomize permutation separately for each
// split unless a seed is set, so its splits can overlap. Here one
// permutation serves all splits of a call, so they never overlap.
func (d *Dataset) split(thread *starlark.Thread, sizes starlark.Value, randomize bool) ([]*Dataset, error) {
	total, err := d.st.size(thread)
	if err != nil {
		return nil, err
	}
	if total <= 0 {
		return nil, core.Errorf("RuntimeError", "split: the dataset size is unknown or zero, so it cannot be split")
	}
	counts, err := splitSizes(sizes, total)
	if err != nil {
		return nil, err
	}
	var order []int
	if randomize {
		if order, err = epochRNG(thread, 0).Permutation(total); err != nil {
			return nil, err
		}
	}
	out := make([]*Dataset, len(counts))
	lo := 0
	for i, n := range counts {
		out[i] = &Dataset{st: d.splitPart(order, lo, lo+n)}
		lo += n
	}
	return out, nil
}

func (d *Dataset) splitPart(order []int, lo, hi int) stage {
	ix, ok := d.st.(*indexedStage)
	if !ok || !fullPass(ix.sampler) {
		return &splitStage{in: d.st, order: order, lo: lo, hi: hi}
	}
	members := make([]int, hi-lo)
	for k := range members {
		if order != nil {
			members[k] = order[lo+k]
		} else {
			members[k] = lo + k
		}
	}
	_, shuffled := ix.sampler.(*randomSampler)
	return &indexedStage{src: ix.src, cols: ix.cols, sampler: &subsetSampler{idx: members, shuffle: shuffled}}
}

// fullPass reports whether a sampler visits every row once per epoch.
func fullPass(s sampler) bool {
	switch x := s.(type) {
	case *sequentialSampler:
		return x.start == 0 && x.numSamples == 0
	case *randomSampler:
		return !x.replacement && x.numSamples == 0
	}
	return false
}
