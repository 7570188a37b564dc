package core

import (
	"path/filepath"

	"go.starlark.net/starlark"
)

// CheckNoEscape returns a PermissionError when rel, a path inside the
// granted directory (as grantedPath returns it), resolves through a
// symbolic link to a place outside Env.Dir. A host's fs.FS such as
// os.DirFS follows links, so without this check a link inside the
// granted directory would let a script read any file the process can.
// Runtimes that grant only an fs.FS, without Dir, have no directory on
// disk to check against and rely on that file system.
func CheckNoEscape(thread *starlark.Thread, call, name, rel string) error {
	dir := EnvOf(thread).Dir
	if dir == "" {
		return nil
	}
	if err := checkInside(dir, filepath.Join(dir, filepath.FromSlash(rel))); err != nil {
		return Errorf("PermissionError", "%s: %v", call, errOutside(name))
	}
	return nil
}
