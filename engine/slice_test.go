package engine

import (
	"errors"
	"math"
	"testing"
)

func TestResolveSliceMatchesPython(t *testing.T) {
	var cases [][6]*int
	loadReference(t, "slices.json", &cases)
	if len(cases) < 2000 {
		t.Fatalf("slices.json has %d cases, want the full table", len(cases))
	}
	for _, c := range cases {
		start, stop, step, n := c[0], c[1], *c[2], *c[3]
		wantLen, wantFirst := *c[4], *c[5]
		r := ResolveSlice(start, stop, step, n)
		if r.Len() != wantLen {
			t.Errorf("slice(%s, %s, %d) of %d: length %d, want %d", fmtBound(start), fmtBound(stop), step, n, r.Len(), wantLen)
			continue
		}
		if wantLen > 0 && r.Start != wantFirst {
			t.Errorf("slice(%s, %s, %d) of %d: first index %d, want %d", fmtBound(start), fmtBound(stop), step, n, r.Start, wantFirst)
		}
	}
}

func fmtBound(p *int) string {
	if p == nil {
		return "None"
	}
	return FormatShape([]int{*p})
}

func TestRangeLenExtremes(t *testing.T) {
	cases := []struct {
		r    Range
		want int
	}{
		{Range{0, math.MaxInt, 1}, math.MaxInt},
		{Range{math.MinInt, math.MaxInt, 1}, math.MaxInt},
		{Range{math.MaxInt, math.MinInt, math.MinInt}, 2},
		{Range{5, -1, math.MinInt}, 1},
		{Range{0, 10, math.MaxInt}, 1},
		{Range{3, 3, 1}, 0},
		{Range{3, 4, -1}, 0},
	}
	for _, c := range cases {
		if got := c.r.Len(); got != c.want {
			t.Errorf("%+v.Len() = %d, want %d", c.r, got, c.want)
		}
	}
}

func TestStridedSliceValues(t *testing.T) {
	x := f64(t, []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 3, 4)
	cases := []struct {
		ranges []Range
		shape  []int
		want   []float64
	}{
		{[]Range{{2, -1, -1}, {3, -1, -2}}, []int{3, 2}, []float64{11, 9, 7, 5, 3, 1}},
		{[]Range{{0, 3, 2}, {1, 100, 2}}, []int{2, 2}, []float64{1, 3, 9, 11}},
		{[]Range{{1, 1, 1}, {0, 4, 1}}, []int{0, 4}, nil},
		{[]Range{{2, -100, -1}, {0, 1, 1}}, []int{3, 1}, []float64{8, 4, 0}},
	}
	for _, c := range cases {
		got, err := StridedSlice(x, c.ranges)
		if err != nil {
			t.Errorf("StridedSlice(%v): %v", c.ranges, err)
			continue
		}
		if !sameShape(got.Shape(), c.shape) {
			t.Errorf("StridedSlice(%v) shape %v, want %v", c.ranges, got.Shape(), c.shape)
			continue
		}
		for i, w := range c.want {
			if got.Float(i) != w {
				t.Errorf("StridedSlice(%v) = %v, want %v", c.ranges, got.Floats(), c.want)
				break
			}
		}
	}
	_, err := StridedSlice(x, []Range{{3, 4, 1}, {0, 4, 1}})
	var e *Error
	if !errors.As(err, &e) || e.Kind != "IndexError" {
		t.Errorf("StridedSlice with start 3 on size 3: error %v, want IndexError", err)
	}
}
