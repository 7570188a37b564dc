package cpu

import "math"

// cosineEpsilon is added to each squared norm of CosineEmbedding32, as
// PyTorch's cosine_embedding_loss adds it, so a zero vector has cosine 0.
const cosineEpsilon float32 = 1e-12

// CosineArgs are the scalars of CosineEmbedding32.
type CosineArgs struct {
	Margin float32
	// Scale is the gradient factor of each row: Scale[i], or Scale[0]
	// for every row when it has one element.
	Scale []float32
}

// CosineEmbedding32 computes, for each row i of the rows×d matrices x1
// and x2, cos = x1·x2 / (sqrt(|x1|² + eps)·sqrt(|x2|² + eps)) with
// eps = 1e-12 and the loss 1 - cos where y[i] = 1, max(cos - margin, 0)
// (as 0.5·(z + |z|)) where y[i] = -1 and 0 elsewhere. When dx1 or dx2 is
// not nil it writes the gradient of loss[i]·scale_i with respect to x1 or
// x2. The sums accumulate float32 products in float64, and every other
// step is the float32 operation the engine's unfused ops perform, in
// their order.
func CosineEmbedding32(x1, x2 []float32, d int, y []float32, args CosineArgs, loss, dx1, dx2 []float32) {
	rows := len(loss)
	if len(x1) != rows*d || len(x2) != rows*d || len(y) != rows || dx1 != nil && len(dx1) != len(x1) || dx2 != nil && len(dx2) != len(x2) || len(args.Scale) != 1 && len(args.Scale) != rows {
		panic("cpu: CosineEmbedding32 slice lengths do not match")
	}
	Parallel(rows, max(1, (1<<14)/max(d, 1)), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			s := args.Scale[0]
			if len(args.Scale) > 1 {
				s = args.Scale[i]
			}
			r := cosineRow{
				x1: x1[i*d : (i+1)*d], x2: x2[i*d : (i+1)*d],
				dx1: sub(dx1, i*d, (i+1)*d), dx2: sub(dx2, i*d, (i+1)*d),
			}
			loss[i] = r.run(y[i], args.Margin, s)
		}
	})
}

type cosineRow struct{ x1, x2, dx1, dx2 []float32 }

// run returns the row's loss and writes its gradients.
func (r *cosineRow) run(y, margin, scale float32) float32 {
	dot, s1, s2 := r.sums()
	n1 := float32(math.Sqrt(float64(s1 + cosineEpsilon)))
	n2 := float32(math.Sqrt(float64(s2 + cosineEpsilon)))
	den := n1 * n2
	cos := dot / den

	z := cos - margin
	var l float32
	switch y {
	case 1:
		l = 1 - cos
	case -1:
		l = 0.5 * (z + abs32(z))
	}
	if r.dx1 == nil && r.dx2 == nil {
		return l
	}

	// The gradient of cos, then the chain through the division, the
	// product of the norms and the square roots.
	var gcos float32
	switch y {
	case 1:
		gcos = -scale
	case -1:
		h := scale * 0.5
		gcos = h + h*sign32(z)
	}
	gdot := gcos / den
	gden := -((gdot * dot) / den)
	gs1 := (gden * n2) / (2 * n1)
	gs2 := (gden * n1) / (2 * n2)
	r.grads(&[3]float32{gdot, gs1, gs2})
	return l
}

// sums returns the float32-rounded sums x1·x2, |x1|² and |x2|².
func (r *cosineRow) sums() (dot, s1, s2 float32) {
	if active >= AVX512 && len(r.x1) > 0 {
		d, a, b := dot3AVX512(&r.x1[0], &r.x2[0], len(r.x1))
		return float32(d), float32(a), float32(b)
	}
	var d, a, b float64
	x2 := r.x2[:len(r.x1)]
	for j, v := range r.x1 {
		w := x2[j]
		d += float64(v * w)
		a += float64(v * v)
		b += float64(w * w)
	}
	return float32(d), float32(a), float32(b)
}

// grads writes dx1 = gdot·x2 + gs1·(2·x1) and dx2 = gdot·x1 + gs2·(2·x2),
// c = {gdot, gs1, gs2}.
func (r *cosineRow) grads(c *[3]float32) {
	if active >= AVX512 && len(r.x1) > 0 {
		var p1, p2 *float32
		if r.dx1 != nil {
			p1 = &r.dx1[0]
		}
		if r.dx2 != nil {
			p2 = &r.dx2[0]
		}
		cosGradAVX512(p1, p2, &r.x1[0], &r.x2[0], len(r.x1), c)
		return
	}
	x2 := r.x2[:len(r.x1)]
	for j, v := range r.x1 {
		w := x2[j]
		// The conversions keep the compiler from fusing into FMA.
		if r.dx1 != nil {
			r.dx1[j] = float32(c[0]*w) + float32(c[1]*(v+v))
		}
		if r.dx2 != nil {
			r.dx2[j] = float32(c[0]*v) + float32(c[2]*(w+w))
		}
	}
}
