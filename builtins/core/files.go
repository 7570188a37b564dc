package core

import (
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"go.starlark.net/starlark"
)

// ReadFile reads a file that the runtime grants, by the path a script
// gave (relative to the granted directory). Files ending in .gz are
// decompressed, as numpy.loadtxt does. call names the Python function
// for error messages.
func ReadFile(thread *starlark.Thread, call, name string) ([]byte, error) {
	env := EnvOf(thread)
	if env.Files == nil {
		return nil, Errorf("PermissionError", "%s: file access is not granted to this script (cannot read '%s'); the host grants a directory through runtime.Options.Files", call, name)
	}
	rel, err := grantedPath(env, name)
	if err != nil {
		return nil, Errorf("PermissionError", "%s: %v", call, err)
	}
	if err := CheckNoEscape(thread, call, name, rel); err != nil {
		return nil, err
	}
	f, err := env.Files.Open(rel)
	if err != nil {
		return nil, Errorf("FileNotFoundError", "%s: cannot open '%s': %v", call, name, unwrapPathError(err))
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(name, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, Errorf("OSError", "%s: '%s' is not a valid gzip file: %v", call, name, err)
		}
		defer gz.Close()
		r = gz
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, Errorf("OSError", "%s: reading '%s' failed: %v", call, name, err)
	}
	return data, nil
}

// grantedPath turns a script's path into a path inside the granted file
// system, rejecting paths that leave it.
func grantedPath(env *Env, name string) (string, error) {
	p := filepath.ToSlash(name)
	if filepath.IsAbs(name) {
		if env.Dir == "" {
			return "", errOutside(name)
		}
		rel, err := filepath.Rel(env.Dir, name)
		if err != nil {
			return "", errOutside(name)
		}
		p = filepath.ToSlash(rel)
	}
	p = path.Clean(p)
	if p == ".." || strings.HasPrefix(p, "../") || !fs.ValidPath(p) {
		return "", errOutside(name)
	}
	return p, nil
}

type outsideError string

func (e outsideError) Error() string {
	return "path '" + string(e) + "' is outside the directory this script may access"
}

func errOutside(name string) error { return outsideError(name) }

func unwrapPathError(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// checkInside reports an error when dir, after resolving the symbolic
// links of its longest existing prefix, is outside the granted
// directory root, as a symbolic link inside root could make it.
func checkInside(root, dir string) error {
	root, err := filepath.EvalSymlinks(root)
	if err != nil {
		return err
	}
	existing := dir
	for {
		if _, err := os.Lstat(existing); err == nil {
			break
		}
		parent := filepath.Dir(existing)
		if parent == existing {
			break
		}
		existing = parent
	}
	real, err := filepath.EvalSymlinks(existing)
	if err != nil {
		return err
	}
	rel, err := filepath.Rel(root, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return errOutside(dir)
	}
	return nil
}

// WriteFile writes data to a file in the granted directory atomically:
// it writes a temporary file in the same directory, syncs it to disk and
// renames it over name, so readers see the old file or the whole new
// one. Missing parent directories are created. call names the Python
// function for error messages.
func WriteFile(thread *starlark.Thread, call, name string, data []byte) error {
	full, err := WritablePath(thread, call, name)
	if err != nil {
		return err
	}
	dir := filepath.Dir(full)
	if err := checkInside(EnvOf(thread).Dir, dir); err != nil {
		return Errorf("PermissionError", "%s: %v", call, errOutside(name))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Errorf("OSError", "%s: cannot create the directory of '%s': %v", call, name, unwrapPathError(err))
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(full)+".tmp*")
	if err != nil {
		return Errorf("OSError", "%s: cannot create a temporary file for '%s': %v", call, name, unwrapPathError(err))
	}
	if err := writeSynced(tmp, data); err != nil {
		os.Remove(tmp.Name())
		return Errorf("OSError", "%s: writing '%s' failed: %v", call, name, unwrapPathError(err))
	}
	if err := os.Rename(tmp.Name(), full); err != nil {
		os.Remove(tmp.Name())
		return Errorf("OSError", "%s: replacing '%s' failed: %v", call, name, unwrapPathError(err))
	}
	return nil
}

// writeSynced writes data to f, flushes it to disk and closes f.
func writeSynced(f *os.File, data []byte) error {
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
