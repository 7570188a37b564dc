package cuda

import (
	"fmt"
	"math"
	"unsafe"
)

// The fake driver's reference kernels: one Go function per CUDA entry
// point, computing what the CUDA source computes for the same
// arguments. Each reads its arguments in the order of the kernel's C
// parameters. Results do not depend on the launch geometry, except that
// the loss kernels write one partial sum per block, as theirs do.

type launchGeometry struct{ grid, block [3]uint32 }

type refKernel func(f *fakeDriver, g launchGeometry, a []any)

var references = map[string]refKernel{}

type elem interface {
	~float32 | ~float64 | ~int32 | ~int64 | ~uint8
}

// span returns device memory from p to the end of its allocation as a
// []T, or nil for a null pointer. Indexing past it panics, and the
// owning goroutine reports the panic as an error.
func span[T any](f *fakeDriver, p devPtr) []T {
	if p == 0 {
		return nil
	}
	f.mu.Lock()
	blk, ok := f.blocks[uint64(p)>>fakeShift]
	f.mu.Unlock()
	var x T
	size := uint64(unsafe.Sizeof(x))
	off := uint64(p) & (1<<fakeShift - 1)
	if !ok || off > uint64(len(blk))*8 || uint64(p)%size != 0 {
		panic(fmt.Sprintf("fake device: pointer %#x is outside every allocation or misaligned for %T", uint64(p), x))
	}
	n := (uint64(len(blk))*8 - off) / size
	if n == 0 {
		return []T{}
	}
	base := unsafe.Pointer(uintptr(unsafe.Pointer(&blk[0])) + uintptr(off))
	return unsafe.Slice((*T)(base), n)
}

// offset returns the element offset of operand k for flat index i.
func (d *dims) offset(k int, i int64) int64 {
	var off int64
	for ax := int(d.rank) - 1; ax >= 0; ax-- {
		s := d.shape[ax]
		off += (i % s) * d.stride[k][ax]
		i /= s
	}
	return off
}

// at reads operand k at flat index i: the scalar when x is nil.
func at[T any](x []T, scalar T, d *dims, k int, i int64) T {
	switch {
	case x == nil:
		return scalar
	case d.rank == 0:
		return x[i]
	}
	return x[d.offset(k, i)]
}

func ptr(v any) devPtr { return v.(devPtr) }
func i64(v any) int64  { return v.(int64) }
func i32(v any) int32  { return v.(int32) }

func init() {
	registerTyped[float32](tF32)
	registerTyped[float64](tF64)
	registerTyped[int32](tI32)
	registerTyped[int64](tI64)
	registerTyped[uint8](tB8)
	registerFloat[float32](tF32)
	registerFloat[float64](tF64)
	registerInt[int32](tI32)
	registerInt[int64](tI64)
	registerSized[uint8](sizeTypes[0])
	registerSized[uint32](sizeTypes[1])
	registerSized[uint64](sizeTypes[2])
	registerCasts[float32](tF32)
	registerCasts[float64](tF64)
	registerCasts[int32](tI32)
	registerCasts[int64](tI64)
	registerCasts[uint8](tB8)
	references["cs_reduce_rows_b8"] = refReduceRows(boolReducer())
	references["cs_reduce_part_b8"] = refReducePart(boolReducer())
	references["cs_reduce_fin_b8"] = refReduceFin(boolReducer())
	references["cs_reduce_cols_b8"] = refReduceCols(boolReducer())
	references["cs_bce_f32"] = refBCE
	references["cs_xent_f32"] = refXent
}

func registerTyped[T elem](t ctype) {
	references[kernelName("fill", t)] = refFill[T]
	references[kernelName("compare", t)] = refCompare[T]
	references[kernelName("onehot", t)] = refOneHot[T]
	references[kernelName("argreduce", t)] = refArgReduce[T]
}

func registerFloat[T float32 | float64](t ctype) {
	references[kernelName("unary", t)] = refUnaryFloat[T]
	references[kernelName("binary", t)] = refBinary(binaryFloat[T])
	references[kernelName("clip", t)] = refClip[T]
	references[kernelName("scatter_add", t)] = refScatterAdd[T]
	r := floatReducer[T]()
	references[kernelName("reduce_rows", t)] = refReduceRows(r)
	references[kernelName("reduce_part", t)] = refReducePart(r)
	references[kernelName("reduce_fin", t)] = refReduceFin(r)
	references[kernelName("reduce_cols", t)] = refReduceCols(r)
	references[kernelName("logsoftmax", t)] = refLogSoftmax[T]
	references[kernelName("softmax", t)] = refSoftmax[T]
	references[kernelName("logsumexp", t)] = refLogSumExp[T]
	references[kernelName("prodgrad", t)] = refProdGrad[T]
	references[kernelName("loss", t)] = refLoss[T]
	references[kernelName("loss_fin", t)] = refLossFin[T]
}

func registerInt[T int32 | int64](t ctype) {
	references[kernelName("unary", t)] = refUnaryInt[T]
	references[kernelName("binary", t)] = refBinary(binaryInt[T])
	references[kernelName("clip", t)] = refClip[T]
	references[kernelName("scatter_add", t)] = refScatterAdd[T]
	references[kernelName("matmul", t)] = refMatmul[T]
	r := intReducer[T]()
	references[kernelName("reduce_rows", t)] = refReduceRows(r)
	references[kernelName("reduce_part", t)] = refReducePart(r)
	references[kernelName("reduce_fin", t)] = refReduceFin(r)
	references[kernelName("reduce_cols", t)] = refReduceCols(r)
}

func registerSized[U uint8 | uint32 | uint64](t ctype) {
	references[kernelName("select", t)] = refSelect[U]
	references[kernelName("strided", t)] = refStrided[U]
	references[kernelName("copyrows", t)] = refCopyRows[U]
	references[kernelName("gather", t)] = refGather[U]
}

func kernelName(base string, t ctype) string { return "cs_" + base + "_" + t.tag }

func refFill[T elem](f *fakeDriver, _ launchGeometry, a []any) {
	out, v, n := span[T](f, ptr(a[0])), a[1].(T), i64(a[2])
	for i := range n {
		out[i] = v
	}
}

// unaryFloat mirrors cs_unary: float64 math, rounded once.
func unaryFloat(op int32, x float64) float64 {
	softplus := func(x float64) float64 {
		if x > 0 {
			return x + math.Log1p(math.Exp(-x))
		}
		return math.Log1p(math.Exp(x))
	}
	switch op {
	case 0:
		return -x
	case 1:
		return math.Abs(x)
	case 2:
		return math.Exp(x)
	case 3:
		return math.Log(x)
	case 4:
		return math.Sqrt(x)
	case 5:
		return x * x
	case 6:
		if x > 0 {
			return x
		}
		return 0
	case 7:
		if x >= 0 {
			return 1 / (1 + math.Exp(-x))
		}
		return math.Exp(x) / (1 + math.Exp(x))
	case 8:
		return math.Tanh(x)
	case 9:
		if x > 0 {
			return 1
		} else if x < 0 {
			return -1
		}
		return x
	case 10:
		return math.Log1p(x)
	case 11:
		return softplus(x)
	case 12:
		return -softplus(-x)
	case 13:
		return math.Floor(x)
	case 14:
		return math.Sin(x)
	case 15:
		return math.Cos(x)
	case 16:
		return 1 / math.Sqrt(x)
	}
	return 1 / x
}

func refUnaryFloat[T float32 | float64](f *fakeDriver, _ launchGeometry, a []any) {
	op, out, x, n := i32(a[0]), span[T](f, ptr(a[1])), span[T](f, ptr(a[2])), i64(a[3])
	for i := range n {
		out[i] = T(unaryFloat(op, float64(x[i])))
	}
}

func refUnaryInt[T int32 | int64](f *fakeDriver, _ launchGeometry, a []any) {
	op, out, x, n := i32(a[0]), span[T](f, ptr(a[1])), span[T](f, ptr(a[2])), i64(a[3])
	for i := range n {
		v := x[i]
		switch op {
		case 0:
			v = -v
		case 1:
			if v < 0 {
				v = -v
			}
		case 5:
			v *= v
		case 6:
			v = max(v, 0)
		default:
			v = T(cmpSign(v))
		}
		out[i] = v
	}
}

func cmpSign[T int32 | int64](v T) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

func binaryFloat[T float32 | float64](op int32, x, y T) T {
	switch op {
	case 0:
		return x + y
	case 1:
		return x - y
	case 2:
		return x * y
	case 3:
		return x / y
	case 4:
		if x != x || x >= y {
			return x
		}
		return y
	case 5:
		if x != x || x <= y {
			return x
		}
		return y
	}
	return T(math.Pow(float64(x), float64(y)))
}

// binaryInt wraps on overflow, as Go's integer arithmetic does.
func binaryInt[T int32 | int64](op int32, x, y T) T {
	switch op {
	case 0:
		return x + y
	case 1:
		return x - y
	case 2:
		return x * y
	case 3:
		if y == -1 {
			return -x
		}
		return x / y
	case 4:
		return max(x, y)
	case 5:
		return min(x, y)
	}
	var r T = 1
	for y > 0 {
		if y&1 == 1 {
			r *= x
		}
		x *= x
		y >>= 1
	}
	return r
}

func refBinary[T elem](apply func(int32, T, T) T) refKernel {
	return func(f *fakeDriver, _ launchGeometry, a []any) {
		op, out := i32(a[0]), span[T](f, ptr(a[1]))
		x, y := span[T](f, ptr(a[2])), span[T](f, ptr(a[3]))
		xv, yv, d, n := a[4].(T), a[5].(T), a[6].(*dims), i64(a[7])
		for i := range n {
			out[i] = apply(op, at(x, xv, d, 0, i), at(y, yv, d, 1, i))
		}
	}
}

func refCompare[T elem](f *fakeDriver, _ launchGeometry, a []any) {
	op, out := i32(a[0]), span[uint8](f, ptr(a[1]))
	x, y := span[T](f, ptr(a[2])), span[T](f, ptr(a[3]))
	xv, yv, d, n := a[4].(T), a[5].(T), a[6].(*dims), i64(a[7])
	for i := range n {
		p, q := at(x, xv, d, 0, i), at(y, yv, d, 1, i)
		var r bool
		switch op {
		case 0:
			r = p < q
		case 1:
			r = p <= q
		case 2:
			r = p > q
		case 3:
			r = p >= q
		case 4:
			r = p == q
		default:
			r = p != q
		}
		out[i] = boolByte(r)
	}
}

func boolByte(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

func refSelect[U uint8 | uint32 | uint64](f *fakeDriver, _ launchGeometry, a []any) {
	out, c := span[U](f, ptr(a[0])), span[uint8](f, ptr(a[1]))
	x, y := span[U](f, ptr(a[2])), span[U](f, ptr(a[3]))
	cv, xv, yv, d, n := a[4].(uint8), a[5].(U), a[6].(U), a[7].(*dims), i64(a[8])
	for i := range n {
		if at(c, cv, d, 2, i) != 0 {
			out[i] = at(x, xv, d, 0, i)
		} else {
			out[i] = at(y, yv, d, 1, i)
		}
	}
}

func registerCasts[F elem](from ctype) {
	for _, to := range allTypes {
		if to == from {
			continue
		}
		name := "cs_cast_" + from.tag + "_" + to.tag
		switch to {
		case tF32:
			references[name] = refCast[F, float32]
		case tF64:
			references[name] = refCast[F, float64]
		case tI32:
			references[name] = refCast[F, int32]
		case tI64:
			references[name] = refCast[F, int64]
		default:
			references[name] = refCast[F, uint8]
		}
	}
}

func refCast[F, To elem](f *fakeDriver, _ launchGeometry, a []any) {
	out, x, n := span[To](f, ptr(a[0])), span[F](f, ptr(a[1])), i64(a[2])
	for i := range n {
		out[i] = convert[To](x[i])
	}
}

// realOf converts as Tensor.Float does.
func realOf[F elem](x F) float64 {
	if v, ok := any(x).(uint8); ok {
		return float64(boolByte(v != 0))
	}
	return float64(x)
}

// convert mirrors cs_conv.
func convert[To, F elem](x F) To {
	var zero To
	switch any(zero).(type) {
	case float32:
		return To(float32(realOf(x)))
	case float64:
		return To(realOf(x))
	case uint8:
		return To(boolByte(realOf(x) != 0))
	case int32:
		switch v := any(x).(type) {
		case float32:
			return To(trunc32(float64(v)))
		case float64:
			return To(trunc32(v))
		case int64:
			return To(int32(v))
		}
		return To(x)
	}
	switch v := any(x).(type) {
	case float32:
		return To(trunc64(float64(v)))
	case float64:
		return To(trunc64(v))
	}
	return To(x)
}

func trunc32(v float64) int32 {
	if math.IsNaN(v) || v >= 2147483648 || v <= -2147483649 {
		return math.MinInt32
	}
	return int32(v)
}

func trunc64(v float64) int64 {
	if math.IsNaN(v) || v >= 9.223372036854775807e18 || v < -9.223372036854775808e18 {
		return math.MinInt64
	}
	return int64(v)
}

func refClip[T int32 | int64 | float32 | float64](f *fakeDriver, _ launchGeometry, a []any) {
	out, x, lo, hi, n := span[T](f, ptr(a[0])), span[T](f, ptr(a[1])), a[2].(T), a[3].(T), i64(a[4])
	for i := range n {
		v := x[i]
		if v < lo {
			v = lo
		}
		if v > hi {
			v = hi
		}
		out[i] = v
	}
}

func refOneHot[T elem](f *fakeDriver, _ launchGeometry, a []any) {
	out, idx, on, off, depth, n := span[T](f, ptr(a[0])), span[int64](f, ptr(a[1])), a[2].(T), a[3].(T), i64(a[4]), i64(a[5])
	for i := range n {
		if idx[i/depth] == i%depth {
			out[i] = on
		} else {
			out[i] = off
		}
	}
}

func refStrided[U uint8 | uint32 | uint64](f *fakeDriver, _ launchGeometry, a []any) {
	out, x, d, n := span[U](f, ptr(a[0])), span[U](f, ptr(a[1])), a[2].(*dims), i64(a[3])
	for i := range n {
		out[i] = at(x, 0, d, 0, i)
	}
}

func refCopyRows[U uint8 | uint32 | uint64](f *fakeDriver, _ launchGeometry, a []any) {
	dst, ds, src, ss := span[U](f, ptr(a[0])), i64(a[1]), span[U](f, ptr(a[2])), i64(a[3])
	rows, cols := i64(a[4]), i64(a[5])
	for r := range rows {
		copy(dst[r*ds:r*ds+cols], src[r*ss:r*ss+cols])
	}
}

func refGather[U uint8 | uint32 | uint64](f *fakeDriver, _ launchGeometry, a []any) {
	out, x, idx, n := span[U](f, ptr(a[0])), span[U](f, ptr(a[1])), span[int64](f, ptr(a[2])), i64(a[3])
	for i := range n {
		out[i] = x[idx[i]]
	}
}

func refScatterAdd[T int32 | int64 | float32 | float64](f *fakeDriver, _ launchGeometry, a []any) {
	out, g, idx, n := span[T](f, ptr(a[0])), span[T](f, ptr(a[1])), span[int64](f, ptr(a[2])), i64(a[3])
	for i := range n {
		out[idx[i]] += g[i]
	}
}

func refMatmul[T int32 | int64](f *fakeDriver, _ launchGeometry, a []any) {
	out, x, y := span[T](f, ptr(a[0])), span[T](f, ptr(a[1])), span[T](f, ptr(a[2]))
	m, n, k, lda, ldb := i64(a[3]), i64(a[4]), i64(a[5]), i64(a[6]), i64(a[7])
	ta, tb := i32(a[8]) != 0, i32(a[9]) != 0
	for i := range m {
		for j := range n {
			var acc T
			for p := range k {
				xi, yi := i*lda+p, p*ldb+j
				if ta {
					xi = p*lda + i
				}
				if tb {
					yi = j*ldb + p
				}
				acc += x[xi] * y[yi]
			}
			out[i*n+j] = acc
		}
	}
}
