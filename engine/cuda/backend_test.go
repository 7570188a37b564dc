package cuda

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/engine"
)

func TestSearchDirs(t *testing.T) {
	glob := func(pattern string) ([]string, error) {
		if pattern == "/usr/local/cuda-*/lib64" {
			return []string{"/usr/local/cuda-12.4/lib64", "/usr/local/cuda-13.0/lib64"}, nil
		}
		return nil, nil
	}
	user, system := searchDirs("/opt/a::/opt/b", "", glob)
	if !reflect.DeepEqual(user, []string{"/opt/a", "/opt/b"}) {
		t.Errorf("user dirs %v, want [/opt/a /opt/b]", user)
	}
	if system[0] != systemDirs[0] {
		t.Errorf("first system dir %s, want %s", system[0], systemDirs[0])
	}
	i13, i12 := indexOf(system, "/usr/local/cuda-13.0/lib64"), indexOf(system, "/usr/local/cuda-12.4/lib64")
	if i13 < 0 || i12 < 0 || i13 > i12 {
		t.Errorf("cuda-13.0 at %d and cuda-12.4 at %d in %v; want 13.0 first", i13, i12, system)
	}
}

func indexOf(s []string, x string) int {
	for i, v := range s {
		if v == x {
			return i
		}
	}
	return -1
}

func TestCandidates(t *testing.T) {
	files := map[string]bool{
		"/env/libnvrtc.so.12":                        true,
		"/usr/lib/x86_64-linux-gnu/libnvrtc.so.11.2": true,
		"/usr/local/cuda/lib64/libnvrtc.so.13":       true,
	}
	exists := func(p string) bool { return files[p] }
	got := libNVRTC.candidates([]string{"/env"}, []string{"/usr/lib/x86_64-linux-gnu", "/usr/local/cuda/lib64"}, exists)
	want := []string{
		"/env/libnvrtc.so.12",
		"libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2", "libnvrtc.so",
		"/usr/local/cuda/lib64/libnvrtc.so.13",
		"/usr/lib/x86_64-linux-gnu/libnvrtc.so.11.2",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("candidates\n got %v\nwant %v", got, want)
	}
}

// TestOpenWithoutDriver runs where libcuda.so.1 cannot be loaded, as on
// CI machines, and checks the error.
func TestOpenWithoutDriver(t *testing.T) {
	if runtime.GOOS == "linux" {
		user, system := searchDirs(os.Getenv(PathEnv), "", filepath.Glob)
		for _, p := range libCUDA.candidates(user, system, fileExists) {
			if strings.Contains(p, "/") {
				t.Skipf("%s exists", p)
			}
		}
	}
	_, err := Open(Options{})
	if !errors.Is(err, ErrNoDriver) {
		t.Skipf("Open returned %v; a driver may be installed where the loader finds it", err)
	}
	if err.Error() != "no CUDA driver was found (libcuda.so.1)" {
		t.Errorf("error %q", err)
	}
}

func openFake(t *testing.T, opts Options) *Backend {
	t.Helper()
	opts.Fake = true
	b, err := Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// TestModuleCache checks that a module compiles once and that a second
// backend loads it from the disk cache without compiling.
func TestModuleCache(t *testing.T) {
	dir := t.TempDir()
	b := openFake(t, Options{CacheDir: dir})
	buf, err := b.Alloc(engine.Float32, 10)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := b.Fill(engine.Float32, buf, engine.Operand{Scalar: 2}); err != nil {
			t.Fatal(err)
		}
	}

	if n := len(b.fake.sources); n != 1 {
		t.Fatalf("compiled %d times, want 1", n)
	}
	if !strings.Contains(b.fake.sources[0], "extern \"C\" __global__ void cs_fill_f32(float* out, float v, long long n)") {
		t.Error("the compiled source lacks the cs_fill_f32 entry point")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "elementwise-*.bin"))
	if len(files) != 1 {
		t.Fatalf("cache holds %v, want one elementwise image", files)
	}

	b2 := openFake(t, Options{CacheDir: dir})
	buf2, _ := b2.Alloc(engine.Float32, 3)
	if err := b2.Fill(engine.Float32, buf2, engine.Operand{Scalar: 1}); err != nil {
		t.Fatal(err)
	}
	if n := len(b2.fake.sources); n != 0 {
		t.Errorf("second backend compiled %d times, want 0", n)
	}
	host := make([]float32, 3)
	if err := b2.Download(host, buf2); err != nil || host[2] != 1 {
		t.Errorf("download %v, %v; want [1 1 1]", host, err)
	}
}

// TestAllocatorReuse checks that a freed block returns to the cache and
// serves the next allocation of its class without the driver.
func TestAllocatorReuse(t *testing.T) {
	b := openFake(t, Options{CacheDir: "-"})
	blk, err := b.alloc.scratch(4000)
	if err != nil {
		t.Fatal(err)
	}
	ptr := blk.ptr
	b.alloc.put(blk)
	again, err := b.alloc.scratch(3000)
	if err != nil {
		t.Fatal(err)
	}
	if again.ptr != ptr {
		t.Errorf("scratch got %#x, want the cached %#x", again.ptr, ptr)
	}
	if live, cached := b.MemoryInUse(); live != 4096 || cached != 0 {
		t.Errorf("live %d, cached %d; want 4096 and 0", live, cached)
	}
}

// TestOutOfMemory fills a small fake device: the allocation that does
// not fit fails with a MemoryError, and one fits again once the garbage
// collector returns the unreachable buffers.
func TestOutOfMemory(t *testing.T) {
	b := openFake(t, Options{CacheDir: "-", FakeMemory: 1 << 20})
	keep, err := b.Alloc(engine.Float32, 200_000)
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.Alloc(engine.Float32, 100_000)
	var e *engine.Error
	if !errors.As(err, &e) || e.Kind != "MemoryError" || !strings.Contains(e.Msg, "the GPU is out of memory") {
		t.Fatalf("got %v, want a MemoryError", err)
	}
	runtime.KeepAlive(keep)
	keep = nil
	if _, err := b.Alloc(engine.Float32, 100_000); err != nil {
		t.Errorf("after the first buffer became garbage: %v", err)
	}
}

// TestFakeFaults checks that a kernel reading outside its buffers fails
// the launch instead of corrupting memory.
func TestFakeFaults(t *testing.T) {
	b := openFake(t, Options{CacheDir: "-"})
	out, _ := b.Alloc(engine.Int64, 4)
	src, _ := b.Alloc(engine.Int64, 4)
	err := b.Gather(engine.Int64, out, src, []int{0, 1, 2, 1 << 20})
	if err == nil || !strings.Contains(err.Error(), "out of range") {
		t.Errorf("gather past the end: got %v, want an out-of-range error", err)
	}
	if err := b.Gather(engine.Int64, out, src, []int{0, 1}); err == nil {
		t.Error("gather of 2 indices into 4 elements succeeded")
	}
}

func TestForeignBuffer(t *testing.T) {
	a := openFake(t, Options{CacheDir: "-"})
	b := openFake(t, Options{CacheDir: "-"})
	buf, _ := a.Alloc(engine.Float32, 2)
	if err := b.Upload(buf, []float32{1, 2}); err == nil || !strings.Contains(err.Error(), "does not belong") {
		t.Errorf("upload into another backend's buffer: got %v", err)
	}
}

func TestClosedBackend(t *testing.T) {
	b, err := Open(Options{Fake: true, CacheDir: "-"})
	if err != nil {
		t.Fatal(err)
	}
	buf, _ := b.Alloc(engine.Float32, 2)
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if err := b.Upload(buf, []float32{1, 2}); !errors.Is(err, errClosed) {
		t.Errorf("upload after Close: got %v, want errClosed", err)
	}
}
