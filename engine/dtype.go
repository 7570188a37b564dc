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
	// Float16 is IEEE 754 binary16. Its values live in float32 storage,
	// each rounded to a binary16 value (see doc.go).
	Float16
)

var dtypeNames = [...]string{
	Float32: "float32",
	Float64: "float64",
	Int32:   "int32",
	Int64:   "int64",
	Bool:    "bool",
	Float16: "float16",
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
func (d DType) IsFloat() bool { return d == Float32 || d == Float64 || d == Float16 }

// IsInt reports whether d is a signed integer dtype.
func (d DType) IsInt() bool { return d == Int32 || d == Int64 }

// Size returns the size of one element in bytes, as NumPy's itemsize
// and checkpoints count it: 2 for Float16, although its values live in
// float32 storage (see storageSize).
func (d DType) Size() int {
	switch d {
	case Float64, Int64:
		return 8
	case Bool:
		return 1
	case Float16:
		return 2
	default:
		return 4
	}
}

// storageSize returns the bytes one element takes in the storage slice:
// Size, except 4 for Float16.
func storageSize(d DType) int {
	if d == Float16 {
		return 4
	}
	return d.Size()
}

// Promote returns the dtype that a binary op on arrays of dtypes a and b
// computes in, as NumPy 1.24's numpy.result_type does: bool < int32 <
// int64 and float16 < float32 < float64 by kind, and an integer with
// float16 or float32 gives float64, because neither holds every int32
// value.
func Promote(a, b DType) DType {
	switch {
	case a == b:
		return a
	case a == Bool:
		return b
	case b == Bool:
		return a
	case a.IsInt() && b.IsInt():
		return Int64
	case a.IsFloat() && b.IsFloat():
		// msRank orders the floats by precision.
		return PromoteMindSpore(a, b)
	default: // an integer with a float
		return Float64
	}
}

// PromoteMindSpore returns the dtype that MindSpore's implicit type
// conversion gives two tensors: the higher of a and b in the order
// bool < int32 < int64 < float16 < float32 < float64, so int64 with
// float32 gives float32 and int32 with float16 gives float16 (MindSpore
// 2.0 "Implicit Type Conversion" rules).
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
	case Float16:
		return 3
	case Float32:
		return 4
	default:
		return 5
	}
}
