package cpu

// DenseGrad32 computes the gradients that a dense layer's bias and
// activation pass back from g, the rows×cols gradient of the layer's
// output y (both row-major and contiguous). With relu set, it writes
// dz = g·float32(y > 0) into dz, the gradient before the ReLU, with
// ReluGrad32's rules for zeros and NaN; without it, dz is g and dz is
// not written (it may be nil). Either way it adds each column's sum of
// dz, accumulated in float64 over the rows in order, to sums (len cols).
// That is the bias gradient, and it matches summing dz on its own
// exactly. The work splits among workers by columns.
func DenseGrad32(dz, g, y []float32, rows, cols int, sums []float64, relu bool) {
	n := rows * cols
	if len(g) != n || len(sums) != cols || relu && (len(dz) != n || len(y) != n) {
		panic("cpu: DenseGrad32 slices do not match rows×cols")
	}
	if cols == 0 {
		return
	}
	grain := max(16, elementGrain/max(rows, 1))
	if Workers(cols, grain) <= 1 {
		denseGradColumns(dz, g, y, rows, cols, sums, relu, 0, cols)
		return
	}
	Parallel(cols/16+1, grain/16+1, func(lo, hi int) {
		denseGradColumns(dz, g, y, rows, cols, sums, relu, min(lo*16, cols), min(hi*16, cols))
	})
}

// denseGradColumns is DenseGrad32 for columns [lo, hi).
func denseGradColumns(dz, g, y []float32, rows, cols int, sums []float64, relu bool, lo, hi int) {
	body := 0
	if active == AVX512 {
		body = (hi - lo) / 16 * 16
	}
	for r := 0; r < rows; r++ {
		at := r*cols + lo
		if body > 0 {
			if relu {
				reluGradSumAVX512(&dz[at], &g[at], &y[at], &sums[lo], body)
			} else {
				columnSumAVX512(&g[at], &sums[lo], body)
			}
		}
		from, to := at+body, r*cols+hi
		acc := sums[lo+body : hi]
		if !relu {
			for j, v := range g[from:to] {
				acc[j] += float64(v)
			}
			continue
		}
		grad, out, outGrad := g[from:to], y[from:to], dz[from:to]
		for j, v := range grad {
			mask := float32(0)
			if out[j] > 0 {
				mask = 1
			}
			outGrad[j] = v * mask
			acc[j] += float64(outGrad[j])
		}
	}
}
