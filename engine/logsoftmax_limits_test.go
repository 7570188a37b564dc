package engine

import (
	"math"
	"testing"
)

// TestLogSoftmaxInfiniteLogits checks rows holding +Inf: the infinite
// logits share the probability and the others get log probability -Inf,
// the limit of finite logits growing without bound, where computing
// x - logsumexp(x) would give Inf - Inf = NaN.
func TestLogSoftmaxInfiniteLogits(t *testing.T) {
	inf := math.Inf(1)
	x := f64(t, []float64{inf, 0, inf, -inf, inf, 1000, -1, 2}, 2, 4)
	x.SetRequiresGrad(true)
	got, err := LogSoftmax(x, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{-math.Ln2, -inf, -math.Ln2, -inf, 0, -inf, -inf, -inf}
	for i, w := range want {
		if g := got.Float(i); g != w && math.Abs(g-w) > 1e-15 {
			t.Errorf("element %d = %v, want %v", i, g, w)
		}
	}
	p, err := Softmax(x, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range []float64{0.5, 0, 0.5, 0, 1, 0, 0, 0} {
		if g := p.Float(i); g != w {
			t.Errorf("softmax element %d = %v, want %v", i, g, w)
		}
	}
	// The gradient of log p[0] is e_0 - softmax, finite everywhere.
	sens := f64(t, []float64{1, 0, 0, 0, 0, 0, 0, 0}, 2, 4)
	g, err := Grad(got, []*Tensor{x}, sens)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range []float64{0.5, 0, -0.5, 0, 0, 0, 0, 0} {
		if v := g[0].Float(i); v != w {
			t.Errorf("gradient element %d = %v, want %v", i, v, w)
		}
	}
}
