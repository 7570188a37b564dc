package cuda

import (
	"encoding/binary"
	"math"
	"reflect"
	"strings"
	"testing"
)

// TestPackArgsLayout checks the packed parameters of cs_binary_f32
// against the C layout of (int op, float* out, const float* a,
// const float* b, float av, float bv, Dims d, long long n), worked out
// by hand. op is at 0, the pointers at 8, 16 and 24, av at 32, bv at
// 36, Dims (8 + 4·64 bytes) at 40 and n at 304.
func TestPackArgsLayout(t *testing.T) {
	k := kernels["cs_binary_f32"]
	d := &dims{rank: 2}
	d.shape[0], d.shape[1] = 3, 4
	d.stride[1][1] = 1
	b, err := packArgs(k, []any{int32(2), devPtr(0x1000), devPtr(0x2000), devPtr(0), float32(1.5), float32(-2), d, int64(12)})
	if err != nil {
		t.Fatal(err)
	}
	le := binary.LittleEndian
	checks := []struct {
		what string
		got  uint64
		want uint64
	}{
		{"length", uint64(len(b)), 312},
		{"op", uint64(le.Uint32(b[0:])), 2},
		{"out", le.Uint64(b[8:]), 0x1000},
		{"a", le.Uint64(b[16:]), 0x2000},
		{"b", le.Uint64(b[24:]), 0},
		{"av", uint64(le.Uint32(b[32:])), uint64(math.Float32bits(1.5))},
		{"bv", uint64(le.Uint32(b[36:])), uint64(math.Float32bits(-2))},
		{"rank", uint64(le.Uint32(b[40:])), 2},
		{"shape[1]", le.Uint64(b[40+8+8:]), 4},
		{"stride[1][1]", le.Uint64(b[40+8+64+64+8:]), 1},
		{"n", le.Uint64(b[304:]), 12},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.what, c.got, c.want)
		}
	}
}

func TestUnpackArgsRoundTrip(t *testing.T) {
	k := kernels["cs_select_s1"]
	d := &dims{rank: 1}
	d.shape[0] = 5
	d.stride[2][0] = 1
	vals := []any{devPtr(8), devPtr(16), devPtr(0), devPtr(24), uint8(1), uint8(7), uint8(9), d, int64(5)}
	b, err := packArgs(k, vals)
	if err != nil {
		t.Fatal(err)
	}
	got, err := unpackArgs(k, b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, vals) {
		t.Errorf("unpacked %v, want %v", got, vals)
	}
	if _, err := unpackArgs(k, b[:len(b)-1]); err == nil {
		t.Error("unpacking a short buffer succeeded")
	}
}

func TestPackArgsErrors(t *testing.T) {
	k := kernels["cs_fill_f32"]
	if _, err := packArgs(k, []any{devPtr(8), float32(1)}); err == nil || !strings.Contains(err.Error(), "takes 3 arguments, got 2") {
		t.Errorf("missing argument: got %v", err)
	}
	_, err := packArgs(k, []any{devPtr(8), float64(1), int64(3)})
	if err == nil || !strings.Contains(err.Error(), "argument 1 (float v) is float64, want float") {
		t.Errorf("wrong type: got %v", err)
	}
}

func TestParamOf(t *testing.T) {
	cases := map[string]param{
		"const float* x":         pPtr,
		"unsigned char* out":     pPtr,
		"int op":                 pI32,
		"long long n":            pI64,
		"double v":               pF64,
		"unsigned char cv":       pU8,
		"unsigned int av":        pU32,
		"unsigned long long bv":  pU64,
		"Dims d":                 pDims,
		"const long long* idx":   pPtr,
		"float scale":            pF32,
		"const unsigned char* c": pPtr,
	}
	for decl, want := range cases {
		if got, err := paramOf(decl); err != nil || got != want {
			t.Errorf("paramOf(%q) = %v, %v; want %v", decl, got, err, want)
		}
	}
	if _, err := paramOf("half h"); err == nil {
		t.Error(`paramOf("half h") succeeded`)
	}
}

func TestMakeDims(t *testing.T) {
	cases := []struct {
		name    string
		shape   []int
		strides [][]int
		skip    []bool
		rank    int32
		shapeW  []int64
		strideW [][]int64
	}{
		{"contiguous", []int{3, 4}, [][]int{nil, nil}, []bool{false, false}, 0, nil, nil},
		{"scalar", []int{3, 4}, [][]int{nil, nil}, []bool{false, true}, 0, nil, nil},
		{"row", []int{3, 4}, [][]int{nil, {0, 1}}, []bool{false, false}, 2, []int64{3, 4}, [][]int64{{4, 1}, {0, 1}}},
		{"merged", []int{2, 3, 4}, [][]int{nil, {0, 4, 1}}, []bool{false, false}, 2, []int64{2, 12}, [][]int64{{12, 1}, {0, 1}}},
		{"ones dropped", []int{1, 5, 1}, [][]int{{0, 2, 0}}, []bool{false}, 1, []int64{5}, [][]int64{{2}}},
		{"transpose", []int{4, 3}, [][]int{{1, 4}}, []bool{false}, 2, []int64{4, 3}, [][]int64{{1, 4}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := makeDims(c.shape, c.strides, c.skip)
			if err != nil {
				t.Fatal(err)
			}
			if d.rank != c.rank {
				t.Fatalf("rank %d, want %d", d.rank, c.rank)
			}
			for ax, s := range c.shapeW {
				if d.shape[ax] != s {
					t.Errorf("shape[%d] = %d, want %d", ax, d.shape[ax], s)
				}
			}
			for k, st := range c.strideW {
				for ax, s := range st {
					if d.stride[k][ax] != s {
						t.Errorf("stride[%d][%d] = %d, want %d", k, ax, d.stride[k][ax], s)
					}
				}
			}
		})
	}
	// Reversing nine axes leaves nothing to merge.
	shape := []int{2, 2, 2, 2, 2, 2, 2, 2, 2}
	rev := []int{1, 2, 4, 8, 16, 32, 64, 128, 256}
	if _, err := makeDims(shape, [][]int{rev}, []bool{false}); err == nil || !strings.Contains(err.Error(), "needs 9 axes") {
		t.Errorf("nine axes: got %v, want an error", err)
	}
}

func TestSizeClass(t *testing.T) {
	cases := map[int64]int64{1: 512, 512: 512, 513: 1024, 4000: 4096, 1 << 20: 1 << 20, 1<<20 + 1: 2 << 20, 5 << 20: 6 << 20}
	for n, want := range cases {
		if got := sizeClass(n); got != want {
			t.Errorf("sizeClass(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestCheckGeometry(t *testing.T) {
	k := kernels["cs_reduce_rows_f32"]
	free := kernels["cs_fill_f32"]
	cases := []struct {
		name        string
		k           *kernel
		grid, block [3]uint32
		params      int
		want        string
	}{
		{"ok", k, [3]uint32{10, 1, 1}, [3]uint32{256, 1, 1}, 40, ""},
		{"zero grid", free, [3]uint32{0, 1, 1}, [3]uint32{128, 1, 1}, 8, "grid"},
		{"big block", free, [3]uint32{1, 1, 1}, [3]uint32{2048, 1, 1}, 8, "2048 threads"},
		{"grid y", free, [3]uint32{1, 70000, 1}, [3]uint32{32, 1, 1}, 8, "grid"},
		{"params", free, [3]uint32{1, 1, 1}, [3]uint32{32, 1, 1}, 5000, "5000 bytes of parameters"},
		{"fixed block", k, [3]uint32{1, 1, 1}, [3]uint32{128, 1, 1}, 40, "need (256, 1, 1)"},
	}
	for _, c := range cases {
		err := checkGeometry(c.k, c.grid, c.block, 0, c.params)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: got %v, want an error containing %q", c.name, err, c.want)
		}
	}
}
