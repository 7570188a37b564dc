package rng

import "math"

// Randint returns np.random.randint(low, high) with the default int64
// dtype: an integer in [low, high) drawn by NumPy's legacy masked
// rejection. The int32 dtype draws the same values for ranges that fit. It
// returns an error when low >= high.
func (r *NumPy) Randint(low, high int64) (int64, error) {
	if low >= high {
		return 0, randintError(low, high)
	}
	return r.boundedInt64(low, uint64(high-1)-uint64(low)), nil
}

// RandintFill fills dst as np.random.randint(low, high, size=len(dst))
// does. It returns the same error as Randint and then leaves dst unchanged,
// except that an empty dst is never an error, as NumPy skips the bounds
// check for size=0.
func (r *NumPy) RandintFill(dst []int64, low, high int64) error {
	if len(dst) == 0 {
		return nil
	}
	if low >= high {
		return randintError(low, high)
	}
	span := uint64(high-1) - uint64(low)
	for i := range dst {
		dst[i] = r.boundedInt64(low, span)
	}
	return nil
}

// RandomIntegers returns np.random.random_integers(low, high): an integer in
// the closed range [low, high], drawn as randint(low, high+1) draws it. It
// returns an error when low > high.
func (r *NumPy) RandomIntegers(low, high int64) (int64, error) {
	if low > high {
		return 0, newError("numpy.random.random_integers", "ValueError", "low >= high",
			"got low %d, high %d; pass low <= high", low, high)
	}
	return r.boundedInt64(low, uint64(high)-uint64(low)), nil
}

func randintError(low, high int64) error {
	return newError("numpy.random.randint", "ValueError", "low >= high",
		"got low %d, high %d; pass low < high", low, high)
}

// boundedInt64 returns low + v for v uniform in [0, span], following
// NumPy's random_bounded_uint64_fill with use_masked set.
func (r *NumPy) boundedInt64(low int64, span uint64) int64 {
	return int64(uint64(low) + r.maskedUint64(span))
}

// maskedUint64 draws v in [0, span] by masking draws to the smallest
// all-ones mask >= span and rejecting those above span. Spans that fit in
// 32 bits use one 32-bit draw per try, and a span of 0 draws nothing.
func (r *NumPy) maskedUint64(span uint64) uint64 {
	switch {
	case span == 0:
		return 0
	case span == math.MaxUint32:
		return uint64(r.mt.Uint32())
	case span < math.MaxUint32:
		mask := allOnesMask(span)
		for {
			v := uint64(r.mt.Uint32()) & mask
			if v <= span {
				return v
			}
		}
	case span == math.MaxUint64:
		return r.mt.Uint64()
	default:
		mask := allOnesMask(span)
		for {
			v := r.mt.Uint64() & mask
			if v <= span {
				return v
			}
		}
	}
}

// allOnesMask returns the smallest 2^k - 1 that is >= v.
func allOnesMask(v uint64) uint64 {
	v |= v >> 1
	v |= v >> 2
	v |= v >> 4
	v |= v >> 8
	v |= v >> 16
	v |= v >> 32
	return v
}

// interval returns a value in [0, max] the way NumPy's random_interval
// does for shuffles: masked rejection with 32-bit draws up to 2^32-1.
func (r *NumPy) interval(max uint64) uint64 {
	if max == 0 {
		return 0
	}
	mask := allOnesMask(max)
	if max <= math.MaxUint32 {
		for {
			v := uint64(r.mt.Uint32()) & mask
			if v <= max {
				return v
			}
		}
	}
	for {
		v := r.mt.Uint64() & mask
		if v <= max {
			return v
		}
	}
}

// Shuffle permutes x in place as np.random.shuffle does for a list or a
// 1-d array: Fisher-Yates from the last element down, swapping x[i] with
// x[j] for j = interval(i).
func (r *NumPy) Shuffle(x []int) {
	r.ShuffleFunc(len(x), func(i, j int) { x[i], x[j] = x[j], x[i] })
}

// ShuffleFunc shuffles a sequence of n elements through swap with the draws
// of Shuffle. It does nothing for n <= 1.
func (r *NumPy) ShuffleFunc(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		j := int(r.interval(uint64(i)))
		swap(i, j)
	}
}

// Permutation returns np.random.permutation(n): 0..n-1 shuffled by Shuffle.
// As with np.arange(n), n <= 0 gives an empty slice. It returns a
// MemoryError when n is too large to allocate.
func (r *NumPy) Permutation(n int) ([]int, error) {
	p, err := allocate[int]("numpy.random.permutation", max(n, 0))
	if err != nil {
		return nil, err
	}
	for i := range p {
		p[i] = i
	}
	r.Shuffle(p)
	return p, nil
}

// Choice returns np.random.choice(n, size, replace) for uniform
// probabilities: size indices into a population of n. With replacement it
// draws randint(0, n) size times. Without replacement it takes the first
// size elements of Permutation(n), which draws for all n elements. A scalar
// np.random.choice(n) draws as Choice(n, 1, replace) does.
//
// It returns NumPy's errors for n <= 0 with size != 0, for size < 0,
// without replacement for size > n, and a MemoryError for sizes too large
// to allocate.
func (r *NumPy) Choice(n, size int, replace bool) ([]int, error) {
	const fn = "numpy.random.choice"
	if n <= 0 && size != 0 {
		return nil, newError(fn, "ValueError",
			"a must be greater than 0 unless no samples are taken",
			"got population size %d and sample size %d", n, size)
	}
	if size < 0 {
		return nil, newError(fn, "ValueError", "negative dimensions are not allowed",
			"got sample size %d; pass a size >= 0", size)
	}
	if !replace {
		if size > n {
			return nil, newError(fn, "ValueError",
				"Cannot take a larger sample than population when 'replace=False'",
				"got sample size %d for population size %d", size, n)
		}
		p, err := r.Permutation(n)
		if err != nil {
			return nil, err
		}
		return p[:size:size], nil
	}

	out, err := allocate[int](fn, size)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i] = int(r.maskedUint64(uint64(n - 1)))
	}
	return out, nil
}
