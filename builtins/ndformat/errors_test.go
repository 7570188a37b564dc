package ndformat

import (
	"math"
	"strings"
	"testing"
)

func TestStrRejectsInvalidArrays(t *testing.T) {
	tests := []struct {
		name  string
		array Array
		want  string
	}{
		{"unknown dtype", Array{Shape: []int{1}, DType: "float8", Float: []float64{1}}, `unknown dtype "float8"`},
		{"negative dimension", Array{Shape: []int{-1}, DType: "float32"}, "negative dimension"},
		{"too few values", Array{Shape: []int{2, 2}, DType: "float32", Float: []float64{1, 2, 3}}, "needs 4 values in Float, got 3"},
		{"values in wrong slice", Array{Shape: []int{2}, DType: "int32", Float: []float64{1, 2}}, "needs 2 values in Int, got 0"},
		{"0-d without value", Array{DType: "bool"}, "needs 1 values in Bool, got 0"},
		{"int8 out of range", Array{Shape: []int{1}, DType: "int8", Int: []int64{128}}, "out of range for int8"},
		{"uint16 negative", Array{Shape: []int{1}, DType: "uint16", Int: []int64{-1}}, "out of range for uint16"},
		{"size overflows int", Array{Shape: []int{math.MaxInt / 2, 3}, DType: "bool"}, "more elements than an int can count"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, strErr := Str(tt.array)
			_, reprErr := Repr(tt.array)
			for _, err := range []error{strErr, reprErr} {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error = %v, want one containing %q", err, tt.want)
				}
			}
		})
	}
}

func TestStrWithRejectsNegativeOptions(t *testing.T) {
	a := Array{Shape: []int{1}, DType: "float64", Float: []float64{1}}
	o := DefaultOptions()
	o.Precision = -1
	if _, err := StrWith(a, o); err == nil || !strings.Contains(err.Error(), "precision -1") {
		t.Errorf("StrWith with precision -1: error = %v, want one naming the precision", err)
	}
	o = DefaultOptions()
	o.EdgeItems = -2
	if _, err := ReprWith(a, o); err == nil || !strings.Contains(err.Error(), "edgeitems -2") {
		t.Errorf("ReprWith with edgeitems -2: error = %v, want one naming edgeitems", err)
	}
}

func TestScalarStrRejectsInvalidValues(t *testing.T) {
	tests := []struct {
		dtype string
		value float64
		want  string
	}{
		{"complex64", 1, "unknown dtype"},
		{"int32", math.NaN(), "not finite"},
		{"uint8", 256, "out of range for uint8"},
		{"int64", 0x1p63, "out of range for int64"},
	}
	for _, tt := range tests {
		_, err := ScalarStr(tt.dtype, tt.value)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ScalarStr(%q, %v): error = %v, want one containing %q", tt.dtype, tt.value, err, tt.want)
		}
	}
}

func TestScalarStrConvertsValues(t *testing.T) {
	tests := []struct {
		dtype string
		value float64
		want  string
	}{
		{"bool", 2, "True"},
		{"bool", 0, "False"},
		{"int16", -7.9, "-7"},
		{"uint64", 0x1p63, "9223372036854775808"},
		// float32(0.1) and float16(0.1) print their own shortest digits.
		{"float32", 0.1, "0.1"},
		{"float16", 0.1, "0.1"},
		{"float16", 65519, "65500.0"},
		{"float16", 1e5, "inf"},
	}
	for _, tt := range tests {
		got, err := ScalarStr(tt.dtype, tt.value)
		if err != nil || got != tt.want {
			t.Errorf("ScalarStr(%q, %v) = %q, %v, want %q", tt.dtype, tt.value, got, err, tt.want)
		}
	}
}

func TestStrRoundsFloatsToDType(t *testing.T) {
	a := Array{Shape: []int{3}, DType: "float32", Float: []float64{0.1, 1.0 / 3, 16777217}}
	got, err := Str(a)
	// Reference: str(np.array([0.1, 1/3, 16777217], dtype=np.float32)).
	want := "[1.0000000e-01 3.3333334e-01 1.6777216e+07]"
	if err != nil || got != want {
		t.Errorf("Str(float32 values given as float64) = %q, %v, want %q", got, err, want)
	}
}

func TestStrWithHugeEdgeItemsPrintsAll(t *testing.T) {
	a := Array{Shape: []int{4}, DType: "int32", Int: []int64{1, 2, 3, 4}}
	o := DefaultOptions()
	o.Threshold = 0
	o.EdgeItems = math.MaxInt
	got, err := StrWith(a, o)
	if err != nil || got != "[1 2 3 4]" {
		t.Errorf("StrWith(edgeitems MaxInt) = %q, %v, want %q", got, err, "[1 2 3 4]")
	}
}
