package rng

// Parameters of the 32-bit Mersenne Twister, as in the 2002 reference code
// mt19937ar.c that NumPy and CPython both adapt.
const (
	mtN         = 624
	mtM         = 397
	mtMatrixA   = 0x9908b0df
	mtUpperMask = 0x80000000
	mtLowerMask = 0x7fffffff

	// mtDefaultSeed is the seed that mt19937ar.c's genrand_int32 uses when
	// no init routine ran first.
	mtDefaultSeed = 5489
)

// MT19937 is the 32-bit Mersenne Twister, with the seeding routines and
// output order of the 2002 reference code that NumPy and CPython both use.
//
// The zero value is ready to use and behaves as if seeded with
// init_genrand(5489), the reference code's default. An MT19937 is not safe
// for concurrent use.
type MT19937 struct {
	key [mtN]uint32
	// left is the number of words of key not yet returned, so the reference
	// code's position is mtN-left. The zero value means "regenerate".
	left   int
	seeded bool
}

// NewMT19937 returns a generator seeded with init_genrand(seed).
func NewMT19937(seed uint32) *MT19937 {
	m := &MT19937{}
	m.Seed(seed)
	return m
}

// Seed resets the state with init_genrand(seed), the reference routine for a
// 32-bit seed. NumPy's np.random.seed(int) uses it.
func (m *MT19937) Seed(seed uint32) {
	m.key[0] = seed
	for i := 1; i < mtN; i++ {
		prev := m.key[i-1]
		m.key[i] = 1812433253*(prev^(prev>>30)) + uint32(i)
	}
	m.left = 0
	m.seeded = true
}

// SeedArray resets the state with init_by_array(key), the reference routine
// for a key of any length. CPython seeds from an int this way, and NumPy
// seeds from a list of ints this way. It returns an error for an empty key,
// which NumPy rejects.
func (m *MT19937) SeedArray(key []uint32) error {
	if err := checkKey("MT19937.SeedArray", key); err != nil {
		return err
	}
	m.initByArray(key)
	return nil
}

// initByArray is init_by_array from the reference code, for a non-empty key.
func (m *MT19937) initByArray(key []uint32) {
	m.Seed(19650218)
	mt := &m.key
	i, j := 1, 0
	for k := max(mtN, len(key)); k > 0; k-- {
		prev := mt[i-1]
		mt[i] = (mt[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k := mtN - 1; k > 0; k-- {
		prev := mt[i-1]
		mt[i] = (mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
	}
	// The most significant bit is set so that the state is never all zero.
	mt[0] = 0x80000000
}

// Uint32 returns the next tempered 32-bit output (genrand_int32).
func (m *MT19937) Uint32() uint32 {
	if m.left == 0 {
		m.regenerate()
	}
	y := m.key[mtN-m.left]
	m.left--

	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// Uint64 returns two outputs joined with the first one in the high half,
// which is the order of NumPy's mt19937_next64.
func (m *MT19937) Uint64() uint64 {
	hi := uint64(m.Uint32())
	lo := uint64(m.Uint32())
	return hi<<32 | lo
}

// Float64 returns a double in [0, 1) with 53 random bits (genrand_res53),
// the draw behind NumPy's random_sample and CPython's random().
func (m *MT19937) Float64() float64 {
	a := m.Uint32() >> 5
	b := m.Uint32() >> 6
	// Both steps are exact, so the result does not depend on rounding.
	return (float64(a)*67108864.0 + float64(b)) / 9007199254740992.0
}

// regenerate computes the next 624 words of state (the reference code's
// next_state), seeding with the default first if nothing seeded m.
func (m *MT19937) regenerate() {
	if !m.seeded {
		m.Seed(mtDefaultSeed)
	}
	mt := &m.key
	i := 0
	for ; i < mtN-mtM; i++ {
		mt[i] = mt[i+mtM] ^ twist(mt[i], mt[i+1])
	}
	for ; i < mtN-1; i++ {
		mt[i] = mt[i+mtM-mtN] ^ twist(mt[i], mt[i+1])
	}
	mt[mtN-1] = mt[mtM-1] ^ twist(mt[mtN-1], mt[0])
	m.left = mtN
}

// twist combines the top bit of upper with the low bits of lower and
// multiplies by the twist matrix.
func twist(upper, lower uint32) uint32 {
	y := (upper & mtUpperMask) | (lower & mtLowerMask)
	return (y >> 1) ^ (-(y & 1) & mtMatrixA)
}

// State returns the 624-word key and the position of the next word to
// temper, in the form that NumPy's get_state and CPython's getstate report.
// A position of 624 means the next draw regenerates the key first. On a
// zero value, State first seeds with the default seed.
func (m *MT19937) State() (key [mtN]uint32, pos int) {
	if !m.seeded {
		m.Seed(mtDefaultSeed)
	}
	return m.key, mtN - m.left
}

// SetState restores a state returned by State. It returns an error when pos
// is outside [0, 624].
func (m *MT19937) SetState(key [mtN]uint32, pos int) error {
	if err := checkStatePos("MT19937.SetState", pos); err != nil {
		return err
	}
	m.setState(key, pos)
	return nil
}

// setState is SetState for a position already checked.
func (m *MT19937) setState(key [mtN]uint32, pos int) {
	m.key = key
	m.left = mtN - pos
	m.seeded = true
}
