package engine

import "testing"

// TestApplyOptimizerKeepsGradient applies momentum steps with and without
// the options that rewrite the gradient: the caller's gradient must keep
// its values, and the parameter must move as v = v*m + g', w -= lr*v.
func TestApplyOptimizerKeepsGradient(t *testing.T) {
	cases := []struct {
		name  string
		step  OptimizerStep
		gUsed float32 // the gradient the rule uses for w = 2, g = 0.5
	}{
		{"plain", OptimizerStep{Rule: UpdateMomentum, LR: 0.1, Momentum: 0.9}, 0.5},
		{"decay", OptimizerStep{Rule: UpdateMomentum, LR: 0.1, Momentum: 0.9, Decay: 0.25}, 1.0},
		{"scale", OptimizerStep{Rule: UpdateMomentum, LR: 0.1, Momentum: 0.9, GradScale: 4}, 2.0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w, _ := FromFloat32([]float32{2, 2})
			g, _ := FromFloat32([]float32{0.5, 0.5})
			v, _ := FromFloat32([]float32{0, 0})
			if err := ApplyOptimizer(c.step, w, g, v); err != nil {
				t.Fatal(err)
			}
			for i, x := range g.F32() {
				if x != 0.5 {
					t.Errorf("gradient[%d] = %v after the step, want 0.5", i, x)
				}
			}
			want := 2 - float32(0.1)*c.gUsed
			for i, x := range w.F32() {
				if x != want {
					t.Errorf("weight[%d] = %v, want %v", i, x, want)
				}
			}
		})
	}
}
