package runtime

import (
	"context"
	"errors"
	"math"
	goruntime "runtime"
	"strings"
	"sync"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// ErrStepLimit is matched (with errors.Is) by the error of a call that
// ran more Starlark steps than Options.MaxSteps allows.
var ErrStepLimit = errors.New("the call exceeded its Starlark step limit")

// Thread-local keys of the runtime. Child threads (generator bodies)
// inherit the runtime key through core.LocalKeys.
const (
	runtimeKey   = "cellscript.runtime"
	stepLimitKey = "cellscript.max_steps"
)

func init() {
	core.LocalKeys = append(core.LocalKeys, runtimeKey)
}

// runtimeOf returns the runtime that made thread, or nil for a thread
// that a host made without one.
func runtimeOf(thread *starlark.Thread) *Runtime {
	rt, _ := thread.Local(runtimeKey).(*Runtime)
	return rt
}

// setStepLimit bounds the steps of thread and remembers the bound for
// the threads it starts.
func setStepLimit(thread *starlark.Thread, steps uint64) {
	thread.SetMaxExecutionSteps(steps)
	thread.SetLocal(stepLimitKey, steps)
}

// stepLimit returns the step bound of thread, 0 when it has none.
func stepLimit(thread *starlark.Thread) uint64 {
	n, _ := thread.Local(stepLimitKey).(uint64)
	return n
}

// exceededSteps reports whether the call on thread stopped at a step
// bound: its own, or that of a generator body it consumed, which
// go.starlark.net reports as "too many steps".
func exceededSteps(thread *starlark.Thread, err error) bool {
	if limit := stepLimit(thread); limit > 0 && thread.Steps >= limit {
		return true
	}
	return stepLimit(thread) > 0 && strings.Contains(err.Error(), "cancelled: too many steps")
}

// watchContext cancels thread when ctx ends and attaches ctx to the
// thread for core.CheckCancel. The returned stop ends the watch and
// returns only after the watching goroutine has exited, so no
// cancellation can arrive after it.
func watchContext(ctx context.Context, thread *starlark.Thread) (stop func()) {
	core.SetContext(thread, ctx)
	if ctx.Done() == nil {
		return func() {}
	}
	quit := make(chan struct{})
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		select {
		case <-ctx.Done():
			thread.Cancel(ctx.Err().Error())
		case <-quit:
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(quit)
			<-exited
		})
	}
}

// detachThread readies a finished call's thread for later use by the
// objects made on it, which run special methods such as property
// getters on the thread that created them: it lifts any cancellation,
// the step bound and the call's context.
func detachThread(thread *starlark.Thread) {
	pyobj.ClearDeferredError(thread)
	thread.Uncancel()
	if stepLimit(thread) > 0 {
		thread.SetMaxExecutionSteps(math.MaxUint64)
		thread.SetLocal(stepLimitKey, uint64(0))
	}
	core.SetContext(thread, context.Background())
}

// bindChildThread gives child, a thread that parent starts (a generator
// body), the parent's context and step bound. Call the returned stop
// when the child finishes.
func bindChildThread(parent, child *starlark.Thread) (stop func()) {
	if limit := stepLimit(parent); limit > 0 {
		// NOTE: the child counts its own steps from zero, so a generator
		// body may run up to the full bound on top of its consumer.
		setStepLimit(child, limit)
	}
	return watchContext(core.Context(parent), child)
}

// memoryHold is one runtime's claim on the process-wide tensor memory
// limit. The engine enforces the smallest claim, or the limit that was
// set before the first claim when no claim is left.
type memoryHold struct {
	id    uint64
	once  sync.Once
	bytes int64
}

var memoryHolds struct {
	mu     sync.Mutex
	nextID uint64
	active map[uint64]int64 // hold id -> bytes
	base   int64            // the engine limit before the first hold
}

// holdMemoryLimit claims a limit of bytes for rt and releases it when the
// garbage collector reclaims rt, unless Close released it first.
func holdMemoryLimit(rt *Runtime, bytes int64) *memoryHold {
	memoryHolds.mu.Lock()
	defer memoryHolds.mu.Unlock()
	if memoryHolds.active == nil {
		memoryHolds.active = map[uint64]int64{}
	}
	if len(memoryHolds.active) == 0 {
		memoryHolds.base = engine.MemoryLimit()
	}
	memoryHolds.nextID++
	h := &memoryHold{id: memoryHolds.nextID, bytes: bytes}
	memoryHolds.active[h.id] = bytes
	applyMemoryLimit()
	goruntime.AddCleanup(rt, func(h *memoryHold) { h.release() }, h)
	return h
}

func (h *memoryHold) release() {
	h.once.Do(func() {
		memoryHolds.mu.Lock()
		defer memoryHolds.mu.Unlock()
		delete(memoryHolds.active, h.id)
		applyMemoryLimit()
	})
}

// applyMemoryLimit sets the engine limit from the active holds. The
// caller holds memoryHolds.mu.
func applyMemoryLimit() {
	if len(memoryHolds.active) == 0 {
		engine.SetMemoryLimit(memoryHolds.base)
		return
	}
	limit := int64(math.MaxInt64)
	if memoryHolds.base > 0 {
		limit = memoryHolds.base
	}
	for _, bytes := range memoryHolds.active {
		limit = min(limit, bytes)
	}
	engine.SetMemoryLimit(limit)
}
