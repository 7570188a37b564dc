package core

import (
	"github.com/cellscript/cellscript/builtins/ndformat"
	"go.starlark.net/starlark"
)

// PrintOptions returns the options that arrays print with, as
// np.get_printoptions reports them: NumPy 1.24's defaults until
// SetPrintOptions changes them.
func (e *Env) PrintOptions() ndformat.Options {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.printOptions == nil {
		return ndformat.DefaultOptions()
	}
	return *e.printOptions
}

// SetPrintOptions replaces the options that arrays print with, as
// np.set_printoptions does. It returns the validation error of o and
// keeps the old options when o is invalid.
func (e *Env) SetPrintOptions(o ndformat.Options) error {
	if err := o.Validate(); err != nil {
		return err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.printOptions = &o
	return nil
}

// PrintOptionsOf returns the print options of thread's environment, or the
// defaults for a nil thread.
func PrintOptionsOf(thread *starlark.Thread) ndformat.Options {
	if thread == nil {
		return ndformat.DefaultOptions()
	}
	return EnvOf(thread).PrintOptions()
}
