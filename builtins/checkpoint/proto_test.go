package checkpoint

import (
	"bytes"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/engine"
)

// handBytes is a checkpoint assembled byte by byte from checkpoint.proto:
// value "w" is a (2, 3) Float32 tensor holding 1..6 and value
// "global_step" an Int32 scalar 7 (dims [0]).
var handBytes = []byte{
	0x0a, 0x2c, // Checkpoint.value, 44 bytes
	0x0a, 0x01, 'w', // Value.tag
	0x12, 0x27, // Value.tensor, 39 bytes
	0x08, 0x02, 0x08, 0x03, // TensorProto.dims 2, 3 (unpacked)
	0x12, 0x07, 'F', 'l', 'o', 'a', 't', '3', '2', // tensor_type
	0x1a, 0x18, // tensor_content, 24 bytes
	0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x40, 0x40,
	0x00, 0x00, 0x80, 0x40, 0x00, 0x00, 0xa0, 0x40, 0x00, 0x00, 0xc0, 0x40,

	0x0a, 0x1e, // Checkpoint.value, 30 bytes
	0x0a, 0x0b, 'g', 'l', 'o', 'b', 'a', 'l', '_', 's', 't', 'e', 'p',
	0x12, 0x0f, // Value.tensor, 15 bytes
	0x08, 0x00, // dims [0]: a scalar
	0x12, 0x05, 'I', 'n', 't', '3', '2',
	0x1a, 0x04, 0x07, 0x00, 0x00, 0x00,
}

func TestDecodeHandAssembledBytes(t *testing.T) {
	entries, err := Decode(handBytes)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 {
		t.Fatalf("got %d entries, want 2", len(entries))
	}
	w := entries[0]
	if w.Name != "w" || w.Tensor.DType() != engine.Float32 || engine.FormatShape(w.Tensor.Shape()) != "(2, 3)" {
		t.Fatalf("entry 0 = %s %v, want w float32 (2, 3)", w.Name, w.Tensor)
	}
	for i, want := range []float32{1, 2, 3, 4, 5, 6} {
		if got := w.Tensor.F32()[i]; got != want {
			t.Errorf("w[%d] = %v, want %v", i, got, want)
		}
	}
	step := entries[1]
	if step.Name != "global_step" || step.Tensor.DType() != engine.Int32 || step.Tensor.Rank() != 0 {
		t.Fatalf("entry 1 = %s %v, want a 0-d int32 global_step", step.Name, step.Tensor)
	}
	if got := step.Tensor.I32()[0]; got != 7 {
		t.Errorf("global_step = %d, want 7", got)
	}
}

func TestEncodeMatchesHandAssembledBytes(t *testing.T) {
	w, _ := engine.FromFloat32([]float32{1, 2, 3, 4, 5, 6}, 2, 3)
	step, _ := engine.FromInt32([]int32{7}, []int{}...)
	got, err := Encode([]Entry{{Name: "w", Tensor: w}, {Name: "global_step", Tensor: step}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, handBytes) {
		t.Errorf("Encode =\n% x\nwant\n% x", got, handBytes)
	}
}

func TestRoundTripEveryDType(t *testing.T) {
	f64, _ := engine.FromFloat64([]float64{-1.5, 2.25e300}, 2)
	i64, _ := engine.FromInt64([]int64{-9007199254740993, 1 << 62}, 1, 2)
	b, _ := engine.FromBool([]bool{true, false, true}, 3, 1)
	empty, _ := engine.FromFloat32([]float32{}, 0, 4)
	f16, _ := engine.FromHalfBits([]uint16{0x3c00, 0xc000, 0x2e66, 0x0001}, 2, 2)
	in := []Entry{
		{Name: "f64", Tensor: f64},
		{Name: "f16", Tensor: f16},
		{Name: "i64", Tensor: i64},
		{Name: "mask", Tensor: b},
		{Name: "empty", Tensor: empty},
		{Name: "note", Str: "dataset: iris"},
	}
	data, err := Encode(in)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(in) {
		t.Fatalf("got %d entries, want %d", len(out), len(in))
	}
	for i := range in {
		if out[i].Name != in[i].Name {
			t.Errorf("entry %d name = %q, want %q", i, out[i].Name, in[i].Name)
		}
		if in[i].Tensor == nil {
			if out[i].Str != in[i].Str {
				t.Errorf("entry %s = %q, want %q", in[i].Name, out[i].Str, in[i].Str)
			}
			continue
		}
		a, b := in[i].Tensor, out[i].Tensor
		if a.DType() != b.DType() || engine.FormatShape(a.Shape()) != engine.FormatShape(b.Shape()) {
			t.Errorf("entry %s = %v, want %v", in[i].Name, b, a)
			continue
		}
		for k := 0; k < a.Numel(); k++ {
			if a.Float(k) != b.Float(k) {
				t.Errorf("entry %s[%d] = %v, want %v", in[i].Name, k, b.Float(k), a.Float(k))
			}
		}
	}
}

func TestDecodeWidensNarrowTypes(t *testing.T) {
	cases := []struct {
		dtype   string
		content []byte
		want    []float64
	}{
		{"Int8", []byte{0xff, 0x05}, []float64{-1, 5}},
		{"UInt8", []byte{0xff, 0x05}, []float64{255, 5}},
		{"Uint16", []byte{0xff, 0xff, 0x01, 0x00}, []float64{65535, 1}},
		{"Int16", []byte{0xfe, 0xff, 0x01, 0x00}, []float64{-2, 1}},
		{"UInt32", []byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0}, []float64{4294967295, 0}},
		// IEEE half 0x3c00 = 1.0, 0xc000 = -2.0; bfloat16 0x3f80 = 1.0.
		{"Float16", []byte{0x00, 0x3c, 0x00, 0xc0}, []float64{1, -2}},
		{"BFloat16", []byte{0x80, 0x3f, 0x00, 0x00}, []float64{1, 0}},
	}
	for _, c := range cases {
		data := encodeValue(nil, rawValue{tag: "x", dims: []int64{2}, dtype: c.dtype, content: c.content})
		out, err := Decode(data)
		if err != nil {
			t.Errorf("%s: %v", c.dtype, err)
			continue
		}
		for i, w := range c.want {
			if got := out[0].Tensor.Float(i); got != w {
				t.Errorf("%s[%d] = %v, want %v", c.dtype, i, got, w)
			}
		}
	}
}

func TestEncodeFloat16TwoBytesPerElement(t *testing.T) {
	x, err := engine.FromValues(engine.Float16, []float64{1, -2, 0.1, 65504}, 4)
	if err != nil {
		t.Fatal(err)
	}
	v, err := toRaw(Entry{Name: "w", Tensor: x})
	if err != nil {
		t.Fatal(err)
	}
	if v.dtype != "Float16" {
		t.Errorf("tensor_type = %q, want Float16", v.dtype)
	}
	// np.array([1, -2, 0.1, 65504], np.float16).tobytes() in NumPy 1.24.
	want := []byte{0x00, 0x3c, 0x00, 0xc0, 0x66, 0x2e, 0xff, 0x7b}
	if !bytes.Equal(v.content, want) {
		t.Errorf("tensor_content = % x, want % x", v.content, want)
	}
	out, err := Decode(encodeValue(nil, v))
	if err != nil {
		t.Fatal(err)
	}
	if got := out[0].Tensor.DType(); got != engine.Float16 {
		t.Errorf("decoded dtype %s, want float16", got)
	}
}

func TestDecodeJoinsSlicesOfOneTag(t *testing.T) {
	var data []byte
	data = encodeValue(data, rawValue{tag: "big", dims: []int64{2, 2}, dtype: "Int32", content: []byte{1, 0, 0, 0, 2, 0, 0, 0}})
	data = encodeValue(data, rawValue{tag: "big", dims: []int64{2, 2}, dtype: "Int32", content: []byte{3, 0, 0, 0, 4, 0, 0, 0}})
	out, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || out[0].Tensor.Numel() != 4 || out[0].Tensor.Float(3) != 4 {
		t.Fatalf("Decode of two slices = %+v, want one (2, 2) tensor 1..4", out)
	}
}

func TestDecodeRejectsBadFiles(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "empty"},
		{"truncated", handBytes[:len(handBytes)-3], "truncated"},
		{"cut in a varint", []byte{0x0a, 0x80}, "truncated"},
		{"foreign text", []byte("PK\x03\x04 zip archive"), "unexpected top-level field"},
		{"missing content", encodeValueWithout("content"), "tensor_content"},
		{"missing type", encodeValueWithout("type"), "tensor_type"},
		{"missing tag", encodeValueWithout("tag"), "tag"},
		{"unknown type", encodeValue(nil, rawValue{tag: "x", dims: []int64{1}, dtype: "Complex64", content: make([]byte, 8)}), "unknown tensor_type"},
		{"size mismatch", encodeValue(nil, rawValue{tag: "x", dims: []int64{2, 3}, dtype: "Float32", content: make([]byte, 20)}), "need 6 elements"},
		{"odd bytes", encodeValue(nil, rawValue{tag: "x", dims: []int64{1}, dtype: "Float32", content: make([]byte, 6)}), "multiple"},
		{"duplicate", append(encodeValue(nil, rawValue{tag: "x", dims: []int64{0}, dtype: "Int32", content: make([]byte, 4)}), append(encodeValue(nil, rawValue{tag: "y", dims: []int64{0}, dtype: "Int32", content: make([]byte, 4)}), encodeValue(nil, rawValue{tag: "x", dims: []int64{0}, dtype: "Int32", content: make([]byte, 4)})...)...), "twice"},
	}
	for _, c := range cases {
		_, err := Decode(c.data)
		if err == nil {
			t.Errorf("%s: Decode succeeded, want an error mentioning %q", c.name, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %q does not mention %q", c.name, err, c.want)
		}
	}
}

// encodeValueWithout builds a one-value checkpoint lacking one required
// field.
func encodeValueWithout(missing string) []byte {
	var tensor []byte
	tensor = appendKey(tensor, 1, wireVarint)
	tensor = append(tensor, 1)
	if missing != "type" {
		tensor = appendBytesField(tensor, 2, []byte("Float32"))
	}
	if missing != "content" {
		tensor = appendBytesField(tensor, 3, make([]byte, 4))
	}
	var value []byte
	if missing != "tag" {
		value = appendBytesField(value, 1, []byte("x"))
	}
	value = appendBytesField(value, 2, tensor)
	return appendBytesField(nil, 1, value)
}

func TestDecodeTruncationsAndCorruption(t *testing.T) {
	// handBytes holds two values; only the cut after the first (at byte
	// 46) leaves a complete checkpoint.
	for n := 1; n < len(handBytes); n++ {
		_, err := Decode(handBytes[:n])
		if n == 46 && err != nil {
			t.Errorf("the first value alone (46 bytes) failed: %v", err)
		}
		if n != 46 && err == nil {
			t.Errorf("a %d-byte prefix decoded without an error", n)
		}
	}
	for i := range handBytes {
		corrupt := append([]byte(nil), handBytes...)
		corrupt[i] ^= 0xff
		entries, err := Decode(corrupt)
		if err == nil && len(entries) == 0 {
			t.Errorf("flipping byte %d gave no entries and no error", i)
		}
	}
}
