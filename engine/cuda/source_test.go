package cuda

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSourcesCompileAsCXX compiles every module's CUDA source as C++
// against a shim of CUDA's built-ins, to catch syntax and type errors
// without NVRTC. It needs g++ and is skipped without it.
func TestSourcesCompileAsCXX(t *testing.T) {
	gxx, err := exec.LookPath("g++")
	if err != nil {
		t.Skip("g++ is not installed")
	}
	shim, err := filepath.Abs("testdata/cuda_shim.h")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range moduleNames() {
		t.Run(m, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), m+".cu")
			if err := os.WriteFile(path, []byte(moduleSource(m)), 0o644); err != nil {
				t.Fatal(err)
			}
			// -Wconversion and -Wdouble-promotion catch float and
			// double mixed up without a cast. -O2 enables the
			// uninitialised-variable warnings.
			out, err := exec.Command(gxx, "-c", "-o", os.DevNull, "-O2", "-std=c++17",
				"-Wall", "-Wextra", "-Wconversion", "-Wdouble-promotion", "-Wshadow",
				"-Wno-unused-function", "-Wno-unused-parameter", "-Werror",
				"-x", "c++", "-include", shim, path).CombinedOutput()
			if err != nil {
				t.Errorf("g++ rejects module %s: %v\n%s", m, err, out)
			}
			// NVRTC ships no standard headers, so a module includes
			// nothing.
			if strings.Contains(moduleSource(m), "#include") {
				t.Errorf("module %s includes a header, which NVRTC cannot find", m)
			}
		})
	}
}

// TestKernelTable checks that every kernel has a reference kernel in the
// fake driver and an entry point in its module's source.
func TestKernelTable(t *testing.T) {
	for name, k := range kernels {
		if references[name] == nil {
			t.Errorf("kernel %s has no reference kernel", name)
		}
		if !strings.Contains(moduleSource(k.module), "void "+name+"(") {
			t.Errorf("module %s does not declare kernel %s", k.module, name)
		}
	}
	if len(references) != len(kernels) {
		t.Errorf("%d reference kernels for %d kernels", len(references), len(kernels))
	}
}
