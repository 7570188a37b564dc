package core

import (
	"path/filepath"

	"go.starlark.net/starlark"
)

// WritablePath returns the path on disk where a script may write the
// file it names: name taken relative to the directory the runtime
// grants (Env.Dir). It is a PermissionError when the runtime grants no
// directory or name leaves it, also through a symbolic link. call
// names the Python function for error messages.
func WritablePath(thread *starlark.Thread, call, name string) (string, error) {
	env := EnvOf(thread)
	if env.Dir == "" {
		return "", Errorf("PermissionError", "%s: writing files is not granted to this script (cannot write '%s'); the host grants a directory through runtime.Options.Dir", call, name)
	}
	rel, err := grantedPath(env, name)
	if err != nil {
		return "", Errorf("PermissionError", "%s: %v", call, err)
	}
	if err := CheckNoEscape(thread, call, name, rel); err != nil {
		return "", err
	}
	return filepath.Join(env.Dir, filepath.FromSlash(rel)), nil
}
