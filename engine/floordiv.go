package engine

import "math"

// FloorDiv returns a // b elementwise with Python's floor division, as
// numpy.floor_divide and MindSpore's ops.floor_div do. An integer zero
// divisor raises ZeroDivisionError; a float zero divisor gives a/b (±Inf
// or NaN), as in NumPy. The gradient is zero.
func FloorDiv(a, b *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	return floorDivMod(a, b, false), nil
}

// Mod returns a % b elementwise with Python's sign rule (the result has
// b's sign), as numpy.remainder and MindSpore's ops.floor_mod do. An
// integer zero divisor raises ZeroDivisionError; a float one gives NaN.
// The gradient is 1 for a and -floor(a/b) for b.
func Mod(a, b *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	return floorDivMod(a, b, true), nil
}

func floorDivMod(a, b *Tensor, wantMod bool) *Tensor {
	name := "FloorDiv"
	if wantMod {
		name = "Mod"
	}
	if a.dtype != b.dtype {
		typeErr(name, "dtypes %s and %s differ; cast one operand first", a.dtype, b.dtype)
	}
	if a.dtype == Bool {
		typeErr(name, "bool tensors are not supported; cast to a number dtype first")
	}
	shape := broadcastOrRaise(name, a.shape, b.shape)
	var out *Tensor
	if be := onDevice(name, true, a, b); be != nil {
		out = deviceDivMod(be, name, a, b, shape, wantMod)
	} else {
		out = hostDivMod(name, a, b, shape, wantMod)
	}
	if !a.dtype.IsFloat() {
		return out
	}
	return record(out, name, []*Tensor{a, b}, func(g *Tensor) []*Tensor {
		if !wantMod {
			return []*Tensor{fullLike(g, g.dtype, 0, a.shape), fullLike(g, g.dtype, 0, b.shape)}
		}
		q := floorDivMod(a.Detach(), b.Detach(), false)
		gb := binaryRaw(opMul, neg(g), q)
		return []*Tensor{sumTo(g, a.shape), sumTo(gb, b.shape)}
	})
}

func hostDivMod(name string, a, b *Tensor, shape []int, wantMod bool) *Tensor {
	out := newTensor(name, a.dtype, shape)
	ea, eb := expandTo(a, shape), expandTo(b, shape)
	switch d := out.data.(type) {
	case []float32:
		floatDivModLoop(d, ea.data.([]float32), eb.data.([]float32), wantMod)
	case []float64:
		floatDivModLoop(d, ea.data.([]float64), eb.data.([]float64), wantMod)
	case []int32:
		intDivModLoop(name, d, ea.data.([]int32), eb.data.([]int32), wantMod)
	case []int64:
		intDivModLoop(name, d, ea.data.([]int64), eb.data.([]int64), wantMod)
	}
	roundHalfTensor(out)
	return out
}

func intDivModLoop[T int32 | int64](name string, d, a, b []T, wantMod bool) {
	for i := range d {
		x, y := a[i], b[i]
		if y == 0 {
			raise("ZeroDivisionError", name, "integer division or modulo by zero")
		}
		// Go truncates toward zero; step the quotient down when the
		// remainder's sign differs from the divisor's.
		q, r := x/y, x%y
		if r != 0 && (r < 0) != (y < 0) {
			q--
			r += y
		}
		if wantMod {
			d[i] = r
		} else {
			d[i] = q
		}
	}
}

func floatDivModLoop[T float32 | float64](d, a, b []T, wantMod bool) {
	for i := range d {
		q, r := FloorDivMod(a[i], b[i])
		if wantMod {
			d[i] = r
		} else {
			d[i] = q
		}
	}
}

// FloorDivMod returns the floor quotient and the remainder of a and b
// in T's precision, with the steps of NumPy 1.24's npy_divmod, so
// float32 and float64 results match numpy.floor_divide and
// numpy.remainder bit for bit.
func FloorDivMod[T float32 | float64](a, b T) (T, T) {
	// fmod is exact, so computing it in float64 loses nothing.
	mod := T(math.Mod(float64(a), float64(b)))
	if b == 0 {
		return a / b, mod
	}
	div := (a - mod) / b
	if mod != 0 {
		if (b < 0) != (mod < 0) {
			mod += b
			div -= 1
		}
	} else {
		mod = T(math.Copysign(0, float64(b)))
	}
	var floorDiv T
	if div != 0 {
		floorDiv = T(math.Floor(float64(div)))
		if div-floorDiv > 0.5 {
			floorDiv += 1
		}
	} else {
		floorDiv = T(math.Copysign(0, float64(a/b)))
	}
	return floorDiv, mod
}
