package core

import (
	"compress/gzip"
	"io"
	"io/fs"
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
