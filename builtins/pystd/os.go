package pystd

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// OS returns the os module: sep, getcwd, listdir, makedirs, remove,
// rmdir and the os.path submodule. Paths are POSIX paths. Everything that touches the
// file system goes through the directory the host grants
// (runtime.Options.Files and Dir) and raises PermissionError without
// one; nothing reads the environment.
func OS() *core.Module {
	return core.NewModule("os", starlark.StringDict{
		"sep":      starlark.String("/"),
		"linesep":  starlark.String("\n"),
		"curdir":   starlark.String("."),
		"pardir":   starlark.String(".."),
		"path":     OSPath(),
		"getcwd":   starlark.NewBuiltin("getcwd", getcwd),
		"listdir":  starlark.NewBuiltin("listdir", listdir),
		"makedirs": starlark.NewBuiltin("makedirs", makedirs),
		"remove":   starlark.NewBuiltin("remove", osRemove),
		"rmdir":    starlark.NewBuiltin("rmdir", osRmdir),
	})
}

// OSPath returns os.path with posixpath's path arithmetic.
func OSPath() *core.Module {
	strFn := func(name string, f func(string) starlark.Value) *starlark.Builtin {
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var p string
			if err := starlark.UnpackPositionalArgs("os.path."+name, args, kwargs, 1, &p); err != nil {
				return nil, pyobj.TypeErrorf("%v", err)
			}
			return f(p), nil
		})
	}
	return core.NewModule("os.path", starlark.StringDict{
		"sep":      starlark.String("/"),
		"join":     starlark.NewBuiltin("join", pathJoin),
		"basename": strFn("basename", func(p string) starlark.Value { return starlark.String(p[strings.LastIndexByte(p, '/')+1:]) }),
		"dirname":  strFn("dirname", func(p string) starlark.Value { return starlark.String(dirname(p)) }),
		"split": strFn("split", func(p string) starlark.Value {
			return starlark.Tuple{starlark.String(dirname(p)), starlark.String(p[strings.LastIndexByte(p, '/')+1:])}
		}),
		"splitext": strFn("splitext", func(p string) starlark.Value {
			root, ext := splitext(p)
			return starlark.Tuple{starlark.String(root), starlark.String(ext)}
		}),
		"normpath": strFn("normpath", func(p string) starlark.Value { return starlark.String(normpath(p)) }),
		"isabs":    strFn("isabs", func(p string) starlark.Value { return starlark.Bool(strings.HasPrefix(p, "/")) }),
		"exists":   fileTest("exists", func(fs.FileInfo) bool { return true }),
		"isfile":   fileTest("isfile", func(fi fs.FileInfo) bool { return fi.Mode().IsRegular() }),
		"isdir":    fileTest("isdir", func(fi fs.FileInfo) bool { return fi.IsDir() }),
		"getsize":  starlark.NewBuiltin("getsize", getsize),
		"abspath":  starlark.NewBuiltin("abspath", abspath),
	})
}

// pathJoin implements os.path.join: an absolute part restarts the path.
func pathJoin(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 || len(kwargs) > 0 {
		return nil, pyobj.TypeErrorf("join() missing 1 required positional argument: 'a'")
	}
	out := ""
	for _, a := range args {
		part, ok := starlark.AsString(a)
		if !ok {
			return nil, pyobj.TypeErrorf("join() argument must be str, not %s", pyobj.TypeOf(a).Name())
		}
		switch {
		case strings.HasPrefix(part, "/"):
			out = part
		case out == "" || strings.HasSuffix(out, "/"):
			out += part
		default:
			out += "/" + part
		}
	}
	return starlark.String(out), nil
}

// dirname is posixpath.dirname: the head before the last slash, with
// trailing slashes removed unless it is all slashes.
func dirname(p string) string {
	head := p[:strings.LastIndexByte(p, '/')+1]
	if head != "" && strings.Trim(head, "/") != "" {
		head = strings.TrimRight(head, "/")
	}
	return head
}

// splitext is posixpath.splitext: leading dots of the file name do not
// start an extension.
func splitext(p string) (string, string) {
	name := p[strings.LastIndexByte(p, '/')+1:]
	dot := strings.LastIndexByte(name, '.')
	if dot <= 0 || strings.Trim(name[:dot], ".") == "" {
		return p, ""
	}
	cut := len(p) - len(name) + dot
	return p[:cut], p[cut:]
}

// normpath is posixpath.normpath, which keeps a leading "//".
func normpath(p string) string {
	if p == "" {
		return "."
	}
	clean := path.Clean(p)
	if strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "///") {
		return "/" + clean
	}
	return clean
}

// grantedFS returns the file system the host grants and the path in it,
// or a PermissionError for a path outside it.
func grantedFS(thread *starlark.Thread, call, name string) (fs.FS, string, error) {
	env := core.EnvOf(thread)
	if env.Files == nil {
		return nil, "", core.Errorf("PermissionError", "%s: file access is not granted to this script (cannot access '%s'); the host grants a directory through runtime.Options.Files", call, name)
	}
	p := filepath.ToSlash(name)
	if filepath.IsAbs(name) {
		if env.Dir == "" {
			return nil, "", core.Errorf("PermissionError", "%s: path '%s' is outside the directory this script may access", call, name)
		}
		rel, err := filepath.Rel(env.Dir, name)
		if err != nil {
			return nil, "", core.Errorf("PermissionError", "%s: path '%s' is outside the directory this script may access", call, name)
		}
		p = filepath.ToSlash(rel)
	}
	p = path.Clean(p)
	if p == ".." || strings.HasPrefix(p, "../") || !fs.ValidPath(p) {
		return nil, "", core.Errorf("PermissionError", "%s: path '%s' is outside the directory this script may access", call, name)
	}
	if err := core.CheckNoEscape(thread, call, name, p); err != nil {
		return nil, "", err
	}
	return env.Files, p, nil
}

func fileTest(name string, test func(fs.FileInfo) bool) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var p string
		if err := starlark.UnpackPositionalArgs("os.path."+name, args, kwargs, 1, &p); err != nil {
			return nil, pyobj.TypeErrorf("%v", err)
		}
		fsys, rel, err := grantedFS(thread, "os.path."+name, p)
		if err != nil {
			return nil, err
		}
		fi, err := fs.Stat(fsys, rel)
		if err != nil {
			return starlark.False, nil
		}
		return starlark.Bool(test(fi)), nil
	})
}

func getsize(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var p string
	if err := starlark.UnpackPositionalArgs("os.path.getsize", args, kwargs, 1, &p); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	fsys, rel, err := grantedFS(thread, "os.path.getsize", p)
	if err != nil {
		return nil, err
	}
	fi, err := fs.Stat(fsys, rel)
	if err != nil {
		return nil, core.Errorf("FileNotFoundError", "[Errno 2] No such file or directory: '%s'", p)
	}
	return starlark.MakeInt64(fi.Size()), nil
}

// abspath joins a relative path to the granted directory.
func abspath(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var p string
	if err := starlark.UnpackPositionalArgs("os.path.abspath", args, kwargs, 1, &p); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	if strings.HasPrefix(p, "/") {
		return starlark.String(normpath(p)), nil
	}
	cwd, err := getcwd(thread, nil, nil, nil)
	if err != nil {
		return nil, err
	}
	return starlark.String(normpath(string(cwd.(starlark.String)) + "/" + p)), nil
}

// getcwd returns the granted directory, the only one scripts may see.
func getcwd(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	env := core.EnvOf(thread)
	if env.Dir == "" {
		return nil, core.Errorf("PermissionError", "os.getcwd: the host grants this script no directory")
	}
	return starlark.String(filepath.ToSlash(env.Dir)), nil
}

func listdir(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p := "."
	if err := starlark.UnpackPositionalArgs("os.listdir", args, kwargs, 0, &p); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	fsys, rel, err := grantedFS(thread, "os.listdir", p)
	if err != nil {
		return nil, err
	}
	entries, err := fs.ReadDir(fsys, rel)
	if err != nil {
		return nil, core.Errorf("FileNotFoundError", "[Errno 2] No such file or directory: '%s'", p)
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	sort.Strings(names)
	out := make([]starlark.Value, len(names))
	for i, n := range names {
		out[i] = starlark.String(n)
	}
	return starlark.NewList(out), nil
}

// makedirs creates a directory inside the granted directory on disk.
func makedirs(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var p string
	var mode int = 0o777
	existOK := false
	if err := starlark.UnpackArgs("os.makedirs", args, kwargs, "name", &p, "mode?", &mode, "exist_ok?", &existOK); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	_, rel, err := grantedFS(thread, "os.makedirs", p)
	if err != nil {
		return nil, err
	}
	env := core.EnvOf(thread)
	if env.Dir == "" {
		return nil, core.Errorf("PermissionError", "os.makedirs: the host grants this script no directory to write to")
	}
	full := filepath.Join(env.Dir, filepath.FromSlash(rel))
	if fi, err := os.Stat(full); err == nil {
		if !existOK || !fi.IsDir() {
			return nil, core.Errorf("FileExistsError", "[Errno 17] File exists: '%s'", p)
		}
		return starlark.None, nil
	}
	if err := os.MkdirAll(full, fs.FileMode(mode)); err != nil {
		return nil, core.Errorf("OSError", "os.makedirs: %v", err)
	}
	return starlark.None, nil
}
