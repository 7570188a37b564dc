package cuda

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// modules compiles each module's source with NVRTC on first use, keeps
// the images on disk by source hash, and loads them. It is used only on
// the owning goroutine, so it needs no lock.
type modules struct {
	// dir holds compiled images; "" disables the disk cache.
	dir string
	// options are the NVRTC options, the target architecture first.
	options []string
	loaded  map[string]handle
	funcs   map[string]handle
}

func newModules(dir string, info deviceInfo) *modules {
	return &modules{
		dir: dir,
		options: []string{
			fmt.Sprintf("--gpu-architecture=sm_%d%d", info.Major, info.Minor),
			// Unfused multiply-adds round like the CPU kernels.
			"--fmad=false",
		},
		loaded: map[string]handle{},
		funcs:  map[string]handle{},
	}
}

// defaultCacheDir returns os.UserCacheDir()/cellscript/cuda, or "" when
// the user has no cache directory.
func defaultCacheDir() string {
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(base, "cellscript", "cuda")
}

// function returns the loaded kernel, loading its module first.
func (m *modules) function(d driver, k *kernel) (handle, error) {
	if f, ok := m.funcs[k.name]; ok {
		return f, nil
	}
	mod, ok := m.loaded[k.module]
	if !ok {
		image, err := m.image(d, k.module)
		if err != nil {
			return 0, err
		}
		if mod, err = d.moduleLoad(image); err != nil {
			return 0, fmt.Errorf("cuda: loading module %s: %w", k.module, err)
		}
		m.loaded[k.module] = mod
	}
	f, err := d.moduleFunction(mod, k.name)
	if err != nil {
		return 0, fmt.Errorf("cuda: kernel %s in module %s: %w", k.name, k.module, err)
	}
	m.funcs[k.name] = f
	return f, nil
}

// image returns the compiled module from the disk cache, or compiles
// it and stores it there. A cache that cannot be read or written only
// costs a compilation.
func (m *modules) image(d driver, module string) ([]byte, error) {
	src := moduleSource(module)
	key := cacheKey(src, d.compilerVersion(), m.options)
	path := ""
	if m.dir != "" {
		path = filepath.Join(m.dir, module+"-"+key+".bin")
		if image, err := os.ReadFile(path); err == nil && len(image) > 0 {
			return image, nil
		}
	}
	image, log, err := d.compile(src, module+".cu", m.options)
	if err != nil {
		return nil, fmt.Errorf("cuda: compiling module %s with NVRTC (%s): %w\n%s", module, strings.Join(m.options, " "), err, log)
	}
	if path != "" {
		m.store(path, image)
	}
	return image, nil
}

// store writes image to path through a temporary file, so readers never
// see a partial image.
func (m *modules) store(path string, image []byte) {
	if err := os.MkdirAll(m.dir, 0o755); err != nil {
		return
	}
	tmp, err := os.CreateTemp(m.dir, ".tmp-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(image)
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), path) != nil {
		os.Remove(tmp.Name())
	}
}

// cacheKey hashes everything that changes an image: the source, the
// compiler and the options.
func cacheKey(src, compiler string, options []string) string {
	h := sha256.New()
	h.Write([]byte(src))
	h.Write([]byte{0})
	h.Write([]byte(compiler))
	for _, o := range options {
		h.Write([]byte{0})
		h.Write([]byte(o))
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}
