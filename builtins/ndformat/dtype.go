package ndformat

import (
	"fmt"
	"sort"
	"strings"
)

// Kind is the element family of a dtype, which selects the Array slice
// that holds the values.
type Kind int

// The element families that NumPy formats differently.
const (
	// Bool elements live in Array.Bool.
	Bool Kind = iota
	// Int elements (int8 to int64, uint8 to uint64) live in Array.Int.
	Int
	// Float elements (float16, float32, float64) live in Array.Float.
	Float
)

// String returns the lower-case name of the kind.
func (k Kind) String() string {
	switch k {
	case Bool:
		return "bool"
	case Int:
		return "int"
	case Float:
		return "float"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// dtypeInfo describes one NumPy dtype.
type dtypeInfo struct {
	kind Kind
	// bits is the storage width: 16, 32 or 64 for floats, 8 to 64 for
	// integers and 8 for bool.
	bits int
	// unsigned marks uint8 to uint64.
	unsigned bool
}

var dtypes = map[string]dtypeInfo{
	"bool":    {kind: Bool, bits: 8},
	"int8":    {kind: Int, bits: 8},
	"int16":   {kind: Int, bits: 16},
	"int32":   {kind: Int, bits: 32},
	"int64":   {kind: Int, bits: 64},
	"uint8":   {kind: Int, bits: 8, unsigned: true},
	"uint16":  {kind: Int, bits: 16, unsigned: true},
	"uint32":  {kind: Int, bits: 32, unsigned: true},
	"uint64":  {kind: Int, bits: 64, unsigned: true},
	"float16": {kind: Float, bits: 16},
	"float32": {kind: Float, bits: 32},
	"float64": {kind: Float, bits: 64},
}

// DTypeKind returns the kind of a NumPy dtype name such as "float32".
func DTypeKind(dtype string) (Kind, error) {
	info, err := lookupDType(dtype)
	if err != nil {
		return 0, err
	}
	return info.kind, nil
}

func lookupDType(dtype string) (dtypeInfo, error) {
	info, ok := dtypes[dtype]
	if !ok {
		return dtypeInfo{}, fmt.Errorf("ndformat: unknown dtype %q, want one of %s", dtype, dtypeNames())
	}
	return info, nil
}

func dtypeNames() string {
	names := make([]string, 0, len(dtypes))
	for name := range dtypes {
		names = append(names, name)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// isImpliedDType reports whether repr omits "dtype=" for a non-empty array.
// NumPy 1.24 on 64-bit Linux omits it for its default types: int64 (int_),
// float64 (float_) and bool.
func isImpliedDType(dtype string) bool {
	return dtype == "int64" || dtype == "float64" || dtype == "bool"
}
