package ndformat

import (
	"math"
	"math/big"
)

// cutoff limits the digits that Dragon4 generates in unique mode. NumPy
// stops at the first digit that identifies the value uniquely among floats
// of its width, but never before min digits and never after max digits.
type cutoff struct {
	// fraction counts digits after the decimal point; otherwise the limits
	// count significant digits from the first one.
	fraction bool
	// max is the most digits, or -1 for no limit.
	max int
	// min is the fewest digits, or -1 for no limit.
	min int
	// exact selects Dragon4's non-unique mode: the digits of the exact
	// binary value, correctly rounded at max, in place of the shortest
	// digits that round-trip.
	exact bool
}

var noCutoff = cutoff{max: -1, min: -1}

// exactDigits is a port of the unique mode of NumPy 1.24's Dragon4
// (numpy/core/src/multiarray/dragon4.c) on math/big integers. It returns
// the decimal digits of p and the power of ten of the first digit, with
// trailing zeros removed; zero is ("0", 0). It is the reference that
// fastDigits is tested against, and the path for float16.
func exactDigits(p floatParts, c cutoff) ([]byte, int) {
	if p.mant == 0 {
		return []byte{'0'}, 0
	}

	// value = mant × 2^exp = scaledValue / scale, and the margins are half
	// the distances to the neighbouring floats, on the same scale.
	scaledValue := new(big.Int).SetUint64(p.mant)
	scale := new(big.Int)
	marginLow := new(big.Int)
	shift := 1
	if p.unequalMargins {
		shift = 2
	}
	if p.exp > 0 {
		scaledValue.Lsh(scaledValue, uint(p.exp+shift))
		scale.SetInt64(int64(1) << shift)
		marginLow.Lsh(big.NewInt(1), uint(p.exp))
	} else {
		scaledValue.Lsh(scaledValue, uint(shift))
		scale.Lsh(big.NewInt(1), uint(-p.exp+shift))
		marginLow.SetInt64(1)
	}
	marginHigh := func() *big.Int {
		if p.unequalMargins {
			return new(big.Int).Lsh(marginLow, 1)
		}
		return marginLow
	}

	// NumPy's estimate of floor(log10(value)) + 1: exact or one too low.
	const log10of2 = 0.30102999566398119521373889472449
	digitExponent := int(math.Ceil(float64(p.mantBit+p.exp)*log10of2 - 0.69))
	if c.max >= 0 && c.fraction && digitExponent <= -c.max {
		digitExponent = -c.max + 1
	}
	ten := big.NewInt(10)
	if digitExponent > 0 {
		scale.Mul(scale, new(big.Int).Exp(ten, big.NewInt(int64(digitExponent)), nil))
	} else if digitExponent < 0 {
		pow := new(big.Int).Exp(ten, big.NewInt(int64(-digitExponent)), nil)
		scaledValue.Mul(scaledValue, pow)
		marginLow.Mul(marginLow, pow)
	}
	if scaledValue.Cmp(scale) >= 0 {
		digitExponent++
	} else {
		scaledValue.Mul(scaledValue, ten)
		marginLow.Mul(marginLow, ten)
	}

	maxExponent := math.MinInt
	minExponent := digitExponent
	if c.max >= 0 {
		maxExponent = -c.max
		if !c.fraction {
			maxExponent = digitExponent - c.max
		}
	}
	if c.min >= 0 {
		desired := -c.min
		if !c.fraction {
			desired = digitExponent - c.min
		}
		minExponent = min(minExponent, desired)
	}
	outExponent := digitExponent - 1

	isEven := p.mant%2 == 0
	var digits []byte
	var digit int64
	var low, high bool
	digitBig := new(big.Int)
	valueHigh := new(big.Int)
	for {
		digitExponent--
		digitBig.QuoRem(scaledValue, scale, scaledValue)
		digit = digitBig.Int64()

		valueHigh.Add(scaledValue, marginHigh())
		cmpLow := scaledValue.Cmp(marginLow)
		cmpHigh := valueHigh.Cmp(scale)
		low = cmpLow < 0 || (isEven && cmpLow == 0)
		high = cmpHigh > 0 || (isEven && cmpHigh == 0)
		if ((low || high) && digitExponent <= minExponent) || digitExponent == maxExponent {
			break
		}
		digits = append(digits, byte('0'+digit))
		scaledValue.Mul(scaledValue, ten)
		marginLow.Mul(marginLow, ten)
	}

	// Round the last digit: down if only the lower neighbour is safe, up if
	// only the upper one is, and otherwise to nearest with ties to even.
	roundDown := low
	if low == high {
		compare := new(big.Int).Lsh(scaledValue, 1).Cmp(scale)
		roundDown = compare < 0
		if compare == 0 {
			roundDown = digit%2 == 0
		}
	}
	if roundDown {
		digits = append(digits, byte('0'+digit))
	} else {
		digits, outExponent = appendRoundedUp(digits, digit, outExponent)
	}
	return trimDigits(digits, outExponent)
}

// appendRoundedUp appends digit+1 to digits, carrying through trailing
// nines. A carry out of the first digit leaves "1" one power of ten higher.
func appendRoundedUp(digits []byte, digit int64, exponent int) ([]byte, int) {
	if digit < 9 {
		return append(digits, byte('0'+digit+1)), exponent
	}
	for len(digits) > 0 {
		last := len(digits) - 1
		if digits[last] != '9' {
			digits[last]++
			return digits, exponent
		}
		digits = digits[:last]
	}
	return append(digits, '1'), exponent + 1
}

// trimDigits removes trailing zeros and maps an all-zero result to ("0", 0).
func trimDigits(digits []byte, exponent int) ([]byte, int) {
	end := len(digits)
	for end > 0 && digits[end-1] == '0' {
		end--
	}
	if end == 0 {
		return append(digits[:0], '0'), 0
	}
	return digits[:end], exponent
}
