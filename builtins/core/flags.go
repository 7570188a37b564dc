package core

import "go.starlark.net/starlark"

// Flag returns the context flag name that set_context or the host set,
// or nil. Use it instead of reading Flags, which scripts on other
// goroutines may be writing.
func (e *Env) Flag(name string) starlark.Value {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.Flags[name]
}

// SetFlag sets the context flag name, as set_context(name=v) does.
func (e *Env) SetFlag(name string, v starlark.Value) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.Flags[name] = v
}

// CheckNaN reports whether training stops at the first NaN or infinity
// in a loss or a gradient: set_context(check_nan=True), or a host that
// set the flag (cellrepl run --check-nan).
func (e *Env) CheckNaN() bool { return e.Flag("check_nan") == starlark.True }
