package cuda

import "math"

// The fake driver's reference reductions, row softmaxes and losses.

// reducer describes the arithmetic of a reduction over T with
// accumulator A, as Acc, cs_ident, cs_combine and cs_finish define it.
type reducer[T, A elem] struct {
	ident   func(op int32) A
	combine func(op int32, a, b A) A
	finish  func(op int32, acc A, n int64) T
}

// nanMax and nanMin mirror cs_max and cs_min.
func nanMax(a, b float64) float64 {
	switch {
	case a != a:
		return a
	case b != b:
		return b
	case a >= b:
		return a
	}
	return b
}

func nanMin(a, b float64) float64 {
	switch {
	case a != a:
		return a
	case b != b:
		return b
	case a <= b:
		return a
	}
	return b
}

func floatReducer[T float32 | float64]() reducer[T, float64] {
	return reducer[T, float64]{
		ident: func(op int32) float64 {
			switch op {
			case 2:
				return math.Inf(-1)
			case 3:
				return math.Inf(1)
			case 4:
				return 1
			}
			return 0
		},
		combine: func(op int32, a, b float64) float64 {
			switch op {
			case 2:
				return nanMax(a, b)
			case 3:
				return nanMin(a, b)
			case 4:
				return a * b
			}
			return a + b
		},
		finish: func(op int32, acc float64, n int64) T {
			if op != 1 {
				return T(acc)
			}
			var zero T
			if _, ok := any(zero).(float32); ok {
				if n == 0 {
					return T(math.NaN())
				}
				return T(float32(acc) * (1 / float32(n)))
			}
			return T(acc / float64(n))
		},
	}
}

func intReducer[T int32 | int64]() reducer[T, T] {
	return reducer[T, T]{
		ident: func(op int32) T {
			var lowest, highest T = math.MinInt32, math.MaxInt32
			if _, ok := any(lowest).(int64); ok {
				l, h := int64(math.MinInt64), int64(math.MaxInt64)
				lowest, highest = T(l), T(h)
			}
			switch op {
			case 2:
				return lowest
			case 3:
				return highest
			case 4:
				return 1
			}
			return 0
		},
		combine: func(op int32, a, b T) T {
			switch op {
			case 2:
				return max(a, b)
			case 3:
				return min(a, b)
			case 4:
				return a * b
			}
			return a + b
		},
		finish: func(op int32, acc T, n int64) T {
			if op == 1 && n > 0 {
				return acc / T(n)
			}
			return acc
		},
	}
}

// boolReducer handles Max (any) and Min (all) of bools.
func boolReducer() reducer[uint8, int32] {
	r := intReducer[int32]()
	return reducer[uint8, int32]{
		ident:   r.ident,
		combine: r.combine,
		finish: func(op int32, acc int32, n int64) uint8 {
			return boolByte(acc != 0)
		},
	}
}

func (r reducer[T, A]) row(op int32, x []T) A {
	acc := r.ident(op)
	for _, v := range x {
		acc = r.combine(op, acc, A(v))
	}
	return acc
}

func refReduceRows[T, A elem](r reducer[T, A]) refKernel {
	return func(f *fakeDriver, _ launchGeometry, a []any) {
		op, out, x, rows, inner := i32(a[0]), span[T](f, ptr(a[1])), span[T](f, ptr(a[2])), i64(a[3]), i64(a[4])
		for i := range rows {
			out[i] = r.finish(op, r.row(op, x[i*inner:(i+1)*inner]), inner)
		}
	}
}

func refReducePart[T, A elem](r reducer[T, A]) refKernel {
	return func(f *fakeDriver, _ launchGeometry, a []any) {
		op, part, x := i32(a[0]), span[A](f, ptr(a[1])), span[T](f, ptr(a[2]))
		rows, inner, chunk, chunks := i64(a[3]), i64(a[4]), i64(a[5]), i64(a[6])
		for b := range rows * chunks {
			row := b / chunks
			lo := (b - row*chunks) * chunk
			hi := min(lo+chunk, inner)
			part[b] = r.row(op, x[row*inner+lo:row*inner+max(lo, hi)])
		}
	}
}

func refReduceFin[T, A elem](r reducer[T, A]) refKernel {
	return func(f *fakeDriver, _ launchGeometry, a []any) {
		op, out, part := i32(a[0]), span[T](f, ptr(a[1])), span[A](f, ptr(a[2]))
		rows, chunks, inner := i64(a[3]), i64(a[4]), i64(a[5])
		for row := range rows {
			acc := r.ident(op)
			for _, v := range part[row*chunks : (row+1)*chunks] {
				acc = r.combine(op, acc, v)
			}
			out[row] = r.finish(op, acc, inner)
		}
	}
}

func refReduceCols[T, A elem](r reducer[T, A]) refKernel {
	return func(f *fakeDriver, _ launchGeometry, a []any) {
		op, out, x := i32(a[0]), span[T](f, ptr(a[1])), span[T](f, ptr(a[2]))
		outer, inner, post := i64(a[3]), i64(a[4]), i64(a[5])
		for o := range outer {
			for p := range post {
				acc := r.ident(op)
				for j := range inner {
					acc = r.combine(op, acc, A(x[(o*inner+j)*post+p]))
				}
				out[o*post+p] = r.finish(op, acc, inner)
			}
		}
	}
}

// refArgReduce scans each row as the engine's argExtreme does: the first
// NaN, else the first extreme.
func refArgReduce[T elem](f *fakeDriver, _ launchGeometry, a []any) {
	isMax, out, x, rows, inner := i32(a[0]) != 0, span[int64](f, ptr(a[1])), span[T](f, ptr(a[2])), i64(a[3]), i64(a[4])
	for r := range rows {
		row := x[r*inner : (r+1)*inner]
		best, bi := realOf(row[0]), 0
		for i := 1; i < len(row) && !math.IsNaN(best); i++ {
			v := realOf(row[i])
			if math.IsNaN(v) || isMax && v > best || !isMax && v < best {
				best, bi = v, i
			}
		}
		out[r] = int64(bi)
	}
}

// rowLSE mirrors cs_row_lse.
func rowLSE[T float32 | float64](row []T) float64 {
	m := math.Inf(-1)
	for _, v := range row {
		m = nanMax(m, float64(v))
	}
	if math.IsNaN(m) || math.IsInf(m, 0) {
		return m
	}
	var s float64
	for _, v := range row {
		s += math.Exp(float64(v) - m)
	}
	return m + math.Log(s)
}

func countInf[T float32 | float64](row []T) float64 {
	var k float64
	for _, v := range row {
		if math.IsInf(float64(v), 1) {
			k++
		}
	}
	return k
}

func refLogSoftmax[T float32 | float64](f *fakeDriver, _ launchGeometry, a []any) {
	out, x, rows, cols := span[T](f, ptr(a[0])), span[T](f, ptr(a[1])), i64(a[2]), i64(a[3])
	for r := range rows {
		row, o := x[r*cols:(r+1)*cols], out[r*cols:(r+1)*cols]
		lse := rowLSE(row)
		if math.IsInf(lse, 1) {
			k := countInf(row)
			for j, v := range row {
				o[j] = T(math.Inf(-1))
				if math.IsInf(float64(v), 1) {
					o[j] = T(-math.Log(k))
				}
			}
			continue
		}
		for j, v := range row {
			o[j] = T(float64(v) - lse)
		}
	}
}

// refSoftmax mirrors softmax_impl and the engine's Softmax.
func refSoftmax[T float32 | float64](f *fakeDriver, _ launchGeometry, a []any) {
	out, x, rows, cols := span[T](f, ptr(a[0])), span[T](f, ptr(a[1])), i64(a[2]), i64(a[3])
	for r := range rows {
		row, o := x[r*cols:(r+1)*cols], out[r*cols:(r+1)*cols]
		m := math.Inf(-1)
		for _, v := range row {
			m = nanMax(m, float64(v))
		}
		if math.IsInf(m, 1) {
			k := countInf(row)
			for j, v := range row {
				o[j] = 0
				if math.IsInf(float64(v), 1) {
					o[j] = T(1 / k)
				}
			}
			continue
		}
		var s float64
		for _, v := range row {
			s += math.Exp(float64(v) - m)
		}
		for j, v := range row {
			o[j] = T(math.Exp(float64(v)-m) / s)
		}
	}
}

func refLogSumExp[T float32 | float64](f *fakeDriver, _ launchGeometry, a []any) {
	out, x, rows, cols := span[T](f, ptr(a[0])), span[T](f, ptr(a[1])), i64(a[2]), i64(a[3])
	for r := range rows {
		out[r] = T(rowLSE(x[r*cols : (r+1)*cols]))
	}
}

func refProdGrad[T float32 | float64](f *fakeDriver, _ launchGeometry, a []any) {
	out, work, x, g := span[T](f, ptr(a[0])), span[float64](f, ptr(a[1])), span[T](f, ptr(a[2])), span[T](f, ptr(a[3]))
	outer, inner := i64(a[4]), i64(a[5])
	for o := range outer {
		row := x[o*inner : (o+1)*inner]
		suffix := work[o*(inner+1) : (o+1)*(inner+1)]
		suffix[inner] = 1
		for i := inner - 1; i >= 0; i-- {
			suffix[i] = suffix[i+1] * float64(row[i])
		}
		prefix, gv := 1.0, float64(g[o])
		for i, v := range row {
			out[o*inner+int64(i)] = T(gv * prefix * suffix[i+1])
			prefix *= float64(v)
		}
	}
}

func sign[T float32 | float64](x T) T {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return x
}

// lossElem mirrors cs_loss1. The conversions round each product before
// it is added, so the compiler cannot fuse them.
func lossElem[T float32 | float64](kind int32, xv, yv, scale, beta, halfBeta, quadGrad T) (l, g T) {
	d := xv - yv
	abs := T(math.Abs(float64(d)))
	switch {
	case kind == 0:
		return abs, scale * sign(d)
	case kind == 1:
		return d * d, scale * (d + d)
	case abs < beta:
		return T(0.5) * T(abs*abs) / beta, T(quadGrad*(abs+abs)) * sign(d)
	}
	return abs - halfBeta, scale * sign(d)
}

// blockOf returns the block that handles element i of a grid-stride
// loop.
func blockOf(g launchGeometry, i int64) int64 {
	return i / int64(g.block[0]) % int64(g.grid[0])
}

func refLoss[T float32 | float64](f *fakeDriver, g launchGeometry, a []any) {
	kind, dx, part := i32(a[0]), span[T](f, ptr(a[1])), span[float64](f, ptr(a[2]))
	x, y := span[T](f, ptr(a[3])), span[T](f, ptr(a[4]))
	scale, beta, halfBeta, quadGrad, n := a[5].(T), a[6].(T), a[7].(T), a[8].(T), i64(a[9])
	clear(part[:g.grid[0]])
	for i := range n {
		l, gv := lossElem(kind, x[i], y[i], scale, beta, halfBeta, quadGrad)
		part[blockOf(g, i)] += float64(l)
		if dx != nil {
			dx[i] = gv
		}
	}
}

func refLossFin[T float32 | float64](f *fakeDriver, _ launchGeometry, a []any) {
	out, part, mean, parts, n := span[T](f, ptr(a[0])), span[float64](f, ptr(a[1])), i32(a[2]) != 0, i64(a[3]), i64(a[4])
	var s float64
	for _, v := range part[:parts] {
		s += v
	}
	var zero T
	switch _, f32 := any(zero).(float32); {
	case !mean:
		out[0] = T(s)
	case f32:
		out[0] = T(float32(s) * (1 / float32(n)))
	default:
		out[0] = T(s / float64(n))
	}
}

// refBCE mirrors bce_impl and cpu.BCE32's reference path.
func refBCE(f *fakeDriver, g launchGeometry, a []any) {
	dx, part, x, y := span[float32](f, ptr(a[0])), span[float64](f, ptr(a[1])), span[float32](f, ptr(a[2])), span[float32](f, ptr(a[3]))
	scale, n := a[4].(float32), i64(a[5])
	const eps float32 = 1e-12
	clear(part[:g.grid[0]])
	for i := range n {
		xv, yv := x[i], y[i]
		p := xv + eps
		q := (1 - xv) + eps
		lp := float32(math.Log(float64(p)))
		lq := float32(math.Log(float64(q)))
		part[blockOf(g, i)] += float64(-(float32(yv*lp) + float32((1-yv)*lq)))
		if dx != nil {
			dx[i] = float32((-scale*yv)/p) - float32((-scale*(1-yv))/q)
		}
	}
}

// refXent mirrors xent_impl and cpu.SoftmaxXent32's reference path.
func refXent(f *fakeDriver, _ launchGeometry, a []any) {
	loss, grad, x := span[float32](f, ptr(a[0])), span[float32](f, ptr(a[1])), span[float32](f, ptr(a[2]))
	labels, scales, scale := span[int64](f, ptr(a[3])), span[float32](f, ptr(a[4])), a[5].(float32)
	rows, cols := i64(a[6]), i64(a[7])
	for r := range rows {
		row := x[r*cols : (r+1)*cols]
		lse := rowLSE(row)
		inf := math.IsInf(lse, 1)
		k := countInf(row)
		logp := func(v float32) float32 {
			switch {
			case !inf:
				return float32(float64(v) - lse)
			case math.IsInf(float64(v), 1):
				return float32(-math.Log(k))
			}
			return float32(math.Inf(-1))
		}
		sc := scale
		if scales != nil {
			sc = scales[r]
		}
		if grad != nil {
			g := grad[r*cols : (r+1)*cols]
			for j, v := range row {
				g[j] = float32(float32(math.Exp(float64(logp(v)))) * sc)
			}
			g[labels[r]] -= sc
		}
		loss[r] = -logp(row[labels[r]])
	}
}
