//go:build linux

package cuda

import (
	"strings"
	"testing"
)

// TestBindAll binds C functions of the math library the way openReal
// binds the CUDA libraries, and checks a call and a missing symbol.
func TestBindAll(t *testing.T) {
	libm := library{"the C math library", []string{"libm.so.6"}}
	h, path, err := dlopenFirst(libm, nil, nil)
	if err != nil {
		t.Skipf("libm.so.6: %v", err)
	}
	var api struct {
		Cos   func(x float64) float64
		Ldexp func(x float64, exp int32) float64
	}
	if err := bindAll(h, &api, "", map[string]string{"Cos": "cos", "Ldexp": "ldexp"}); err != nil {
		t.Fatalf("binding %s: %v", path, err)
	}
	if got := api.Cos(0); got != 1 {
		t.Errorf("cos(0) = %v, want 1", got)
	}
	if got := api.Ldexp(3, 4); got != 48 {
		t.Errorf("ldexp(3, 4) = %v, want 48", got)
	}
	var missing struct{ Frobnicate func() int32 }
	err = bindAll(h, &missing, "cs_", nil)
	if err == nil || !strings.Contains(err.Error(), "symbol cs_Frobnicate is missing") {
		t.Errorf("missing symbol: got %v", err)
	}
}

func TestDlopenFirstNotFound(t *testing.T) {
	lib := library{"a test library", []string{"libcellscript-absent.so.1"}}
	_, _, err := dlopenFirst(lib, []string{"/nonexistent"}, nil)
	want := "cuda: a test library (libcellscript-absent.so.1) was not found; install it or add its directory to CELLSCRIPT_CUDA_PATH (tried libcellscript-absent.so.1)"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %q", err, want)
	}
}
