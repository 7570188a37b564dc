package ndformat

import (
	"fmt"
	"math"
	"strconv"
)

// ScalarStr returns str() of a NumPy scalar of the given dtype, such as
// str(np.float32(v)). Bool dtypes print v != 0, and integer dtypes print v
// truncated toward zero. NumPy 1.24 prints floats as the shortest string
// that round-trips at the dtype's width: positional with at least one
// fraction digit when |v| is zero or in [1e-4, 1e16), scientific with
// the point and trailing zeros dropped otherwise.
func ScalarStr(dtype string, v float64) (string, error) {
	info, err := lookupDType(dtype)
	if err != nil {
		return "", err
	}
	switch info.kind {
	case Bool:
		return boolStr(v != 0), nil
	case Int:
		return scalarIntStr(dtype, info, v)
	}
	return floatScalarStr(roundToWidth(v, info.bits), info.bits), nil
}

// ScalarRepr returns repr() of a NumPy scalar. NumPy 1.24 prints the same
// text as str() for bool, integer and float scalars.
func ScalarRepr(dtype string, v float64) (string, error) {
	return ScalarStr(dtype, v)
}

func scalarIntStr(dtype string, info dtypeInfo, v float64) (string, error) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "", fmt.Errorf("ndformat: %s scalar value %v is not finite, pass a finite value", dtype, v)
	}
	v = math.Trunc(v)
	limit := math.Ldexp(1, info.bits)
	low := 0.0
	if !info.unsigned {
		limit /= 2
		low = -limit
	}
	if v < low || v >= limit {
		return "", fmt.Errorf("ndformat: value %v is out of range for %s, pass a value in [%v, %v)", v, dtype, low, limit)
	}
	if info.unsigned {
		return strconv.FormatUint(uint64(v), 10), nil
	}
	return strconv.FormatInt(int64(v), 10), nil
}

// floatScalarStr formats v as NumPy 1.24's str() of a float scalar of the
// given width, as in scalartypes.c.src.
func floatScalarStr(v float64, width int) string {
	switch {
	case math.IsNaN(v):
		return "nan"
	case math.IsInf(v, 1):
		return "inf"
	case math.IsInf(v, -1):
		return "-inf"
	}
	unset := dragon4Options{precision: -1, minDigits: -1, padLeft: -1, padRight: -1, expDigits: -1}
	if a := math.Abs(v); a == 0 || (a >= 1e-4 && a < 1e16) {
		unset.trim = trimLeaveOneZero
		return string(appendPositional(nil, v, width, unset, true))
	}
	unset.trim = trimPointAndZeros
	return string(appendScientific(nil, v, width, unset))
}

func boolStr(b bool) string {
	if b {
		return "True"
	}
	return "False"
}
