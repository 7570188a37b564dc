package checkpoint

import (
	"encoding/binary"
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/cellscript/cellscript/engine"
)

// Entry is one named value of a checkpoint: a tensor, or a string that
// MindSpore stores for append_dict entries (tensor_type "str").
type Entry struct {
	Name   string
	Tensor *engine.Tensor // nil for a string entry
	Str    string
}

// typeNames maps engine dtypes to MindSpore's tensor_type strings.
var typeNames = map[engine.DType]string{
	engine.Float32: "Float32",
	engine.Float64: "Float64",
	engine.Int32:   "Int32",
	engine.Int64:   "Int64",
	engine.Bool:    "Bool",
	engine.Float16: "Float16",
}

// Encode serializes entries as a MindSpore .ckpt file. A 0-d tensor is
// written with dims [0], as MindSpore writes scalars.
func Encode(entries []Entry) ([]byte, error) {
	var out []byte
	for _, e := range entries {
		v, err := toRaw(e)
		if err != nil {
			return nil, err
		}
		out = encodeValue(out, v)
	}
	return out, nil
}

func toRaw(e Entry) (rawValue, error) {
	if e.Tensor == nil {
		return rawValue{tag: e.Name, dims: []int64{0}, dtype: "str", content: utf32(e.Str)}, nil
	}
	t := e.Tensor
	name, ok := typeNames[t.DType()]
	if !ok {
		return rawValue{}, fmt.Errorf("parameter '%s' has dtype %s, which a checkpoint cannot store", e.Name, t.DType())
	}
	v := rawValue{tag: e.Name, dtype: name}
	if t.Rank() == 0 {
		v.dims = []int64{0}
	}
	for _, d := range t.Shape() {
		v.dims = append(v.dims, int64(d))
	}
	v.content = tensorBytes(t)
	return v, nil
}

// tensorBytes returns the little-endian bytes of t's elements, as
// numpy's tobytes() writes them on little-endian machines: 2 bytes per
// float16 element.
func tensorBytes(t *engine.Tensor) []byte {
	var b []byte
	if t.DType() == engine.Float16 {
		for _, h := range t.HalfBits() {
			b = binary.LittleEndian.AppendUint16(b, h)
		}
		return append([]byte{}, b...)
	}
	switch s := t.Data().(type) {
	case []float32:
		for _, x := range s {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
		}
	case []float64:
		for _, x := range s {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
		}
	case []int32:
		for _, x := range s {
			b = binary.LittleEndian.AppendUint32(b, uint32(x))
		}
	case []int64:
		for _, x := range s {
			b = binary.LittleEndian.AppendUint64(b, uint64(x))
		}
	case []bool:
		for _, x := range s {
			if x {
				b = append(b, 1)
			} else {
				b = append(b, 0)
			}
		}
	}
	if b == nil {
		b = []byte{}
	}
	return b
}

// utf32 encodes s as NumPy stores a str array: UTF-32 little-endian.
func utf32(s string) []byte {
	var b []byte
	for _, r := range s {
		b = binary.LittleEndian.AppendUint32(b, uint32(r))
	}
	if b == nil {
		b = []byte{}
	}
	return b
}

// Decode parses the bytes of a .ckpt file into its entries, in file
// order. Consecutive values with the same tag are the slices of one
// tensor and are joined. Decode returns an error, never a partial
// result, for a truncated, corrupted or foreign file.
func Decode(data []byte) ([]Entry, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("the file is empty")
	}
	raws, err := decodeCheckpoint(data)
	if err != nil {
		return nil, err
	}
	raws, err = joinSlices(raws)
	if err != nil {
		return nil, err
	}
	out := make([]Entry, 0, len(raws))
	seen := map[string]bool{}
	for _, v := range raws {
		if seen[v.tag] {
			return nil, fmt.Errorf("the file stores '%s' twice", v.tag)
		}
		seen[v.tag] = true
		e, err := fromRaw(v)
		if err != nil {
			return nil, fmt.Errorf("entry '%s': %v", v.tag, err)
		}
		out = append(out, e)
	}
	return out, nil
}

// joinSlices concatenates the contents of consecutive values that share
// a tag, as MindSpore's load_checkpoint does for split tensors.
func joinSlices(raws []rawValue) ([]rawValue, error) {
	var out []rawValue
	for _, v := range raws {
		n := len(out)
		if n == 0 || out[n-1].tag != v.tag {
			out = append(out, v)
			continue
		}
		last := &out[n-1]
		if last.dtype != v.dtype {
			return nil, fmt.Errorf("the slices of '%s' have tensor types %s and %s", v.tag, last.dtype, v.dtype)
		}
		last.content = append(append([]byte(nil), last.content...), v.content...)
		last.dims = v.dims
	}
	return out, nil
}

// elementSizes lists the tensor_type strings MindSpore writes (both the
// 1.x spelling "Uint8" and the 2.x spelling "UInt8") with their element
// sizes in bytes.
var elementSizes = map[string]int{
	"Bool": 1, "Int8": 1, "UInt8": 1, "Uint8": 1,
	"Int16": 2, "UInt16": 2, "Uint16": 2, "Float16": 2, "BFloat16": 2,
	"Int32": 4, "UInt32": 4, "Uint32": 4, "Float32": 4,
	"Int64": 8, "UInt64": 8, "Uint64": 8, "Float64": 8,
}

func fromRaw(v rawValue) (Entry, error) {
	if v.dtype == "str" {
		return decodeString(v)
	}
	size, ok := elementSizes[v.dtype]
	if !ok {
		return Entry{}, fmt.Errorf("unknown tensor_type %q", v.dtype)
	}
	if len(v.content)%size != 0 {
		return Entry{}, fmt.Errorf("tensor_content has %d bytes, not a multiple of the %d-byte %s element", len(v.content), size, v.dtype)
	}
	n := len(v.content) / size
	shape, err := shapeOf(v.dims, n)
	if err != nil {
		return Entry{}, err
	}
	t, err := decodeElements(v.dtype, v.content, n, shape)
	if err != nil {
		return Entry{}, err
	}
	return Entry{Name: v.tag, Tensor: t}, nil
}

// shapeOf applies MindSpore's reading of dims: [0] is a scalar, [1] is
// a 1-D tensor of whatever length the content has, and anything else is
// the shape, whose size must match the content.
func shapeOf(dims []int64, n int) ([]int, error) {
	if len(dims) == 1 && dims[0] == 0 {
		if n != 1 {
			return nil, fmt.Errorf("dims [0] marks a scalar but tensor_content holds %d elements", n)
		}
		return []int{}, nil
	}
	if len(dims) == 1 && dims[0] == 1 {
		return []int{n}, nil
	}
	shape := make([]int, len(dims))
	total := int64(1)
	for i, d := range dims {
		if d < 0 || d > math.MaxInt32 {
			return nil, fmt.Errorf("dimension %d is %d", i, d)
		}
		shape[i] = int(d)
		if d != 0 && total > math.MaxInt64/d {
			return nil, fmt.Errorf("dims %v overflow", dims)
		}
		total *= d
	}
	if total != int64(n) {
		return nil, fmt.Errorf("dims %v need %d elements but tensor_content holds %d", dims, total, n)
	}
	return shape, nil
}

// decodeElements converts little-endian elements into an engine tensor.
// Types the engine lacks widen exactly: 8- and 16-bit integers and
// UInt16 to int32, UInt32 to int64, BFloat16 to float32. Float16 stays
// float16.
// UInt64 values above the int64 range are an error.
func decodeElements(dtype string, b []byte, n int, shape []int) (*engine.Tensor, error) {
	le := binary.LittleEndian
	switch dtype {
	case "Float32":
		out := make([]float32, n)
		for i := range out {
			out[i] = math.Float32frombits(le.Uint32(b[4*i:]))
		}
		return engine.FromFloat32(out, shape...)
	case "Float64":
		out := make([]float64, n)
		for i := range out {
			out[i] = math.Float64frombits(le.Uint64(b[8*i:]))
		}
		return engine.FromFloat64(out, shape...)
	case "Float16":
		out := make([]uint16, n)
		for i := range out {
			out[i] = le.Uint16(b[2*i:])
		}
		return engine.FromHalfBits(out, shape...)
	case "BFloat16":
		out := make([]float32, n)
		for i := range out {
			out[i] = halfToFloat32(dtype, le.Uint16(b[2*i:]))
		}
		return engine.FromFloat32(out, shape...)
	case "Bool":
		out := make([]bool, n)
		for i := range out {
			out[i] = b[i] != 0
		}
		return engine.FromBool(out, shape...)
	case "Int64", "UInt64", "Uint64":
		out := make([]int64, n)
		for i := range out {
			u := le.Uint64(b[8*i:])
			if dtype != "Int64" && u > math.MaxInt64 {
				return nil, fmt.Errorf("UInt64 element %d is %d, beyond the int64 range", i, u)
			}
			out[i] = int64(u)
		}
		return engine.FromInt64(out, shape...)
	case "UInt32", "Uint32":
		out := make([]int64, n)
		for i := range out {
			out[i] = int64(le.Uint32(b[4*i:]))
		}
		return engine.FromInt64(out, shape...)
	}
	out := make([]int32, n)
	for i := range out {
		out[i] = smallInt(dtype, b, i)
	}
	return engine.FromInt32(out, shape...)
}

func smallInt(dtype string, b []byte, i int) int32 {
	le := binary.LittleEndian
	switch dtype {
	case "Int8":
		return int32(int8(b[i]))
	case "UInt8", "Uint8":
		return int32(b[i])
	case "Int16":
		return int32(int16(le.Uint16(b[2*i:])))
	case "UInt16", "Uint16":
		return int32(le.Uint16(b[2*i:]))
	}
	return int32(le.Uint32(b[4*i:]))
}

// halfToFloat32 widens an IEEE binary16 or a bfloat16 bit pattern.
func halfToFloat32(dtype string, h uint16) float32 {
	if dtype == "BFloat16" {
		return math.Float32frombits(uint32(h) << 16)
	}
	sign := uint32(h>>15) << 31
	exp := uint32(h>>10) & 0x1f
	frac := uint32(h) & 0x3ff
	switch {
	case exp == 0x1f:
		return math.Float32frombits(sign | 0xff<<23 | frac<<13)
	case exp == 0 && frac == 0:
		return math.Float32frombits(sign)
	case exp == 0:
		// A subnormal half is frac * 2^-24, exact in float32.
		f := float32(frac) * float32(math.Ldexp(1, -24))
		if sign != 0 {
			f = -f
		}
		return f
	}
	return math.Float32frombits(sign | (exp+112)<<23 | frac<<13)
}

func decodeString(v rawValue) (Entry, error) {
	if len(v.content)%4 != 0 {
		return Entry{}, fmt.Errorf("a str value needs UTF-32 content, a multiple of 4 bytes, got %d", len(v.content))
	}
	runes := make([]rune, 0, len(v.content)/4)
	for i := 0; i < len(v.content); i += 4 {
		r := rune(binary.LittleEndian.Uint32(v.content[i:]))
		if r == 0 {
			break // NumPy pads shorter strings of a str array with NULs
		}
		if !utf8.ValidRune(r) {
			return Entry{}, fmt.Errorf("str content holds the invalid code point %#x", uint32(r))
		}
		runes = append(runes, r)
	}
	return Entry{Name: v.tag, Str: string(runes)}, nil
}
