package cuda_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/engine"
)

// optimizerCases are updates of every rule and option. Each runs three
// steps, so the slots' first-step branches (SGD's stat) and later ones
// are both covered.
var optimizerCases = []struct {
	name  string
	step  engine.OptimizerStep
	slots []float64 // starting value of each slot
}{
	{"Momentum", engine.OptimizerStep{Rule: engine.UpdateMomentum, LR: 0.1, Momentum: 0.9}, []float64{0}},
	{"Momentum/nesterov+decay+scale", engine.OptimizerStep{Rule: engine.UpdateMomentum, LR: 0.1, Momentum: 0.9, Nesterov: true, Decay: 0.01, GradScale: 0.5}, []float64{0}},
	{"SGD/plain", engine.OptimizerStep{Rule: engine.UpdateSGD, LR: 0.1}, []float64{0, 1}},
	{"SGD/momentum+dampening+wd", engine.OptimizerStep{Rule: engine.UpdateSGD, LR: 0.1, Momentum: 0.9, Dampening: 0.1, WeightDecay: 0.01}, []float64{0, 1}},
	{"SGD/nesterov", engine.OptimizerStep{Rule: engine.UpdateSGD, LR: 0.05, Momentum: 0.8, Nesterov: true, WeightDecay: 0.02}, []float64{0, 1}},
	{"Adam", engine.OptimizerStep{Rule: engine.UpdateAdam, LR: 0.003, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}, []float64{0, 0}},
	{"Adam/nesterov+decay+scale", engine.OptimizerStep{Rule: engine.UpdateAdam, LR: 0.003, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, Nesterov: true, Decay: 0.01, GradScale: 0.25}, []float64{0, 0}},
	{"AdamWeightDecay", engine.OptimizerStep{Rule: engine.UpdateAdamWeightDecay, LR: 0.001, Beta1: 0.9, Beta2: 0.999, Eps: 1e-6, WeightDecay: 0.01, DecayUpdate: true}, []float64{0, 0}},
	{"AdamWeightDecay/no-decay", engine.OptimizerStep{Rule: engine.UpdateAdamWeightDecay, LR: 0.001, Beta1: 0.9, Beta2: 0.999, Eps: 1e-6, WeightDecay: 0.01}, []float64{0, 0}},
	{"RMSProp", engine.OptimizerStep{Rule: engine.UpdateRMSProp, LR: 0.01, RhoDecay: 0.9, Momentum: 0.5, Epsilon: 1e-10}, []float64{1, 0}},
	{"RMSProp/centered", engine.OptimizerStep{Rule: engine.UpdateRMSProp, LR: 0.01, RhoDecay: 0.9, Momentum: 0.5, Epsilon: 1e-10, Centered: true}, []float64{1, 0, 0}},
	{"Adagrad", engine.OptimizerStep{Rule: engine.UpdateAdagrad, LR: 0.1, UpdateSlots: true, Decay: 0.01}, []float64{0.1}},
	{"Adagrad/fixed-slots", engine.OptimizerStep{Rule: engine.UpdateAdagrad, LR: 0.1}, []float64{0.1}},
}

// TestConformanceOptimizer runs every fused update on the CPU and on the
// device for three steps, checks that the device needs one launch per
// step, and compares the parameter and every slot. The device must
// match the CPU exactly: each kernel rounds every float operation as the
// CPU rule does.
func TestConformanceOptimizer(t *testing.T) {
	be := backend(t)
	for _, c := range optimizerCases {
		for _, d := range []engine.DType{engine.Float32, engine.Float64} {
			t.Run(c.name+"/"+d.String(), func(t *testing.T) {
				r := rng(200)
				w0, _ := engine.Cast(randF64(r, -1, 1, 5, 7), d)
				grads := make([]*engine.Tensor, 3)
				for i := range grads {
					grads[i], _ = engine.Cast(randF64(r, -2, 2, 5, 7), d)
				}
				cpuW, devW := w0.Clone(), toGPU(t, w0)
				cpuS, devS := make([]*engine.Tensor, len(c.slots)), make([]*engine.Tensor, len(c.slots))
				for i, v := range c.slots {
					cpuS[i], _ = engine.Full(d, v, 5, 7)
					devS[i] = toGPU(t, cpuS[i])
				}
				for step, g := range grads {
					if err := engine.ApplyOptimizer(c.step, cpuW, g, cpuS...); err != nil {
						t.Fatalf("CPU step %d: %v", step, err)
					}
					before := be.KernelLaunches()
					if err := engine.ApplyOptimizer(c.step, devW, toGPU(t, g), devS...); err != nil {
						t.Fatalf("GPU step %d: %v", step, err)
					}
					if n := be.KernelLaunches() - before; n != 1 {
						t.Errorf("step %d took %d launches, want 1", step, n)
					}
				}
				compareExact(t, "parameter", cpuW, devW)
				for i := range cpuS {
					compareExact(t, fmt.Sprintf("slot %d", i), cpuS[i], devS[i])
				}
			})
		}
	}
}

// TestConformanceOptimizerCentralized compares a centralized update,
// whose row means the device computes with its own reduction order.
func TestConformanceOptimizerCentralized(t *testing.T) {
	backend(t)
	step := engine.OptimizerStep{Rule: engine.UpdateMomentum, LR: 0.1, Momentum: 0.9, Decay: 0.01, Centralize: true, GradScale: 0.5}
	r := rng(201)
	w0 := randF32(r, -1, 1, 16, 3, 3)
	g := randF32(r, -2, 2, 16, 3, 3)
	cpuW, devW := w0.Clone(), toGPU(t, w0)
	cpuV, _ := engine.Full(engine.Float32, 0, 16, 3, 3)
	devV := toGPU(t, cpuV)
	if err := engine.ApplyOptimizer(step, cpuW, g, cpuV); err != nil {
		t.Fatal(err)
	}
	if err := engine.ApplyOptimizer(step, devW, toGPU(t, g), devV); err != nil {
		t.Fatal(err)
	}
	compareTensors(t, "parameter", cpuW, devW, 1e-6, 1e-7)
	compareTensors(t, "moments", cpuV, devV, 1e-6, 1e-7)
}

// TestOptimizerErrors checks the argument checks, which run before any
// device work.
func TestOptimizerErrors(t *testing.T) {
	backend(t)
	w := toGPU(t, randF32(rng(202), -1, 1, 3))
	g := toGPU(t, randF32(rng(203), -1, 1, 3))
	short := toGPU(t, randF32(rng(204), -1, 1, 2))
	ints := toGPU(t, randInt(rng(205), engine.Int32, 0, 3, 3))
	cpuSlot := randF32(rng(206), -1, 1, 3)
	mom := engine.OptimizerStep{Rule: engine.UpdateMomentum, LR: 0.1}
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"slot count", engine.ApplyOptimizer(mom, w, g), "got 0 slot tensors, but the rule updates 1"},
		{"slot shape", engine.ApplyOptimizer(mom, w, g, short), "slot 0 has dtype float32 and shape (2,)"},
		{"int parameter", engine.ApplyOptimizer(mom, ints, ints, ints), "parameter dtype int32 cannot be trained"},
		{"unknown rule", engine.ApplyOptimizer(engine.OptimizerStep{}, w, g), "unknown update rule 0"},
		{"mixed devices", engine.ApplyOptimizer(mom, w, g, cpuSlot), "is on CPU"},
	}
	for _, c := range cases {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.name, c.err, c.want)
		}
	}
}

func TestConformanceDivMod(t *testing.T) {
	ops := map[string]func(a, b *engine.Tensor) (*engine.Tensor, error){"FloorDiv": engine.FloorDiv, "Mod": engine.Mod}
	special := f32([]float32{7, -7, 7, -7, 0, float32(math.Copysign(0, -1)), 5, float32(math.Inf(1)), 1e-30, 3}, 10)
	divisors := f32([]float32{2, 2, -2, -2, 3, 3, 0, 2, -7, float32(math.NaN())}, 10)
	for name, op := range ops {
		t.Run(name+"/float32", func(t *testing.T) {
			runCase(t, opCase{inputs: []*engine.Tensor{randF32(rng(210), -9, 9, 4, 5), randF32(rng(211), 0.5, 3, 5)}, run: binary(op), grad: []int{0, 1}})
		})
		t.Run(name+"/float64-negative-divisor", func(t *testing.T) {
			runCase(t, opCase{inputs: []*engine.Tensor{randF64(rng(212), -9, 9, 3, 1), randF64(rng(213), -3, -0.5, 1, 4)}, run: binary(op), grad: []int{0, 1}})
		})
		t.Run(name+"/special", func(t *testing.T) {
			runCase(t, opCase{inputs: []*engine.Tensor{special, divisors}, run: binary(op), rtol: -1})
		})
		for _, d := range []engine.DType{engine.Int32, engine.Int64} {
			t.Run(name+"/"+d.String(), func(t *testing.T) {
				b := randInt(rng(215), d, 1, 6, 12)
				neg, _ := engine.Neg(randInt(rng(216), d, 1, 6, 12))
				divisor, _ := engine.Concat([]*engine.Tensor{b, neg}, 0)
				runCase(t, opCase{inputs: []*engine.Tensor{randInt(rng(214), d, -50, 50, 24), divisor}, run: binary(op)})
			})
			t.Run(name+"/"+d.String()+"-scalar", func(t *testing.T) {
				three := engine.Scalar(d, -3)
				runCase(t, opCase{inputs: []*engine.Tensor{randInt(rng(217), d, -50, 50, 2, 3)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) { return op(in[0], three) }})
			})
			t.Run(name+"/"+d.String()+"-zero", func(t *testing.T) {
				runCase(t, opCase{inputs: []*engine.Tensor{randInt(rng(218), d, -5, 5, 3), randInt(rng(219), d, 0, 1, 3)}, run: binary(op)})
			})
		}
		t.Run(name+"/int32-minimum", func(t *testing.T) {
			a, _ := engine.FromInt32([]int32{math.MinInt32, math.MinInt32, math.MaxInt32}, 3)
			b, _ := engine.FromInt32([]int32{-1, 1, -1}, 3)
			runCase(t, opCase{inputs: []*engine.Tensor{a, b}, run: binary(op)})
		})
	}
}

func TestConformanceDropout(t *testing.T) {
	for _, keep := range []float64{0.5, 0.9, 1} {
		t.Run(fmt.Sprint(keep), func(t *testing.T) {
			run := func(in []*engine.Tensor) (*engine.Tensor, error) {
				r := rng(220)
				out, mask, err := engine.Dropout(in[0], keep, r.Float64)
				if err == nil && mask.Device() != in[0].Device() {
					err = fmt.Errorf("mask is on %s but the input on %s", mask.Device(), in[0].Device())
				}
				return out, err
			}
			runCase(t, opCase{inputs: []*engine.Tensor{randF32(rng(221), -2, 2, 6, 8)}, run: run, grad: []int{0}})
		})
	}
}

func toGPU(t *testing.T, x *engine.Tensor) *engine.Tensor {
	t.Helper()
	y, err := engine.ToDevice(x, engine.GPU)
	if err != nil {
		t.Fatalf("moving %s to the GPU: %v", engine.FormatShape(x.Shape()), err)
	}
	return y
}

// compareExact checks that the device tensor equals the CPU one bit for
// bit.
func compareExact(t *testing.T, what string, want, got *engine.Tensor) {
	t.Helper()
	host, err := engine.ToDevice(got, engine.CPU)
	if err != nil {
		t.Fatalf("%s: copying back: %v", what, err)
	}
	bad := 0
	for i := range want.Numel() {
		w, g := want.Float(i), host.Float(i)
		if math.Float64bits(w) != math.Float64bits(g) && !(math.IsNaN(w) && math.IsNaN(g)) {
			if bad < 5 {
				t.Errorf("%s: element %d = %.17g, want %.17g", what, i, g, w)
			}
			bad++
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d elements differ in all", what, bad)
	}
}
