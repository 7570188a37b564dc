// Package ndformat prints arrays and scalars exactly as CPython with
// NumPy 1.24 does: str(array), repr(array) and str() of NumPy scalars,
// under the default print options or a subset of np.set_printoptions.
//
// Floats follow NumPy's Dragon4 rules: each value gets the shortest digits
// that round-trip at its dtype's width, arrays share one positional or
// scientific layout capped at Options.Precision fraction digits, and
// arrays above Options.Threshold elements are summarised with "...".
package ndformat

import (
	"fmt"
	"math"
	"strings"
)

// Array is a dense row-major array to print. Only the slice that matches
// the kind of DType is read, and it must hold exactly the product of Shape
// elements. An empty Shape is a 0-d array with one element.
type Array struct {
	Shape []int
	// DType is a NumPy dtype name: "bool", "int8" to "int64", "uint8" to
	// "uint64", "float16", "float32" or "float64".
	DType string
	// Float holds float values. Values that are not exact at the dtype's
	// width are rounded to it first, ties to even.
	Float []float64
	// Int holds integer values. uint64 values above MaxInt64 are stored as
	// their two's complement bit pattern, int64(u).
	Int []int64
	// Bool holds bool values.
	Bool []bool
}

// Options is the subset of np.set_printoptions that the formatter honours.
// Start from DefaultOptions: the zero value has precision 0 and
// summarises every non-empty array.
type Options struct {
	// Precision is the maximum number of fraction digits of array floats.
	// It must not be negative.
	Precision int
	// Threshold is the element count above which arrays are summarised.
	Threshold int
	// EdgeItems is the number of items printed at each end of a summarised
	// axis. It must not be negative.
	EdgeItems int
	// LineWidth is the number of characters per line before wrapping.
	LineWidth int
	// Suppress keeps arrays with values below 1e-4 or a max/min ratio
	// above 1000 in positional notation, where values of at most half of
	// 10^-Precision print as 0. A value of 1e8 or more still switches the
	// array to scientific notation.
	Suppress bool
	// FloatMode is NumPy's floatmode: "maxprec" (the default, and the
	// meaning of ""), "fixed", "unique" or "maxprec_equal".
	FloatMode string
	// Sign is NumPy's sign option for floats: '-' (the default, and the
	// meaning of 0), '+' or ' '.
	Sign byte
}

// FloatModes lists the floatmode values that NumPy 1.24 accepts.
var FloatModes = []string{"fixed", "unique", "maxprec", "maxprec_equal"}

// DefaultOptions returns NumPy 1.24's defaults: precision 8, threshold
// 1000, edgeitems 3, linewidth 75, suppress False, floatmode "maxprec"
// and sign '-'.
func DefaultOptions() Options {
	return Options{Precision: 8, Threshold: 1000, EdgeItems: 3, LineWidth: 75, FloatMode: "maxprec", Sign: '-'}
}

// Validate returns an error naming the first option NumPy would reject.
func (o Options) Validate() error {
	if o.Precision < 0 {
		return fmt.Errorf("ndformat: precision %d is negative, pass 0 or more", o.Precision)
	}
	if o.EdgeItems < 0 {
		return fmt.Errorf("ndformat: edgeitems %d is negative, pass 0 or more", o.EdgeItems)
	}
	switch o.FloatMode {
	case "", "fixed", "unique", "maxprec", "maxprec_equal":
	default:
		return fmt.Errorf("ndformat: floatmode %q is invalid, pass one of fixed, unique, maxprec or maxprec_equal", o.FloatMode)
	}
	switch o.Sign {
	case 0, '-', '+', ' ':
	default:
		return fmt.Errorf("ndformat: sign %q is invalid, pass '-', '+' or ' '", o.Sign)
	}
	return nil
}

// Str returns str(a) under the default options. A 0-d array prints as its
// scalar, with full round-trip precision.
func Str(a Array) (string, error) {
	return StrWith(a, DefaultOptions())
}

// StrWith returns str(a) under the print options o.
func StrWith(a Array, o Options) (string, error) {
	prepared, err := prepare(a, o)
	if err != nil {
		return "", err
	}
	if len(a.Shape) == 0 {
		return prepared.scalarStr(), nil
	}
	return prepared.array2string(" ", "", "", o), nil
}

// Repr returns repr(a) under the default options, such as
// "array([1., 2.], dtype=float32)".
func Repr(a Array) (string, error) {
	return ReprWith(a, DefaultOptions())
}

// ReprWith returns repr(a) under the print options o. The dtype is omitted
// for non-empty int64, float64 and bool arrays, and moves to its own line
// when it would cross the line width.
func ReprWith(a Array, o Options) (string, error) {
	prepared, err := prepare(a, o)
	if err != nil {
		return "", err
	}
	return prepared.repr(o), nil
}

// preparedArray is a validated Array with its values rounded to the dtype.
type preparedArray struct {
	Array
	info    dtypeInfo
	size    int
	strides []int
}

func prepare(a Array, o Options) (*preparedArray, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}

	info, err := lookupDType(a.DType)
	if err != nil {
		return nil, err
	}
	size, strides, err := layoutOf(a.Shape)
	if err != nil {
		return nil, err
	}
	p := &preparedArray{Array: a, info: info, size: size, strides: strides}
	if err := p.checkValues(); err != nil {
		return nil, err
	}

	if info.kind == Float && info.bits != 64 {
		rounded := make([]float64, len(a.Float))
		for i, v := range a.Float {
			rounded[i] = roundToWidth(v, info.bits)
		}
		p.Float = rounded
	}
	return p, nil
}

// layoutOf returns the element count and row-major strides of shape.
func layoutOf(shape []int) (int, []int, error) {
	size := 1
	for _, n := range shape {
		if n < 0 {
			return 0, nil, fmt.Errorf("ndformat: shape %v has a negative dimension, pass dimensions of 0 or more", shape)
		}
		if n > 0 && size > math.MaxInt/n {
			return 0, nil, fmt.Errorf("ndformat: shape %v has more elements than an int can count, pass a smaller shape", shape)
		}
		size *= n
	}
	strides := make([]int, len(shape))
	stride := 1
	for axis := len(shape) - 1; axis >= 0; axis-- {
		strides[axis] = stride
		stride *= max(shape[axis], 1)
	}
	return size, strides, nil
}

func (p *preparedArray) checkValues() error {
	var count int
	var field string
	switch p.info.kind {
	case Bool:
		count, field = len(p.Bool), "Bool"
	case Int:
		count, field = len(p.Int), "Int"
	default:
		count, field = len(p.Float), "Float"
	}
	if count != p.size {
		return fmt.Errorf("ndformat: %s array of shape %v needs %d values in %s, got %d",
			p.DType, p.Shape, p.size, field, count)
	}

	if p.info.kind != Int || p.info.bits == 64 {
		return nil
	}

	// Signed ranges are [-2^(bits-1), 2^(bits-1)-1], unsigned [0, 2^bits-1].
	high := int64(1)<<(p.info.bits-1) - 1
	low := -high - 1
	if p.info.unsigned {
		low, high = 0, int64(1)<<p.info.bits-1
	}

	for i, v := range p.Int {
		if v < low || v > high {
			return fmt.Errorf("ndformat: value %d at flat index %d is out of range for %s, pass a value in [%d, %d]",
				v, i, p.DType, low, high)
		}
	}
	return nil
}

// scalarStr returns str() of the single element of a 0-d array.
func (p *preparedArray) scalarStr() string {
	switch p.info.kind {
	case Bool:
		return boolStr(p.Bool[0])
	case Int:
		return formatInt(p.Int[0], p.info.unsigned)
	}
	return floatScalarStr(p.Float[0], p.info.bits)
}

// array2string is a port of NumPy's array2string for arrays with at least
// one dimension or, from repr, a 0-d array: prefix and suffix only shift
// the wrapping, and are not part of the result.
func (p *preparedArray) array2string(separator, prefix, suffix string, o Options) string {
	if p.size == 0 {
		return "[]"
	}
	summarize := p.size > o.Threshold
	layout := &arrayLayout{
		shape:         p.Shape,
		strides:       p.strides,
		separator:     separator,
		edgeItems:     o.EdgeItems,
		summarize:     summarize,
		appendElement: p.elementFormatter(summarize, o),
	}
	lineWidth := o.LineWidth - len(suffix)
	return layout.format(lineWidth, " "+strings.Repeat(" ", len(prefix)))
}

// repr is a port of NumPy's _array_repr_implementation.
func (p *preparedArray) repr(o Options) string {
	const prefix = "array("
	skipDType := isImpliedDType(p.DType) && p.size > 0
	suffix := ","
	if skipDType {
		suffix = ")"
	}

	var list string
	if p.size > 0 || (len(p.Shape) == 1 && p.Shape[0] == 0) {
		list = p.array2string(", ", prefix, suffix, o)
	} else {
		list = "[], shape=" + shapeRepr(p.Shape)
	}
	text := prefix + list + suffix
	if skipDType {
		return text
	}

	dtypeText := "dtype=" + p.DType + ")"
	lastLineLen := len(text) - (strings.LastIndexByte(text, '\n') + 1)
	spacer := " "
	if lastLineLen+len(dtypeText)+1 > o.LineWidth {
		spacer = "\n" + strings.Repeat(" ", len(prefix))
	}
	return text + spacer + dtypeText
}

// shapeRepr returns a Python tuple repr such as "(2, 0)" or "(0,)".
func shapeRepr(shape []int) string {
	parts := make([]string, len(shape))
	for i, n := range shape {
		parts[i] = fmt.Sprint(n)
	}
	if len(parts) == 1 {
		return "(" + parts[0] + ",)"
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// Array2String returns np.array2string(a, separator=separator,
// prefix=prefix, suffix=suffix) under the print options o. As in NumPy,
// prefix and suffix only shift the wrapping and are not part of the
// result, and an empty array prints as "[]".
func Array2String(a Array, o Options, separator, prefix, suffix string) (string, error) {
	prepared, err := prepare(a, o)
	if err != nil {
		return "", err
	}
	return prepared.array2string(separator, prefix, suffix, o), nil
}
