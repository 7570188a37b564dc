package cuda

import (
	"fmt"
	"runtime"
	"sync"
)

// owner runs every driver call on one goroutine locked to one OS
// thread, which holds the primary context current. CUDA contexts are
// per thread, and a single issuer keeps the stream's order the order in
// which the engine's ops were called.
type owner struct {
	drv  driver
	work chan func()

	// mu guards closed against do sending on a closed channel.
	mu     sync.RWMutex
	closed bool
}

// startOwner starts the owning goroutine and binds the driver to its
// thread.
func startOwner(drv driver) (*owner, error) {
	o := &owner{drv: drv, work: make(chan func())}
	ready := make(chan error)
	go o.loop(ready)
	if err := <-ready; err != nil {
		return nil, err
	}
	return o, nil
}

func (o *owner) loop(ready chan<- error) {
	runtime.LockOSThread()
	err := o.drv.bind()
	ready <- err
	if err != nil {
		return
	}
	for f := range o.work {
		f()
	}
}

// do runs f on the owning goroutine and returns its error. A panic in
// f, a bug in the backend or the fake driver, comes back as an error
// instead of killing the owning goroutine.
func (o *owner) do(f func(d driver) error) error {
	o.mu.RLock()
	defer o.mu.RUnlock()
	if o.closed {
		return errClosed
	}
	done := make(chan error, 1)
	o.work <- func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("cuda: internal error: %v", r)
			}
		}()
		done <- f(o.drv)
	}
	return <-done
}

// close closes the driver on the owning goroutine and stops it; later
// calls of do return errClosed.
func (o *owner) close() error {
	err := o.do(func(d driver) error { return d.close() })
	o.mu.Lock()
	defer o.mu.Unlock()
	if !o.closed {
		o.closed = true
		close(o.work)
	}
	return err
}
