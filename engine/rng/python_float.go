package rng

import "math"

const (
	// twoPi is random.TWOPI = 2.0 * math.pi.
	twoPi = 0x1.921fb54442d18p+2
	// nvMagicConst is random.NV_MAGICCONST = 4 * exp(-0.5) / sqrt(2.0) as
	// CPython 3.11 computes it on glibc 2.36, which is also the correctly
	// rounded value 1.7155277699214135.
	nvMagicConst = 0x1.b72cd3f331398p+0
)

// Uniform returns random.uniform(a, b) = a + (b-a)*random().
func (r *Python) Uniform(a, b float64) float64 {
	// The float64 conversion keeps Go from fusing the multiply and add.
	return a + float64((b-a)*r.mt.Float64())
}

// Gauss returns random.gauss(mu, sigma): the Box-Muller transform, which
// makes two values from two random() draws and caches the second for the
// next call. Seed, SeedBig and SetState clear the cache. Like CPython, it
// does not check sigma.
func (r *Python) Gauss(mu, sigma float64) float64 {
	z := r.gaussNext
	hadNext := r.hasGaussNext
	r.hasGaussNext = false
	if !hadNext {
		x2pi := r.mt.Float64() * twoPi
		g2rad := math.Sqrt(-2.0 * crLog(1.0-r.mt.Float64()))
		sin, cos := crSinCos(x2pi)
		z = cos * g2rad
		r.gaussNext = sin * g2rad
		r.hasGaussNext = true
	}
	return mu + float64(z*sigma)
}

// NormalVariate returns random.normalvariate(mu, sigma), drawn with the
// Kinderman-Monahan ratio-of-uniforms method. It shares no cache with Gauss.
func (r *Python) NormalVariate(mu, sigma float64) float64 {
	var z float64
	for {
		u1 := r.mt.Float64()
		u2 := 1.0 - r.mt.Float64()
		z = nvMagicConst * (u1 - 0.5) / u2
		zz := z * z / 4.0
		if zz <= -crLog(u2) {
			break
		}
	}
	return mu + float64(z*sigma)
}
