package engine

// The row kernels below reduce rows of inner contiguous elements, one row
// per element of d.

// reduceFloatRows accumulates sums and products in float64, so float32
// results are rounded once; float64 sums use pairwise summation. Max and
// Min propagate NaN.
func reduceFloatRows[T float32 | float64](k redOp, d, s []T, inner int) {
	for o := range d {
		row := s[o*inner : (o+1)*inner]
		switch k {
		case redSum:
			d[o] = T(sumFloat(row))
		case redMean:
			d[o] = meanOf(row, inner)
		case redProd:
			p := 1.0
			for _, v := range row {
				p *= float64(v)
			}
			d[o] = T(p)
		default:
			d[o] = extremeFloat(k == redMax, row)
		}
	}
}

// meanOf divides the float64-accumulated sum by the count. For float32
// it follows MindSpore's ReduceMean: the sum rounded to float32 times
// float32(1/n), in float32, which prints 0.03333334 for
// mean([0, 0, 0.10000001]) where dividing gives 0.033333335. An empty
// row gives NaN (0/0), as NumPy does.
func meanOf[T float32 | float64](row []T, n int) T {
	s := sumFloat(row)
	if _, ok := any(row).([]float32); ok && n > 0 {
		return T(float32(s) * (1 / float32(n)))
	}
	return T(s / float64(n))
}

func sumFloat[T float32 | float64](row []T) float64 {
	if r, ok := any(row).([]float64); ok {
		return PairwiseSum(r)
	}
	var acc float64
	for _, v := range row {
		acc += float64(v)
	}
	return acc
}

// PairwiseSum adds s in T's precision with NumPy's pairwise summation,
// whose error bound grows with log(len(s)) instead of len(s): fewer than
// 8 values are added in order, blocks of up to 128 use eight running sums
// combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), and longer slices
// split at a multiple of 8 near the middle. For float32 the result
// equals numpy.sum of a contiguous float32 array bit for bit.
func PairwiseSum[T float32 | float64](s []T) T {
	n := len(s)
	if n < 8 {
		var acc T
		for _, v := range s {
			acc += v
		}
		return acc
	}
	if n <= 128 {
		var r [8]T
		copy(r[:], s[:8])
		i := 8
		for ; i+8 <= n; i += 8 {
			for j := range r {
				r[j] += s[i+j]
			}
		}
		acc := ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
		for ; i < n; i++ {
			acc += s[i]
		}
		return acc
	}
	half := n / 2
	half -= half % 8
	return PairwiseSum(s[:half]) + PairwiseSum(s[half:])
}

func extremeFloat[T float32 | float64](isMax bool, row []T) T {
	best := row[0]
	for _, v := range row[1:] {
		if v != v {
			return v
		}
		if (isMax && v > best) || (!isMax && v < best) {
			best = v
		}
	}
	return best
}

// reduceIntRows wraps on overflow, as NumPy's integer reductions do. The
// mean of an integer row is rounded toward zero; the exported Mean
// rejects integer input before it gets here.
func reduceIntRows[T int32 | int64](k redOp, d, s []T, inner int) {
	for o := range d {
		row := s[o*inner : (o+1)*inner]
		switch k {
		case redSum, redMean:
			var acc T
			for _, v := range row {
				acc += v
			}
			if k == redMean && inner > 0 {
				acc /= T(inner)
			}
			d[o] = acc
		case redProd:
			var acc T = 1
			for _, v := range row {
				acc *= v
			}
			d[o] = acc
		case redMax:
			d[o] = row[0]
			for _, v := range row[1:] {
				d[o] = max(d[o], v)
			}
		default:
			d[o] = row[0]
			for _, v := range row[1:] {
				d[o] = min(d[o], v)
			}
		}
	}
}

// reduceBoolRows computes Max as any and Min as all; reduceRaw casts bool
// input to int64 for the other reductions.
func reduceBoolRows(k redOp, d, s []bool, inner int) {
	for o := range d {
		row := s[o*inner : (o+1)*inner]
		d[o] = k == redMin
		for _, v := range row {
			if v != d[o] {
				d[o] = v
				break
			}
		}
	}
}
