package cpu

import (
	"math"
	"unsafe"
)

// LossKind selects the elementwise loss of Loss32 and Loss64.
type LossKind uint8

// The elementwise losses, for d = x - y.
const (
	// L1 is |d|, with gradient sign(d): 0 at d = 0, NaN for NaN.
	L1 LossKind = iota
	// MSE is d·d, with gradient 2·d.
	MSE
	// SmoothL1 is 0.5·d²/beta where |d| < beta and |d| - 0.5·beta
	// elsewhere, with gradient d/beta and sign(d) on the two pieces.
	SmoothL1
)

// LossArgs are the scalars of an elementwise loss.
type LossArgs struct {
	Kind LossKind
	// Scale multiplies the gradient: 1/n for a mean, 1 for a sum, times
	// the incoming gradient of the reduced loss.
	Scale float64
	// Beta is SmoothL1's threshold, greater than 0.
	Beta float64
}

// lossChunk is the smallest piece of a loss that a worker takes.
const lossChunk = 1 << 16

// ntMinBytes is the output size from which kernels write with
// non-temporal stores: past the L2 cache, the output would only evict
// the inputs.
const ntMinBytes = 1 << 20

// Loss32 returns the sum of the elementwise loss of x and y, accumulated
// in float64, and, when dx is not nil, writes the gradient of that sum
// times Scale with respect to x into dx. The elementwise values and the
// gradient are computed in float32 in the order the engine's unfused ops
// use, so both match them exactly, and only the order of the float64 sum
// differs. x, y and dx must have the same length.
func Loss32(args LossArgs, x, y, dx []float32) float64 {
	n := len(x)
	if len(y) != n || dx != nil && len(dx) != n {
		panic("cpu: Loss32 slices differ in length")
	}
	c := lossConsts32(args)
	return parallelSum(n, lossChunk, func(lo, hi int) float64 {
		var d []float32
		if dx != nil {
			d = dx[lo:hi]
		}
		return loss32(&c, x[lo:hi], y[lo:hi], d)
	})
}

// lossConsts holds the float32 constants of a loss kernel, in the order
// the assembly reads them.
type lossConsts struct {
	kind     LossKind
	scale    float32 // gradient scale
	beta     float32 // SmoothL1 threshold
	halfBeta float32 // float32(0.5·beta), subtracted on the linear piece
	quadGrad float32 // (scale/beta)·0.5, times 2·|d| on the quadratic piece
	invBeta  float32 // 1/beta when beta is a power of two, for smoothL1Pow2
}

// smoothL1Pow2 is the kernels' SmoothL1 for a beta that is a power of
// two: dividing by it and multiplying by its reciprocal give the same
// float32 results, and a multiplication is much cheaper.
const smoothL1Pow2 LossKind = 3

func lossConsts32(a LossArgs) lossConsts {
	scale, beta := float32(a.Scale), float32(a.Beta)
	c := lossConsts{
		kind: a.Kind, scale: scale, beta: beta,
		halfBeta: float32(0.5 * a.Beta),
		quadGrad: scale / beta * 0.5,
	}
	if frac, _ := math.Frexp(float64(beta)); a.Kind == SmoothL1 && frac == 0.5 && isNormal32(1/beta) {
		c.kind, c.invBeta = smoothL1Pow2, 1/beta
	}
	return c
}

// isNormal32 reports whether v is a finite float32 that is not
// subnormal.
func isNormal32(v float32) bool {
	a := math.Abs(float64(v))
	return a >= 0x1p-126 && a <= math.MaxFloat32
}

// loss32 runs the vector kernel over the body of x and the scalar code
// over the head that aligns dx and the tail.
func loss32(c *lossConsts, x, y, dx []float32) float64 {
	n := len(x)
	head := 0
	if dx != nil && n > 0 {
		// Align dx to 64 bytes for non-temporal stores.
		head = min(n, int((64-uintptr(unsafe.Pointer(&dx[0]))%64)%64/4))
	}
	sum := lossGo(c, x[:head], y[:head], sub(dx, 0, head))
	body := (n - head) / 16 * 16
	if body > 0 {
		sum += lossVector(c, x[head:head+body], y[head:head+body], sub(dx, head, head+body))
	}
	return sum + lossGo(c, x[head+body:], y[head+body:], sub(dx, head+body, n))
}

func sub(s []float32, lo, hi int) []float32 {
	if s == nil {
		return nil
	}
	return s[lo:hi]
}

// lossGo is the reference kernel.
func lossGo(c *lossConsts, x, y, dx []float32) float64 {
	y = y[:len(x)]
	var sum float64
	for i, xv := range x {
		d := xv - y[i]
		a := abs32(d)
		var l, g float32
		switch c.kind {
		case L1:
			l, g = a, c.scale*sign32(d)
		case MSE:
			l, g = d*d, c.scale*(d+d)
		default:
			if a < c.beta {
				l, g = 0.5*(a*a)/c.beta, c.quadGrad*(a+a)*sign32(d)
			} else {
				l, g = a-c.halfBeta, c.scale*sign32(d)
			}
		}
		sum += float64(l)
		if dx != nil {
			dx[i] = g
		}
	}
	return sum
}

func abs32(x float32) float32 {
	return float32frombits(float32bits(x) &^ (1 << 31))
}

// sign32 returns 1, -1, or x itself for 0, -0 and NaN.
func sign32(x float32) float32 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return x
}

func float32bits(f float32) uint32     { return *(*uint32)(unsafe.Pointer(&f)) }
func float32frombits(b uint32) float32 { return *(*float32)(unsafe.Pointer(&b)) }

// Loss64 is Loss32 for float64, computed in float64 by the reference
// code.
func Loss64(args LossArgs, x, y, dx []float64) float64 {
	n := len(x)
	if len(y) != n || dx != nil && len(dx) != n {
		panic("cpu: Loss64 slices differ in length")
	}
	return parallelSum(n, lossChunk, func(lo, hi int) float64 {
		var sum float64
		for i := lo; i < hi; i++ {
			d := x[i] - y[i]
			a := max(d, -d)
			var l, g float64
			switch args.Kind {
			case L1:
				l, g = a, args.Scale*sign64(d)
			case MSE:
				l, g = d*d, args.Scale*(d+d)
			default:
				if a < args.Beta {
					l, g = 0.5*(a*a)/args.Beta, args.Scale/args.Beta*0.5*(a+a)*sign64(d)
				} else {
					l, g = a-0.5*args.Beta, args.Scale*sign64(d)
				}
			}
			sum += l
			if dx != nil {
				dx[i] = g
			}
		}
		return sum
	})
}

func sign64(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return x
}

// parallelSum splits [0, n) into chunks of at least grain items, one
// per worker, and returns the sum of fn over the chunks, added in chunk
// order.
func parallelSum(n, grain int, fn func(lo, hi int) float64) float64 {
	workers := Workers(n, grain)
	if workers <= 1 {
		return fn(0, n)
	}
	parts := make([]float64, workers)
	// Chunk bounds are multiples of 16 elements, so that a chunk of a
	// 64-byte aligned slice stays aligned.
	bound := func(w int) int { return min(n, n*w/workers/16*16) }
	parallelN(workers, workers, func(lo, hi int) {
		for w := lo; w < hi; w++ {
			end := bound(w + 1)
			if w == workers-1 {
				end = n
			}
			parts[w] = fn(bound(w), end)
		}
	})
	var sum float64
	for _, p := range parts {
		sum += p
	}
	return sum
}
