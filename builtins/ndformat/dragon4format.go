package ndformat

import (
	"math"
	"strconv"
)

// trimMode is NumPy's handling of trailing zeros and the decimal point.
type trimMode int

const (
	// trimNone keeps trailing zeros and the point (NumPy trim='k').
	trimNone trimMode = iota
	// trimZeros drops trailing zeros but keeps the point (trim='.').
	trimZeros
	// trimLeaveOneZero drops trailing zeros but keeps one after the point
	// (trim='0').
	trimLeaveOneZero
	// trimPointAndZeros drops trailing zeros and the point (trim='-').
	trimPointAndZeros
)

// dragon4Options are the arguments of NumPy's format_float_positional and
// format_float_scientific in unique mode. A value of -1 means unset.
type dragon4Options struct {
	precision int
	minDigits int
	trim      trimMode
	padLeft   int
	padRight  int
	expDigits int
	// exact selects non-unique digits (NumPy unique=False).
	exact bool
	// plus prints a '+' before non-negative values (NumPy sign=True).
	plus bool
}

// appendPositional appends v (finite) as NumPy's format_float_positional
// with fractional=True and unique=True prints it, or with
// fractional=False when total is set.
func appendPositional(dst []byte, v float64, width int, o dragon4Options, total bool) []byte {
	signWidth := 0
	if math.Signbit(v) || o.plus {
		signWidth = 1
	}
	digits, exponent := floatDigits(v, width, cutoff{fraction: !total, max: o.precision, min: o.minDigits, exact: o.exact})

	body := make([]byte, 0, len(digits)+16)
	if math.Signbit(v) {
		body = append(body, '-')
	} else if o.plus {
		body = append(body, '+')
	}
	wholeDigits, fractionDigits := 1, 0
	if exponent >= 0 {
		wholeDigits = exponent + 1
		if len(digits) <= wholeDigits {
			body = append(body, digits...)
			body = appendRepeated(body, '0', wholeDigits-len(digits))
		} else {
			body = append(body, digits[:wholeDigits]...)
			body = append(body, '.')
			body = append(body, digits[wholeDigits:]...)
			fractionDigits = len(digits) - wholeDigits
		}
	} else {
		leadingZeros := -(exponent + 1)
		body = append(body, '0', '.')
		body = appendRepeated(body, '0', leadingZeros)
		body = append(body, digits...)
		fractionDigits = leadingZeros + len(digits)
	}
	if o.trim != trimPointAndZeros && fractionDigits == 0 {
		body = append(body, '.')
	}

	desiredFraction := max(o.minDigits, 0)
	if total {
		desiredFraction = o.minDigits - wholeDigits
	}
	switch {
	case o.trim == trimLeaveOneZero && fractionDigits == 0:
		body = append(body, '0')
		fractionDigits++
	case o.trim == trimNone && desiredFraction > fractionDigits:
		body = appendRepeated(body, '0', desiredFraction-fractionDigits)
		fractionDigits = desiredFraction
	}
	body, fractionDigits = trimFraction(body, fractionDigits, o.trim, true)

	if o.padRight >= fractionDigits {
		if o.trim == trimPointAndZeros && fractionDigits == 0 {
			body = append(body, ' ')
		}
		body = appendRepeated(body, ' ', o.padRight-fractionDigits)
	}
	dst = appendRepeated(dst, ' ', o.padLeft-(wholeDigits+signWidth))
	return append(dst, body...)
}

// appendScientific appends v (finite) as NumPy's format_float_scientific
// with unique=True prints it.
func appendScientific(dst []byte, v float64, width int, o dragon4Options) []byte {
	leftChars := 1
	if math.Signbit(v) || o.plus {
		leftChars = 2
	}
	dst = appendRepeated(dst, ' ', o.padLeft-leftChars)
	if math.Signbit(v) {
		dst = append(dst, '-')
	} else if o.plus {
		dst = append(dst, '+')
	}

	c := cutoff{max: -1, min: -1, exact: o.exact}
	if o.precision >= 0 {
		c.max = o.precision + 1
	}
	if o.minDigits >= 0 {
		c.min = o.minDigits + 1
	}
	digits, exponent := floatDigits(v, width, c)

	body := make([]byte, 0, len(digits)+16)
	body = append(body, digits[0])
	fractionDigits := len(digits) - 1
	if fractionDigits > 0 {
		body = append(body, '.')
		body = append(body, digits[1:]...)
	}
	if o.trim != trimPointAndZeros && fractionDigits == 0 {
		body = append(body, '.')
	}
	switch {
	case o.trim == trimLeaveOneZero && fractionDigits == 0:
		body = append(body, '0')
		fractionDigits++
	case o.trim == trimNone && max(o.minDigits, 0) > fractionDigits:
		body = appendRepeated(body, '0', o.minDigits-fractionDigits)
		fractionDigits = o.minDigits
	}
	body, _ = trimFraction(body, fractionDigits, o.trim, false)

	dst = append(dst, body...)
	return appendExponent(dst, exponent, o.expDigits)
}

// trimFraction removes trailing fraction zeros for every trim mode but
// trimNone. trimLeaveOneZero then restores one zero after a bare point,
// and in positional output trimPointAndZeros removes the bare point.
func trimFraction(body []byte, fractionDigits int, trim trimMode, positional bool) ([]byte, int) {
	if trim == trimNone || fractionDigits == 0 {
		return body, fractionDigits
	}
	for body[len(body)-1] == '0' {
		body = body[:len(body)-1]
		fractionDigits--
	}
	if body[len(body)-1] != '.' {
		return body, fractionDigits
	}
	switch {
	case trim == trimLeaveOneZero:
		body = append(body, '0')
		fractionDigits++
	case trim == trimPointAndZeros && positional:
		body = body[:len(body)-1]
	}
	return body, fractionDigits
}

// appendExponent appends "e+XX" with at least expDigits exponent digits,
// two when expDigits is unset, as NumPy does.
func appendExponent(dst []byte, exponent, expDigits int) []byte {
	if expDigits < 0 {
		expDigits = 2
	}
	expDigits = min(expDigits, 5)
	dst = append(dst, 'e')
	if exponent >= 0 {
		dst = append(dst, '+')
	} else {
		dst = append(dst, '-')
		exponent = -exponent
	}
	text := strconv.Itoa(exponent)
	dst = appendRepeated(dst, '0', expDigits-len(text))
	return append(dst, text...)
}

func appendRepeated(dst []byte, ch byte, count int) []byte {
	for ; count > 0; count-- {
		dst = append(dst, ch)
	}
	return dst
}
