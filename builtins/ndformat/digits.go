package ndformat

import (
	"bytes"
	"math"
	"strconv"
)

// floatDigits returns the digits that NumPy's Dragon4 prints for |v| in
// unique mode with cutoff c, as in exactDigits. v must be finite and a
// value of the given width (16, 32 or 64).
func floatDigits(v float64, width int, c cutoff) ([]byte, int) {
	if c.exact && c.max >= 0 {
		return roundedDigits(v, c)
	}
	if width == 16 {
		return exactDigits(decompose(v, 16), c)
	}
	return fastDigits(v, width, c)
}

// fastDigits computes exactDigits with strconv for float32 and float64.
//
// Dragon4 in unique mode stops at the position where strconv's shortest
// round-trip form ends, moved down to the min limit or up to the max limit.
// When the gaps to both neighbouring floats are equal, the last digit is
// then the value correctly rounded at that position, ties to even, which
// is also how strconv breaks ties in its shortest form. So the result is
// strconv's shortest form when no limit moves the position, and strconv's
// correctly rounded fixed-precision form otherwise. Powers of two, whose
// lower gap is half the upper one, can round the other way at the shortest
// position (2^-12 as float32 prints 2.4414062e-04, strconv gives
// 2.4414063e-04), so they take the exact path.
func fastDigits(v float64, width int, c cutoff) ([]byte, int) {
	v = math.Abs(v)
	if v == 0 {
		return []byte{'0'}, 0
	}
	parts := decompose(v, width)
	if parts.unequalMargins {
		return exactDigits(parts, c)
	}
	var buf [32]byte
	digits, exponent := parseExponential(strconv.AppendFloat(buf[:0], v, 'e', -1, width))
	shortestLast := exponent - len(digits) + 1

	if c.fraction {
		last := shortestLast
		if c.min >= 0 {
			last = min(last, -c.min)
		}
		if c.max >= 0 {
			last = max(last, -c.max)
		}
		if last == shortestLast {
			return digits, exponent
		}
		// last <= 0 here, because only the limits move it and both are
		// positions at or after the units digit.
		return parseFixed(strconv.AppendFloat(buf[:0], v, 'f', -last, width))
	}

	count := len(digits)
	if c.min >= 0 {
		count = max(count, c.min)
	}
	if c.max > 0 {
		// Dragon4 ignores a total length of zero and prints the shortest
		// form, so only a positive max limits the count.
		count = min(count, c.max)
	}
	if count == len(digits) {
		return digits, exponent
	}
	return parseExponential(strconv.AppendFloat(buf[:0], v, 'e', count-1, width))
}

// parseExponential splits strconv's "d.ddde±dd" form into digits without
// trailing zeros and the decimal exponent.
func parseExponential(text []byte) ([]byte, int) {
	var digits []byte
	i := 0
	for ; i < len(text) && text[i] != 'e'; i++ {
		if text[i] != '.' {
			digits = append(digits, text[i])
		}
	}
	exponent, _ := strconv.Atoi(string(text[i+1:]))
	return trimDigits(digits, exponent)
}

// parseFixed splits strconv's "ddd.ddd" form into digits without leading
// or trailing zeros and the power of ten of the first digit.
func parseFixed(text []byte) ([]byte, int) {
	point := bytes.IndexByte(text, '.')
	if point < 0 {
		point = len(text)
	}
	first := bytes.IndexAny(text, "123456789")
	if first < 0 {
		return []byte{'0'}, 0
	}
	exponent := point - first - 1
	if first > point {
		exponent = point - first
	}
	digits := make([]byte, 0, len(text)-first)
	for _, ch := range text[first:] {
		if ch != '.' {
			digits = append(digits, ch)
		}
	}
	return trimDigits(digits, exponent)
}

// roundedDigits returns the digits of |v| in Dragon4's non-unique mode:
// the exact value rounded at c.max, ties to even as NumPy 1.24 prints
// them. Every float16 and float32 value is exact as a float64, so
// strconv's 64-bit correctly rounded form serves all three widths.
func roundedDigits(v float64, c cutoff) ([]byte, int) {
	v = math.Abs(v)
	if v == 0 {
		return []byte{'0'}, 0
	}
	var buf [400]byte
	if c.fraction {
		return parseFixed(strconv.AppendFloat(buf[:0], v, 'f', c.max, 64))
	}
	return parseExponential(strconv.AppendFloat(buf[:0], v, 'e', max(c.max-1, 0), 64))
}
