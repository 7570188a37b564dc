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
// grants no file access and imposes no limits.
type Options struct {
	// Stdout and Stderr receive print() output and warnings. They must
	// be safe for concurrent use when several goroutines call into the
	// runtime. Nil means os.Stdout and os.Stderr.
	Stdout, Stderr io.Writer

	// Device is "CPU" (the default) or "GPU".
	Device string

	// Seed seeds the numpy.random, random and MindSpore generators. Zero
	// means seed 0, so runs are reproducible unless a script reseeds.
	Seed uint32

	// Modules, when non-nil, lists the modules scripts may import
	// (submodules of a listed module included); others fail with
	// ModuleNotFoundError. Modules added with RegisterModule are always
	// importable.
	Modules []string

	// Files is the file system scripts may read and write through
	// checkpoint and dataset functions; nil grants none. Dir, when set,
	// is the directory on disk that Files maps, used for writes. Setting
	// only Dir grants os.DirFS(Dir).
	Files fs.FS
	Dir   string

	// MaxSteps bounds the Starlark execution steps of each call (0: no
	// limit). A call that exceeds it fails with an error that matches
	// ErrStepLimit.
	MaxSteps uint64

	// MaxTensorBytes bounds the bytes of live tensor storage (0: no
	// limit). An allocation past it raises MemoryError in the script.
	// The engine keeps one count for the whole process, so the limit
	// covers the tensors of every runtime and goroutine, and with
	// several runtimes the smallest limit of those not yet closed
	// applies.
	MaxTensorBytes int64

	// Argv is sys.argv.
	Argv []string
}

// Runtime runs scripts. All its methods are safe for concurrent use:
// each call runs on a Starlark thread of its own, and loaded modules are
// frozen.
type Runtime struct {
	opts    Options
	env     *core.Env
	modules *moduleTable

	mu      sync.Mutex
	sources map[string][]string         // file name -> lines, for tracebacks
	infos   map[string]*syntax.FileInfo // file name -> signatures, for call errors

	// hostMu guards hostModules, the modules added by RegisterModule.
	hostMu      sync.RWMutex
	hostModules map[string]*core.Module

	memoryHold *memoryHold // nil without MaxTensorBytes
}

// New returns a runtime with the given options. Call Close when done
// with a runtime that sets MaxTensorBytes.
func New(opts Options) *Runtime {
	if opts.Device == "" {
		opts.Device = "CPU"
	}
	if opts.Files == nil && opts.Dir != "" {
		opts.Files = os.DirFS(opts.Dir)
	}
	rt := &Runtime{opts: opts, sources: map[string][]string{}, infos: map[string]*syntax.FileInfo{}, hostModules: map[string]*core.Module{}}
	rt.env = core.NewEnv(opts.Stdout, opts.Stderr, opts.Seed)
	rt.env.Device = opts.Device
	rt.env.Files = opts.Files
	rt.env.Dir = opts.Dir
	rt.env.SourceLine = rt.SourceLine
	rt.modules = newModuleTable(opts.Modules)
	rt.modules.perRT["sys"] = rt.sysModule()
	if opts.MaxTensorBytes > 0 {
		rt.memoryHold = holdMemoryLimit(rt, opts.MaxTensorBytes)
	}
	return rt
}

// Close releases the runtime's share of the process-wide tensor memory
// limit. The runtime stays usable, without that limit. Close is safe to
// call more than once and from any goroutine. A runtime that is never
// closed releases its limit when the garbage collector reclaims it.
func (rt *Runtime) Close() error {
	if rt == nil {
		return nil
	}
	if rt.memoryHold != nil {
		rt.memoryHold.release()
	}
	return nil
}

// Env returns the environment shared by the runtime's scripts.
// It is nil for a nil or zero Runtime.
func (rt *Runtime) Env() *core.Env {
	if rt == nil {
		return nil
	}
	return rt.env
}

// Module is a loaded script: its globals after the top level ran,
// frozen, so that any number of goroutines may use it at once. Module's
// methods (api.go) look up globals and call them.
//
// NOTE: a module with a recursive nested def stays unfrozen, because
// go.starlark.net cannot freeze a function that refers to itself. Its
// functions are still safe to call concurrently when they change no
// shared list, dict or instance.
type Module struct {
	rt   *Runtime
	Name string // the file name the script was loaded under
	// Globals holds the script's top-level names. It is frozen; do not
	// modify it.
	Globals starlark.StringDict
}

// ExecFile loads and runs the script at path on the local file system.
// The script's file access is still limited to Options.Files.
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

// ExecFS loads and runs the script at path in fsys.
func (rt *Runtime) ExecFS(ctx context.Context, fsys fs.FS, path string) (*Module, error) {
	src, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, &Error{Type: "FileNotFoundError", Message: fmt.Sprintf("cannot read script %s: %v", path, err), cause: err}
	}
	return rt.ExecSource(ctx, path, src)
}

// ExecSource runs src as a script named filename and returns its
// globals, frozen. Tracebacks name filename and quote lines of src.
func (rt *Runtime) ExecSource(ctx context.Context, filename string, src []byte) (*Module, error) {
	globals, err := rt.exec(ctx, filename, src, nil)
	if err != nil {
		return nil, err
	}
	freezeGlobals(globals)
	return &Module{rt: rt, Name: filename, Globals: globals}, nil
}

// ExecInto runs src in the given globals without freezing them, as the
// REPL and `cellrepl run -i` need. The globals must not be used by
// another goroutine during the call.
func (rt *Runtime) ExecInto(ctx context.Context, filename string, src []byte, globals starlark.StringDict) error {
	_, err := rt.exec(ctx, filename, src, globals)
	return err
}

func (rt *Runtime) exec(ctx context.Context, filename string, src []byte, into starlark.StringDict) (starlark.StringDict, error) {
	if !rt.usable() {
		return nil, noRuntimeError()
	}
	rt.rememberSource(filename, src)
	f, info, err := syntax.ParseWithInfo(filename, src)
	if err != nil {
		return nil, convertError(nil, err)
	}
	rt.rememberInfo(filename, info)
	pre := rt.predeclared()
	var globals starlark.StringDict
	_, err = rt.run(ctx, "main", func(thread *starlark.Thread) (starlark.Value, error) {
		if into != nil {
			globals = into
			return starlark.None, rt.execChunk(thread, f, into, pre, func() (*starsyntax.File, error) { return syntax.Parse(filename, src) })
		}
		prog, pre, err := lazyProgram(filename, src, f, pre)
		if err != nil {
			return nil, compileError(err)
		}
		globals, err = prog.Init(thread, pre)
		exportCells(globals)
		return starlark.None, err
	})
	return globals, err
}

// execChunk runs a file in existing globals. Predeclared names are
// merged into the globals first, so that the REPL's resolver finds them.
// The resolver may reject the file only for undefined names, before
// anything has run. execChunk then parses it again with reparse and turns
// the reads of those names into calls that raise NameError when they
// run. So `try: missing` / `except NameError:` works as in Python.
func (rt *Runtime) execChunk(thread *starlark.Thread, f *starsyntax.File, globals, pre starlark.StringDict, reparse func() (*starsyntax.File, error)) error {
	for k, v := range pre {
		if _, ok := globals[k]; !ok {
			globals[k] = v
		}
	}
	globals["__module_cells__"] = moduleCellsBuiltin(globals)
	exportCells(globals)
	err := starlark.ExecREPLChunk(f, thread, globals)
	if list, ok := err.(resolve.ErrorList); ok && allUndefined(list) && reparse != nil {
		if f2, perr := reparse(); perr == nil {
			names, reads := undefinedReads(list)
			replaceUndefinedReads(f2, reads)
			globals[raiseUndefinedName] = undefinedBuiltin(names)
			err = starlark.ExecREPLChunk(f2, thread, globals)
		}
	}
	exportCells(globals)
	if err != nil {
		if _, ok := err.(resolve.ErrorList); ok {
			return compileError(err)
		}
		return err
	}
	return nil
}

func compileError(err error) error {
	if list, ok := err.(resolve.ErrorList); ok && len(list) > 0 {
		e := list[0]
		typ, msg := "SyntaxError", pythonMessage("SyntaxError", e.Msg)
		if name, ok := strings.CutPrefix(e.Msg, "undefined: "); ok {
			typ, msg = "NameError", nameErrorMessage(name)
		}
		return &Error{Type: typ, Message: msg, Traceback: []Frame{{File: e.Pos.Filename(), Line: int(e.Pos.Line), Col: int(e.Pos.Col), Function: "<module>"}}, cause: err}
	}
	return convertError(nil, err)
}

// nameErrorMessage words go.starlark.net's "undefined: x (did you mean
// y?)" as Python 3.11 does: "name 'x' is not defined. Did you mean: 'y'?".
func nameErrorMessage(undefined string) string {
	name, hint, found := strings.Cut(undefined, " (did you mean ")
	if !found {
		return fmt.Sprintf("name '%s' is not defined", name)
	}
	return fmt.Sprintf("name '%s' is not defined. Did you mean: '%s'?", name, strings.TrimSuffix(hint, "?)"))
}

// NewThread returns a Starlark thread bound to ctx and the runtime's
// environment, for hosts that drive go.starlark.net directly; call done
// when the call finishes. Cancelling ctx cancels the thread. done stops
// watching ctx and then detaches the thread from it, so that objects
// made on the thread (which run their special methods on it) keep
// working after ctx ends. A thread must not be used by two goroutines
// at once.
func (rt *Runtime) NewThread(ctx context.Context, name string) (thread *starlark.Thread, done func()) {
	if ctx == nil {
		ctx = context.Background()
	}
	thread = &starlark.Thread{Name: name}
	if !rt.usable() {
		// Builtins that need the environment raise on this thread.
		return thread, func() {}
	}
	thread.Print = func(_ *starlark.Thread, msg string) { fmt.Fprintln(rt.env.Stdout, msg) }
	core.SetEnv(thread, rt.env)
	thread.SetLocal(runtimeKey, rt)
	if rt.opts.MaxSteps > 0 {
		setStepLimit(thread, rt.opts.MaxSteps)
	}
	stop := watchContext(ctx, thread)
	return thread, func() {
		stop()
		detachThread(thread)
	}
}

// usable reports whether rt was made by New.
func (rt *Runtime) usable() bool { return rt != nil && rt.env != nil }

func (rt *Runtime) rememberSource(filename string, src []byte) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	rt.sources[filename] = strings.Split(string(src), "\n")
}

// rememberInfo stores what the parser recorded about a file. A REPL
// chunk reuses its file name, so its entries join the earlier chunks'.
func (rt *Runtime) rememberInfo(filename string, info *syntax.FileInfo) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	old := rt.infos[filename]
	if old == nil {
		rt.infos[filename] = info
		return
	}
	old.Merge(info)
}

// signatureAt returns the signature of the innermost function named
// name whose source in filename contains pos.
func (rt *Runtime) signatureAt(filename, name string, pos syntax.Pos) (syntax.Signature, bool) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	info := rt.infos[filename]
	if info == nil {
		return syntax.Signature{}, false
	}
	return info.Enclosing(name, pos)
}

// callKeywordsAt returns the keyword names of the call whose "(" is at
// pos in filename.
func (rt *Runtime) callKeywordsAt(filename string, pos syntax.Pos) []string {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	info := rt.infos[filename]
	if info == nil {
		return nil
	}
	return info.CallKeywords[pos]
}

// SourceLine returns line n (1-based) of a file the runtime ran.
func (rt *Runtime) SourceLine(filename string, n int) string {
	if !rt.usable() {
		return ""
	}
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
