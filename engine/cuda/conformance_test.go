package cuda_test

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/engine/cuda"
)

// deviceFlag selects the driver under test: the fake one in CI, the real
// one on a machine with a GPU (scripts/gpu/check.sh passes
// -cuda.device=real).
var deviceFlag = flag.String("cuda.device", "fake", "driver the conformance suite tests: fake or real")

var (
	backendOnce sync.Once
	backendErr  error
	testBackend *cuda.Backend
)

// backend opens the backend under test once and installs it.
func backend(t *testing.T) *cuda.Backend {
	t.Helper()
	backendOnce.Do(func() {
		switch *deviceFlag {
		case "fake":
			testBackend, backendErr = cuda.Open(cuda.Options{Fake: true, CacheDir: "-"})
		case "real":
			testBackend, backendErr = cuda.Open(cuda.Options{})
		default:
			backendErr = fmt.Errorf("-cuda.device=%q: use fake or real", *deviceFlag)
		}
		if backendErr == nil {
			engine.UseBackend(testBackend)
		}
	})
	if backendErr != nil {
		t.Fatalf("opening the %s driver: %v", *deviceFlag, backendErr)
	}
	return testBackend
}

// opCase is one op run on the CPU and on the device.
type opCase struct {
	name   string
	inputs []*engine.Tensor
	run    func(in []*engine.Tensor) (*engine.Tensor, error)
	// grad lists the inputs whose gradients are compared.
	grad []int
	// rtol overrides the relative tolerance for float32 results, and
	// atol adds an absolute one for sums whose terms cancel.
	rtol, atol float64
}

// rng is the suite's source of inputs; every case draws from its own
// seeded generator, so cases do not depend on their order.
func rng(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 1)) }

func randF32(r *rand.Rand, lo, hi float64, shape ...int) *engine.Tensor {
	v := make([]float32, engine.Numel(shape))
	for i := range v {
		v[i] = float32(lo + (hi-lo)*r.Float64())
	}
	t, _ := engine.FromFloat32(v, shape...)
	return t
}

func randF64(r *rand.Rand, lo, hi float64, shape ...int) *engine.Tensor {
	v := make([]float64, engine.Numel(shape))
	for i := range v {
		v[i] = lo + (hi-lo)*r.Float64()
	}
	t, _ := engine.FromFloat64(v, shape...)
	return t
}

func randInt(r *rand.Rand, d engine.DType, lo, hi int, shape ...int) *engine.Tensor {
	v := make([]float64, engine.Numel(shape))
	for i := range v {
		v[i] = float64(lo + r.IntN(hi-lo))
	}
	t, _ := engine.FromValues(d, v, shape...)
	return t
}

func randBool(r *rand.Rand, shape ...int) *engine.Tensor {
	v := make([]bool, engine.Numel(shape))
	for i := range v {
		v[i] = r.IntN(2) == 1
	}
	t, _ := engine.FromBool(v, shape...)
	return t
}

func f32(v []float32, shape ...int) *engine.Tensor {
	t, _ := engine.FromFloat32(v, shape...)
	return t
}

// unary wraps a one-input engine op.
func unary(f func(*engine.Tensor) (*engine.Tensor, error)) func([]*engine.Tensor) (*engine.Tensor, error) {
	return func(in []*engine.Tensor) (*engine.Tensor, error) { return f(in[0]) }
}

// binary wraps a two-input engine op.
func binary(f func(a, b *engine.Tensor) (*engine.Tensor, error)) func([]*engine.Tensor) (*engine.Tensor, error) {
	return func(in []*engine.Tensor) (*engine.Tensor, error) { return f(in[0], in[1]) }
}

// runCase runs c on both devices and compares results, errors and
// gradients.
func runCase(t *testing.T, c opCase) {
	t.Helper()
	backend(t)

	cpuIn := make([]*engine.Tensor, len(c.inputs))
	devIn := make([]*engine.Tensor, len(c.inputs))
	for i, in := range c.inputs {
		cpuIn[i] = in.Clone()
		var err error
		if devIn[i], err = engine.ToDevice(in, engine.GPU); err != nil {
			t.Fatalf("moving input %d to the GPU: %v", i, err)
		}
	}
	for _, i := range c.grad {
		cpuIn[i].SetRequiresGrad(true)
		devIn[i].SetRequiresGrad(true)
	}

	want, wantErr := c.run(cpuIn)
	got, gotErr := c.run(devIn)
	if wantErr != nil || gotErr != nil {
		if wantErr == nil || gotErr == nil || wantErr.Error() != gotErr.Error() {
			t.Fatalf("CPU error %v, GPU error %v", wantErr, gotErr)
		}
		return
	}
	if got.Device() != engine.GPU {
		t.Errorf("result is on %s, want GPU", got.Device())
	}
	compareTensors(t, "result", want, got, c.rtol, c.atol)
	if len(c.grad) == 0 {
		return
	}

	sens := randF64(rng(99), -1, 1, want.Shape()...)
	if want.Rank() == 0 {
		sens, _ = engine.FromFloat64([]float64{1.5}, []int{}...)
	}
	sens, _ = engine.Cast(sens, want.DType())
	wrtCPU, wrtDev := make([]*engine.Tensor, len(c.grad)), make([]*engine.Tensor, len(c.grad))
	for k, i := range c.grad {
		wrtCPU[k], wrtDev[k] = cpuIn[i], devIn[i]
	}

	gw, err := engine.Grad(want, wrtCPU, sens)
	if err != nil {
		t.Fatalf("CPU gradient: %v", err)
	}
	devSens, _ := engine.ToDevice(sens, engine.GPU)
	gg, err := engine.Grad(got, wrtDev, devSens)
	if err != nil {
		t.Fatalf("GPU gradient: %v", err)
	}
	for k := range gw {
		if gg[k].Device() != engine.GPU {
			t.Errorf("gradient %d is on %s, want GPU", k, gg[k].Device())
		}
		compareTensors(t, fmt.Sprintf("gradient of input %d", c.grad[k]), gw[k], gg[k], c.rtol, c.atol)
	}
}

// compareTensors checks shape, dtype and values: integers and bools
// exactly, floats within a relative tolerance (float32 by default 2e-6,
// float64 1e-12) with NaN where the CPU has NaN.
func compareTensors(t *testing.T, what string, want, got *engine.Tensor, rtol, atol float64) {
	t.Helper()
	if engine.FormatShape(want.Shape()) != engine.FormatShape(got.Shape()) || want.DType() != got.DType() {
		t.Fatalf("%s: got %s %s, want %s %s", what, engine.FormatShape(got.Shape()), got.DType(), engine.FormatShape(want.Shape()), want.DType())
	}
	host, err := engine.ToDevice(got, engine.CPU)
	if err != nil {
		t.Fatalf("%s: copying back: %v", what, err)
	}
	tol := 0.0
	switch want.DType() {
	case engine.Float32:
		tol = 2e-6
		if rtol != 0 {
			tol = rtol
		}
	case engine.Float64:
		tol = 1e-12
	}
	bad := 0
	for i := range want.Numel() {
		w, g := want.Float(i), host.Float(i)
		ok := w == g || math.IsNaN(w) && math.IsNaN(g) || tol > 0 && math.Abs(w-g) <= tol*math.Abs(w)+atol
		if want.DType().IsInt() {
			ok = want.Int(i) == host.Int(i)
		}
		if !ok {
			if bad < 5 {
				t.Errorf("%s: element %d = %.9g, want %.9g", what, i, g, w)
			}
			bad++
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d elements differ in all", what, bad)
	}
}

func TestConformanceUnary(t *testing.T) {
	ops := map[string]func(*engine.Tensor) (*engine.Tensor, error){
		"Neg": engine.Neg, "Abs": engine.Abs, "Exp": engine.Exp, "Square": engine.Square,
		"ReLU": engine.ReLU, "Sigmoid": engine.Sigmoid, "Tanh": engine.Tanh, "Sign": engine.Sign,
		"Softplus": engine.Softplus, "LogSigmoid": engine.LogSigmoid, "Floor": engine.Floor,
		"Sin": engine.Sin, "Cos": engine.Cos, "Reciprocal": engine.Reciprocal,
	}
	positive := map[string]func(*engine.Tensor) (*engine.Tensor, error){
		"Log": engine.Log, "Sqrt": engine.Sqrt, "Log1p": engine.Log1p, "Rsqrt": engine.Rsqrt,
	}
	for name, op := range ops {
		t.Run(name+"/float32", func(t *testing.T) {
			runCase(t, opCase{inputs: []*engine.Tensor{randF32(rng(1), -3, 3, 4, 5)}, run: unary(op), grad: []int{0}})
		})
		t.Run(name+"/float64", func(t *testing.T) {
			runCase(t, opCase{inputs: []*engine.Tensor{randF64(rng(2), -3, 3, 7)}, run: unary(op), grad: []int{0}})
		})
	}
	for name, op := range positive {
		t.Run(name+"/float32", func(t *testing.T) {
			runCase(t, opCase{inputs: []*engine.Tensor{randF32(rng(3), 0.1, 4, 3, 6)}, run: unary(op), grad: []int{0}})
		})
	}
	special := f32([]float32{0, float32(math.Copysign(0, -1)), float32(math.Inf(1)), float32(math.Inf(-1)), float32(math.NaN()), 1e-30, -50, 50}, 8)
	for _, name := range []string{"ReLU", "Sign", "Sigmoid", "Softplus", "Abs", "Exp"} {
		t.Run(name+"/special", func(t *testing.T) {
			runCase(t, opCase{inputs: []*engine.Tensor{special}, run: unary(ops[name])})
		})
	}
	for _, d := range []engine.DType{engine.Int32, engine.Int64} {
		for _, name := range []string{"Neg", "Abs", "Square", "ReLU", "Sign", "Exp"} {
			t.Run(name+"/"+d.String(), func(t *testing.T) {
				runCase(t, opCase{inputs: []*engine.Tensor{randInt(rng(4), d, -100, 100, 9)}, run: unary(ops[name])})
			})
		}
	}
	t.Run("Neg/bool", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{randBool(rng(5), 4)}, run: unary(engine.Neg)})
	})
}

func TestConformanceBinary(t *testing.T) {
	ops := map[string]func(a, b *engine.Tensor) (*engine.Tensor, error){
		"Add": engine.Add, "Sub": engine.Sub, "Mul": engine.Mul, "Div": engine.Div,
		"Maximum": engine.Maximum, "Minimum": engine.Minimum, "Pow": engine.Pow,
	}
	shapes := []struct {
		name string
		a, b []int
	}{
		{"same", []int{3, 4}, []int{3, 4}},
		{"row", []int{3, 4}, []int{4}},
		{"column", []int{3, 1}, []int{1, 4}},
		{"rank5", []int{2, 1, 3, 1, 2}, []int{1, 2, 1, 2, 1}},
		{"scalar", []int{2, 3}, []int{}},
	}
	for name, op := range ops {
		for _, s := range shapes {
			t.Run(name+"/"+s.name, func(t *testing.T) {
				r := rng(10)
				runCase(t, opCase{inputs: []*engine.Tensor{randF32(r, 0.5, 2, s.a...), randF32(r, 0.5, 2, s.b...)}, run: binary(op), grad: []int{0, 1}})
			})
		}
		t.Run(name+"/float64", func(t *testing.T) {
			r := rng(11)
			runCase(t, opCase{inputs: []*engine.Tensor{randF64(r, 0.5, 2, 5, 2), randF64(r, 0.5, 2, 2)}, run: binary(op), grad: []int{0, 1}})
		})
		for _, d := range []engine.DType{engine.Int32, engine.Int64} {
			t.Run(name+"/"+d.String(), func(t *testing.T) {
				r := rng(12)
				runCase(t, opCase{inputs: []*engine.Tensor{randInt(r, d, -20, 20, 4, 3), randInt(r, d, 1, 5, 3)}, run: binary(op)})
			})
		}
	}
	t.Run("CPUScalar", func(t *testing.T) {
		// A 0-d CPU tensor joins a GPU op as a scalar.
		s := engine.Scalar(engine.Float32, 2.5)
		runCase(t, opCase{inputs: []*engine.Tensor{randF32(rng(13), -1, 1, 3, 2)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Mul(in[0], s)
		}, grad: []int{0}})
	})
	t.Run("Div/int32/zero", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{randInt(rng(14), engine.Int32, 1, 9, 3), randInt(rng(14), engine.Int32, 0, 1, 3)}, run: binary(engine.Div)})
	})
	t.Run("Pow/int64/negative", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{randInt(rng(15), engine.Int64, 1, 9, 3), randInt(rng(15), engine.Int64, -2, -1, 3)}, run: binary(engine.Pow)})
	})
	t.Run("Maximum/NaN", func(t *testing.T) {
		nan := float32(math.NaN())
		runCase(t, opCase{inputs: []*engine.Tensor{f32([]float32{nan, 1, 2, nan}, 4), f32([]float32{0, nan, 3, nan}, 4)}, run: binary(engine.Maximum)})
	})
	t.Run("Add/shapes", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{randF32(rng(16), 0, 1, 3, 4), randF32(rng(16), 0, 1, 3)}, run: binary(engine.Add)})
	})
	t.Run("Add/dtypes", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{randF32(rng(17), 0, 1, 3), randF64(rng(17), 0, 1, 3)}, run: binary(engine.Add)})
	})
}

func TestConformanceCompareSelect(t *testing.T) {
	ops := map[string]func(a, b *engine.Tensor) (*engine.Tensor, error){
		"Less": engine.Less, "LessEqual": engine.LessEqual, "Greater": engine.Greater,
		"GreaterEqual": engine.GreaterEqual, "Equal": engine.Equal, "NotEqual": engine.NotEqual,
	}
	for name, op := range ops {
		t.Run(name, func(t *testing.T) {
			r := rng(20)
			runCase(t, opCase{inputs: []*engine.Tensor{randInt(r, engine.Float32, 0, 3, 4, 3), randInt(r, engine.Float32, 0, 3, 3)}, run: binary(op)})
		})
		t.Run(name+"/promote", func(t *testing.T) {
			r := rng(21)
			runCase(t, opCase{inputs: []*engine.Tensor{randInt(r, engine.Int32, 0, 3, 5), randF64(r, 0, 3, 5)}, run: binary(op)})
		})
		t.Run(name+"/bool", func(t *testing.T) {
			r := rng(22)
			runCase(t, opCase{inputs: []*engine.Tensor{randBool(r, 6), randBool(r, 6)}, run: binary(op)})
		})
	}
	t.Run("Where", func(t *testing.T) {
		r := rng(23)
		runCase(t, opCase{inputs: []*engine.Tensor{randBool(r, 3, 1), randF32(r, -1, 1, 3, 4), randF32(r, -1, 1, 4)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Where(in[0], in[1], in[2])
		}, grad: []int{1, 2}})
	})
	t.Run("Where/int64", func(t *testing.T) {
		r := rng(24)
		runCase(t, opCase{inputs: []*engine.Tensor{randBool(r, 5), randInt(r, engine.Int64, -9, 9, 5)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Where(in[0], in[1], engine.Scalar(engine.Int64, 7))
		}})
	})
	t.Run("LogicalNot", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{randBool(rng(25), 7)}, run: unary(engine.LogicalNot)})
	})
}

func TestConformanceCast(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	src := map[engine.DType]*engine.Tensor{}
	values := []float64{0, 1, -1, 2.7, -2.7, 3e9, -3e9, 1e20, nan, inf, -inf, 0.5}
	for _, d := range []engine.DType{engine.Float32, engine.Float64} {
		src[d], _ = engine.FromValues(d, values)
	}
	ints := []float64{0, 1, -1, 7, 2147483647, -2147483648, 100000}
	src[engine.Int32], _ = engine.FromValues(engine.Int32, ints)
	big, _ := engine.FromInt64([]int64{0, 1, -1, 1 << 40, -(1 << 40), 1<<53 + 1, math.MaxInt64})
	src[engine.Int64] = big
	src[engine.Bool], _ = engine.FromBool([]bool{true, false, true})
	all := []engine.DType{engine.Float32, engine.Float64, engine.Int32, engine.Int64, engine.Bool}
	for from, in := range src {
		for _, to := range all {
			t.Run(from.String()+"/"+to.String(), func(t *testing.T) {
				runCase(t, opCase{inputs: []*engine.Tensor{in}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
					return engine.Cast(in[0], to)
				}})
			})
		}
	}
	t.Run("grad", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{randF32(rng(30), -1, 1, 5)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Cast(in[0], engine.Float64)
		}, grad: []int{0}})
	})
}

func TestConformanceReduce(t *testing.T) {
	ops := map[string]func(*engine.Tensor, []int, bool) (*engine.Tensor, error){
		"Sum": engine.Sum, "Mean": engine.Mean, "Max": engine.Max, "Min": engine.Min, "Prod": engine.Prod,
	}
	axesCases := []struct {
		name string
		axes []int
		keep bool
	}{
		{"all", nil, false},
		{"leading", []int{0}, false},
		{"middle", []int{1}, true},
		{"trailing", []int{2}, false},
		{"split", []int{0, 2}, true},
		{"last2", []int{1, 2}, false},
	}
	for name, op := range ops {
		for _, ac := range axesCases {
			t.Run(name+"/"+ac.name, func(t *testing.T) {
				runCase(t, opCase{inputs: []*engine.Tensor{randF32(rng(40), 0.5, 1.5, 3, 4, 5)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
					return op(in[0], ac.axes, ac.keep)
				}, grad: []int{0}})
			})
		}
		t.Run(name+"/float64", func(t *testing.T) {
			runCase(t, opCase{inputs: []*engine.Tensor{randF64(rng(41), 0.5, 1.5, 6, 7)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
				return op(in[0], []int{1}, false)
			}, grad: []int{0}})
		})
		for _, d := range []engine.DType{engine.Int32, engine.Int64, engine.Bool} {
			t.Run(name+"/"+d.String(), func(t *testing.T) {
				in := randInt(rng(42), d, -5, 6, 4, 6)
				if d == engine.Bool {
					in = randBool(rng(42), 4, 6)
				}
				runCase(t, opCase{inputs: []*engine.Tensor{in}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
					return op(in[0], []int{0}, false)
				}})
			})
		}
	}
	// Shapes that take the two-pass row path and the transposed column
	// path.
	t.Run("Sum/longRow", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{randF32(rng(43), -1, 1, 2, 70000)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Sum(in[0], []int{1}, false)
		}, grad: []int{0}})
	})
	t.Run("Max/longRow", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{randInt(rng(44), engine.Int64, -1000, 1000, 1, 50000)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Max(in[0], nil, false)
		}})
	})
	t.Run("Mean/longColumns", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{randF32(rng(45), -1, 1, 1, 5000, 3)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Mean(in[0], []int{1}, false)
		}, grad: []int{0}})
	})
	t.Run("Max/NaN", func(t *testing.T) {
		nan := float32(math.NaN())
		runCase(t, opCase{inputs: []*engine.Tensor{f32([]float32{1, nan, 3, 4, 5, 6}, 2, 3)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Max(in[0], []int{1}, false)
		}})
	})
	t.Run("Max/empty", func(t *testing.T) {
		in, _ := engine.Zeros(engine.Float32, 2, 0)
		runCase(t, opCase{inputs: []*engine.Tensor{in}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Max(in[0], []int{1}, false)
		}})
	})
	t.Run("Mean/empty", func(t *testing.T) {
		in, _ := engine.Zeros(engine.Float32, 2, 0)
		runCase(t, opCase{inputs: []*engine.Tensor{in}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Mean(in[0], []int{1}, false)
		}})
	})
	t.Run("Prod/zeros", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{f32([]float32{1, 0, 3, 0, 0, 2, 4, 5, 6}, 3, 3)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Prod(in[0], []int{1}, false)
		}, grad: []int{0}})
	})
	for _, isMax := range []bool{true, false} {
		name := "ArgMin"
		f := engine.ArgMin
		if isMax {
			name, f = "ArgMax", engine.ArgMax
		}
		t.Run(name, func(t *testing.T) {
			runCase(t, opCase{inputs: []*engine.Tensor{randInt(rng(46), engine.Float32, 0, 4, 5, 7)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
				return f(in[0], 1, false)
			}})
		})
		t.Run(name+"/axis0", func(t *testing.T) {
			runCase(t, opCase{inputs: []*engine.Tensor{randInt(rng(47), engine.Int32, 0, 4, 5, 7)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
				return f(in[0], 0, true)
			}})
		})
		t.Run(name+"/NaN", func(t *testing.T) {
			nan := float32(math.NaN())
			runCase(t, opCase{inputs: []*engine.Tensor{f32([]float32{1, nan, 3, nan, 2, 2, 0, 2}, 2, 4)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
				return f(in[0], -1, false)
			}})
		})
	}
}

func TestConformanceMatMul(t *testing.T) {
	for _, ta := range []bool{false, true} {
		for _, tb := range []bool{false, true} {
			name := fmt.Sprintf("transA=%v/transB=%v", ta, tb)
			a, b := []int{5, 3}, []int{3, 4}
			if ta {
				a = []int{3, 5}
			}
			if tb {
				b = []int{4, 3}
			}
			run := func(in []*engine.Tensor) (*engine.Tensor, error) { return engine.MatMul(in[0], in[1], ta, tb) }
			t.Run(name+"/float32", func(t *testing.T) {
				r := rng(50)
				runCase(t, opCase{inputs: []*engine.Tensor{randF32(r, -1, 1, a...), randF32(r, -1, 1, b...)}, run: run, grad: []int{0, 1}, rtol: 1e-5})
			})
			t.Run(name+"/float64", func(t *testing.T) {
				r := rng(51)
				runCase(t, opCase{inputs: []*engine.Tensor{randF64(r, -1, 1, a...), randF64(r, -1, 1, b...)}, run: run, grad: []int{0, 1}})
			})
			t.Run(name+"/int32", func(t *testing.T) {
				r := rng(52)
				runCase(t, opCase{inputs: []*engine.Tensor{randInt(r, engine.Int32, -9, 9, a...), randInt(r, engine.Int32, -9, 9, b...)}, run: run})
			})
		}
	}
	t.Run("bool", func(t *testing.T) {
		r := rng(53)
		runCase(t, opCase{inputs: []*engine.Tensor{randBool(r, 3, 2), randBool(r, 2, 4)}, run: binary(func(a, b *engine.Tensor) (*engine.Tensor, error) {
			return engine.MatMul(a, b, false, false)
		})})
	})
	t.Run("k0", func(t *testing.T) {
		a, _ := engine.Zeros(engine.Float32, 3, 0)
		b, _ := engine.Zeros(engine.Float32, 0, 2)
		runCase(t, opCase{inputs: []*engine.Tensor{a, b}, run: binary(func(a, b *engine.Tensor) (*engine.Tensor, error) {
			return engine.MatMul(a, b, false, false)
		})})
	})
	for _, shapes := range [][2][]int{{{0, 3}, {3, 2}}, {{2, 3}, {3, 0}}, {{0, 0}, {0, 0}}} {
		t.Run(fmt.Sprintf("empty %v·%v", shapes[0], shapes[1]), func(t *testing.T) {
			a, _ := engine.Zeros(engine.Float32, shapes[0]...)
			b, _ := engine.Zeros(engine.Float32, shapes[1]...)
			runCase(t, opCase{inputs: []*engine.Tensor{a, b}, run: binary(func(a, b *engine.Tensor) (*engine.Tensor, error) {
				return engine.MatMul(a, b, false, false)
			})})
		})
	}
	t.Run("large", func(t *testing.T) {
		r := rng(54)
		runCase(t, opCase{inputs: []*engine.Tensor{randF32(r, -1, 1, 70, 129), randF32(r, -1, 1, 129, 33)}, run: binary(func(a, b *engine.Tensor) (*engine.Tensor, error) {
			return engine.MatMul(a, b, false, false)
		}), grad: []int{0, 1}, atol: 2e-5})
	})
}

func TestConformanceSoftmax(t *testing.T) {
	inf, nan := float32(math.Inf(1)), float32(math.NaN())
	special := f32([]float32{1, 2, 3, inf, 0, inf, -inf, -inf, -inf, 1, nan, 2, 100, 200, -300, 1e30}, 4, 4)
	for _, axis := range []int{-1, 0} {
		t.Run(fmt.Sprintf("LogSoftmax/axis%d", axis), func(t *testing.T) {
			runCase(t, opCase{inputs: []*engine.Tensor{randF32(rng(60), -5, 5, 6, 9)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
				return engine.LogSoftmax(in[0], axis)
			}, grad: []int{0}})
		})
		t.Run(fmt.Sprintf("Softmax/axis%d", axis), func(t *testing.T) {
			runCase(t, opCase{inputs: []*engine.Tensor{randF64(rng(61), -5, 5, 6, 9)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
				return engine.Softmax(in[0], axis)
			}, grad: []int{0}})
		})
		t.Run(fmt.Sprintf("LogSumExp/axis%d", axis), func(t *testing.T) {
			runCase(t, opCase{inputs: []*engine.Tensor{randF32(rng(62), -5, 5, 6, 9)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
				return engine.LogSumExp(in[0], axis, true)
			}, grad: []int{0}})
		})
	}
	t.Run("LogSoftmax/special", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{special}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.LogSoftmax(in[0], -1)
		}})
	})
	t.Run("Softmax/special", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{special}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Softmax(in[0], -1)
		}})
	})
	t.Run("Softmax/float32", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{randF32(rng(63), -5, 5, 7, 300)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Softmax(in[0], -1)
		}, grad: []int{0}})
	})
	t.Run("LogSumExp/special", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{special}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.LogSumExp(in[0], -1, false)
		}})
	})
}

func TestConformanceLayout(t *testing.T) {
	r := rng(70)
	x := randF32(r, -1, 1, 2, 3, 4)
	cases := map[string]func([]*engine.Tensor) (*engine.Tensor, error){
		"Transpose": func(in []*engine.Tensor) (*engine.Tensor, error) { return engine.Transpose(in[0], []int{2, 0, 1}) },
		"Transpose2D": func(in []*engine.Tensor) (*engine.Tensor, error) {
			m, _ := engine.Reshape(in[0], 6, 4)
			return engine.Transpose(m, nil)
		},
		"Reshape":     func(in []*engine.Tensor) (*engine.Tensor, error) { return engine.Reshape(in[0], 4, -1) },
		"BroadcastTo": func(in []*engine.Tensor) (*engine.Tensor, error) { return engine.BroadcastTo(in[0], 5, 2, 3, 4) },
		"Concat0": func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Concat([]*engine.Tensor{in[0], in[0]}, 0)
		},
		"Concat2": func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Concat([]*engine.Tensor{in[0], in[0], in[0]}, 2)
		},
		"Stack": func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Stack([]*engine.Tensor{in[0], in[0]}, 1)
		},
		"Squeeze":    func(in []*engine.Tensor) (*engine.Tensor, error) { return engine.Squeeze(in[0]) },
		"ExpandDims": func(in []*engine.Tensor) (*engine.Tensor, error) { return engine.ExpandDims(in[0], 1) },
		"StridedSlice": func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.StridedSlice(in[0], []engine.Range{{Start: 1, Stop: 2, Step: 1}, {Start: 2, Stop: -1, Step: -2}, {Start: 0, Stop: 4, Step: 3}})
		},
		"Take": func(in []*engine.Tensor) (*engine.Tensor, error) {
			idx, _ := engine.FromInt64([]int64{2, 0, 2, -1}, 2, 2)
			return engine.Take(in[0], idx, 1)
		},
		"GatherElements": func(in []*engine.Tensor) (*engine.Tensor, error) {
			idx, _ := engine.FromInt32([]int32{0, 2, 1, 1, 0, 0}, 2, 1, 3)
			return engine.GatherElements(in[0], 1, idx)
		},
		"GatherFlat": func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.GatherFlat(in[0], []int{5, 5, 0, 23, 7}, []int{5})
		},
		"MaskedSelect": func(in []*engine.Tensor) (*engine.Tensor, error) {
			m, _ := engine.Greater(in[0], engine.Scalar(engine.Float32, 0))
			return engine.MaskedSelect(in[0], m)
		},
		"Clip":  func(in []*engine.Tensor) (*engine.Tensor, error) { return engine.Clip(in[0], -0.5, 0.25) },
		"Norm1": func(in []*engine.Tensor) (*engine.Tensor, error) { return engine.Norm(in[0], []int{1}, 1) },
		"Norm2": func(in []*engine.Tensor) (*engine.Tensor, error) { return engine.Norm(in[0], []int{0, 2}, 2) },
		"MulNoNaN": func(in []*engine.Tensor) (*engine.Tensor, error) {
			y, _ := engine.Floor(in[0])
			return engine.MulNoNaN(in[0], y)
		},
	}
	for name, run := range cases {
		t.Run(name, func(t *testing.T) {
			runCase(t, opCase{inputs: []*engine.Tensor{x}, run: run, grad: []int{0}})
		})
	}
	t.Run("Transpose/bool", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{randBool(r, 3, 5)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Transpose(in[0], nil)
		}})
	})
	t.Run("Clip/int32", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{randInt(r, engine.Int32, -10, 10, 8)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.Clip(in[0], -2.5, math.Inf(1))
		}})
	})
	t.Run("MulNoNaN/inf", func(t *testing.T) {
		inf := float32(math.Inf(1))
		runCase(t, opCase{inputs: []*engine.Tensor{f32([]float32{inf, 1, float32(math.NaN()), 2}, 4), f32([]float32{0, 0, 0, 3}, 4)}, run: binary(engine.MulNoNaN), grad: []int{0, 1}})
	})
	for _, d := range []engine.DType{engine.Float32, engine.Int64, engine.Bool} {
		t.Run("OneHot/"+d.String(), func(t *testing.T) {
			idx, _ := engine.FromInt32([]int32{0, 3, -1, 2, 5}, 5)
			runCase(t, opCase{inputs: []*engine.Tensor{idx}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
				return engine.OneHot(in[0], 4, 1, 0, d)
			}})
		})
	}
}

func TestConformanceLosses(t *testing.T) {
	losses := map[string]func(x, y *engine.Tensor, r engine.Reduction) (*engine.Tensor, error){
		"L1Loss":  engine.L1Loss,
		"MSELoss": engine.MSELoss,
		"SmoothL1Loss": func(x, y *engine.Tensor, r engine.Reduction) (*engine.Tensor, error) {
			return engine.SmoothL1Loss(x, y, 0.5, r)
		},
	}
	for name, loss := range losses {
		for _, red := range []engine.Reduction{engine.ReductionMean, engine.ReductionSum} {
			for _, d := range []engine.DType{engine.Float32, engine.Float64} {
				t.Run(fmt.Sprintf("%s/%s/%s", name, red, d), func(t *testing.T) {
					r := rng(80)
					x, y := randF64(r, -2, 2, 37, 5), randF64(r, -2, 2, 37, 5)
					x, _ = engine.Cast(x, d)
					y, _ = engine.Cast(y, d)
					runCase(t, opCase{inputs: []*engine.Tensor{x, y}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
						return loss(in[0], in[1], red)
					}, grad: []int{0, 1}, rtol: 1e-5})
				})
			}
		}
	}
	for _, red := range []engine.Reduction{engine.ReductionMean, engine.ReductionSum, engine.ReductionNone} {
		t.Run("SoftmaxCrossEntropy/"+red.String(), func(t *testing.T) {
			labels := []int{3, 0, 9, 9, 4, 1, 2}
			runCase(t, opCase{inputs: []*engine.Tensor{randF32(rng(81), -4, 4, 7, 10)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
				return engine.SoftmaxCrossEntropy(in[0], labels, red)
			}, grad: []int{0}, rtol: 1e-5})
		})
	}
	for _, red := range []engine.Reduction{engine.ReductionMean, engine.ReductionNone} {
		t.Run("CosineEmbeddingLoss/"+red.String(), func(t *testing.T) {
			r := rng(84)
			labels, _ := engine.FromInt32([]int32{1, -1, 1, -1, 0, -1})
			runCase(t, opCase{inputs: []*engine.Tensor{randF32(r, -1, 1, 6, 3), randF32(r, -1, 1, 6, 3), labels}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
				return engine.CosineEmbeddingLoss(in[0], in[1], in[2], 0.1, red)
			}, grad: []int{0, 1}, rtol: 1e-5})
		})
	}
	t.Run("SoftmaxCrossEntropy/label", func(t *testing.T) {
		runCase(t, opCase{inputs: []*engine.Tensor{randF32(rng(82), -4, 4, 2, 3)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
			return engine.SoftmaxCrossEntropy(in[0], []int{0, 3}, engine.ReductionMean)
		}})
	})
	for _, red := range []engine.Reduction{engine.ReductionMean, engine.ReductionSum} {
		t.Run("BinaryCrossEntropy/"+red.String(), func(t *testing.T) {
			r := rng(83)
			runCase(t, opCase{inputs: []*engine.Tensor{randF32(r, 0.01, 0.99, 9, 4), randF32(r, 0, 1, 9, 4)}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
				return engine.BinaryCrossEntropy(in[0], in[1], red)
			}, grad: []int{0}, rtol: 1e-5})
		})
	}
}

// TestUnsupportedOps checks that ops the backend lacks name themselves
// and the device instead of running on the CPU.
func TestUnsupportedOps(t *testing.T) {
	backend(t)
	x, _ := engine.ToDevice(randF32(rng(90), -1, 1, 1, 1, 4, 4), engine.GPU)
	w, _ := engine.ToDevice(randF32(rng(90), -1, 1, 1, 1, 2, 2), engine.GPU)
	cases := map[string]func() error{
		"Conv2D": func() error {
			_, err := engine.Conv2D(x, w, [2]int{1, 1}, [4]int{}, [2]int{1, 1}, 1)
			return err
		},
		"MaxPool2D": func() error {
			_, err := engine.MaxPool2D(x, [2]int{2, 2}, [2]int{2, 2}, [2]int{})
			return err
		},
		"CTCLoss": func() error {
			lp, _ := engine.ToDevice(randF32(rng(90), -3, -0.1, 4, 1, 3), engine.GPU)
			_, _, err := engine.CTCLoss(lp, [][]int{{1}}, []int{4}, 0, false)
			return err
		},
	}
	unary := map[string]func(*engine.Tensor) (*engine.Tensor, error){
		"Erf": engine.Erf, "Ceil": engine.Ceil, "Round": engine.Round,
		"IsNan": engine.IsNan, "IsInf": engine.IsInf, "IsFinite": engine.IsFinite,
		"CumSum":  func(t *engine.Tensor) (*engine.Tensor, error) { return engine.CumSum(t, 0, false, false) },
		"CumProd": func(t *engine.Tensor) (*engine.Tensor, error) { return engine.CumProd(t, 0, false, false) },
		"Sort": func(t *engine.Tensor) (*engine.Tensor, error) {
			v, _, err := engine.Sort(t, -1, false)
			return v, err
		},
		"TopK": func(t *engine.Tensor) (*engine.Tensor, error) {
			v, _, err := engine.TopK(t, 2)
			return v, err
		},
	}
	for name, f := range unary {
		cases[name] = func() error {
			_, err := f(x)
			return err
		}
	}
	for name, run := range cases {
		t.Run(name, func(t *testing.T) {
			err := run()
			if err == nil || !strings.Contains(err.Error(), name+" is not implemented on GPU") {
				t.Errorf("got %v, want an error that %s is not implemented on GPU", err, name)
			}
		})
	}
}

// TestMixedDevices checks the error for operands on different devices.
func TestMixedDevices(t *testing.T) {
	backend(t)
	a := randF32(rng(91), -1, 1, 2, 3)
	b, _ := engine.ToDevice(randF32(rng(92), -1, 1, 2, 3), engine.GPU)
	_, err := engine.Add(b, a)
	want := "Add: input 0 (2, 3) is on GPU but input 1 (2, 3) is on CPU; move both to one device first"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
	if _, err := engine.MatMul(a, b, false, true); err == nil || !strings.Contains(err.Error(), "is on CPU") {
		t.Errorf("MatMul of CPU and GPU: got %v, want a mixed-device error", err)
	}
}

func TestConformanceNormSpecial(t *testing.T) {
	inf, nan := float32(math.Inf(1)), float32(math.NaN())
	x := f32([]float32{0, 0, 0, 1, inf, 2, 3, nan, 1, 3e-30, 4e-30, 0}, 4, 3)
	for _, p := range []float64{1, 2} {
		t.Run(fmt.Sprint(p), func(t *testing.T) {
			runCase(t, opCase{inputs: []*engine.Tensor{x}, run: func(in []*engine.Tensor) (*engine.Tensor, error) {
				return engine.Norm(in[0], []int{1}, p)
			}})
		})
	}
}
