package engine

import (
	"compress/gzip"
	"encoding/binary"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// readGzip returns the decompressed bytes of a testdata file that
// testdata/gen_reference.py wrote with NumPy 1.24.
func readGzip(t *testing.T, name string) []byte {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("open reference data: %v", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	raw, err := io.ReadAll(z)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return raw
}

// sameFloat32Bits reports whether two float32 values have the same bit
// pattern, or are both NaN when nanPayload is false.
func sameFloat32Bits(got, want float32, nanPayload bool) bool {
	if !nanPayload && want != want {
		return got != got && math.Signbit(float64(got)) == math.Signbit(float64(want))
	}
	return math.Float32bits(got) == math.Float32bits(want)
}

func TestHalfToFloat32AllPatterns(t *testing.T) {
	raw := readGzip(t, "float16_values.bin.gz")
	if len(raw) != 65536*4 {
		t.Fatalf("float16_values.bin.gz has %d bytes, want %d", len(raw), 65536*4)
	}
	for h := range 65536 {
		want := math.Float32frombits(binary.LittleEndian.Uint32(raw[4*h:]))
		got := HalfBitsToFloat32(uint16(h))
		if !sameFloat32Bits(got, want, true) {
			t.Errorf("HalfBitsToFloat32(%#04x) = %#08x, want %#08x (NumPy)", h, math.Float32bits(got), math.Float32bits(want))
		}
	}
}

func TestHalfRoundTripAllPatterns(t *testing.T) {
	for h := range 65536 {
		f := HalfBitsToFloat32(uint16(h))
		if got := HalfBitsFromFloat32(f); got != uint16(h) {
			t.Errorf("HalfBitsFromFloat32(HalfBitsToFloat32(%#04x)) = %#04x", h, got)
		}
		// Converting a signalling NaN to float64 sets its quiet bit.
		if f != f {
			continue
		}
		if got := HalfBitsFromFloat64(float64(f)); got != uint16(h) {
			t.Errorf("HalfBitsFromFloat64(HalfBitsToFloat32(%#04x)) = %#04x", h, got)
		}
	}
}

func TestHalfFromFloat32MatchesNumPy(t *testing.T) {
	raw := readGzip(t, "float16_round32.bin.gz")
	const size = 6
	if len(raw) == 0 || len(raw)%size != 0 {
		t.Fatalf("float16_round32.bin.gz has %d bytes, want a non-empty multiple of %d", len(raw), size)
	}
	bad := 0
	for i := 0; i < len(raw); i += size {
		x := math.Float32frombits(binary.LittleEndian.Uint32(raw[i:]))
		want := binary.LittleEndian.Uint16(raw[i+4:])
		got := HalfBitsFromFloat32(x)
		// The negative input must round to the negated result.
		neg := HalfBitsFromFloat32(-x)
		if got != want || neg != want^0x8000 {
			if bad < 10 {
				t.Errorf("HalfBitsFromFloat32(%g = %#08x) = %#04x and of its negation %#04x, want %#04x (NumPy)", x, math.Float32bits(x), got, neg, want)
			}
			bad++
		}
	}
	if bad > 10 {
		t.Errorf("%d of %d inputs differ from NumPy", bad, len(raw)/size)
	}
}

func TestHalfFromFloat64MatchesNumPy(t *testing.T) {
	raw := readGzip(t, "float16_round64.bin.gz")
	const size = 10
	if len(raw) == 0 || len(raw)%size != 0 {
		t.Fatalf("float16_round64.bin.gz has %d bytes, want a non-empty multiple of %d", len(raw), size)
	}
	bad := 0
	for i := 0; i < len(raw); i += size {
		x := math.Float64frombits(binary.LittleEndian.Uint64(raw[i:]))
		want := binary.LittleEndian.Uint16(raw[i+8:])
		if got := HalfBitsFromFloat64(x); got != want {
			if bad < 10 {
				t.Errorf("HalfBitsFromFloat64(%.17g) = %#04x, want %#04x (NumPy)", x, got, want)
			}
			bad++
		}
	}
	if bad > 10 {
		t.Errorf("%d of %d inputs differ from NumPy", bad, len(raw)/size)
	}
}

func TestHalfRoundingEdges(t *testing.T) {
	cases := []struct {
		x    float64
		want uint16
	}{
		{65504, 0x7bff},
		{65519.99, 0x7bff},
		{65520, 0x7c00}, // the midpoint to 65536 rounds to even, which overflows
		{-1e6, 0xfc00},
		{math.Exp2(-24), 0x0001},
		{math.Exp2(-25), 0x0000}, // half the smallest subnormal ties to zero
		{math.Exp2(-25) * 1.0000001, 0x0001},
		{-math.Exp2(-26), 0x8000},
		{math.Exp2(-14), 0x0400},
		{1 + math.Exp2(-11), 0x3c00},                  // tie to even
		{1 + 3*math.Exp2(-11), 0x3c02},                // tie to even, upwards
		{1 + math.Exp2(-11) + math.Exp2(-40), 0x3c01}, // rounds once, not through float32
		{math.Inf(1), 0x7c00},
		{math.NaN(), 0x7e00},
	}
	for _, c := range cases {
		if got := HalfBitsFromFloat64(c.x); got != c.want {
			t.Errorf("HalfBitsFromFloat64(%.17g) = %#04x, want %#04x", c.x, got, c.want)
		}
	}
}

func TestFloat16Storage(t *testing.T) {
	if got := Float16.Size(); got != 2 {
		t.Errorf("Float16.Size() = %d, want 2", got)
	}
	if got := Float16.String(); got != "float16" {
		t.Errorf("Float16.String() = %q, want float16", got)
	}
	if d, ok := ParseDType("float16"); !ok || d != Float16 {
		t.Errorf("ParseDType(float16) = %v, %v", d, ok)
	}
	// Tiny tensors keep their storage inline; seven float16 elements
	// take 28 bytes of float32 storage, more than the inline space.
	for n := range 9 {
		x, err := Full(Float16, 0.1, n)
		if err != nil {
			t.Fatalf("Full(Float16, 0.1, %d): %v", n, err)
		}
		s := x.F32()
		if len(s) != n {
			t.Fatalf("Full(Float16, 0.1, %d) has %d elements", n, len(s))
		}
		for i, v := range s {
			if v != RoundHalf64(0.1) {
				t.Errorf("Full(Float16, 0.1, %d)[%d] = %g, want %g", n, i, v, RoundHalf64(0.1))
			}
		}
	}
	if got := Scalar(Float16, 0.1).Float(0); got != 0.0999755859375 {
		t.Errorf("Scalar(Float16, 0.1) = %.17g, want 0.0999755859375", got)
	}
}

func TestFloat16MemoryCountsTwoBytes(t *testing.T) {
	prev := SetMemoryLimit(1 << 30)
	defer SetMemoryLimit(prev)
	before := LiveBytes()
	x, err := Zeros(Float16, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if got := LiveBytes() - before; got != 2000 {
		t.Errorf("Zeros(Float16, 1000) counted %d bytes, want 2000", got)
	}
	_ = x.F32()
}
