package cpu

import (
	"math"
	"math/rand/v2"
	"testing"
)

// ulpDiff returns the distance in units in the last place between two
// float32 values: 0 when equal (or both NaN), MaxInt32 when exactly one
// is NaN.
func ulpDiff(a, b float32) int64 {
	if a != a || b != b {
		if a != a && b != b {
			return 0
		}
		return math.MaxInt32
	}
	return abs64(ordered(a) - ordered(b))
}

// ordered maps float32 bits to integers that sort like the values.
func ordered(f float32) int64 {
	b := int64(math.Float32bits(f))
	if b&(1<<31) != 0 {
		return -(b &^ (1 << 31))
	}
	return b
}

func abs64(x int64) int64 { return max(x, -x) }

func mathInputs(r *rand.Rand, n int, draw func() float32, specials []float32) []float32 {
	x := make([]float32, 0, n+len(specials))
	x = append(x, specials...)
	for len(x) < cap(x) {
		x = append(x, draw())
	}
	return x
}

func checkUlp(t *testing.T, name string, maxUlp int64, f func(dst, x []float32), ref func(float64) float64, x []float32) {
	t.Helper()
	for _, isa := range isas() {
		got := make([]float32, len(x))
		withISA(t, isa, func() { f(got, x) })
		var worst int64
		var at float32
		for i, v := range x {
			want := float32(ref(float64(v)))
			if d := ulpDiff(got[i], want); d > worst {
				worst, at = d, v
			}
		}
		t.Logf("%s %v: max error %d ulp (at %v)", name, isa, worst, at)
		if worst > maxUlp {
			i := 0
			for x[i] != at {
				i++
			}
			t.Errorf("%s %v: error %d ulp at x = %v: got %v, want %v", name, isa, worst, at, got[i], float32(ref(float64(at))))
		}
	}
}

func TestExp32Ulp(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	inf := float32(math.Inf(1))
	specials := []float32{0, float32(math.Copysign(0, -1)), 1, -1, inf, -inf, float32(math.NaN()),
		88.72283, 88.72284, 89, 100, -87.33654, -103.2789, -103.97208, -104, -110, 1e-8, -1e-8}
	uniform := func(lo, hi float64) func() float32 {
		return func() float32 { return float32(lo + (hi-lo)*r.Float64()) }
	}
	checkUlp(t, "exp", ExpMaxUlp, Exp32, math.Exp, mathInputs(r, 1<<20, uniform(-104, 89), specials))
	checkUlp(t, "exp near 0", ExpMaxUlp, Exp32, math.Exp, mathInputs(r, 1<<16, uniform(-1, 1), nil))
	checkUlp(t, "exp subnormal results", ExpMaxUlp, Exp32, math.Exp, mathInputs(r, 1<<16, uniform(-104, -87), nil))
}

func TestLog32Ulp(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 24))
	inf := float32(math.Inf(1))
	specials := []float32{0, float32(math.Copysign(0, -1)), 1, -1, inf, -inf, float32(math.NaN()),
		math.SmallestNonzeroFloat32, math.MaxFloat32, 1.4142135, 1.4142137, 0.70710677, 1e-12}
	anyPositive := func() float32 { return math.Float32frombits(r.Uint32() &^ (1 << 31)) }
	nearOne := func() float32 { return float32(0.5 + r.Float64()) }
	checkUlp(t, "log", LogMaxUlp, Log32, math.Log, mathInputs(r, 1<<20, anyPositive, specials))
	checkUlp(t, "log near 1", LogMaxUlp, Log32, math.Log, mathInputs(r, 1<<20, nearOne, nil))
}

func TestSigmoid32Ulp(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 26))
	inf := float32(math.Inf(1))
	specials := []float32{0, float32(math.Copysign(0, -1)), inf, -inf, float32(math.NaN()), 88, -88, -100, -103.5, 17, 1e-8}
	uniform := func(lo, hi float64) func() float32 {
		return func() float32 { return float32(lo + (hi-lo)*r.Float64()) }
	}
	checkUlp(t, "sigmoid", SigmoidMaxUlp, Sigmoid32, sigmoid64, mathInputs(r, 1<<20, uniform(-110, 30), specials))
	checkUlp(t, "sigmoid near 0", SigmoidMaxUlp, Sigmoid32, sigmoid64, mathInputs(r, 1<<16, uniform(-2, 2), nil))
}

func TestTanh32Ulp(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 28))
	inf := float32(math.Inf(1))
	specials := []float32{0, float32(math.Copysign(0, -1)), inf, -inf, float32(math.NaN()), 0.625, 0.62499994, -0.625, 9, 10, 1e-20, 1e-40}
	uniform := func(lo, hi float64) func() float32 {
		return func() float32 { return float32(lo + (hi-lo)*r.Float64()) }
	}
	checkUlp(t, "tanh", TanhMaxUlp, Tanh32, math.Tanh, mathInputs(r, 1<<20, uniform(-12, 12), specials))
	checkUlp(t, "tanh near 0", TanhMaxUlp, Tanh32, math.Tanh, mathInputs(r, 1<<16, uniform(-1, 1), nil))
}

func BenchmarkExp32(b *testing.B) {
	b.ReportAllocs()
	x := randSlice(rand.New(rand.NewPCG(1, 2)), 1<<16)
	dst := make([]float32, len(x))
	b.SetBytes(int64(4 * len(x)))
	for b.Loop() {
		Exp32(dst, x)
	}
}

func BenchmarkLog32(b *testing.B) {
	b.ReportAllocs()
	x := randSlice(rand.New(rand.NewPCG(1, 2)), 1<<16)
	for i := range x {
		x[i] = abs32(x[i])
	}
	dst := make([]float32, len(x))
	b.SetBytes(int64(4 * len(x)))
	for b.Loop() {
		Log32(dst, x)
	}
}
