package ndformat

import "strconv"

// elementFormatter returns the function that prints one element of p by
// flat offset. As in NumPy, the layout is chosen from the elements that
// are printed: all of them, or only the corners when summarize is set.
func (p *preparedArray) elementFormatter(summarize bool, o Options) func([]byte, int) []byte {
	var corners []int
	if summarize {
		corners = cornerOffsets(p.Shape, p.strides, o.EdgeItems)
	}
	switch p.info.kind {
	case Bool:
		trueText := " True"
		if len(p.Shape) == 0 {
			trueText = "True"
		}
		return func(dst []byte, offset int) []byte {
			if p.Bool[offset] {
				return append(dst, trueText...)
			}
			return append(dst, "False"...)
		}
	case Int:
		sample := p.Int
		if summarize {
			sample = gather(p.Int, corners)
		}
		width := intWidth(sample, p.info.unsigned)
		return func(dst []byte, offset int) []byte {
			text := formatInt(p.Int[offset], p.info.unsigned)
			dst = appendRepeated(dst, ' ', width-len(text))
			return append(dst, text...)
		}
	}
	sample := p.Float
	if summarize {
		sample = gather(p.Float, corners)
	}
	format := newFloatFormat(sample, p.info.bits, o)
	return func(dst []byte, offset int) []byte {
		return format.appendValue(dst, p.Float[offset])
	}
}

func gather[T any](values []T, offsets []int) []T {
	out := make([]T, len(offsets))
	for i, offset := range offsets {
		out[i] = values[offset]
	}
	return out
}

// intWidth is NumPy's IntegerFormat width: the longer of the printed
// maximum and minimum of the sample.
func intWidth(sample []int64, unsigned bool) int {
	if len(sample) == 0 {
		return 0
	}
	less := func(a, b int64) bool {
		if unsigned {
			return uint64(a) < uint64(b)
		}
		return a < b
	}
	largest, smallest := sample[0], sample[0]
	for _, v := range sample[1:] {
		if less(largest, v) {
			largest = v
		}
		if less(v, smallest) {
			smallest = v
		}
	}
	return max(len(formatInt(largest, unsigned)), len(formatInt(smallest, unsigned)))
}

func formatInt(v int64, unsigned bool) string {
	if unsigned {
		return strconv.FormatUint(uint64(v), 10)
	}
	return strconv.FormatInt(v, 10)
}
