package runtime_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/runtime"
	"go.starlark.net/starlark"
)

const spinSource = `
def spin():
    n = 0
    while True:
        n += 1

def count(k):
    n = 0
    for i in range(k):
        n += i
    return n

def gen_spin():
    def body():
        while True:
            pass
        yield 1
    return [x for x in body()]
`

func TestStepLimit(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{MaxSteps: 10000})
	mod := load(t, rt, "spin.py", spinSource)
	ctx := context.Background()
	_, err := mod.Call(ctx, "spin")
	if !errors.Is(err, runtime.ErrStepLimit) {
		t.Fatalf("spin() = %v, want ErrStepLimit", err)
	}
	e := wantType(t, err, "RuntimeError")
	if !strings.Contains(e.Message, "10000") {
		t.Errorf("message %q does not give the limit", e.Message)
	}
	if len(e.Traceback) == 0 || e.Traceback[len(e.Traceback)-1].Function != "spin" {
		t.Errorf("traceback %v does not end in spin", e.Traceback)
	}
	// The limit is per call: a short call right after succeeds.
	out, err := mod.Call(ctx, "count", 100)
	if err != nil {
		t.Fatalf("count(100) after a step-limit error: %v", err)
	}
	if n, _ := out.Int(); n != 4950 {
		t.Errorf("count(100) = %d, want 4950", n)
	}
	_, err = mod.Call(ctx, "count", 100000)
	if !errors.Is(err, runtime.ErrStepLimit) {
		t.Errorf("count(100000) = %v, want ErrStepLimit", err)
	}
}

func TestStepLimitReachesGenerators(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{MaxSteps: 10000})
	mod := load(t, rt, "spin.py", spinSource)
	done := make(chan error, 1)
	go func() {
		_, err := mod.Call(context.Background(), "gen_spin")
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, runtime.ErrStepLimit) {
			t.Errorf("gen_spin() = %v, want ErrStepLimit", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a generator body looping forever was not stopped by the step limit")
	}
}

// cancelAfter calls fn with a context cancelled after delay and returns
// the error and how long after the cancel fn returned.
func cancelAfter(delay time.Duration, fn func(ctx context.Context) error) (error, time.Duration) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var cancelledAt time.Time
	timer := time.AfterFunc(delay, func() {
		cancelledAt = time.Now()
		cancel()
	})
	defer timer.Stop()
	err := fn(ctx)
	return err, time.Since(cancelledAt)
}

func TestCancelStarlarkLoop(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "spin.py", spinSource)
	for _, fn := range []string{"spin", "gen_spin"} {
		err, latency := cancelAfter(30*time.Millisecond, func(ctx context.Context) error {
			_, err := mod.Call(ctx, fn)
			return err
		})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("%s() after cancel = %v, want context.Canceled", fn, err)
		}
		wantType(t, err, "KeyboardInterrupt")
		if latency > 100*time.Millisecond {
			t.Errorf("%s() returned %v after the cancel, want under 100ms", fn, latency)
		}
	}
	if _, err := mod.Call(context.Background(), "count", 10); err != nil {
		t.Errorf("runtime unusable after cancellation: %v", err)
	}
}

func TestCancelNativeLoop(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	busy := runtime.NewFunction("busy", func(c *runtime.Call) (any, error) {
		for {
			if err := c.CheckCancel(); err != nil {
				return nil, err
			}
			time.Sleep(time.Millisecond)
		}
	})
	if err := rt.RegisterModule("h", starlark.StringDict{"busy": busy}); err != nil {
		t.Fatal(err)
	}
	mod := load(t, rt, "b.py", "from h import busy\ndef run():\n    return busy()\n")
	err, latency := cancelAfter(30*time.Millisecond, func(ctx context.Context) error {
		_, err := mod.Call(ctx, "run")
		return err
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("run() after cancel = %v, want context.Canceled", err)
	}
	if latency > 100*time.Millisecond {
		t.Errorf("native loop returned %v after the cancel, want under 100ms", latency)
	}
}

func TestDeadlineIsTimeoutError(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "spin.py", spinSource)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err := mod.Call(ctx, "spin")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("spin() past its deadline = %v, want context.DeadlineExceeded", err)
	}
	e := wantType(t, err, "TimeoutError")
	if len(e.Traceback) == 0 {
		t.Error("a timed-out call has no traceback")
	}
}

func TestCancelledContextRunsNothing(t *testing.T) {
	rt, out := newRuntime(t, runtime.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := rt.ExecSource(ctx, "p.py", []byte("print('ran')\n"))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("ExecSource with a cancelled context = %v, want context.Canceled", err)
	}
	if out.String() != "" {
		t.Errorf("the script ran and printed %q", out.String())
	}
}

func TestObjectsOutliveTheirCallContext(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{MaxSteps: 100000})
	mod := load(t, rt, "p.py", `
class Box:
    def __init__(self, v):
        self.v = v

    @property
    def twice(self):
        return self.v * 2
`)
	ctx, cancel := context.WithCancel(context.Background())
	box, err := mod.New(ctx, "Box", []any{21}, nil)
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	// The property getter runs on the thread that made box, whose
	// context has ended; it must still work.
	twice, err := box.Attr(context.Background(), "twice")
	if err != nil {
		t.Fatalf("property after the constructing context ended: %v", err)
	}
	if n, _ := twice.Int(); n != 42 {
		t.Errorf("twice = %d, want 42", n)
	}
}

// requireNoMemoryLimit fails the test when another test left a
// process-wide memory limit set, which would skew this test's limit.
func requireNoMemoryLimit(t *testing.T) {
	t.Helper()
	if engine.MemoryLimit() != 0 {
		t.Fatalf("a memory limit of %d bytes is left from another test", engine.MemoryLimit())
	}
}

func TestMemoryLimitRejectsHugeTensor(t *testing.T) {
	requireNoMemoryLimit(t)
	rt, _ := newRuntime(t, runtime.Options{MaxTensorBytes: 64 << 20})
	start := time.Now()
	_, err := rt.ExecSource(context.Background(), "big.py", []byte("import numpy as np\nx = np.zeros((10000, 10000))\n"))
	e := wantType(t, err, "MemoryError")
	if !strings.Contains(e.Message, "limit") {
		t.Errorf("message %q does not mention the limit", e.Message)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("rejecting the tensor took %v; it should fail before allocating", d)
	}
}

func TestMemoryLimitCountsLiveTensors(t *testing.T) {
	requireNoMemoryLimit(t)
	rt, _ := newRuntime(t, runtime.Options{MaxTensorBytes: 64 << 20})
	mod := load(t, rt, "mem.py", `
import numpy as np

def hold(n):
    kept = []
    for i in range(n):
        kept.append(np.ones((1024, 1024)))   # 8 MiB each
    return len(kept)

def churn(n):
    total = 0.0
    for i in range(n):
        total += float(np.ones((1024, 1024)).sum())
    return total
`)
	ctx := context.Background()
	_, err := mod.Call(ctx, "hold", 20)
	wantType(t, err, "MemoryError")

	// 50 tensors of 8 MiB pass the limit six times over, but only one is
	// live at a time, so churning must succeed.
	out, err := mod.Call(ctx, "churn", 50)
	if err != nil {
		t.Fatalf("churn(50) under a 64 MiB limit: %v", err)
	}
	if f, _ := out.Float(); f != 50*1024*1024 {
		t.Errorf("churn(50) = %v, want %v", f, 50*1024*1024)
	}
}

func TestMemoryLimitSmallestWinsAndCloseReleases(t *testing.T) {
	requireNoMemoryLimit(t)
	a := runtime.New(runtime.Options{MaxTensorBytes: 64 << 20})
	b := runtime.New(runtime.Options{MaxTensorBytes: 32 << 20})
	if got := engine.MemoryLimit(); got != 32<<20 {
		t.Errorf("limit with 64 and 32 MiB runtimes = %d, want %d", got, 32<<20)
	}
	b.Close()
	b.Close() // a second Close is harmless
	if got := engine.MemoryLimit(); got != 64<<20 {
		t.Errorf("limit after closing the 32 MiB runtime = %d, want %d", got, 64<<20)
	}
	a.Close()
	if got := engine.MemoryLimit(); got != 0 {
		t.Errorf("limit after closing both = %d, want 0", got)
	}
	// A closed runtime stays usable, without its limit.
	if _, err := a.ExecSource(context.Background(), "x.py", []byte("x = 1\n")); err != nil {
		t.Errorf("closed runtime: %v", err)
	}
}
