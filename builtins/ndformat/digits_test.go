package ndformat

import (
	"fmt"
	"math"
	"math/rand"
	"testing"
)

// cutoffsUnderTest are the digit limits that the formatters request:
// shortest for scalars, fraction limits for positional arrays and equal
// total limits for scientific arrays, plus a few others.
var cutoffsUnderTest = []cutoff{
	noCutoff,
	{fraction: true, max: 8, min: 0},
	{fraction: true, max: 3, min: 0},
	{fraction: true, max: 0, min: 0},
	{fraction: true, max: 12, min: -1},
	{max: 9, min: -1},
	{max: 9, min: 9},
	{max: 4, min: 4},
	{max: 1, min: 1},
	{max: 17, min: 17},
	{max: -1, min: 5},
}

func TestFastDigitsMatchExactRandomBits(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 5000; i++ {
		var v float64
		var width int
		if i%2 == 0 {
			width = 32
			v = float64(math.Float32frombits(rng.Uint32() &^ (1 << 31)))
		} else {
			width = 64
			v = math.Float64frombits(rng.Uint64() &^ (1 << 63))
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		for _, c := range cutoffsUnderTest {
			checkFastDigits(t, v, width, c)
		}
	}
}

func TestFastDigitsMatchExactModerateValues(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for i := 0; i < 20000; i++ {
		// Values between 1e-12 and 1e12 reach the fraction limits.
		v := math.Pow(10, rng.Float64()*24-12)
		for _, width := range []int{32, 64} {
			for _, c := range cutoffsUnderTest {
				checkFastDigits(t, roundToWidth(v, width), width, c)
			}
		}
	}
}

func TestFastDigitsMatchExactEdgeValues(t *testing.T) {
	var values []float64
	for e := -60; e <= 60; e++ {
		p := math.Pow(10, float64(e))
		values = append(values, p, math.Nextafter(p, 0), math.Nextafter(p, math.Inf(1)))
		f := float64(float32(p))
		values = append(values, f,
			float64(math.Nextafter32(float32(p), 0)),
			float64(math.Nextafter32(float32(p), float32(math.Inf(1)))))
	}
	for e := -1074; e <= 1023; e++ {
		values = append(values, math.Ldexp(1, e))
	}
	values = append(values, 1e23, 5e-324, math.MaxFloat64, math.MaxFloat32,
		math.SmallestNonzeroFloat32, 1048576.25, 1048576.75, 67108872, 0.5, 9.5, 0.25)
	for _, v := range values {
		for _, width := range []int{32, 64} {
			w := roundToWidth(v, width)
			if w == 0 || math.IsInf(w, 0) {
				continue
			}
			for _, c := range cutoffsUnderTest {
				checkFastDigits(t, w, width, c)
			}
		}
	}
}

func checkFastDigits(t *testing.T, v float64, width int, c cutoff) {
	t.Helper()
	wantDigits, wantExp := exactDigits(decompose(v, width), c)
	gotDigits, gotExp := fastDigits(v, width, c)
	if string(gotDigits) != string(wantDigits) || gotExp != wantExp {
		t.Fatalf("fastDigits(%v [%x], float%d, %+v) = %s e%d, exact Dragon4 gives %s e%d",
			v, math.Float64bits(v), width, c, gotDigits, gotExp, wantDigits, wantExp)
	}
}

func TestExactDigitsKnownValues(t *testing.T) {
	tests := []struct {
		value  float64
		width  int
		c      cutoff
		digits string
		exp    int
	}{
		{0.1, 64, noCutoff, "1", -1},
		{1.0 / 3, 32, noCutoff, "33333334", -1},
		{1e23, 64, noCutoff, "1", 23},
		{65504, 16, noCutoff, "655", 4},
		{65504, 16, cutoff{fraction: true, max: 8, min: 0}, "65504", 4},
		{1.0 / 3, 64, cutoff{fraction: true, max: 8, min: 0}, "33333333", -1},
		{6e-9, 64, cutoff{fraction: true, max: 8, min: 0}, "1", -8},
		{4e-9, 64, cutoff{fraction: true, max: 8, min: 0}, "0", 0},
		{0.7, 32, cutoff{max: 8, min: 8}, "69999999", -1},
		{1048576.25, 32, noCutoff, "10485762", 6},
	}
	for _, tt := range tests {
		v := roundToWidth(tt.value, tt.width)
		digits, exp := exactDigits(decompose(v, tt.width), tt.c)
		got := fmt.Sprintf("%s e%d", digits, exp)
		want := fmt.Sprintf("%s e%d", tt.digits, tt.exp)
		if got != want {
			t.Errorf("exactDigits(%v, float%d, %+v) = %s, want %s", tt.value, tt.width, tt.c, got, want)
		}
	}
}

func TestFastDigitsMatchExactShortBinaryValues(t *testing.T) {
	// Values with few significant bits have short exact decimals, which
	// makes ties between two shortest candidates likely.
	rng := rand.New(rand.NewSource(3))
	for i := 0; i < 20000; i++ {
		mant := float64(rng.Intn(1<<12)*2 + 1)
		v := math.Ldexp(mant, rng.Intn(120)-80)
		for _, width := range []int{32, 64} {
			for _, c := range cutoffsUnderTest {
				checkFastDigits(t, roundToWidth(v, width), width, c)
			}
		}
	}
}
