package engine

// CumSum returns the cumulative sum of t along axis, as MindSpore's
// CumSum computes it: exclusive starts each run at 0 and leaves out the
// element itself, reverse runs from the end of the axis. Sums accumulate
// in t's dtype. The gradient is the cumulative sum of g with the
// opposite reverse flag. It runs on the CPU only.
func CumSum(t *Tensor, axis int, exclusive, reverse bool) (out *Tensor, err error) {
	defer catch(&err)
	return cumSum(t, axis, exclusive, reverse), nil
}

func cumSum(t *Tensor, axis int, exclusive, reverse bool) *Tensor {
	out := cumulative("CumSum", t, axis, false, exclusive, reverse)
	return record(out, "CumSum", []*Tensor{t}, func(g *Tensor) []*Tensor {
		return []*Tensor{cumulative("CumSum", g, axis, false, exclusive, !reverse)}
	})
}

// CumProd returns the cumulative product of t along axis with
// MindSpore's exclusive and reverse flags. Its gradient is MindSpore's
// rule cumsum(cumprod(t) * g, !reverse) / t, which is NaN or infinite
// where t is 0. It runs on the CPU only.
func CumProd(t *Tensor, axis int, exclusive, reverse bool) (out *Tensor, err error) {
	defer catch(&err)
	y := cumulative("CumProd", t, axis, true, exclusive, reverse)
	return record(y, "CumProd", []*Tensor{t}, func(g *Tensor) []*Tensor {
		s := cumulative("CumSum", binaryRaw(opMul, y.Detach(), g), axis, false, exclusive, !reverse)
		return []*Tensor{binaryRaw(opDiv, s, t.Detach())}
	}), nil
}

// cumulative is the kernel of CumSum and CumProd, without autograd.
func cumulative(op string, t *Tensor, axis int, prod, exclusive, reverse bool) *Tensor {
	cpuOnly(op, t)
	if t.Rank() == 0 {
		valueErr(op, "the input is a 0-d tensor; it must have at least one axis")
	}
	axis = normAxis(op, axis, t.Rank())
	n := t.shape[axis]
	inner := Numel(t.shape[axis+1:])
	outer := Numel(t.shape[:axis])
	out := newTensor(op, t.dtype, t.shape)
	run := cumRun{outer: outer, n: n, inner: inner, prod: prod, exclusive: exclusive, reverse: reverse}
	switch d := out.data.(type) {
	case []float32:
		cumLoop(run, d, t.data.([]float32))
	case []float64:
		cumLoop(run, d, t.data.([]float64))
	case []int32:
		cumLoop(run, d, t.data.([]int32))
	case []int64:
		cumLoop(run, d, t.data.([]int64))
	default:
		typeErr(op, "bool tensors are not supported; cast to a number dtype first")
	}
	return roundHalfTensor(out)
}

// cumRun is the layout of a cumulative op: outer runs of n elements
// along the axis, inner apart.
type cumRun struct {
	outer, n, inner          int
	prod, exclusive, reverse bool
}

func cumLoop[T number](r cumRun, d, s []T) {
	for o := range r.outer {
		for in := range r.inner {
			var acc T
			if r.prod {
				acc = 1
			}
			for k := range r.n {
				j := k
				if r.reverse {
					j = r.n - 1 - k
				}
				pos := (o*r.n+j)*r.inner + in
				if r.exclusive {
					d[pos] = acc
				}
				if r.prod {
					acc *= s[pos]
				} else {
					acc += s[pos]
				}
				if !r.exclusive {
					d[pos] = acc
				}
			}
		}
	}
}
