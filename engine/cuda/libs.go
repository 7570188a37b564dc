package cuda

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// PathEnv is the environment variable that lists extra directories,
// separated by colons, to search first for the CUDA libraries.
const PathEnv = "CELLSCRIPT_CUDA_PATH"

// library is a shared library the backend opens at run time, by its
// versioned file names, newest first.
type library struct {
	what  string
	names []string
}

var (
	libCUDA = library{"the CUDA driver", []string{"libcuda.so.1", "libcuda.so"}}
	// NVRTC's and cuBLAS's sonames carry the toolkit's major version.
	libNVRTC    = library{"NVRTC", []string{"libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so.11.2", "libnvrtc.so"}}
	libCUBLAS   = library{"cuBLAS", []string{"libcublas.so.13", "libcublas.so.12", "libcublas.so.11", "libcublas.so"}}
	libCUBLASLt = library{"cuBLASLt", []string{"libcublasLt.so.13", "libcublasLt.so.12", "libcublasLt.so.11", "libcublasLt.so"}}
)

// systemDirs are the directories where distributions, the CUDA
// toolkit, the NVIDIA container runtime and WSL install the libraries.
var systemDirs = []string{
	"/usr/lib/x86_64-linux-gnu",
	"/usr/lib/aarch64-linux-gnu",
	"/usr/lib64",
	"/usr/lib",
	"/usr/local/cuda/lib64",
	"/usr/local/cuda/targets/x86_64-linux/lib",
	"/usr/local/cuda/targets/sbsa-linux/lib",
	"/usr/local/nvidia/lib64",
	"/usr/local/nvidia/lib",
	"/usr/lib/wsl/lib",
	"/opt/cuda/lib64",
}

// dirGlobs find toolkits installed side by side and the libraries that
// pip installs with PyTorch (nvidia-cublas, nvidia-cuda-nvrtc).
var dirGlobs = []string{
	"/usr/local/cuda-*/lib64",
	"/usr/local/lib/python3*/dist-packages/nvidia/*/lib",
	"/usr/local/lib/python3*/site-packages/nvidia/*/lib",
	"/usr/lib/python3/dist-packages/nvidia/*/lib",
	"/opt/*/.venv/lib/python3*/site-packages/nvidia/*/lib",
	"/opt/*/lib/python3*/site-packages/nvidia/*/lib",
	"/opt/conda/lib",
	"/opt/conda/lib/python3*/site-packages/nvidia/*/lib",
}

// searchDirs returns the directories in CELLSCRIPT_CUDA_PATH, and the
// system directories followed by the glob matches (newest-sorting
// first, so cuda-13 comes before cuda-12).
func searchDirs(env, home string, glob func(string) ([]string, error)) (user, system []string) {
	for _, d := range strings.Split(env, ":") {
		if d != "" {
			user = append(user, d)
		}
	}
	system = append(system, systemDirs...)
	patterns := dirGlobs
	if home != "" {
		patterns = append(patterns[:len(patterns):len(patterns)], filepath.Join(home, ".local/lib/python3*/site-packages/nvidia/*/lib"))
	}
	for _, pattern := range patterns {
		matches, _ := glob(pattern)
		sort.Sort(sort.Reverse(sort.StringSlice(matches)))
		system = append(system, matches...)
	}
	return user, system
}

// candidates returns the paths to try for lib, existing files only from
// directories: every name in each user directory first, then the bare
// names, which the dynamic loader resolves through LD_LIBRARY_PATH and
// its cache, then each name, newest first, in the system directories.
func (lib library) candidates(user, system []string, exists func(string) bool) []string {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] && exists(p) {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, d := range user {
		for _, name := range lib.names {
			add(filepath.Join(d, name))
		}
	}
	out = append(out, lib.names...)
	for _, name := range lib.names {
		for _, d := range system {
			add(filepath.Join(d, name))
		}
	}
	return out
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// nvrtcFits reports whether a driver of driverVersion (cuDriverGetVersion:
// 1000·major + 10·minor) loads the CUBINs of NVRTC major version
// nvrtcMajor. CUDA's minor version compatibility lets a driver load the
// CUBINs of its own major version and older ones, and rejects newer
// ones (CUDA_ERROR_UNSUPPORTED_PTX_VERSION or NO_BINARY_FOR_GPU).
func nvrtcFits(nvrtcMajor, driverVersion int) bool {
	return nvrtcMajor <= driverVersion/1000
}

// builtinsBeside returns the libnvrtc-builtins files in the directory of
// the NVRTC library at path, the versioned names (libnvrtc-builtins.so.12.4)
// first.
func builtinsBeside(path string, glob func(string) ([]string, error)) []string {
	matches, _ := glob(filepath.Join(filepath.Dir(path), "libnvrtc-builtins.so*"))
	sort.Sort(sort.Reverse(sort.StringSlice(matches)))
	return matches
}
