package ndformat

import "strings"

// arrayLayout is a port of NumPy 1.24's _formatArray: it nests rows in
// brackets, wraps rows at the line width, and summarises long axes.
type arrayLayout struct {
	shape     []int
	strides   []int
	separator string
	edgeItems int
	summarize bool
	// appendElement appends the element at a row-major flat offset.
	appendElement func(dst []byte, offset int) []byte
}

// format returns the nested text of the array. lineWidth is the column
// that no element may cross and nextLinePrefix the indent of wrapped lines.
func (l *arrayLayout) format(lineWidth int, nextLinePrefix string) string {
	return l.formatAxis(0, 0, nextLinePrefix, lineWidth)
}

func (l *arrayLayout) formatAxis(axis, offset int, hangingIndent string, width int) string {
	if axis == len(l.shape) {
		return string(l.appendElement(nil, offset))
	}
	length := l.shape[axis]
	leading, trailing := 0, length
	showSummary := l.summarize && isSummarized(length, l.edgeItems)
	if showSummary {
		leading, trailing = l.edgeItems, l.edgeItems
	}
	// The items are the leading ones, then the trailing ones counted from
	// the end. The last item is always printed, even for edgeItems 0.
	indices := make([]int, 0, leading)
	for i := 0; i < leading; i++ {
		indices = append(indices, i)
	}
	tail := make([]int, 0, trailing+1)
	for i := trailing; i > 1; i-- {
		tail = append(tail, length-i)
	}
	tail = append(tail, length-1)

	var body string
	if axis == len(l.shape)-1 {
		body = l.formatRow(offset, indices, tail, showSummary, hangingIndent, width)
	} else {
		body = l.formatBlocks(axis, offset, indices, tail, showSummary, hangingIndent, width)
	}
	return "[" + body[len(hangingIndent):] + "]"
}

// formatRow lays out the elements of the last axis, wrapping before an
// element that would cross the line width less the closing bracket.
func (l *arrayLayout) formatRow(offset int, leading, tail []int, showSummary bool, hangingIndent string, width int) string {
	stride := l.strides[len(l.shape)-1]
	elemWidth := width - max(len(strings.TrimRight(l.separator, " ")), len("]"))
	var out strings.Builder
	line := hangingIndent
	var word []byte
	for _, i := range leading {
		word = l.appendElement(word[:0], offset+i*stride)
		line = extendLine(&out, line, string(word), elemWidth, hangingIndent)
		line += l.separator
	}
	if showSummary {
		line = extendLine(&out, line, "...", elemWidth, hangingIndent)
		line += l.separator
	}
	for k, i := range tail {
		word = l.appendElement(word[:0], offset+i*stride)
		line = extendLine(&out, line, string(word), elemWidth, hangingIndent)
		if k < len(tail)-1 {
			line += l.separator
		}
	}
	out.WriteString(line)
	return out.String()
}

// formatBlocks lays out the sub-arrays of an outer axis, one per line, with
// a blank line between blocks for every axis beyond the second-to-last.
func (l *arrayLayout) formatBlocks(axis, offset int, leading, tail []int, showSummary bool, hangingIndent string, width int) string {
	stride := l.strides[axis]
	lineSep := strings.TrimRight(l.separator, " ") + strings.Repeat("\n", len(l.shape)-axis-1)
	nextIndent := hangingIndent + " "
	var out strings.Builder
	for _, i := range leading {
		out.WriteString(hangingIndent)
		out.WriteString(l.formatAxis(axis+1, offset+i*stride, nextIndent, width-1))
		out.WriteString(lineSep)
	}
	if showSummary {
		out.WriteString(hangingIndent + "..." + lineSep)
	}
	for k, i := range tail {
		out.WriteString(hangingIndent)
		out.WriteString(l.formatAxis(axis+1, offset+i*stride, nextIndent, width-1))
		if k < len(tail)-1 {
			out.WriteString(lineSep)
		}
	}
	return out.String()
}

// extendLine appends word to line, first moving line to out and starting
// a new line at nextLinePrefix when the word would cross lineWidth. A line
// that holds only its prefix is never wrapped.
func extendLine(out *strings.Builder, line, word string, lineWidth int, nextLinePrefix string) string {
	needsWrap := len(line)+len(word) > lineWidth && len(line) > len(nextLinePrefix)
	if needsWrap {
		out.WriteString(strings.TrimRight(line, " "))
		out.WriteByte('\n')
		line = nextLinePrefix
	}
	return line + word
}

// cornerOffsets returns the flat offsets of the elements a summarised
// array prints: the first and last edgeItems along every axis longer than
// 2*edgeItems. As in NumPy's _leading_trailing, an edgeItems of 0 keeps
// the whole axis, because a[-0:] is the whole axis.
func cornerOffsets(shape, strides []int, edgeItems int) []int {
	offsets := []int{0}
	for axis, length := range shape {
		indices := axisIndices(length, edgeItems)
		next := make([]int, 0, len(offsets)*len(indices))
		for _, base := range offsets {
			for _, i := range indices {
				next = append(next, base+i*strides[axis])
			}
		}
		offsets = next
	}
	return offsets
}

func axisIndices(length, edgeItems int) []int {
	var indices []int
	if isSummarized(length, edgeItems) {
		for i := 0; i < edgeItems; i++ {
			indices = append(indices, i)
		}
		start := length - edgeItems
		if edgeItems == 0 {
			start = 0
		}
		for i := start; i < length; i++ {
			indices = append(indices, i)
		}
		return indices
	}
	for i := 0; i < length; i++ {
		indices = append(indices, i)
	}
	return indices
}

// isSummarized reports whether an axis is longer than 2*edgeItems, without
// overflowing for a huge edgeItems.
func isSummarized(length, edgeItems int) bool {
	return length > 0 && edgeItems <= (length-1)/2
}
