package engine

import "math"

// Norm returns the vector p-norm of t over axes (all when none are
// given), treating the reduced elements as one flat vector, as
// MindSpore's mint.linalg.vector_norm and torch.linalg.vector_norm do.
// p must be 1 or 2. The gradient is sign(t) for p = 1 and t/norm for
// p = 2, with 0 where the norm is 0 (a finite subgradient).
func Norm(t *Tensor, axes []int, p float64) (out *Tensor, err error) {
	defer catch(&err)
	return norm(t, axes, p), nil
}

func norm(t *Tensor, axes []int, p float64) *Tensor {
	if !t.dtype.IsFloat() {
		typeErr("Norm", "dtype %s is not supported; cast to float32 first", t.dtype)
	}
	if p != 1 && p != 2 {
		valueErr("Norm", "p = %v is not supported; use 1 or 2", p)
	}
	ax := normAxes("Norm", axes, t.Rank())
	out := normRaw(t, ax, p)
	kept := reduceShape(t.shape, ax, true)
	return record(out, "Norm", []*Tensor{t}, func(g *Tensor) []*Tensor {
		g = expandTo(reshapeRaw(g, kept), t.shape)
		x := t.Detach()
		if p == 1 {
			return []*Tensor{binaryRaw(opMul, g, unaryRaw(uSign, x))}
		}
		n := expandTo(reshapeRaw(out.Detach(), kept), t.shape)
		zero := full(t.dtype, 0, nil)
		unit := where(compareRaw(cmpEQ, n, zero), zero, binaryRaw(opDiv, x, n))
		return []*Tensor{binaryRaw(opMul, g, unit)}
	})
}

// normRaw is norm's kernel over the normalized axes, without autograd.
func normRaw(t *Tensor, ax []int, p float64) *Tensor {
	if onDevice("Norm", false, t) != nil {
		return deviceNorm(t, ax, p)
	}
	out := newTensor("Norm", t.dtype, reduceShape(t.shape, ax, false))
	src, _, inner := moveAxesLast(t, ax)
	rows := cast(src, Float64).data.([]float64)
	for o := range out.Numel() {
		row := rows[o*inner : (o+1)*inner]
		if p == 1 {
			out.setFloat(o, normL1(row))
		} else {
			out.setFloat(o, normL2(row))
		}
	}
	return out
}

func normL1(row []float64) float64 {
	var s float64
	for _, v := range row {
		s += math.Abs(v)
	}
	return s
}

// normL2 scales by the largest magnitude before squaring, as LAPACK's
// dnrm2 does, so that elements near the float64 limits neither overflow
// nor underflow.
func normL2(row []float64) float64 {
	var scale float64
	for _, v := range row {
		if a := math.Abs(v); a > scale || a != a {
			scale = a
		}
	}
	if scale == 0 || math.IsInf(scale, 1) || math.IsNaN(scale) {
		return scale
	}
	var s float64
	for _, v := range row {
		r := v / scale
		s += r * r
	}
	return scale * math.Sqrt(s)
}
