package engine

import "math"

// Clip limits t elementwise to [lo, hi] as min(max(t, lo), hi), which is
// what numpy.clip and MindSpore's ops.clip_by_value compute: hi wins when
// lo > hi and NaN elements stay NaN. Pass ±Inf for a missing bound.
// Integer tensors use ceil(lo) and floor(hi). The gradient is 1 where
// lo <= t <= hi and 0 elsewhere.
func Clip(t *Tensor, lo, hi float64) (out *Tensor, err error) {
	defer catch(&err)
	return clip(t, lo, hi), nil
}

func clip(t *Tensor, lo, hi float64) *Tensor {
	if math.IsNaN(lo) || math.IsNaN(hi) {
		valueErr("Clip", "bounds %v and %v must not be NaN; use -Inf or +Inf for a missing bound", lo, hi)
	}
	out := clipRaw(t, lo, hi)
	return record(out, "Clip", []*Tensor{t}, func(g *Tensor) []*Tensor {
		if t.dev != CPU {
			return []*Tensor{binaryRaw(opMul, g, clipInside(t, g.dtype, lo, hi))}
		}
		inside := newTensor("Clip", g.dtype, t.shape)
		for i := range t.Numel() {
			if v := t.Float(i); lo <= v && v <= hi {
				inside.setFloat(i, 1)
			}
		}
		return []*Tensor{binaryRaw(opMul, g, inside)}
	})
}

// clipRaw is clip's kernel, without autograd.
func clipRaw(t *Tensor, lo, hi float64) *Tensor {
	if be := onDevice("Clip", false, t); be != nil {
		return deviceClip(be, t, lo, hi)
	}
	out := newTensor("Clip", t.dtype, t.shape)
	switch d := out.data.(type) {
	case []float32:
		clipLoop(d, t.data.([]float32), float32(lo), float32(hi))
	case []float64:
		clipLoop(d, t.data.([]float64), lo, hi)
	case []int32:
		clipLoop(d, t.data.([]int32), intBound[int32](math.Ceil(lo)), intBound[int32](math.Floor(hi)))
	case []int64:
		clipLoop(d, t.data.([]int64), intBound[int64](math.Ceil(lo)), intBound[int64](math.Floor(hi)))
	default:
		typeErr("Clip", "bool tensors are not supported; cast to a number dtype first")
	}
	return roundHalfTensor(out)
}

func clipLoop[T number](d, s []T, lo, hi T) {
	for i, v := range s {
		if v < lo {
			v = lo
		}
		if v > hi {
			v = hi
		}
		d[i] = v
	}
}

// intBound converts an integral float64 to T, saturating at T's range.
func intBound[T int32 | int64](v float64) T {
	lowest, highest := int64(math.MinInt64), int64(math.MaxInt64)
	var zero T
	if _, ok := any(zero).(int32); ok {
		lowest, highest = math.MinInt32, math.MaxInt32
	}
	switch {
	case v <= float64(lowest):
		return T(lowest)
	case v >= float64(highest):
		return T(highest)
	}
	return T(v)
}
