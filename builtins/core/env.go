package core

import (
	"io"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/cellscript/cellscript/builtins/ndformat"
	"github.com/cellscript/cellscript/engine/rng"
	"go.starlark.net/starlark"
)

// Env is the state one runtime shares among its scripts: output
// streams, random generators, the device and context flags. Builtins
// find it through EnvOf(thread).
//
// An Env is safe for concurrent use: the mutex guards the generators, the
// flags and the set of printed warnings, and the writers must be safe for concurrent use themselves
// when scripts run on several goroutines.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer

	mu       sync.Mutex
	numpy    *rng.NumPy
	python   *rng.Python
	msSeed   *int64
	msStream *rng.NumPy
	Device   string
	Flags    map[string]starlark.Value

	// Files is the file system scripts may read (data, checkpoints); nil
	// grants none. Dir is the directory on disk it maps, used for writes;
	// empty means scripts cannot write files.
	Files fs.FS
	Dir   string

	// Clock, when set, replaces the wall clock that scripts read (see
	// Now). Set it before scripts run.
	Clock func() time.Time

	// observers follow Model.train; see AddTrainObserver.
	observers trainObservers

	// printOptions are numpy's print options; nil means the defaults.
	printOptions *ndformat.Options

	// SourceLine, when set, returns line n (1-based) of a script file,
	// which Warn prints under each warning. The runtime sets it.
	SourceLine func(filename string, n int) string

	// warned contains the warnings that Warn has printed.
	warned map[warningKey]bool
}

// NewEnv returns an environment writing to the given streams (os.Stdout
// and os.Stderr when nil), with unseeded generators drawn from seed.
func NewEnv(stdout, stderr io.Writer, seed uint32) *Env {
	if stdout == nil {
		stdout = os.Stdout
	}
	if stderr == nil {
		stderr = os.Stderr
	}
	e := &Env{Stdout: stdout, Stderr: stderr, Device: "CPU", Flags: map[string]starlark.Value{}}
	e.numpy = rng.NewNumPy(seed)
	e.python = rng.NewPython(int64(seed))
	e.msStream = rng.NewNumPy(seed ^ 0x9e3779b9)
	return e
}

const envKey = "cellscript.env"

// SetEnv attaches env to thread.
func SetEnv(thread *starlark.Thread, env *Env) { thread.SetLocal(envKey, env) }

// EnvOf returns the environment of thread, creating a default one for
// threads that a host made without a runtime.
func EnvOf(thread *starlark.Thread) *Env {
	if thread != nil {
		if e, ok := thread.Local(envKey).(*Env); ok {
			return e
		}
	}
	e := NewEnv(nil, nil, 0)
	if thread != nil {
		SetEnv(thread, e)
	}
	return e
}

// WithNumPy runs f with the global numpy.random generator locked.
func (e *Env) WithNumPy(f func(r *rng.NumPy)) {
	e.mu.Lock()
	defer e.mu.Unlock()
	f(e.numpy)
}

// WithPython runs f with Python's random module generator locked.
func (e *Env) WithPython(f func(r *rng.Python)) {
	e.mu.Lock()
	defer e.mu.Unlock()
	f(e.python)
}

// WithMindSpore runs f with the generator behind MindSpore's initializers
// and samplers locked.
func (e *Env) WithMindSpore(f func(r *rng.NumPy)) {
	e.mu.Lock()
	defer e.mu.Unlock()
	f(e.msStream)
}

// SetMindSporeSeed reseeds the MindSpore-side generator, as
// mindspore.set_seed does.
func (e *Env) SetMindSporeSeed(seed int64) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.msSeed = &seed
	e.msStream.Seed(uint32(seed))
}

// MindSporeSeed returns the seed set by mindspore.set_seed, if any.
func (e *Env) MindSporeSeed() (int64, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.msSeed == nil {
		return 0, false
	}
	return *e.msSeed, true
}
