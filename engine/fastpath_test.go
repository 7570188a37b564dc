package engine

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// gatherReference broadcasts t to shape through the index table, the
// general path that the fast paths replace.
func gatherReference(t *Tensor, shape []int) []float32 {
	s := t.data.([]float32)
	idx := broadcastIndex(t.shape, shape)
	out := make([]float32, Numel(shape))
	for i := range out {
		if idx == nil {
			out[i] = s[i]
		} else {
			out[i] = s[idx[i]]
		}
	}
	return out
}

func randF32(t *testing.T, r *rand.Rand, shape ...int) *Tensor {
	t.Helper()
	v := make([]float32, Numel(shape))
	for i := range v {
		v[i] = float32(r.NormFloat64())
	}
	x, err := FromFloat32(v, shape...)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

var broadcastShapeCases = []struct{ part, full []int }{
	{[]int{5}, []int{3, 5}},    // bias row: tile
	{[]int{1, 5}, []int{3, 5}}, // tile with a leading 1
	{[]int{3, 1}, []int{3, 5}}, // column: spread
	{[]int{2, 3, 1, 1}, []int{2, 3, 4, 5}},
	{[]int{4, 5}, []int{2, 3, 4, 5}}, // tile over two axes
	{[]int{3, 1, 5}, []int{3, 4, 5}}, // neither pattern
	{[]int{1}, []int{3, 1}},
	{[]int{}, []int{2, 2}},
	{[]int{2, 1}, []int{2, 1}},
	{[]int{300}, []int{1024, 300}},     // large enough to split among workers
	{[]int{1024, 1}, []int{1024, 300}}, // the same, spread
	{[]int{1024, 300}, []int{1024, 300}},
}

func TestBroadcastFastPathsMatchIndexTable(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for _, c := range broadcastShapeCases {
		t.Run(fmt.Sprint(c.part, c.full), func(t *testing.T) {
			part, full := randF32(t, r, c.part...), randF32(t, r, c.full...)
			expanded := gatherReference(part, c.full)
			if got := expandTo(part, c.full).F32(); !slices.Equal(got, expanded) {
				t.Errorf("expandTo = %v, want %v", got, expanded)
			}
			for _, k := range []binOp{opAdd, opSub, opDiv, opMax} {
				fs := full.F32()
				for _, partFirst := range []bool{false, true} {
					var got *Tensor
					want := make([]float32, len(fs))
					if partFirst {
						got = binaryRaw(k, part, full)
						binSame(k, want, expanded, fs)
					} else {
						got = binaryRaw(k, full, part)
						binSame(k, want, fs, expanded)
					}
					if !slices.Equal(got.F32(), want) {
						t.Errorf("%s (partial operand first: %v) = %v, want %v", binOpNames[k], partFirst, got.F32(), want)
					}
				}
			}
		})
	}
}

func TestReduceLeadingMatchesTransposedRows(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	for _, shape := range [][]int{{7, 3}, {1000, 33}, {2, 3, 4}, {5, 1}, {4096, 300}} {
		x := randF32(t, r, shape...)
		for _, k := range []redOp{redSum, redMean} {
			for n := 1; n < len(shape); n++ {
				axes := make([]int, n)
				for i := range axes {
					axes[i] = i
				}
				got := reduceRaw(k, x, axes, false).F32()
				// The general path: move the axes last, then reduce rows.
				src, _, inner := moveAxesLast(x, axes)
				want := make([]float32, len(got))
				reduceFloatRows(k, want, src.F32(), inner)
				if !slices.Equal(got, want) {
					t.Errorf("%s over axes %v of %v = %v, want %v", redNames[k], axes, shape, got, want)
				}
			}
		}
	}
}

func TestTransposeMatrixMatchesPermutation(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for _, shape := range [][]int{{1, 1}, {3, 70}, {65, 33}} {
		x := randF32(t, r, shape...)
		got := transposeRaw(x, []int{1, 0}).F32()
		s := x.F32()
		for i := 0; i < shape[0]; i++ {
			for j := 0; j < shape[1]; j++ {
				if got[j*shape[0]+i] != s[i*shape[1]+j] {
					t.Fatalf("transpose of %v: element (%d, %d) = %v, want %v", shape, j, i, got[j*shape[0]+i], s[i*shape[1]+j])
				}
			}
		}
	}
}
