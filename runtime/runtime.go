package runtime

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/runtime/syntax"
	"go.starlark.net/resolve"
	"go.starlark.net/starlark"
	starsyntax "go.starlark.net/syntax"
)

// Options configures a Runtime. The zero value is a sandboxed runtime
// that prints to the process's stdout and stderr, runs on the CPU,
// grants no file access and imposes no step limit.
type Options struct {
	// Stdout and Stderr receive print() output and warnings.
	Stdout, Stderr io.Writer
	// Device is "CPU" (the default) or "GPU".
	Device string
	// Seed seeds the numpy.random, random and MindSpore generators. Zero
	// means seed 0, so runs are reproducible unless a script reseeds.
	Seed uint32
	// Modules, when non-nil, lists the modules scripts may import
	// (submodules of a listed module included); others fail with
	// ModuleNotFoundError.
	Modules []string
	// Files is the file system scripts may read and write through
	// checkpoint and dataset functions; nil grants none. Dir, when set,
	// is the directory on disk that Files maps, used for writes.
	Files fs.FS
	Dir   string
	// MaxSteps bounds the Starlark execution steps of each call (0: no
	// limit).
	MaxSteps uint64
	// Argv is sys.argv.
	Argv []string
}

// Runtime runs scripts. It is safe for concurrent use: each call gets
// its own Starlark thread, and loaded modules are frozen.
type Runtime struct {
	opts    Options
	env     *core.Env
	modules *moduleTable

	mu      sync.Mutex
	sources map[string][]string // file name -> lines, for tracebacks
}

// New returns a runtime with the given options.
func New(opts Options) *Runtime {
	if opts.Device == "" {
		opts.Device = "CPU"
	}
	rt := &Runtime{opts: opts, sources: map[string][]string{}}
	rt.env = core.NewEnv(opts.Stdout, opts.Stderr, opts.Seed)
	rt.env.Device = opts.Device
	rt.env.Files = opts.Files
	rt.env.Dir = opts.Dir
	rt.modules = newModuleTable(opts.Modules)
	rt.modules.perRT["sys"] = rt.sysModule()
	return rt
}

// Env returns the environment shared by the runtime's scripts.
func (rt *Runtime) Env() *core.Env { return rt.env }

// Module is a loaded script: its globals after the top level ran.
type Module struct {
	rt      *Runtime
	Name    string
	Globals starlark.StringDict
}

// ExecFile loads and runs the script at path on the local file system.
func (rt *Runtime) ExecFile(ctx context.Context, path string) (*Module, error) {
	src, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return rt.ExecSource(ctx, path, src)
}

func readFile(path string) ([]byte, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Type: "FileNotFoundError", Message: fmt.Sprintf("cannot read script %s: %v", path, err), cause: err}
	}
	return src, nil
}

// ExecFS loads and runs a script from an fs.FS.
func (rt *Runtime) ExecFS(ctx context.Context, fsys fs.FS, path string) (*Module, error) {
	src, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, &Error{Type: "FileNotFoundError", Message: fmt.Sprintf("cannot read script %s: %v", path, err), cause: err}
	}
	return rt.ExecSource(ctx, path, src)
}

// ExecSource runs src as a script named filename and returns its
// globals, frozen.
func (rt *Runtime) ExecSource(ctx context.Context, filename string, src []byte) (*Module, error) {
	globals, err := rt.exec(ctx, filename, src, nil)
	if err != nil {
		return nil, err
	}
	globals.Freeze()
	return &Module{rt: rt, Name: filename, Globals: globals}, nil
}

// ExecInto runs src in the given globals without freezing them, as the
// REPL and `cellrepl run -i` need.
func (rt *Runtime) ExecInto(ctx context.Context, filename string, src []byte, globals starlark.StringDict) error {
	_, err := rt.exec(ctx, filename, src, globals)
	return err
}

func (rt *Runtime) exec(ctx context.Context, filename string, src []byte, into starlark.StringDict) (starlark.StringDict, error) {
	rt.rememberSource(filename, src)
	f, err := syntax.Parse(filename, src)
	if err != nil {
		return nil, convertError(nil, err)
	}
	thread, done := rt.NewThread(ctx, "main")
	defer done()
	pre := rt.predeclared()
	if into != nil {
		err := rt.execChunk(thread, f, into, pre)
		return into, err
	}
	prog, err := starlark.FileProgram(f, pre.Has)
	if err != nil {
		return nil, compileError(err)
	}
	globals, err := prog.Init(thread, pre)
	if err != nil {
		return globals, convertError(thread, err)
	}
	return globals, nil
}

// execChunk runs a file in existing globals: predeclared names are
// merged into the globals first so the REPL's resolver sees them.
func (rt *Runtime) execChunk(thread *starlark.Thread, f *starsyntax.File, globals, pre starlark.StringDict) error {
	for k, v := range pre {
		if _, ok := globals[k]; !ok {
			globals[k] = v
		}
	}
	if err := starlark.ExecREPLChunk(f, thread, globals); err != nil {
		if _, ok := err.(resolve.ErrorList); ok {
			return compileError(err)
		}
		return convertError(thread, err)
	}
	return nil
}

func compileError(err error) error {
	if list, ok := err.(resolve.ErrorList); ok && len(list) > 0 {
		e := list[0]
		typ, msg := "SyntaxError", e.Msg
		if name, ok := strings.CutPrefix(e.Msg, "undefined: "); ok {
			typ, msg = "NameError", fmt.Sprintf("name '%s' is not defined", name)
		}
		return &Error{Type: typ, Message: msg, Traceback: []Frame{{File: e.Pos.Filename(), Line: int(e.Pos.Line), Col: int(e.Pos.Col), Function: "<module>"}}, cause: err}
	}
	return convertError(nil, err)
}

// NewThread returns a Starlark thread bound to ctx and the runtime's
// environment; call done when the call finishes.
func (rt *Runtime) NewThread(ctx context.Context, name string) (*starlark.Thread, func()) {
	thread := &starlark.Thread{Name: name}
	thread.Print = func(_ *starlark.Thread, msg string) { fmt.Fprintln(rt.env.Stdout, msg) }
	core.SetEnv(thread, rt.env)
	core.SetContext(thread, ctx)
	if rt.opts.MaxSteps > 0 {
		thread.SetMaxExecutionSteps(rt.opts.MaxSteps)
	}
	stop := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			thread.Cancel(ctx.Err().Error())
		case <-stop:
		}
	}()
	return thread, func() { close(stop) }
}

func (rt *Runtime) rememberSource(filename string, src []byte) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	rt.sources[filename] = strings.Split(string(src), "\n")
}

// SourceLine returns line n (1-based) of a file the runtime ran.
func (rt *Runtime) SourceLine(filename string, n int) string {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	lines := rt.sources[filename]
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}

// FormatError renders err as CPython prints an uncaught exception,
// including source lines from files this runtime ran.
func (rt *Runtime) FormatError(err error) string {
	var e *Error
	if !errors.As(err, &e) {
		return err.Error() + "\n"
	}
	return e.format(rt.SourceLine)
}
