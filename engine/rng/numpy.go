package rng

import "math"

// NumPy reproduces numpy.random.RandomState, the legacy NumPy generator
// behind np.random.seed and the np.random functions, bit for bit with
// NumPy 1.24.
//
// The zero value is ready to use and behaves as if seeded with
// init_genrand(5489), whereas NumPy seeds an unseeded RandomState from OS
// entropy. A NumPy is not safe for concurrent use.
type NumPy struct {
	mt MT19937
	// hasGauss and gauss cache the second value of the last polar-method
	// pair, as RandomState's has_gauss and gauss fields do.
	hasGauss bool
	gauss    float64
}

// NumPyState is the legacy generator state in the layout of
// RandomState.get_state(): ('MT19937', key, pos, has_gauss, cached_gaussian).
type NumPyState struct {
	Key            [624]uint32
	Pos            int
	HasGauss       bool
	CachedGaussian float64
}

// NewNumPy returns a generator seeded as np.random.seed(seed) seeds one.
func NewNumPy(seed uint32) *NumPy {
	r := &NumPy{}
	r.Seed(seed)
	return r
}

// Seed does what np.random.seed(seed) does for an int seed: init_genrand
// with the 32-bit value, then clearing the cached Gaussian. NumPy rejects
// int seeds outside [0, 2**32-1], which the uint32 type rules out.
func (r *NumPy) Seed(seed uint32) {
	r.mt.Seed(seed)
	r.hasGauss = false
	r.gauss = 0
}

// SeedArray does what np.random.seed(key) does for a list of ints:
// init_by_array with the key, then clearing the cached Gaussian. A NumPy
// array with one element is squeezed to an int and seeds like Seed instead.
// It returns an error for an empty key.
func (r *NumPy) SeedArray(key []uint32) error {
	if err := checkKey("numpy.random.seed", key); err != nil {
		return err
	}
	r.mt.initByArray(key)
	r.hasGauss = false
	r.gauss = 0
	return nil
}

// State returns the state that RandomState.get_state() reports.
func (r *NumPy) State() NumPyState {
	key, pos := r.mt.State()
	return NumPyState{Key: key, Pos: pos, HasGauss: r.hasGauss, CachedGaussian: r.gauss}
}

// SetState restores a state from State or from RandomState.get_state(). It
// returns an error when s.Pos is outside [0, 624]. NumPy accepts such a
// position and then reads outside the key array.
func (r *NumPy) SetState(s NumPyState) error {
	if err := checkStatePos("numpy.random.set_state", s.Pos); err != nil {
		return err
	}
	r.mt.setState(s.Key, s.Pos)
	r.hasGauss = s.HasGauss
	r.gauss = s.CachedGaussian
	return nil
}

// RandomSample returns np.random.random_sample(): a double in [0, 1) with
// 53 random bits.
func (r *NumPy) RandomSample() float64 {
	return r.mt.Float64()
}

// RandomSampleFill fills dst as np.random.random_sample(size=len(dst)) does.
func (r *NumPy) RandomSampleFill(dst []float64) {
	for i := range dst {
		dst[i] = r.mt.Float64()
	}
}

// Rand returns np.random.rand(), which is RandomSample under another name.
func (r *NumPy) Rand() float64 {
	return r.mt.Float64()
}

// RandFill fills dst as np.random.rand(d0, d1, ...) does for a product of
// dimensions equal to len(dst).
func (r *NumPy) RandFill(dst []float64) {
	r.RandomSampleFill(dst)
}

// Uniform returns np.random.uniform(low, high): low + (high-low)*u for a
// RandomSample u. As in NumPy, low > high is allowed. It returns an error,
// NumPy's OverflowError, when high-low is infinite or NaN.
func (r *NumPy) Uniform(low, high float64) (float64, error) {
	span, err := uniformSpan(low, high)
	if err != nil {
		return 0, err
	}
	return low + float64(span*r.mt.Float64()), nil
}

// UniformFill fills dst as np.random.uniform(low, high, size=len(dst))
// does. It returns the same error as Uniform and then leaves dst unchanged.
func (r *NumPy) UniformFill(dst []float64, low, high float64) error {
	span, err := uniformSpan(low, high)
	if err != nil {
		return err
	}
	for i := range dst {
		// The float64 conversion stops Go from fusing the multiply and add
		// into an FMA, which NumPy's build does not do.
		dst[i] = low + float64(span*r.mt.Float64())
	}
	return nil
}

func uniformSpan(low, high float64) (float64, error) {
	span := high - low
	if math.IsInf(span, 0) || math.IsNaN(span) {
		return 0, newError("numpy.random.uniform", "OverflowError",
			"Range exceeds valid bounds",
			"high - low = %v for low %v, high %v; pass finite bounds less than 1.7e308 apart",
			span, low, high)
	}
	return span, nil
}
