package engine_test

import (
	"math"
	"testing"

	"github.com/cellscript/cellscript/engine"
)

func TestFirstNonFinite(t *testing.T) {
	cases := []struct {
		values []float64
		want   int
	}{
		{[]float64{1, 2, 3}, -1},
		{[]float64{1, math.NaN(), math.Inf(1)}, 1},
		{[]float64{math.Inf(-1)}, 0},
		{nil, -1},
	}
	for _, d := range []engine.DType{engine.Float32, engine.Float64} {
		for _, c := range cases {
			x, err := engine.FromValues(d, c.values)
			if err != nil {
				t.Fatal(err)
			}
			if got := engine.FirstNonFinite(x); got != c.want {
				t.Errorf("FirstNonFinite(%s %v) = %d, want %d", d, c.values, got, c.want)
			}
		}
	}
	ints, _ := engine.FromInt32([]int32{1, 2}, 2)
	if got := engine.FirstNonFinite(ints); got != -1 {
		t.Errorf("FirstNonFinite of an int32 tensor = %d, want -1", got)
	}
}

func TestNonFiniteOriginNamesTheOp(t *testing.T) {
	w, _ := engine.FromFloat64([]float64{1, 0}, 2)
	w.SetRequiresGrad(true)
	logged, err := engine.Log(w) // log(0) = -inf
	if err != nil {
		t.Fatal(err)
	}
	two := engine.Scalar(engine.Float64, 2)
	scaled, err := engine.Mul(logged, two)
	if err != nil {
		t.Fatal(err)
	}
	loss, err := engine.Sum(scaled, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := engine.NonFiniteOrigin(loss), logged.GradOp(); got != want || want == "" {
		t.Errorf("NonFiniteOrigin = %q, want %q, the op of log(0)", got, want)
	}
	finite, _ := engine.Mul(w, two)
	if got := engine.NonFiniteOrigin(finite); got != "" {
		t.Errorf("NonFiniteOrigin of a finite tensor = %q, want \"\"", got)
	}
}

func TestNonFiniteOriginBlamesTheInput(t *testing.T) {
	w, _ := engine.FromFloat64([]float64{1, 2}, 2)
	w.SetRequiresGrad(true)
	data, _ := engine.FromFloat64([]float64{math.NaN(), 1}, 2)
	out, err := engine.Mul(w, data)
	if err != nil {
		t.Fatal(err)
	}
	if got := engine.NonFiniteOrigin(out); got != "input" {
		t.Errorf("NonFiniteOrigin = %q, want \"input\" for NaN data", got)
	}
}
