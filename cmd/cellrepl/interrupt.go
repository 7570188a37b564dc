package main

import (
	"context"
	"os"
	"os/signal"
	"sync"
)

// interrupter turns SIGINT into the cancellation of the code that runs.
// While readline reads a line, the terminal is in raw mode, so Ctrl-C
// arrives as a key rather than a signal. While code runs, the terminal
// is in cooked mode, so Ctrl-C raises SIGINT.
type interrupter struct {
	mu      sync.Mutex
	cancel  context.CancelFunc // of the running input; nil at the prompt
	idle    func()             // runs on SIGINT at the prompt; nil ignores it
	signals chan os.Signal
	done    chan struct{}
}

// newInterrupter starts catching SIGINT until stop is called.
func newInterrupter(idle func()) *interrupter {
	i := &interrupter{idle: idle, signals: make(chan os.Signal, 1), done: make(chan struct{})}
	signal.Notify(i.signals, os.Interrupt)
	go i.loop()
	return i
}

func (i *interrupter) loop() {
	for {
		select {
		case <-i.signals:
			i.mu.Lock()
			cancel, idle := i.cancel, i.idle
			i.mu.Unlock()
			if cancel != nil {
				cancel()
			} else if idle != nil {
				idle()
			}
		case <-i.done:
			return
		}
	}
}

// start returns a context that SIGINT cancels, and the function that
// ends its use.
func (i *interrupter) start() (context.Context, func()) {
	ctx, cancel := context.WithCancel(context.Background())
	i.mu.Lock()
	i.cancel = cancel
	i.mu.Unlock()
	return ctx, func() {
		i.mu.Lock()
		i.cancel = nil
		i.mu.Unlock()
		cancel()
	}
}

// stop stops catching SIGINT.
func (i *interrupter) stop() {
	signal.Stop(i.signals)
	close(i.done)
}
