package train

import "github.com/cellscript/cellscript/engine"

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
	return engine.PairwiseSum(row) / float32(len(row))
}
