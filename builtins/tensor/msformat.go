package tensor

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/cellscript/cellscript/engine"
)

// MindSpore r1.x prints repr(Tensor) and ops.Print through its C++
// tensor formatter, not NumPy's. Floats in arrays are scientific with 8
// digits in a 15-character field (float16: 4 digits, 11 characters).
// Integers are right-aligned to the widest element printed, and bools
// take 5 characters. A 0-d tensor prints its value as C++ streams do by
// default, with 6 significant digits like printf's %g.
//
// Rows of arrays with more than one dimension start on their own line,
// indented one space per level. Past 6 entries, a middle dimension and
// the last dimension of an array of two or more dimensions show their
// first and last 3 entries around "...". A 1-D array is never
// summarised, but it breaks its line after every 12 floats or bools and
// every 24 integers.
//
// The repr (use_comma true) separates elements with ", " and rows with
// ",". Like MindSpore's formatter, it writes no comma before the fourth
// and later rows of a middle dimension: [[1, 2],\n [3, 4],\n [5, 6]\n
// [7, 8]].

const (
	msSummaryThreshold = 6
	msLineFloats       = 12
	msLineInts         = 24
	msLineBools        = 12
)

// MSRepr returns MindSpore's repr of t: Tensor(shape=[2, 3],
// dtype=Float32, value=...).
func MSRepr(t *engine.Tensor) string { return msTensorString(t, true) }

// MSPrintString returns the text ops.Print writes for t: the repr form
// without commas between elements.
func MSPrintString(t *engine.Tensor) string { return msTensorString(t, false) }

func msTensorString(t *engine.Tensor, useComma bool) string {
	dims := make([]string, t.Rank())
	for i, d := range t.Shape() {
		dims[i] = strconv.Itoa(d)
	}
	sep := " "
	if t.Rank() > 1 {
		sep = "\n"
	}
	return fmt.Sprintf("Tensor(shape=[%s], dtype=%s, value=%s%s)", strings.Join(dims, ", "), DType{t.DType(), MindSpore}, sep, msDataString(t, useComma))
}

// msFormatter writes the elements of one tensor as MindSpore does.
type msFormatter struct {
	t        *engine.Tensor
	shape    []int
	useComma bool
	b        strings.Builder
	// intWidth is the widest integer written. Each integer is written
	// after a run of '#' as long as its own text, and pad replaces those
	// runs with spaces at the end.
	intWidth int
}

func msDataString(t *engine.Tensor, useComma bool) string {
	n := t.Numel()
	if n == 0 {
		return ""
	}
	if t.Rank() == 0 {
		return msScalarString(t)
	}
	f := &msFormatter{t: t, shape: t.Shape(), useComma: useComma}
	cursor := 0
	f.summary(&cursor, 0)
	return f.pad()
}

// msScalarString formats the element of a 0-d tensor.
func msScalarString(t *engine.Tensor) string {
	switch {
	case t.DType() == engine.Bool:
		if t.Bools()[0] {
			return "True"
		}
		return "False"
	case t.DType().IsFloat():
		return cppFloat(t.Float(0), 'g', 6)
	}
	return strconv.FormatInt(t.Int(0), 10)
}

// cppFloat formats v as a C++ stream does with the given conversion
// and precision: nan, -nan, inf and -inf in lower case.
func cppFloat(v float64, format byte, prec int) string {
	switch {
	case math.IsNaN(v):
		if math.Signbit(v) {
			return "-nan"
		}
		return "nan"
	case math.IsInf(v, 1):
		return "inf"
	case math.IsInf(v, -1):
		return "-inf"
	}
	return strconv.FormatFloat(v, format, prec, 64)
}

// summary writes the sub-array at depth that starts at element *cursor.
func (f *msFormatter) summary(cursor *int, depth int) {
	rank := len(f.shape)
	if depth >= rank {
		return
	}
	f.b.WriteByte('[')
	num := f.shape[depth]
	half := msSummaryThreshold / 2
	if depth == rank-1 {
		if num > msSummaryThreshold && rank > 1 {
			f.elements(*cursor, 0, half)
			f.b.WriteString(" ... ")
			f.elements(*cursor, num-half, num)
		} else {
			f.elements(*cursor, 0, num)
		}
		*cursor += num
		f.b.WriteByte(']')
		return
	}
	indent := strings.Repeat(" ", depth+1)
	for i := 0; i < min(half, num); i++ {
		if i > 0 {
			f.comma()
			f.b.WriteString("\n" + indent)
		}
		f.summary(cursor, depth+1)
	}
	if num > msSummaryThreshold {
		f.comma()
		f.b.WriteString("\n" + indent + "...")
		skipped := num - msSummaryThreshold
		for _, d := range f.shape[depth+1:] {
			skipped *= d
		}
		*cursor += skipped
	}
	if num > half {
		for i := 0; i < min(num-half, half); i++ {
			if i != 0 {
				f.comma()
			}
			f.b.WriteString("\n" + indent)
			f.summary(cursor, depth+1)
		}
	}
	f.b.WriteByte(']')
}

func (f *msFormatter) comma() {
	if f.useComma {
		f.b.WriteByte(',')
	}
}

// elements writes elements start..end-1 of the last-axis row at cursor.
func (f *msFormatter) elements(cursor, start, end int) {
	d := f.t.DType()
	perLine := msLineInts
	switch {
	case d.IsFloat():
		perLine = msLineFloats
	case d == engine.Bool:
		perLine = msLineBools
	}
	n := f.t.Numel()
	for i := start; i < end && cursor+i < n; i++ {
		f.element(cursor + i)
		if i != end-1 {
			f.comma()
			f.b.WriteByte(' ')
		}
		if len(f.shape) == 1 && (i+1)%perLine == 0 {
			f.b.WriteString("\n ")
		}
	}
}

func (f *msFormatter) element(k int) {
	d := f.t.DType()
	switch {
	case d == engine.Float16:
		f.b.WriteString(fmt.Sprintf("%11s", cppFloat(f.t.Float(k), 'e', 4)))
	case d.IsFloat():
		f.b.WriteString(fmt.Sprintf("%15s", cppFloat(f.t.Float(k), 'e', 8)))
	case d == engine.Bool:
		s := "False"
		if f.t.Bools()[k] {
			s = "True"
		}
		f.b.WriteString(fmt.Sprintf("%5s", s))
	default:
		s := strconv.FormatInt(f.t.Int(k), 10)
		f.intWidth = max(f.intWidth, len(s))
		f.b.WriteString(strings.Repeat("#", len(s)) + s)
	}
}

// pad replaces each run of '#' before an integer with the spaces that
// right-align it to the widest integer.
func (f *msFormatter) pad() string {
	s := f.b.String()
	if f.t.DType().IsFloat() || f.t.DType() == engine.Bool {
		return s
	}
	var out strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '#' {
			out.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '#' {
			j++
		}
		out.WriteString(strings.Repeat(" ", f.intWidth-(j-i)))
		i = j
	}
	return out.String()
}
