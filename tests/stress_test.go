package tests

import (
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"testing"
	"time"

	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/engine/cpu"
	"github.com/cellscript/cellscript/runtime"
)

// stressRuns returns how many times TestStressDigitsCancelRestart trains
// the digits program: a few for CI, hundreds with CELLSCRIPT_STRESS=long.
func stressRuns() int {
	switch {
	case os.Getenv("CELLSCRIPT_STRESS") == "long":
		return 300
	case testing.Short():
		return 4
	}
	return 12
}

// digitsShortEpochs returns scripts/digits.py training 3 epochs instead
// of 15, so that a run is short and a cancellation may land anywhere in
// it: loading the data, training, evaluating.
func digitsShortEpochs(t *testing.T, root string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(root, "scripts", "digits.py"))
	if err != nil {
		t.Fatal(err)
	}
	short := strings.Replace(string(src), "model.train(15,", "model.train(3,", 1)
	if short == string(src) {
		t.Fatal("scripts/digits.py no longer calls model.train(15, ...); update the stress test")
	}
	return []byte(short)
}

// TestStressDigitsCancelRestart trains the digits program again and
// again on one runtime while another goroutine cancels each run after a
// random delay. Every run must finish or stop with KeyboardInterrupt,
// and afterwards the heap, the live tensor memory and the goroutine
// count must be back where they were after the first run.
func TestStressDigitsCancelRestart(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	src := digitsShortEpochs(t, root)
	rt := runtime.New(runtime.Options{Stdout: io.Discard, Stderr: io.Discard, Dir: root, MaxTensorBytes: 1 << 30})
	defer rt.Close()

	run := func(ctx context.Context) error {
		_, err := rt.ExecSource(ctx, "scripts/digits.py", src)
		return err
	}
	// The first run loads the code paths, the module cache and the data,
	// which later runs reuse, so it sets the baseline.
	start := time.Now()
	if err := run(context.Background()); err != nil {
		t.Fatalf("uncancelled run failed: %v", err)
	}
	// Cancelling within 1.2 times a whole run lets most runs stop at a
	// random point and a few finish.
	span := time.Since(start) * 6 / 5
	heap, live, goroutines := settle()

	finished, cancelled := 0, 0
	for i := 0; i < stressRuns(); i++ {
		ctx, cancel := context.WithCancel(context.Background())
		delay := time.Duration(rand.Int64N(int64(span)))
		stopped := make(chan struct{})
		go func() {
			defer close(stopped)
			select {
			case <-time.After(delay):
				cancel()
			case <-ctx.Done():
			}
		}()
		err := run(ctx)
		cancel()
		<-stopped
		var e *runtime.Error
		switch {
		case err == nil:
			finished++
		case errors.As(err, &e) && e.Type == "KeyboardInterrupt" && errors.Is(err, context.Canceled):
			cancelled++
		default:
			t.Fatalf("run %d (cancelled after %v): %v", i, delay, err)
		}
	}
	t.Logf("%d runs finished, %d were cancelled", finished, cancelled)
	if cancelled == 0 {
		t.Error("no run was cancelled, so cancellation went untested")
	}

	heap2, live2, goroutines2 := settle()
	t.Logf("after the first run: heap %d B, live tensors %d B, %d goroutines", heap, live, goroutines)
	t.Logf("after every run:     heap %d B, live tensors %d B, %d goroutines", heap2, live2, goroutines2)
	// The live heap after a collection is stable to a few KiB between
	// runs. A leak of one run's training data (1797 rows of 65 float64,
	// 0.9 MiB) on every run would pass the 4 MiB bound within 5 runs.
	if heap2 > heap+4<<20 {
		t.Errorf("the heap grew from %d to %d bytes over %d runs", heap, heap2, stressRuns())
	}
	if live2 > live+8<<20 {
		t.Errorf("live tensor memory grew from %d to %d bytes over %d runs", live, live2, stressRuns())
	}
	if goroutines2 > goroutines {
		buf := make([]byte, 1<<20)
		n := goruntime.Stack(buf, true)
		t.Errorf("%d goroutines after the runs, %d before; stacks:\n%s", goroutines2, goroutines, buf[:n])
	}
	if _, err := rt.ExecSource(context.Background(), "after.py", []byte("x = 1 + 1\n")); err != nil {
		t.Errorf("the runtime is unusable after the runs: %v", err)
	}
}

// settle collects garbage until the heap, the live tensor bytes (whose
// counts drop in cleanups that run after a collection) and the number
// of goroutines stop falling, and returns them.
func settle() (heap uint64, live int64, goroutines int) {
	var ms goruntime.MemStats
	deadline := time.Now().Add(5 * time.Second)
	prevLive, prevG := int64(-1), -1
	for {
		goruntime.GC()
		time.Sleep(20 * time.Millisecond)
		live, goroutines = engine.LiveBytes(), goruntime.NumGoroutine()
		if (live == prevLive && goroutines == prevG) || time.Now().After(deadline) {
			break
		}
		prevLive, prevG = live, goroutines
	}
	goruntime.GC()
	goruntime.ReadMemStats(&ms)
	// Idle arrays in the storage pool are a cache that later runs reuse,
	// not a leak, and how many are back after a collection depends on
	// when their finalizers ran.
	return ms.HeapAlloc - uint64(cpu.PoolIdleBytes()), live, goroutines
}
