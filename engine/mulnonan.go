package engine

// MulNoNaN returns x*y with broadcasting, except that it is 0 wherever y
// is 0, even where x is infinite or NaN, as tf.math.multiply_no_nan
// computes it. Losses use it to weight a term by a label that may be 0:
// the (1 - y)*softplus(x) term of a label y = 1 and a logit x = +Inf is 0,
// not 0*Inf = NaN. The gradients follow the same rule: g*y for x and x*g
// for y, each 0 where its second factor is 0, so the gradient with
// respect to y at y = 0 is x.
func MulNoNaN(x, y *Tensor) (out *Tensor, err error) {
	defer catch(&err)
	return mulNoNaN(x, y), nil
}

func mulNoNaN(x, y *Tensor) *Tensor {
	if !x.dtype.IsFloat() || !y.dtype.IsFloat() {
		typeErr("MulNoNaN", "dtypes %s and %s are not supported; use float32 or float64", x.dtype, y.dtype)
	}
	out := mulNoNaNRaw(x, y)
	return record(out, "MulNoNaN", []*Tensor{x, y}, func(g *Tensor) []*Tensor {
		xd, yd := x.Detach(), y.Detach()
		return []*Tensor{sumTo(mulNoNaN(g, yd), x.shape), sumTo(mulNoNaN(xd, g), y.shape)}
	})
}

// mulNoNaNRaw multiplies, then writes 0 where the broadcast y is 0.
func mulNoNaNRaw(x, y *Tensor) *Tensor {
	if onDevice("MulNoNaN", true, x, y) != nil {
		return deviceMulNoNaN(x, y)
	}
	out := binaryRaw(opMul, x, y)
	if out.Numel() == 0 {
		return out
	}
	if y.Numel() != 1 {
		y = expandTo(y, out.shape)
	}
	switch d := out.data.(type) {
	case []float32:
		zeroWhereZero(d, y.data.([]float32))
	case []float64:
		zeroWhereZero(d, y.data.([]float64))
	}
	return out
}

// zeroWhereZero sets d[i] to 0 where y (one element or len(d)) is 0.
func zeroWhereZero[T float32 | float64](d, y []T) {
	if len(y) == 1 {
		if y[0] == 0 {
			clear(d)
		}
		return
	}
	for i, v := range y {
		if v == 0 {
			d[i] = 0
		}
	}
}
