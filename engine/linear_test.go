package engine

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/cellscript/cellscript/engine/cpu"
)

// TestLinearMatchesComposedOps checks that Linear gives the output and
// gradients of MatMul, Add and ReLU applied in turn, bit for bit, on
// every kernel path, for batches that split among workers and for
// shapes with odd sizes.
func TestLinearMatchesComposedOps(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	shapes := [][3]int{{1, 1, 1}, {5, 7, 3}, {64, 784, 256}, {130, 33, 10}, {1024, 40, 70}}
	for isa := cpu.Generic; isa <= cpu.Best(); isa++ {
		for _, sh := range shapes {
			for _, act := range []Activation{NoActivation, ReLUActivation} {
				for _, bias := range []bool{true, false} {
					name := fmt.Sprintf("%v/%dx%dx%d/act=%d/bias=%v", isa, sh[0], sh[1], sh[2], act, bias)
					t.Run(name, func(t *testing.T) {
						prev := cpu.SetISA(isa)
						defer cpu.SetISA(prev)
						checkLinear32(t, r, sh[0], sh[1], sh[2], act, bias)
					})
				}
			}
		}
	}
}

func checkLinear32(t *testing.T, r *rand.Rand, m, k, n int, act Activation, withBias bool) {
	randT := func(shape ...int) *Tensor { return randF32(t, r, shape...).SetRequiresGrad(true) }
	x, w := randT(m, k), randT(n, k)
	var b *Tensor
	params := []*Tensor{x, w}
	if withBias {
		b = randT(n)
		params = append(params, b)
	}
	sens := randT(m, n).Detach()
	got, err := Linear(x, w, b, act)
	if err != nil {
		t.Fatal(err)
	}
	want := matmul(x, w, false, true)
	if b != nil {
		want = add(want, b)
	}
	if act == ReLUActivation {
		want = unary(uRelu, want)
	}
	sameBits(t, "output", got, want)
	gotGrads, err := Grad(got, params, sens)
	if err != nil {
		t.Fatal(err)
	}
	wantGrads, err := Grad(want, params, sens)
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"x", "weight", "bias"}[:len(params)] {
		sameBits(t, "gradient of "+name, gotGrads[i], wantGrads[i])
	}
}

// sameBits fails unless a and b hold the same float32 bits.
func sameBits(t *testing.T, what string, a, b *Tensor) {
	t.Helper()
	av, bv := a.F32(), b.F32()
	if !sameShape(a.shape, b.shape) || len(av) != len(bv) {
		t.Fatalf("%s: shape %v, want %v", what, a.shape, b.shape)
	}
	for i := range av {
		if math.Float32bits(av[i]) != math.Float32bits(bv[i]) {
			t.Fatalf("%s[%d] = %v, want %v", what, i, av[i], bv[i])
		}
	}
}

func TestLinearErrors(t *testing.T) {
	x, _ := FromFloat32(make([]float32, 6), 2, 3)
	w, _ := FromFloat32(make([]float32, 12), 4, 3)
	b, _ := FromFloat32(make([]float32, 3), 3)
	w2, _ := FromFloat32(make([]float32, 8), 4, 2)
	x64, _ := FromFloat64(make([]float64, 6), 2, 3)
	for _, c := range []struct {
		name    string
		x, w, b *Tensor
		act     Activation
		want    string
	}{
		{"bias length", x, w, b, NoActivation, "Dense: bias shape (3,) must be (4,), one value per output"},
		{"inner size", x, w2, nil, NoActivation, "Dense: x shape (2, 3) does not match weight shape (4, 2): x.shape[1] must equal weight.shape[1]"},
		{"dtype", x64, w, nil, NoActivation, "Dense: x dtype float64 does not match weight dtype float32; cast the input first"},
		{"activation", x, w, nil, Activation(7), "Dense: activation 7 is not supported; use NoActivation or ReLUActivation"},
	} {
		_, err := Linear(c.x, c.w, c.b, c.act)
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}
