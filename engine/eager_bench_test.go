package engine

import "testing"

// BenchmarkEagerTinyGraph runs (a - b).abs().mean() forward and backward
// on 3-element tensors: the engine's share of the eager-overhead row.
func BenchmarkEagerTinyGraph(b *testing.B) {
	x, _ := FromFloat32([]float32{1, -2, 3.5})
	y, _ := FromFloat32([]float32{0.5, 1, -1})
	b.ReportAllocs()
	for b.Loop() {
		xl, yl := x.Detach().SetRequiresGrad(true), y.Detach().SetRequiresGrad(true)
		d, _ := Sub(xl, yl)
		a, _ := Abs(d)
		m, _ := Mean(a, nil, false)
		if _, err := Grad(m, []*Tensor{xl, yl}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
