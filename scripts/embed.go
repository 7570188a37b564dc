// Package scripts embeds the default training program, scripts/digits.py,
// with the data file it reads, so that `cellrepl run` without a FILE
// trains it from any directory.
package scripts

import (
	"embed"
	"io/fs"
	"strings"
)

//go:embed digits.py data/digits.csv.gz data/digits.rst data/README.md
var files embed.FS

// DefaultProgram is the path of the default program in Default.
const DefaultProgram = "scripts/digits.py"

// Default returns a read-only file system that contains the default program
// and its data at their paths in the repository (scripts/digits.py,
// scripts/data/digits.csv.gz), so the program's relative paths resolve
// as they do when it runs from the repository root.
func Default() fs.FS { return prefixFS{prefix: "scripts/", fsys: files} }

// prefixFS serves fsys under a directory prefix.
type prefixFS struct {
	prefix string
	fsys   fs.FS
}

// Open opens name, which must be the prefix's directory or lie under it.
func (p prefixFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if name+"/" == p.prefix {
		return p.fsys.Open(".")
	}
	rest, ok := strings.CutPrefix(name, p.prefix)
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return p.fsys.Open(rest)
}
