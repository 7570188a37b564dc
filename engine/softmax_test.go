package engine

import (
	"math"
	"testing"
)

// TestSoftmaxCorrectlyRounded compares float32 Softmax with the
// correctly rounded softmax, computed with 60-digit Python decimals and
// rounded to the nearest float32. The first row is the example of
// MindSpore's Softmax docstring, where exp(x - logsumexp) rounded
// through float32 gives 0.08612856 in place of 0.08612855.
func TestSoftmaxCorrectlyRounded(t *testing.T) {
	cases := []struct{ in, want []float32 }{
		{in: []float32{1.0, 2.0, 3.0, 4.0, 5.0}, want: []float32{0.011656231246888638, 0.03168492019176483, 0.08612854778766632, 0.2341216504573822, 0.6364086270332336}},
		{in: []float32{-20.0, 0.5, 3.25, -0.0010000000474974513, 88.0}, want: []float32{0.0, 9.982351397596697e-39, 1.561502415726199e-37, 6.048550678426997e-39, 1.0}},
		{in: []float32{-6.779067516326904, 4.478700637817383, -0.9854522943496704, 3.5754427909851074, 7.64783239364624, 0.6159339547157288, 0.017927419394254684}, want: []float32{5.115821863910242e-07, 0.039637111127376556, 0.00016789993969723582, 0.01606283150613308, 0.9428409337997437, 0.0008327674586325884, 0.00045794446486979723}},
	}
	for _, c := range cases {
		x, err := FromFloat32(c.in, len(c.in))
		if err != nil {
			t.Fatal(err)
		}
		got, err := Softmax(x, -1)
		if err != nil {
			t.Fatal(err)
		}
		for i, w := range c.want {
			if g := float32(got.Float(i)); g != w {
				t.Errorf("softmax(%v)[%d] = %v, want %v", c.in, i, g, w)
			}
		}
	}
}

// TestSoftmaxSpecialRows checks rows containing NaN or only -Inf, which
// give NaN, and a float32 row containing two +Inf, which share the
// probability.
func TestSoftmaxSpecialRows(t *testing.T) {
	inf, nan := float32(math.Inf(1)), float32(math.NaN())
	x, err := FromFloat32([]float32{1, nan, 2, -inf, -inf, -inf, inf, 5, inf}, 3, 3)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Softmax(x, -1)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 6 {
		if g := got.Float(i); !math.IsNaN(g) {
			t.Errorf("element %d = %v, want NaN", i, g)
		}
	}
	for i, w := range []float64{0.5, 0, 0.5} {
		if g := got.Float(6 + i); g != w {
			t.Errorf("element %d = %v, want %v", 6+i, g, w)
		}
	}
}
