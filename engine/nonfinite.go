package engine

import "math"

// FirstNonFinite returns the flat index of the first NaN or infinity in
// t, or -1 when every element is finite. Integer and bool tensors are
// always finite.
func FirstNonFinite(t *Tensor) int {
	switch s := t.Data().(type) {
	case []float32:
		for i, v := range s {
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				return i
			}
		}
	case []float64:
		for i, v := range s {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return i
			}
		}
	}
	return -1
}

// NonFiniteOrigin returns the name of the op that introduced a NaN or an
// infinity into y: the first op, in the order the recorded graph of y
// computed them, whose output holds one while its inputs do not. It
// returns "" when y is finite or was computed without a recorded graph,
// and "input" when a tensor that no recorded op produced (a parameter
// or the data) already held one.
func NonFiniteOrigin(y *Tensor) string {
	if FirstNonFinite(y) < 0 {
		return ""
	}
	for _, t := range topoOrder(y) {
		if t.node == nil {
			if FirstNonFinite(t) >= 0 {
				return "input"
			}
			continue
		}
		if FirstNonFinite(t) < 0 {
			continue
		}
		for _, in := range t.node.inputs {
			if in != nil && FirstNonFinite(in) >= 0 {
				return "input"
			}
		}
		return t.node.op
	}
	return ""
}
