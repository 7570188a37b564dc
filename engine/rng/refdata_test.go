package rng

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// The reference files come from testdata/gen.py, run by hand with NumPy
// 1.24.2 and CPython 3.11.2 on Debian 12 (glibc 2.36, x86-64).

// loadJSON decodes testdata/name into v.
func loadJSON(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("read reference data: %v", err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("decode testdata/%s: %v", name, err)
	}
}

// packedFloats is base64 of little-endian float64 values.
type packedFloats string

func (p packedFloats) decode(t *testing.T) []float64 {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(string(p))
	if err != nil {
		t.Fatalf("decode packed floats: %v", err)
	}
	out := make([]float64, len(raw)/8)
	for i := range out {
		out[i] = math.Float64frombits(binary.LittleEndian.Uint64(raw[8*i:]))
	}
	return out
}

// packedUint32 is base64 of little-endian uint32 values.
type packedUint32 string

func (p packedUint32) decode(t *testing.T) []uint32 {
	t.Helper()
	raw, err := base64.StdEncoding.DecodeString(string(p))
	if err != nil {
		t.Fatalf("decode packed uint32: %v", err)
	}
	out := make([]uint32, len(raw)/4)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(raw[4*i:])
	}
	return out
}

func (p packedUint32) key(t *testing.T) [624]uint32 {
	t.Helper()
	words := p.decode(t)
	if len(words) != 624 {
		t.Fatalf("reference key has %d words, want 624", len(words))
	}
	return [624]uint32(words)
}

// floatStream is a reference stream whose values depend on log, sin or
// cos. Values holds NumPy's or CPython's output. CR maps the index of each
// draw where glibc misrounds one of those functions to the value that the
// correctly rounded functions give.
type floatStream struct {
	Values packedFloats            `json:"values"`
	CR     map[string]packedFloats `json:"cr"`
}

// expected returns the values the Go generators must produce, and the
// number of draws taken from CR.
func (s floatStream) expected(t *testing.T) ([]float64, int) {
	t.Helper()
	values := s.Values.decode(t)
	for key, v := range s.CR {
		i, err := strconv.Atoi(key)
		if err != nil || i < 0 || i >= len(values) {
			t.Fatalf("bad cr index %q for %d values", key, len(values))
		}
		values[i] = v.decode(t)[0]
	}
	return values, len(s.CR)
}

// sameFloat reports whether a and b have the same bits.
func sameFloat(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b)
}

// compareFloats reports the first few draws whose bits differ.
func compareFloats(t *testing.T, name string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d values, want %d", name, len(got), len(want))
	}
	bad := 0
	for i := range want {
		if sameFloat(got[i], want[i]) {
			continue
		}
		bad++
		if bad <= 5 {
			t.Errorf("%s[%d] = %v (%#016x), want %v (%#016x)", name, i,
				got[i], math.Float64bits(got[i]), want[i], math.Float64bits(want[i]))
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d of %d values differ", name, bad, len(want))
	}
}

// compareInts reports the first few values that differ.
func compareInts[T comparable](t *testing.T, name string, got, want []T) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: got %d values, want %d", name, len(got), len(want))
	}
	bad := 0
	for i := range want {
		if got[i] == want[i] {
			continue
		}
		bad++
		if bad <= 5 {
			t.Errorf("%s[%d] = %v, want %v", name, i, got[i], want[i])
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d of %d values differ", name, bad, len(want))
	}
}

func itoa[T ~int | ~int64 | ~uint32](v T) string {
	return strconv.FormatInt(int64(v), 10)
}
