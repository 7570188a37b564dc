package runtime

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// pyOpen implements open(file, mode='r', encoding=None, newline=None)
// for the directory the host grants (runtime.Options.Files and Dir).
// Reading modes load the whole file when it opens, so a missing file
// raises at open() as in Python. Writing modes collect what the script
// writes and store it when the file closes (close(), the end of a with
// block, or flush()), replacing the file at once, so a reader never
// sees half of it. Modes: r, w and a, each with t or b; '+' and x are
// not supported.
func pyOpen(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	mode := "r"
	var encoding, newline starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs("open", args, kwargs, "file", &name, "mode?", &mode, "encoding?", &encoding, "newline?", &newline); err != nil {
		return nil, err
	}
	f, err := parseFileMode(name, mode)
	if err != nil {
		return nil, err
	}
	if enc, ok := encoding.(starlark.String); ok && !isUTF8Name(string(enc)) {
		return nil, core.Errorf("ValueError", "open: encoding '%s' is not supported; files are read and written as UTF-8", string(enc))
	}
	if f.writing && !f.appending {
		return f, nil
	}
	data, err := core.ReadFile(thread, "open", name)
	if err != nil {
		var pe *pyobj.Error
		if errors.As(err, &pe) && pe.Type() == "FileNotFoundError" {
			if f.appending {
				return f, nil
			}
			return nil, core.Errorf("FileNotFoundError", "[Errno 2] No such file or directory: '%s'", name)
		}
		return nil, err
	}
	// newline='' keeps \r\n, as the csv module needs; otherwise text
	// mode translates \r\n and \r to \n.
	if nl, ok := newline.(starlark.String); !f.binary && !(ok && nl == "") {
		data = []byte(strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n"))
	}
	f.data = data
	if f.appending {
		f.pos = len(data)
	}
	return f, nil
}

// parseFileMode checks an open() mode and returns the file it describes.
func parseFileMode(name, mode string) (*pyFile, error) {
	f := &pyFile{name: name, mode: mode}
	kinds := 0
	for _, c := range mode {
		switch c {
		case 'r':
			kinds++
		case 'w':
			kinds++
			f.writing = true
		case 'a':
			kinds++
			f.writing, f.appending = true, true
		case 'b':
			f.binary = true
		case 't':
		case '+', 'x':
			return nil, core.Errorf("ValueError", "open: mode '%s' is not supported; open the file with 'r' to read it and with 'w' or 'a' to write it", mode)
		default:
			return nil, core.Errorf("ValueError", "invalid mode: '%s'", mode)
		}
	}
	if kinds != 1 || strings.Count(mode, "b")+strings.Count(mode, "t") > 1 {
		return nil, core.Errorf("ValueError", "invalid mode: '%s'", mode)
	}
	return f, nil
}

func isUTF8Name(enc string) bool {
	switch strings.ToLower(strings.ReplaceAll(enc, "_", "-")) {
	case "utf-8", "utf8", "ascii", "us-ascii":
		return true
	}
	return false
}

// pyFile is an open file: the whole content read at open(), or the
// content written so far.
type pyFile struct {
	name, mode                 string
	binary, writing, appending bool
	data                       []byte
	pos                        int
	closed                     bool
}

var (
	_ starlark.HasAttrs = (*pyFile)(nil)
	_ starlark.Iterable = (*pyFile)(nil)
)

func (f *pyFile) Type() string {
	switch {
	case !f.binary:
		return "_io.TextIOWrapper"
	case f.writing:
		return "_io.BufferedWriter"
	}
	return "_io.BufferedReader"
}

func (f *pyFile) String() string {
	if f.binary {
		return fmt.Sprintf("<%s name='%s'>", f.Type(), f.name)
	}
	return fmt.Sprintf("<_io.TextIOWrapper name='%s' mode='%s' encoding='UTF-8'>", f.name, f.mode)
}

func (f *pyFile) Freeze()               {}
func (f *pyFile) Truth() starlark.Bool  { return starlark.True }
func (f *pyFile) Hash() (uint32, error) { return uint32(len(f.name)), nil }

func (f *pyFile) AttrNames() []string {
	return []string{"__enter__", "__exit__", "close", "closed", "flush", "mode", "name", "read", "readline", "readlines", "write", "writelines"}
}

// Attr returns the file's attributes and bound methods.
func (f *pyFile) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return starlark.String(f.name), nil
	case "mode":
		return starlark.String(f.mode), nil
	case "closed":
		return starlark.Bool(f.closed), nil
	}
	method, ok := fileMethods[name]
	if !ok {
		return nil, nil
	}
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if f.closed && name != "close" && name != "__exit__" {
			return nil, core.Errorf("ValueError", "I/O operation on closed file.")
		}
		return method(thread, f, args, kwargs)
	}), nil
}

type fileMethod func(thread *starlark.Thread, f *pyFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

var fileMethods = map[string]fileMethod{
	"__enter__": func(_ *starlark.Thread, f *pyFile, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		return f, nil
	},
	"__exit__": func(thread *starlark.Thread, f *pyFile, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		return starlark.False, f.close(thread)
	},
	"close": func(thread *starlark.Thread, f *pyFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs("close", args, kwargs, 0); err != nil {
			return nil, err
		}
		return starlark.None, f.close(thread)
	},
	"flush": func(thread *starlark.Thread, f *pyFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs("flush", args, kwargs, 0); err != nil {
			return nil, err
		}
		return starlark.None, f.store(thread)
	},
	"read":      fileRead,
	"readline":  fileReadline,
	"readlines": fileReadlines,
	"write":     fileWrite,
	"writelines": func(thread *starlark.Thread, f *pyFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var lines starlark.Value
		if err := starlark.UnpackPositionalArgs("writelines", args, kwargs, 1, &lines); err != nil {
			return nil, err
		}
		return starlark.None, forEachElement(lines, func(v starlark.Value) error {
			_, err := fileWrite(thread, f, starlark.Tuple{v}, nil)
			return err
		})
	},
}

func fileRead(_ *starlark.Thread, f *pyFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	size := -1
	if err := starlark.UnpackPositionalArgs("read", args, kwargs, 0, &size); err != nil {
		return nil, err
	}
	if err := f.checkReadable(); err != nil {
		return nil, err
	}
	rest := f.data[f.pos:]
	if !f.binary && size >= 0 {
		// size counts characters in text mode.
		runes := []rune(string(rest))
		rest = []byte(string(runes[:min(size, len(runes))]))
	} else if size >= 0 {
		rest = rest[:min(size, len(rest))]
	}
	f.pos += len(rest)
	return f.value(rest), nil
}

func fileReadline(_ *starlark.Thread, f *pyFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("readline", args, kwargs, 0); err != nil {
		return nil, err
	}
	if err := f.checkReadable(); err != nil {
		return nil, err
	}
	return f.value(f.nextLine()), nil
}

func fileReadlines(_ *starlark.Thread, f *pyFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("readlines", args, kwargs, 0); err != nil {
		return nil, err
	}
	if err := f.checkReadable(); err != nil {
		return nil, err
	}
	var lines []starlark.Value
	for line := f.nextLine(); len(line) > 0; line = f.nextLine() {
		lines = append(lines, f.value(line))
	}
	return starlark.NewList(lines), nil
}

func fileWrite(_ *starlark.Thread, f *pyFile, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs("write", args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	if !f.writing {
		return nil, core.Errorf("OSError", "not writable")
	}
	switch s := v.(type) {
	case starlark.String:
		if f.binary {
			return nil, pyobj.TypeErrorf("a bytes-like object is required, not 'str'")
		}
		f.data = append(f.data, s...)
		return starlark.MakeInt(len([]rune(string(s)))), nil
	case starlark.Bytes:
		if !f.binary {
			return nil, pyobj.TypeErrorf("write() argument must be str, not bytes")
		}
		f.data = append(f.data, s...)
		return starlark.MakeInt(len(s)), nil
	}
	if f.binary {
		return nil, pyobj.TypeErrorf("a bytes-like object is required, not '%s'", pyTypeName(v))
	}
	return nil, pyobj.TypeErrorf("write() argument must be str, not %s", pyTypeName(v))
}

func (f *pyFile) checkReadable() error {
	if f.writing {
		return core.Errorf("OSError", "not readable")
	}
	return nil
}

// nextLine returns the next line, its newline included, and moves past
// it; it returns nothing at the end of the file.
func (f *pyFile) nextLine() []byte {
	rest := f.data[f.pos:]
	end := len(rest)
	if i := strings.IndexByte(string(rest), '\n'); i >= 0 {
		end = i + 1
	}
	f.pos += end
	return rest[:end]
}

// value returns b as a str, or as bytes in binary mode.
func (f *pyFile) value(b []byte) starlark.Value {
	if f.binary {
		return starlark.Bytes(b)
	}
	return starlark.String(b)
}

// store writes the content of a file opened for writing to disk.
func (f *pyFile) store(thread *starlark.Thread) error {
	if !f.writing {
		return nil
	}
	return core.WriteFile(thread, "open", f.name, f.data)
}

// close stores a written file and marks the file closed; closing twice
// does nothing, as in Python.
func (f *pyFile) close(thread *starlark.Thread) error {
	if f.closed {
		return nil
	}
	f.closed = true
	return f.store(thread)
}

// Iterate walks the remaining lines, as `for line in f` does.
func (f *pyFile) Iterate() starlark.Iterator { return &fileLines{f: f} }

type fileLines struct{ f *pyFile }

func (it *fileLines) Next(p *starlark.Value) bool {
	if it.f.closed || it.f.writing {
		return false
	}
	line := it.f.nextLine()
	if len(line) == 0 {
		return false
	}
	*p = it.f.value(line)
	return true
}

func (it *fileLines) Done() {}
