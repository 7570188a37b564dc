package cuda

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestNVRTCFitsDriver(t *testing.T) {
	cases := []struct {
		nvrtcMajor, driverVersion int
		want                      bool
	}{
		{12, 12040, true},  // NVRTC 12.8 on a CUDA 12.4 driver
		{12, 12080, true},  // same version
		{11, 12040, true},  // older toolkit on a newer driver
		{13, 12080, false}, // NVRTC 13 on a CUDA 12.8 driver
		{12, 11080, false}, // NVRTC 12 on a CUDA 11.8 driver
	}
	for _, c := range cases {
		if got := nvrtcFits(c.nvrtcMajor, c.driverVersion); got != c.want {
			t.Errorf("nvrtcFits(%d, %d) = %v, want %v", c.nvrtcMajor, c.driverVersion, got, c.want)
		}
	}
}

func TestBuiltinsBeside(t *testing.T) {
	var pattern string
	glob := func(p string) ([]string, error) {
		pattern = p
		return []string{"/w/nvrtc/lib/libnvrtc-builtins.so", "/w/nvrtc/lib/libnvrtc-builtins.so.12.4"}, nil
	}
	got := builtinsBeside("/w/nvrtc/lib/libnvrtc.so.12", glob)
	if want := filepath.Join("/w/nvrtc/lib", "libnvrtc-builtins.so*"); pattern != want {
		t.Errorf("glob pattern %q, want %q", pattern, want)
	}
	want := []string{"/w/nvrtc/lib/libnvrtc-builtins.so.12.4", "/w/nvrtc/lib/libnvrtc-builtins.so"}
	if !slices.Equal(got, want) {
		t.Errorf("builtinsBeside = %v, want %v", got, want)
	}
}
