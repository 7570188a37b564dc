package engine

import "fmt"

// DType is the element type of a tensor.
type DType uint8

// The supported dtypes. The zero value is invalid, so a forgotten dtype
// is caught instead of silently meaning float32.
const (
	Float32 DType = iota + 1
	Float64
	Int32
	Int64
	Bool
)

var dtypeNames = [...]string{
	Float32: "float32",
	Float64: "float64",
	Int32:   "int32",
	Int64:   "int64",
	Bool:    "bool",
}

// String returns the NumPy name of the dtype ("float32").
func (d DType) String() string {
	if int(d) < len(dtypeNames) && dtypeNames[d] != "" {
		return dtypeNames[d]
	}
	return fmt.Sprintf("DType(%d)", uint8(d))
}

// ParseDType returns the dtype with the given NumPy name.
func ParseDType(name string) (DType, bool) {
	for i, n := range dtypeNames {
		if n == name && n != "" {
			return DType(i), true
		}
	}
	return 0, false
}

// IsFloat reports whether d is a floating-point dtype.
func (d DType) IsFloat() bool { return d == Float32 || d == Float64 }

// IsInt reports whether d is a signed integer dtype.
func (d DType) IsInt() bool { return d == Int32 || d == Int64 }

// Size returns the size of one element in bytes.
func (d DType) Size() int {
	switch d {
	case Float64, Int64:
		return 8
	case Bool:
		return 1
	default:
		return 4
	}
}

// Promote returns the dtype that a binary op on a and b computes in,
// following NumPy's rules for arrays: bool < int32 < int64 < float32 <
// float64, except that int64 with float32 gives float64.
func Promote(a, b DType) DType {
	if a == b {
		return a
	}
	if a > b {
		a, b = b, a
	}
	// Now a < b in the enum order Float32 < Float64 < Int32 < Int64 < Bool.
	switch {
	case b == Bool:
		return a
	case a.IsFloat() && b.IsFloat():
		return Float64
	case a.IsInt() && b.IsInt():
		return Int64
	case a == Float32 && b == Int64:
		return Float64
	default: // a float, b int32
		return a
	}
}
