package train

// meanFloat32 returns numpy.mean of a float32 array: NumPy adds float32
// values in float32 with its pairwise summation and divides the sum by
// the count in float32. Accumulating in float64 and rounding once gives
// a different last digit for some inputs (the mean of
// [4.1021876, 5.0890627, 6.0759377, 7.062813] is 5.5825 in NumPy 1.24
// and 5.5825005 when rounded once).
func meanFloat32(values []float64) float32 {
	row := make([]float32, len(values))
	for i, v := range values {
		row[i] = float32(v)
	}
	return pairwiseSum32(row) / float32(len(row))
}

// pairwiseSum32 follows NumPy's pairwise_sum for float32: fewer than 8
// values are added in order, blocks of up to 128 values use eight
// running sums combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), and
// longer rows split at a multiple of 8 near the middle.
func pairwiseSum32(s []float32) float32 {
	n := len(s)
	if n < 8 {
		var acc float32
		for _, v := range s {
			acc += v
		}
		return acc
	}
	if n <= 128 {
		var r [8]float32
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
	return pairwiseSum32(s[:half]) + pairwiseSum32(s[half:])
}
