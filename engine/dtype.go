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

// Promote returns the dtype that a binary op on arrays of dtypes a and b
// computes in, as numpy.result_type does: bool < int32 < int64 and
// float32 < float64, and an integer with float32 gives float64 because
// float32 cannot hold every int32 value.
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
	case a.IsInt() && b.IsInt():
		return Int64
	default: // float64 with anything, or float32 with an integer
		return Float64
	}
}

// PromoteMindSpore returns the dtype that MindSpore's implicit type
// conversion gives two tensors: the higher of a and b in the order
// bool < int32 < int64 < float32 < float64, so int64 with float32 gives
// float32 (MindSpore 2.0 "Implicit Type Conversion" rules).
func PromoteMindSpore(a, b DType) DType {
	if msRank(a) >= msRank(b) {
		return a
	}
	return b
}

func msRank(d DType) int {
	switch d {
	case Bool:
		return 0
	case Int32:
		return 1
	case Int64:
		return 2
	case Float32:
		return 3
	default:
		return 4
	}
}
