package ndformat

import (
	"math"
	"math/bits"
)

// roundToWidth rounds v to the nearest value of a float16, float32 or
// float64 dtype, ties to even, as a NumPy cast does.
func roundToWidth(v float64, width int) float64 {
	switch width {
	case 16:
		return float16Value(float16Bits(v))
	case 32:
		return float64(float32(v))
	}
	return v
}

// float16Bits converts v to IEEE binary16 bits, rounding to nearest with
// ties to even. Values from 65520 up round to infinity, as in NumPy.
func float16Bits(v float64) uint16 {
	var sign uint16
	if math.Signbit(v) {
		sign = 0x8000
	}
	a := math.Abs(v)
	switch {
	case math.IsNaN(v):
		return sign | 0x7e00
	case a >= 65520:
		return sign | 0x7c00
	case a < 0x1p-14:
		// Subnormal: units of 2^-24. A result of 1024 carries into the
		// smallest normal exponent, which the same bit pattern encodes.
		return sign | uint16(math.RoundToEven(a*0x1p24))
	}
	frac, exp := math.Frexp(a)
	exp-- // a = 1.f × 2^exp with exp in [-14, 15]
	mant := math.RoundToEven(frac * 2048)
	if mant == 2048 {
		mant = 1024
		exp++
	}
	if exp > 15 {
		return sign | 0x7c00
	}
	return sign | uint16(exp+15)<<10 | uint16(mant-1024)
}

// float16Value returns the value of IEEE binary16 bits.
func float16Value(h uint16) float64 {
	sign := 1.0
	if h&0x8000 != 0 {
		sign = -1
	}
	exp := int(h>>10) & 0x1f
	mant := float64(h & 0x3ff)
	switch exp {
	case 0:
		return sign * math.Ldexp(mant, -24)
	case 0x1f:
		if mant != 0 {
			return math.NaN()
		}
		return sign * math.Inf(1)
	}
	return sign * math.Ldexp(mant+1024, exp-25)
}

// floatParts is a finite, non-negative float as mant × 2^exp, in the form
// that NumPy's Dragon4 takes.
type floatParts struct {
	mant uint64
	exp  int
	// mantBit is the index of the highest set bit of mant.
	mantBit int
	// unequalMargins is set for a power of two above the smallest normal,
	// where the next float below is half as far away as the next above.
	unequalMargins bool
}

// decompose splits |v| into the mantissa and exponent of a float of the
// given width. v must already be a value of that width.
func decompose(v float64, width int) floatParts {
	v = math.Abs(v)
	var biased, fraction uint64
	var mantBits, bias int
	switch width {
	case 16:
		h := float16Bits(v)
		biased, fraction, mantBits, bias = uint64(h>>10)&0x1f, uint64(h&0x3ff), 10, 15
	case 32:
		b := math.Float32bits(float32(v))
		biased, fraction, mantBits, bias = uint64(b>>23)&0xff, uint64(b&0x7fffff), 23, 127
	default:
		b := math.Float64bits(v)
		biased, fraction, mantBits, bias = b>>52&0x7ff, b&(1<<52-1), 52, 1023
	}
	if biased == 0 {
		return floatParts{
			mant:    fraction,
			exp:     1 - bias - mantBits,
			mantBit: bits.Len64(fraction) - 1,
		}
	}
	return floatParts{
		mant:           fraction | 1<<mantBits,
		exp:            int(biased) - bias - mantBits,
		mantBit:        mantBits,
		unequalMargins: biased != 1 && fraction == 0,
	}
}
