package rng

import (
	"math/big"
	"math/bits"
)

// Python reproduces random.Random from CPython 3.11, the generator behind
// the functions of Python's random module, bit for bit.
//
// The zero value is ready to use and behaves as if seeded with
// init_genrand(5489), whereas CPython seeds an unseeded Random from OS
// entropy. A Python is not safe for concurrent use.
type Python struct {
	mt MT19937
	// gaussNext caches the second value of gauss's Box-Muller pair, as
	// Random.gauss_next does, while hasGaussNext is set.
	gaussNext    float64
	hasGaussNext bool
}

// PythonState is the generator state in the layout of Random.getstate():
// (3, key + (pos,), gauss_next), with gauss_next None unless HasGaussNext.
type PythonState struct {
	Key          [624]uint32
	Pos          int
	HasGaussNext bool
	GaussNext    float64
}

// NewPython returns a generator seeded as random.seed(seed) seeds one.
func NewPython(seed int64) *Python {
	r := &Python{}
	r.Seed(seed)
	return r
}

// Seed does what random.seed(seed) does for an int: init_by_array with the
// 32-bit words of |seed|, least significant first (one zero word for 0),
// then clearing the cached Gaussian.
func (r *Python) Seed(seed int64) {
	abs := uint64(seed)
	if seed < 0 {
		abs = -abs
	}
	key := []uint32{uint32(abs)}
	if hi := uint32(abs >> 32); hi != 0 {
		key = append(key, hi)
	}
	r.mt.initByArray(key)
	r.hasGaussNext = false
}

// SeedBig does what random.seed(seed) does for an int of any size: the same
// as Seed, with as many 32-bit words as |seed| needs. It returns an error
// for a nil seed.
func (r *Python) SeedBig(seed *big.Int) error {
	if seed == nil {
		return newError("random.seed", "TypeError", "seed must be an int",
			"got a nil *big.Int; pass a value")
	}
	var key []uint32
	for _, word := range new(big.Int).Abs(seed).Bits() {
		for shift := 0; shift < bits.UintSize; shift += 32 {
			key = append(key, uint32(uint64(word)>>shift))
		}
	}
	for len(key) > 1 && key[len(key)-1] == 0 {
		key = key[:len(key)-1]
	}
	if len(key) == 0 {
		key = []uint32{0}
	}
	r.mt.initByArray(key)
	r.hasGaussNext = false
	return nil
}

// State returns the state that Random.getstate() reports.
func (r *Python) State() PythonState {
	key, pos := r.mt.State()
	return PythonState{Key: key, Pos: pos, HasGaussNext: r.hasGaussNext, GaussNext: r.gaussNext}
}

// SetState restores a state from State or from Random.getstate(). It
// returns an error, CPython's "invalid state", when s.Pos is outside
// [0, 624].
func (r *Python) SetState(s PythonState) error {
	if err := checkStatePos("random.setstate", s.Pos); err != nil {
		return err
	}
	r.mt.setState(s.Key, s.Pos)
	r.hasGaussNext = s.HasGaussNext
	r.gaussNext = s.GaussNext
	return nil
}

// Random returns random.random(): a double in [0, 1) with 53 random bits.
func (r *Python) Random() float64 {
	return r.mt.Float64()
}

// GetRandBits returns random.getrandbits(k): a non-negative int with k
// random bits. For k <= 32 it is the top k bits of one output. Larger k
// fill 32-bit words from the least significant up, and the last word keeps
// the top bits of its output. It returns an error for k < 0.
func (r *Python) GetRandBits(k int) (*big.Int, error) {
	if k < 0 {
		return nil, newError("random.getrandbits", "ValueError",
			"number of bits must be non-negative", "got k = %d", k)
	}
	if k <= 64 {
		return new(big.Int).SetUint64(r.randBits64(k)), nil
	}
	words, err := allocate[big.Word]("random.getrandbits", k/bits.UintSize+1)
	if err != nil {
		return nil, err
	}
	words = words[:0]
	var word uint64
	for i := 0; k > 0; i, k = i+1, k-32 {
		v := r.mt.Uint32()
		if k < 32 {
			v >>= 32 - k
		}
		word |= uint64(v) << (32 * (i % 2))
		if i%2 == 1 {
			words = appendWord(words, word)
			word = 0
		}
	}
	words = appendWord(words, word)
	return new(big.Int).SetBits(words), nil
}

// appendWord appends a 64-bit value as one or two big.Words.
func appendWord(words []big.Word, v uint64) []big.Word {
	if bits.UintSize == 64 {
		return append(words, big.Word(v))
	}
	return append(words, big.Word(uint32(v)), big.Word(v>>32))
}

// randBits64 is getrandbits(k) for 0 <= k <= 64.
func (r *Python) randBits64(k int) uint64 {
	switch {
	case k == 0:
		return 0
	case k <= 32:
		return uint64(r.mt.Uint32() >> (32 - k))
	default:
		lo := uint64(r.mt.Uint32())
		hi := uint64(r.mt.Uint32() >> (64 - k))
		return hi<<32 | lo
	}
}
