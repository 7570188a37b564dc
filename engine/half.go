package engine

import "math"

// IEEE 754 binary16 conversion. Float16 tensors keep their values in
// float32 storage, and every value stored there is exactly a binary16
// value: the ops compute in float32 and round their result with
// roundHalfTensor (see doc.go).

// HalfBitsFromFloat64 returns the binary16 bit pattern nearest to x,
// rounding half to even, as NumPy's float64-to-float16 cast does:
// magnitudes from 65520 up overflow to infinity, values below the
// smallest normal (2**-14) become subnormals, and a NaN stays a NaN
// with its sign and the top 10 bits of its payload (payload 1 when
// those bits are all zero, as NumPy 1.24's npy_doublebits_to_halfbits
// sets it).
func HalfBitsFromFloat64(x float64) uint16 {
	bits := math.Float64bits(x)
	sign := uint16(bits>>48) & 0x8000
	exp := int(bits>>52) & 0x7ff
	frac := bits & (1<<52 - 1)

	if exp == 0x7ff {
		if frac == 0 {
			return sign | 0x7c00
		}
		payload := uint16(frac >> 42)
		if payload == 0 {
			payload = 1
		}
		return sign | 0x7c00 | payload
	}

	e := exp - 1023
	switch {
	case e > 15:
		return sign | 0x7c00
	case e < -25:
		// Below 2**-25, half the smallest subnormal, so rounds to zero.
		return sign
	case e < -14:
		// A subnormal result counts units of 2**-24. The 53-bit
		// significand is worth 2**(e-52) per unit, so shift by 28-e.
		sig := frac | 1<<52
		return sign | uint16(roundShift(sig, uint(28-e)))
	}
	// A normal result keeps 10 of the 52 fraction bits. A carry out of
	// the fraction moves into the exponent, and past the largest
	// exponent it gives exactly the infinity pattern 0x7c00.
	m := roundShift(frac, 42)
	return sign | uint16(uint64(e+15)<<10+m)
}

// roundShift returns v >> s rounded to the nearest integer, ties to
// even. s must lie in [1, 63].
func roundShift(v uint64, s uint) uint64 {
	q := v >> s
	rem := v & (1<<s - 1)
	half := uint64(1) << (s - 1)
	if rem > half || rem == half && q&1 == 1 {
		q++
	}
	return q
}

// HalfBitsFromFloat32 returns the binary16 bit pattern nearest to x
// (see HalfBitsFromFloat64; a finite float32 converts to float64
// exactly, so the result is rounded once). A NaN keeps the top 10 bits
// of its payload, a signalling NaN included, because the conversion to
// float64 would set the quiet bit.
func HalfBitsFromFloat32(x float32) uint16 {
	bits := math.Float32bits(x)
	if bits&0x7f800000 != 0x7f800000 || bits&0x7fffff == 0 {
		return HalfBitsFromFloat64(float64(x))
	}
	payload := uint16(bits>>13) & 0x3ff
	if payload == 0 {
		payload = 1
	}
	return uint16(bits>>16)&0x8000 | 0x7c00 | payload
}

// HalfBitsToFloat32 returns the value of the binary16 bit pattern h.
// Every binary16 value, subnormals and NaN payloads included, is exact
// in float32.
func HalfBitsToFloat32(h uint16) float32 {
	sign := uint32(h&0x8000) << 16
	exp := uint32(h>>10) & 0x1f
	frac := uint32(h & 0x3ff)
	switch exp {
	case 0:
		// Zero or a subnormal: frac units of 2**-24, exact in float32.
		v := float32(frac) * (1.0 / (1 << 24))
		return math.Float32frombits(math.Float32bits(v) | sign)
	case 0x1f:
		return math.Float32frombits(sign | 0x7f800000 | frac<<13)
	}
	return math.Float32frombits(sign | (exp+127-15)<<23 | frac<<13)
}

// RoundHalf returns the binary16 value nearest to x, as a float32.
func RoundHalf(x float32) float32 { return HalfBitsToFloat32(HalfBitsFromFloat32(x)) }

// RoundHalf64 returns the binary16 value nearest to x, rounded once from
// float64 (rounding through float32 could round twice and differ).
func RoundHalf64(x float64) float32 { return HalfBitsToFloat32(HalfBitsFromFloat64(x)) }

// roundHalfSlice rounds each element of s to the nearest binary16 value
// in place.
func roundHalfSlice(s []float32) {
	for i, v := range s {
		s[i] = RoundHalf(v)
	}
}

// roundHalfTensor rounds the float32 storage of a Float16 tensor on the
// CPU to binary16 values in place and returns t. Ops that compute a
// Float16 result in float32 call it once on their fresh output, before
// any other op can read it. Other tensors pass through unchanged.
func roundHalfTensor(t *Tensor) *Tensor {
	if t.dtype != Float16 {
		return t
	}
	if s, ok := t.data.([]float32); ok {
		roundHalfSlice(s)
	}
	return t
}

// FromHalfBits returns a Float16 tensor holding the values of the
// binary16 bit patterns in bits. No shape means a 1-D tensor of
// len(bits).
func FromHalfBits(bits []uint16, shape ...int) (*Tensor, error) {
	data := make([]float32, len(bits))
	for i, h := range bits {
		data[i] = HalfBitsToFloat32(h)
	}
	return fromSlice(Float16, data, len(data), shape)
}

// HalfBits returns the binary16 bit patterns of a Float16 tensor's
// elements, or nil for another dtype.
func (t *Tensor) HalfBits() []uint16 {
	if t.dtype != Float16 {
		return nil
	}
	s := t.F32()
	out := make([]uint16, len(s))
	for i, v := range s {
		out[i] = HalfBitsFromFloat32(v)
	}
	return out
}
