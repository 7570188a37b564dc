package ndformat

import (
	"bytes"
	"math"
)

// floatFormat is a port of NumPy 1.24's FloatingFormat: one layout,
// chosen from a sample of the elements, that every element of the array
// is printed with.
type floatFormat struct {
	width int
	// scientific selects d.ddde+XX for every element.
	scientific bool
	options    dragon4Options
}

// newFloatFormat chooses the layout from sample, the elements that will
// be printed (the corners of a summarised array). The values must already
// be rounded to width.
func newFloatFormat(sample []float64, width int, o Options) *floatFormat {
	f := &floatFormat{width: width}
	finite := make([]float64, 0, len(sample))
	anyNegative := false
	for _, v := range sample {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			finite = append(finite, v)
			anyNegative = anyNegative || math.Signbit(v)
		}
	}
	f.scientific = needsScientific(finite, width, o.Suppress)

	precision := o.Precision
	if o.FloatMode == "unique" {
		precision = -1
	}
	switch {
	case len(finite) == 0:
		f.options = dragon4Options{precision: precision, minDigits: -1, trim: trimZeros, expDigits: -1}
	case f.scientific:
		f.fillScientific(finite, precision, o.FloatMode)
	default:
		f.fillPositional(finite, precision, o.FloatMode)
	}
	f.options.plus = o.Sign == '+'
	if o.Sign == ' ' && !anyNegative {
		f.options.padLeft++
	}

	if len(finite) != len(sample) {
		// nan and inf are right-aligned in the same width as the numbers,
		// leaving room for a sign unless sign is '-' and no -inf is present.
		negativeInf := 0
		if o.Sign == '+' || o.Sign == ' ' {
			negativeInf = 1
		}
		for _, v := range sample {
			if math.IsInf(v, -1) {
				negativeInf = 1
			}
		}
		offset := f.options.padRight + 1
		f.options.padLeft = max(f.options.padLeft, 3-offset, 3+negativeInf-offset)
	}
	return f
}

// needsScientific applies NumPy's rule: scientific when the largest
// non-zero magnitude is at least 1e8, or, unless suppress is set, when the
// smallest is below 1e-4 or the ratio of the two exceeds 1000. NumPy
// computes the ratio in the array's dtype and compares in float64.
func needsScientific(finite []float64, width int, suppress bool) bool {
	maxAbs, minAbs := 0.0, math.Inf(1)
	for _, v := range finite {
		if a := math.Abs(v); a != 0 {
			maxAbs = max(maxAbs, a)
			minAbs = min(minAbs, a)
		}
	}
	if maxAbs == 0 {
		return false
	}
	if maxAbs >= 1e8 {
		return true
	}
	if suppress {
		return false
	}
	return minAbs < 1e-4 || ratioInDType(maxAbs, minAbs, width) > 1000
}

func ratioInDType(a, b float64, width int) float64 {
	switch width {
	case 16:
		// Two float16 operands make the float64 quotient exact enough that
		// rounding it again to float16 gives the float16 quotient.
		return roundToWidth(a/b, 16)
	case 32:
		return float64(float32(a) / float32(b))
	}
	return a / b
}

// firstPass returns the options of the sizing pass: at most precision
// fraction digits, trailing zeros dropped, except in floatmode "fixed",
// which keeps exactly precision digits of the exact value.
func firstPass(precision int, floatMode string) dragon4Options {
	first := dragon4Options{precision: precision, minDigits: -1, trim: trimZeros, padLeft: -1, padRight: -1, expDigits: -1}
	if floatMode == "fixed" {
		first.exact = true
		first.trim = trimNone
		first.minDigits = precision
	}
	return first
}

// fillScientific sizes the layout from a first pass that prints each value
// with at most precision fraction digits: every element then gets the
// longest fraction and exponent seen.
func (f *floatFormat) fillScientific(finite []float64, precision int, floatMode string) {
	first := firstPass(precision, floatMode)
	maxInt, maxFraction, maxExponent := 0, 0, 0
	var text []byte
	for _, v := range finite {
		text = appendScientific(text[:0], v, f.width, first)
		point := bytes.IndexByte(text, '.')
		e := bytes.IndexByte(text, 'e')
		maxInt = max(maxInt, point)
		maxFraction = max(maxFraction, e-point-1)
		maxExponent = max(maxExponent, len(text)-e-1)
	}
	expSize := maxExponent - 1
	f.options = dragon4Options{
		precision: maxFraction,
		minDigits: maxFraction,
		trim:      trimNone,
		padLeft:   maxInt,
		padRight:  expSize + 2 + maxFraction,
		expDigits: expSize,
		exact:     first.exact,
	}
}

// fillPositional sizes the layout from a first pass that prints each value
// with at most precision fraction digits. Floatmodes "fixed" and
// "maxprec_equal" then give every element the longest fraction seen.
func (f *floatFormat) fillPositional(finite []float64, precision int, floatMode string) {
	first := firstPass(precision, floatMode)
	maxInt, maxFraction := 0, 0
	var text []byte
	for _, v := range finite {
		text = appendPositional(text[:0], v, f.width, first, false)
		point := bytes.IndexByte(text, '.')
		maxInt = max(maxInt, point)
		maxFraction = max(maxFraction, len(text)-point-1)
	}
	f.options = dragon4Options{
		precision: precision,
		minDigits: 0,
		trim:      trimZeros,
		padLeft:   maxInt,
		padRight:  maxFraction,
		expDigits: -1,
		exact:     first.exact,
	}
	if floatMode == "fixed" || floatMode == "maxprec_equal" {
		f.options.precision = maxFraction
		f.options.minDigits = maxFraction
		f.options.trim = trimNone
	}
}

// appendValue appends v in the chosen layout.
func (f *floatFormat) appendValue(dst []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		text := "nan"
		if math.IsInf(v, 1) {
			text = "inf"
		} else if math.IsInf(v, -1) {
			text = "-inf"
		}
		if f.options.plus && text != "-inf" {
			text = "+" + text
		}
		dst = appendRepeated(dst, ' ', f.options.padLeft+f.options.padRight+1-len(text))
		return append(dst, text...)
	}
	if f.scientific {
		return appendScientific(dst, v, f.width, f.options)
	}
	return appendPositional(dst, v, f.width, f.options, false)
}
