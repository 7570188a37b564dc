package ndformat

import (
	"math"
	"testing"
)

func TestFloat16BitsMatchesNumpyCast(t *testing.T) {
	// Expected bits from np.array(v, dtype=np.float16).view(np.uint16)
	// under NumPy 1.24.2.
	tests := []struct {
		value float64
		bits  uint16
	}{
		{65519, 0x7bff},
		{65520, 0x7c00},
		{1e-8, 0x0000},
		{3e-8, 0x0001},
		{2.9802322387695312e-08, 0x0000},
		{1, 0x3c00},
		{-2, 0xc000},
		{0.1, 0x2e66},
		{2049, 0x6800},
		{2051, 0x6802},
		{6.103515625e-05, 0x0400},
		{6.1e-05, 0x03ff},
		{1e5, 0x7c00},
		{math.Copysign(0, -1), 0x8000},
		{0.333, 0x3554},
	}
	for _, tt := range tests {
		if got := float16Bits(tt.value); got != tt.bits {
			t.Errorf("float16Bits(%v) = %#04x, want %#04x", tt.value, got, tt.bits)
		}
	}
}

func TestFloat16BitsRoundTripsEveryValue(t *testing.T) {
	for h := 0; h < 1<<16; h++ {
		v := float16Value(uint16(h))
		if math.IsNaN(v) {
			continue
		}
		if got := float16Bits(v); got != uint16(h) {
			t.Fatalf("float16Bits(float16Value(%#04x) = %v) = %#04x", h, v, got)
		}
	}
}

func TestDecomposeFloat32Subnormal(t *testing.T) {
	p := decompose(float64(math.SmallestNonzeroFloat32), 32)
	want := floatParts{mant: 1, exp: -149, mantBit: 0}
	if p != want {
		t.Errorf("decompose(smallest float32) = %+v, want %+v", p, want)
	}
}

func TestDecomposePowerOfTwoHasUnequalMargins(t *testing.T) {
	p := decompose(0.5, 64)
	if !p.unequalMargins {
		t.Errorf("decompose(0.5, 64) = %+v, want unequal margins", p)
	}
	// The smallest normal has a subnormal below it at the same spacing.
	p = decompose(0x1p-1022, 64)
	if p.unequalMargins {
		t.Errorf("decompose(2^-1022, 64) = %+v, want equal margins", p)
	}
}
