package train

import (
	"math"
	"testing"
)

// TestMeanFloat32 compares meanFloat32 with numpy.mean of float32 arrays
// (NumPy 1.24.2); the expected values are the float32 bit patterns.
func TestMeanFloat32(t *testing.T) {
	thirds := make([]float64, 199)
	for i := range thirds {
		thirds[i] = float64(float32(i+1) / 3)
	}
	tenths := make([]float64, 1000)
	for i := range tenths {
		tenths[i] = float64(float32(i+1) / 10)
	}
	cases := []struct {
		name   string
		values []float64
		bits   uint32
	}{
		{"four losses", []float64{4.102187633514404, 5.089062690734863, 6.075937747955322, 7.062812805175781}, 1085449175},
		{"thirds 199", thirds, 1107645782},
		{"tenths 1000", tenths, 1112027955},
		{"single", []float64{2.5}, math.Float32bits(2.5)},
	}
	for _, c := range cases {
		got := meanFloat32(c.values)
		if math.Float32bits(got) != c.bits {
			t.Errorf("%s: mean is %v, NumPy gives %v", c.name, got, math.Float32frombits(c.bits))
		}
	}
}
