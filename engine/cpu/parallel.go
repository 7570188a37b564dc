package cpu

import (
	"runtime"
	"sync"
)

// Parallel splits [0, n) into contiguous chunks and runs fn on each, one
// chunk per worker, using at most GOMAXPROCS workers and chunks of at
// least grain items. The first chunk runs on the calling goroutine, and
// Parallel returns when every chunk is done. With one worker it calls
// fn(0, n) directly.
func Parallel(n, grain int, fn func(lo, hi int)) {
	workers := Workers(n, grain)
	if workers <= 1 {
		if n > 0 {
			fn(0, n)
		}
		return
	}
	var wg sync.WaitGroup
	wg.Add(workers - 1)
	for w := 1; w < workers; w++ {
		go func(lo, hi int) {
			defer wg.Done()
			fn(lo, hi)
		}(n*w/workers, n*(w+1)/workers)
	}
	fn(0, n/workers)
	wg.Wait()
}

// vecBlock is the most elements one assembly call processes. The Go
// scheduler and garbage collector cannot stop a goroutine inside
// assembly, so long loops are cut into calls of about 30 µs.
const vecBlock = 1 << 15

// blocks calls fn on consecutive pieces [lo, hi) of [0, n), each at most
// vecBlock long and, but for the last, a multiple of 16. It must not be
// inlined: then fn stays a real call, whose prologue is where a
// goroutine stops for the garbage collector between the assembly calls.
// Inlined, the loop would hold up a stop-the-world phase until the whole
// kernel ended (7 ms for a 16M-element loss).
//
//go:noinline
func blocks(n int, fn func(lo, hi int)) {
	for lo := 0; lo < n; lo += vecBlock {
		fn(lo, min(n, lo+vecBlock))
	}
}

// Workers returns how many workers Parallel uses for n items with the
// given minimum chunk size.
func Workers(n, grain int) int {
	if grain < 1 {
		grain = 1
	}
	return max(1, min(runtime.GOMAXPROCS(0), n/grain))
}
