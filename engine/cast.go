package engine

import "math"

// cast converts t to dtype d. Float to int truncates toward zero, as
// NumPy's astype does; the gradient of a float-to-float cast casts back.
func cast(t *Tensor, d DType) *Tensor {
	if t.dtype == d {
		return t
	}
	if be := onDevice("Cast", false, t); be != nil {
		return deviceCast(be, t, d)
	}
	out := newTensor("Cast", d, t.shape)
	n := t.Numel()
	switch dst := out.data.(type) {
	case []float32:
		if d == Float16 {
			castToHalf(dst, t)
		} else if src, ok := t.data.([]float32); ok {
			copy(dst, src) // from Float16, whose values are exact
		} else if src, ok := t.data.([]float64); ok {
			for i, v := range src {
				dst[i] = float32(v)
			}
		} else {
			for i := 0; i < n; i++ {
				dst[i] = float32(t.Float(i))
			}
		}
	case []float64:
		for i := 0; i < n; i++ {
			dst[i] = t.Float(i)
		}
	case []int32:
		if t.dtype.IsInt() {
			// Narrowing wraps modulo 2**32, as NumPy's astype does.
			for i := 0; i < n; i++ {
				dst[i] = int32(t.Int(i))
			}
		} else {
			for i := 0; i < n; i++ {
				dst[i] = truncInt32(t.Float(i))
			}
		}
	case []int64:
		if t.dtype.IsInt() {
			for i := 0; i < n; i++ {
				dst[i] = t.Int(i)
			}
		} else {
			for i := 0; i < n; i++ {
				dst[i] = truncInt(t.Float(i))
			}
		}
	case []bool:
		for i := 0; i < n; i++ {
			dst[i] = t.Float(i) != 0
		}
	}
	if !t.dtype.IsFloat() || !d.IsFloat() {
		return out
	}
	src := t.dtype
	return record(out, "Cast", []*Tensor{t}, func(g *Tensor) []*Tensor {
		return []*Tensor{cast(g, src)}
	})
}

// castToHalf writes t's values rounded to binary16 into dst, rounding
// float64 and integer values once from float64, as NumPy's astype does.
func castToHalf(dst []float32, t *Tensor) {
	if src, ok := t.data.([]float32); ok {
		for i, v := range src {
			dst[i] = RoundHalf(v)
		}
		return
	}
	for i := range dst {
		dst[i] = RoundHalf64(t.Float(i))
	}
}

// truncInt converts like a C cast on x86: NaN and out-of-range values
// become the minimum int64, which is what NumPy prints for them.
func truncInt(v float64) int64 {
	if math.IsNaN(v) || v >= 9.223372036854775807e18 || v < -9.223372036854775808e18 {
		return math.MinInt64
	}
	return int64(v)
}

// truncInt32 converts like a C cast to int32 on x86: NaN and values
// outside the int32 range become the minimum int32, as in NumPy.
func truncInt32(v float64) int32 {
	if math.IsNaN(v) || v >= 2147483648 || v <= -2147483649 {
		return math.MinInt32
	}
	return int32(v)
}

// Cast returns t converted to dtype d (t itself when it already is d).
func Cast(t *Tensor, d DType) (out *Tensor, err error) { defer catch(&err); return cast(t, d), nil }
