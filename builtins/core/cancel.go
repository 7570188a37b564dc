package core

import (
	"context"

	"go.starlark.net/starlark"
)

const ctxKey = "cellscript.ctx"

// SetContext attaches the call's context to thread, so that long native
// work (training loops, big kernels split in chunks) can stop when the
// host or the REPL cancels it.
func SetContext(thread *starlark.Thread, ctx context.Context) { thread.SetLocal(ctxKey, ctx) }

// Context returns the context attached to thread, or Background.
func Context(thread *starlark.Thread) context.Context {
	if thread != nil {
		if c, ok := thread.Local(ctxKey).(context.Context); ok {
			return c
		}
	}
	return context.Background()
}

// CheckCancel returns a KeyboardInterrupt error once the thread's
// context is cancelled. Native loops call it between steps.
func CheckCancel(thread *starlark.Thread) error {
	if err := Context(thread).Err(); err != nil {
		return Errorf("KeyboardInterrupt", "interrupted: %v", err)
	}
	return nil
}

// LocalKeys are the thread-local keys a child thread (a generator body,
// a callback) inherits from its parent.
var LocalKeys = []string{envKey, ctxKey}

// InheritLocals copies the runtime's thread locals from parent to child.
func InheritLocals(parent, child *starlark.Thread) {
	for _, k := range LocalKeys {
		if v := parent.Local(k); v != nil {
			child.SetLocal(k, v)
		}
	}
}
