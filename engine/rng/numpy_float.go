package rng

import "math"

// StandardNormal returns np.random.standard_normal(): the legacy polar
// (Marsaglia) method, which draws pairs and caches the second value of each
// pair until the next call or the next Seed.
func (r *NumPy) StandardNormal() float64 {
	if r.hasGauss {
		r.hasGauss = false
		g := r.gauss
		r.gauss = 0
		return g
	}
	var x1, x2, r2 float64
	for {
		// The float64 conversions keep Go from fusing these into FMAs.
		x1 = float64(2.0*r.mt.Float64()) - 1.0
		x2 = float64(2.0*r.mt.Float64()) - 1.0
		r2 = float64(x1*x1) + float64(x2*x2)
		if r2 < 1.0 && r2 != 0.0 {
			break
		}
	}
	f := math.Sqrt(-2.0 * crLog(r2) / r2)
	r.gauss = f * x1
	r.hasGauss = true
	return f * x2
}

// StandardNormalFill fills dst as np.random.standard_normal(size=len(dst))
// does, sharing the cached value with StandardNormal.
func (r *NumPy) StandardNormalFill(dst []float64) {
	for i := range dst {
		dst[i] = r.StandardNormal()
	}
}

// Normal returns np.random.normal(loc, scale) = loc + scale*StandardNormal().
// It returns an error, as NumPy does, when scale is negative or -0.0. A NaN
// scale is accepted and gives NaN.
func (r *NumPy) Normal(loc, scale float64) (float64, error) {
	if err := checkScale("numpy.random.normal", scale); err != nil {
		return 0, err
	}
	return loc + float64(scale*r.StandardNormal()), nil
}

// NormalFill fills dst as np.random.normal(loc, scale, size=len(dst)) does.
// It returns the same error as Normal and then leaves dst unchanged.
func (r *NumPy) NormalFill(dst []float64, loc, scale float64) error {
	if err := checkScale("numpy.random.normal", scale); err != nil {
		return err
	}
	for i := range dst {
		dst[i] = loc + float64(scale*r.StandardNormal())
	}
	return nil
}

// StandardExponential returns np.random.standard_exponential(): -log(1-u)
// for a RandomSample u.
func (r *NumPy) StandardExponential() float64 {
	return -crLog(1.0 - r.mt.Float64())
}

// StandardExponentialFill fills dst as
// np.random.standard_exponential(size=len(dst)) does.
func (r *NumPy) StandardExponentialFill(dst []float64) {
	for i := range dst {
		dst[i] = r.StandardExponential()
	}
}

// Exponential returns np.random.exponential(scale) =
// scale*StandardExponential(). It rejects the same scales as Normal.
func (r *NumPy) Exponential(scale float64) (float64, error) {
	if err := checkScale("numpy.random.exponential", scale); err != nil {
		return 0, err
	}
	return scale * r.StandardExponential(), nil
}

// checkScale applies NumPy's non-negative constraint, which tests the sign
// bit, so -0.0 fails and NaN passes.
func checkScale(fn string, scale float64) error {
	if !math.IsNaN(scale) && math.Signbit(scale) {
		return newError(fn, "ValueError", "scale < 0",
			"got scale %v; pass a scale >= 0 (NumPy rejects -0.0 too)", scale)
	}
	return nil
}
