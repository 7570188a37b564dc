package cpu

// ArithOp is an elementwise float32 operation of Arith32.
type ArithOp uint8

// The operations of Arith32.
const (
	ArithAdd ArithOp = iota
	ArithSub
	ArithMul
	ArithDiv
)

type arithKernel func(dst, a, b *float32, n int)

var (
	arith512 = [...]arithKernel{addAVX512, subAVX512, mulAVX512, divAVX512}
	arith256 = [...]arithKernel{addAVX2, subAVX2, mulAVX2, divAVX2}
)

// Arith32 writes a[i] op b[i] into dst[i]. The three slices must have
// the same length. The vector paths round each element as the scalar
// operation does, so every path gives the same bits.
func Arith32(op ArithOp, dst, a, b []float32) {
	if len(a) != len(dst) || len(b) != len(dst) {
		panic("cpu: Arith32 slices differ in length")
	}
	if op > ArithDiv {
		panic("cpu: Arith32 operation out of range")
	}
	body := 0
	switch active {
	case AVX512:
		body = len(dst) / 16 * 16
		kernel := arith512[op]
		blocks(body, func(lo, hi int) { kernel(&dst[lo], &a[lo], &b[lo], hi-lo) })
	case AVX2:
		body = len(dst) / 8 * 8
		kernel := arith256[op]
		blocks(body, func(lo, hi int) { kernel(&dst[lo], &a[lo], &b[lo], hi-lo) })
	}
	arithGo(op, dst[body:], a[body:], b[body:])
}

func arithGo(op ArithOp, dst, a, b []float32) {
	dst = dst[:len(a)]
	b = b[:len(a)]
	switch op {
	case ArithAdd:
		for i := range dst {
			dst[i] = a[i] + b[i]
		}
	case ArithSub:
		for i := range dst {
			dst[i] = a[i] - b[i]
		}
	case ArithMul:
		for i := range dst {
			dst[i] = a[i] * b[i]
		}
	case ArithDiv:
		for i := range dst {
			dst[i] = a[i] / b[i]
		}
	}
}
