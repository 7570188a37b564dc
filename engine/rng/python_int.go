package rng

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
)

// RandBelow returns random._randbelow(n), the draw behind randrange,
// randint, choice, shuffle and sample: getrandbits(n.bit_length()) repeated
// until the value is below n. It returns an error for n <= 0, where
// CPython's _randbelow loops forever.
func (r *Python) RandBelow(n int64) (int64, error) {
	if n <= 0 {
		return 0, newError("random._randbelow", "ValueError", "n must be positive",
			"got n = %d; pass n >= 1", n)
	}
	return int64(r.randBelow(uint64(n))), nil
}

// randBelow is _randbelow for 1 <= n < 2^64.
func (r *Python) randBelow(n uint64) uint64 {
	k := bits.Len64(n)
	for {
		if v := r.randBits64(k); v < n {
			return v
		}
	}
}

// randBelow2To64 is _randbelow(2**64): getrandbits(65) until the top bit
// is clear.
func (r *Python) randBelow2To64() uint64 {
	for {
		lo := uint64(r.mt.Uint32())
		hi := uint64(r.mt.Uint32())
		top := r.mt.Uint32() >> 31
		if top == 0 {
			return hi<<32 | lo
		}
	}
}

// RandBelowBig is RandBelow for an int of any size. It returns an error for
// a nil n or n <= 0.
func (r *Python) RandBelowBig(n *big.Int) (*big.Int, error) {
	if n == nil || n.Sign() <= 0 {
		return nil, newError("random._randbelow", "ValueError", "n must be positive",
			"got n = %v; pass n >= 1", n)
	}
	k := n.BitLen()
	for {
		v, _ := r.GetRandBits(k)
		if v.Cmp(n) < 0 {
			return v, nil
		}
	}
}

// RandRange returns random.randrange(start, stop, step). It returns
// CPython's ValueError for a zero step or an empty range. The arithmetic
// wraps around in uint64, which is exact for every int64 argument.
//
// randrange(stop) draws as RandRange(0, stop, 1) does, but for an empty
// range CPython's message there is "empty range for randrange()" without
// the numbers.
func (r *Python) RandRange(start, stop, step int64) (int64, error) {
	const fn = "random.randrange"
	switch {
	case step == 1:
		if stop <= start {
			width := new(big.Int).Sub(big.NewInt(stop), big.NewInt(start))
			return 0, newError(fn, "ValueError",
				fmt.Sprintf("empty range for randrange() (%d, %d, %s)", start, stop, width),
				"pass start < stop")
		}
		return int64(uint64(start) + r.randBelow(uint64(stop)-uint64(start))), nil
	case step > 0:
		if stop <= start {
			return 0, emptyRangeError(start, stop, step)
		}
		// n = ceil((stop-start)/step), computed without overflow.
		n := (uint64(stop)-uint64(start)-1)/uint64(step) + 1
		return int64(uint64(start) + uint64(step)*r.randBelow(n)), nil
	case step < 0:
		if stop >= start {
			return 0, emptyRangeError(start, stop, step)
		}
		down := -uint64(step)
		n := (uint64(start)-uint64(stop)-1)/down + 1
		return int64(uint64(start) - down*r.randBelow(n)), nil
	default:
		return 0, newError(fn, "ValueError", "zero step for randrange()",
			"got step 0; pass a non-zero step")
	}
}

func emptyRangeError(start, stop, step int64) error {
	return newError("random.randrange", "ValueError", "empty range for randrange()",
		"range(%d, %d, %d) is empty", start, stop, step)
}

// RandInt returns random.randint(a, b) = randrange(a, b+1): an integer in
// the closed range [a, b]. It returns an error when b < a.
func (r *Python) RandInt(a, b int64) (int64, error) {
	if b == math.MaxInt64 {
		if a == math.MinInt64 {
			// The range holds 2^64 values, one more than uint64 counts.
			return int64(uint64(a) + r.randBelow2To64()), nil
		}
		return int64(uint64(a) + r.randBelow(uint64(b)-uint64(a)+1)), nil
	}
	return r.RandRange(a, b+1, 1)
}

// Shuffle permutes x in place as random.shuffle does: from the last element
// down, x[i] swaps with x[_randbelow(i+1)].
func (r *Python) Shuffle(x []int) {
	r.ShuffleFunc(len(x), func(i, j int) { x[i], x[j] = x[j], x[i] })
}

// ShuffleFunc shuffles a sequence of n elements through swap with the draws
// of Shuffle. It does nothing for n <= 1.
func (r *Python) ShuffleFunc(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		j := int(r.randBelow(uint64(i) + 1))
		swap(i, j)
	}
}

// Choice returns the index that random.choice(seq) picks from a sequence of
// n elements: _randbelow(n). It returns CPython's IndexError for n <= 0.
func (r *Python) Choice(n int) (int, error) {
	if n <= 0 {
		return 0, newError("random.choice", "IndexError",
			"Cannot choose from an empty sequence", "got a sequence of length %d", n)
	}
	return int(r.randBelow(uint64(n))), nil
}

// Sample returns the indices that random.sample(population, k) picks from
// a population of n elements, in selection order. Like CPython it uses a
// partial shuffle of a pool when n is at most a set-size threshold that
// grows with k, and otherwise redraws indices already selected. It returns
// CPython's ValueError unless 0 <= k <= n, and a MemoryError when k is too
// large to allocate.
func (r *Python) Sample(n, k int) ([]int, error) {
	if k < 0 || k > n {
		return nil, newError("random.sample", "ValueError",
			"Sample larger than population or is negative",
			"got k = %d for a population of %d", k, n)
	}
	result, err := allocate[int]("random.sample", k)
	if err != nil {
		return nil, err
	}
	if uint64(n) <= sampleSetSize(uint64(k)) {
		pool, err := allocate[int]("random.sample", n)
		if err != nil {
			return nil, err
		}
		for i := range pool {
			pool[i] = i
		}
		for i := range result {
			j := int(r.randBelow(uint64(n - i)))
			result[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
		return result, nil
	}

	selected := make(map[int]struct{}, k)
	for i := range result {
		j := int(r.randBelow(uint64(n)))
		for {
			if _, seen := selected[j]; !seen {
				break
			}
			j = int(r.randBelow(uint64(n)))
		}
		selected[j] = struct{}{}
		result[i] = j
	}
	return result, nil
}

// sampleSetSize returns CPython's threshold 21 + 4**ceil(log(3k, 4)) for
// k > 5 and 21 otherwise. Because 3k is never a power of 4, the ceiling is
// the smallest m with 4^m > 3k, which integers compute exactly. CPython's
// floating-point log gives the same m for every k below 2^48. The first k
// where it differs is (4^25 + 2)/3, about 3.8e14, far more draws than a
// sample can hold in memory. Thresholds beyond 2^62 saturate.
func sampleSetSize(k uint64) uint64 {
	const base = 21
	if k <= 5 {
		return base
	}
	if k > 1<<60 {
		return math.MaxUint64
	}
	// 4^m > 3k  <=>  2m >= bit length of 3k.
	m := (bits.Len64(3*k) + 1) / 2
	return base + 1<<(2*m)
}
