package checkpoint

import (
	"bytes"
	"math"
	"testing"

	"github.com/cellscript/cellscript/engine"
)

// FuzzDecode feeds arbitrary bytes to the .ckpt reader. Decode must
// return entries or an error, never panic, and whatever it accepts must
// survive an Encode and Decode round trip unchanged.
func FuzzDecode(f *testing.F) {
	f.Add(handBytes)
	f.Add(handBytes[:len(handBytes)/2])
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04 not a checkpoint"))
	f.Add([]byte{0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f})
	for _, entries := range fuzzSeedEntries() {
		data, err := Encode(entries)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := Decode(data)
		if err != nil {
			if entries != nil {
				t.Fatalf("Decode returned %d entries with the error %v", len(entries), err)
			}
			if err.Error() == "" {
				t.Fatal("Decode returned an empty error message")
			}
			return
		}
		again, err := Encode(entries)
		if err != nil {
			t.Fatalf("Encode of decoded entries: %v", err)
		}
		back, err := Decode(again)
		if err != nil {
			t.Fatalf("Decode of re-encoded entries: %v", err)
		}
		if len(back) != len(entries) {
			t.Fatalf("round trip kept %d of %d entries", len(back), len(entries))
		}
		for i := range entries {
			if msg := entryDiff(entries[i], back[i]); msg != "" {
				t.Fatalf("entry %d after a round trip: %s", i, msg)
			}
		}
	})
}

// fuzzSeedEntries returns small checkpoints of every dtype, a scalar, an
// empty tensor and a string entry.
func fuzzSeedEntries() [][]Entry {
	f32, _ := engine.FromFloat32([]float32{1, -2.5, float32(math.Inf(1))}, 3)
	f64, _ := engine.FromFloat64([]float64{0.25, 1e300}, 2, 1)
	i32, _ := engine.FromInt32([]int32{7}, 1)
	i64, _ := engine.FromInt64([]int64{-1, 1 << 40}, 2)
	b, _ := engine.FromBool([]bool{true, false}, 2)
	scalar := engine.Scalar(engine.Float32, 3)
	empty, _ := engine.FromFloat32([]float32{}, 0, 4)
	return [][]Entry{
		{{Name: "w", Tensor: f32}, {Name: "b", Tensor: f64}},
		{{Name: "step", Tensor: i32}, {Name: "ids", Tensor: i64}, {Name: "mask", Tensor: b}},
		{{Name: "s", Tensor: scalar}, {Name: "e", Tensor: empty}, {Name: "note", Str: "héllo"}},
	}
}

// entryDiff describes how b differs from a, or returns "".
func entryDiff(a, b Entry) string {
	switch {
	case a.Name != b.Name:
		return "name " + b.Name + ", want " + a.Name
	case (a.Tensor == nil) != (b.Tensor == nil):
		return "a string entry became a tensor or the reverse"
	case a.Tensor == nil:
		if a.Str != b.Str {
			return "string " + b.Str + ", want " + a.Str
		}
		return ""
	case a.Tensor.DType() != b.Tensor.DType():
		return "dtype " + b.Tensor.DType().String() + ", want " + a.Tensor.DType().String()
	case engine.FormatShape(a.Tensor.Shape()) != engine.FormatShape(b.Tensor.Shape()):
		return "shape " + engine.FormatShape(b.Tensor.Shape()) + ", want " + engine.FormatShape(a.Tensor.Shape())
	}
	if !bytes.Equal(tensorBytes(a.Tensor), tensorBytes(b.Tensor)) {
		return "the element bytes differ"
	}
	return ""
}
