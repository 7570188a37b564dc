package runtime_test

import (
	"bytes"
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// syncBuffer is a bytes.Buffer safe for the concurrent writes of
// scripts running on several goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newRuntime returns a runtime whose output goes to the returned buffer
// and that is closed when the test ends.
func newRuntime(t *testing.T, opts runtime.Options) (*runtime.Runtime, *syncBuffer) {
	t.Helper()
	out := &syncBuffer{}
	if opts.Stdout == nil {
		opts.Stdout = out
	}
	if opts.Stderr == nil {
		opts.Stderr = out
	}
	rt := runtime.New(opts)
	t.Cleanup(func() { rt.Close() })
	return rt, out
}

// load runs src as a module and fails the test on an error.
func load(t *testing.T, rt *runtime.Runtime, name, src string) *runtime.Module {
	t.Helper()
	mod, err := rt.ExecSource(context.Background(), name, []byte(src))
	if err != nil {
		t.Fatalf("loading %s: %v", name, err)
	}
	return mod
}

// scriptError returns err as a *runtime.Error and fails the test when it
// is not one.
func scriptError(t *testing.T, err error) *runtime.Error {
	t.Helper()
	if err == nil {
		t.Fatal("got no error")
	}
	var e *runtime.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a *runtime.Error", err, err)
	}
	return e
}

// wantType checks that err is a *runtime.Error of Python type typ.
func wantType(t *testing.T, err error, typ string) *runtime.Error {
	t.Helper()
	e := scriptError(t, err)
	if e.Type != typ {
		t.Errorf("error type = %s (%v), want %s", e.Type, e, typ)
	}
	return e
}
