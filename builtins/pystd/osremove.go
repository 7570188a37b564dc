package pystd

import (
	"errors"
	"io/fs"
	"os"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// osRemove is os.remove(path): it deletes a file inside the directory
// the host grants (core.WritablePath). A directory is IsADirectoryError,
// as on Linux.
func osRemove(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var p string
	if err := starlark.UnpackArgs("os.remove", args, kwargs, "path", &p); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	full, err := core.WritablePath(thread, "os.remove", p)
	if err != nil {
		return nil, err
	}
	fi, err := os.Lstat(full)
	if err != nil {
		return nil, osError(err, p)
	}
	if fi.IsDir() {
		return nil, core.Errorf("IsADirectoryError", "[Errno 21] Is a directory: '%s'", p)
	}
	if err := os.Remove(full); err != nil {
		return nil, osError(err, p)
	}
	return starlark.None, nil
}

// osRmdir is os.rmdir(path): it deletes an empty directory inside the
// directory the host grants.
func osRmdir(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var p string
	if err := starlark.UnpackArgs("os.rmdir", args, kwargs, "path", &p); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	full, err := core.WritablePath(thread, "os.rmdir", p)
	if err != nil {
		return nil, err
	}
	fi, err := os.Lstat(full)
	if err != nil {
		return nil, osError(err, p)
	}
	if !fi.IsDir() {
		return nil, core.Errorf("NotADirectoryError", "[Errno 20] Not a directory: '%s'", p)
	}
	entries, err := os.ReadDir(full)
	if err != nil {
		return nil, osError(err, p)
	}
	if len(entries) > 0 {
		return nil, core.Errorf("OSError", "[Errno 39] Directory not empty: '%s'", p)
	}
	if err := os.Remove(full); err != nil {
		return nil, osError(err, p)
	}
	return starlark.None, nil
}

// osError converts a file-system error on path p to the Python
// exception CPython raises for it.
func osError(err error, p string) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return core.Errorf("FileNotFoundError", "[Errno 2] No such file or directory: '%s'", p)
	case errors.Is(err, fs.ErrPermission):
		return core.Errorf("PermissionError", "[Errno 13] Permission denied: '%s'", p)
	}
	return core.Errorf("OSError", "%v", err)
}
