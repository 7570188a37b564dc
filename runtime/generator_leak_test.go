package runtime

import (
	"bytes"
	"context"
	goruntime "runtime"
	"testing"
	"time"
)

// TestAbandonedGeneratorsLeakNothing starts generators that a script
// abandons part way (infinite ones, ones stopped by break, zip and
// next) and checks that their goroutines end once the collector has
// run, so no goroutine is left behind.
func TestAbandonedGeneratorsLeakNothing(t *testing.T) {
	src := `
def naturals():
    n = 0
    while True:
        yield n
        n += 1
total = 0
for k in range(50):
    g = naturals()
    total += next(g) + next(g)
    for v in naturals():
        if v > 3:
            break
    pairs = list(zip(naturals(), [1, 2]))
    for i, v in enumerate(naturals()):
        if i == 2:
            break
print(total, pairs)
`
	baseline := goroutinesAfterGC()
	var out bytes.Buffer
	rt := New(Options{Stdout: &out})
	if _, err := rt.ExecSource(context.Background(), "leak.py", []byte(src)); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "50 [(0, 1), (1, 2)]\n"; got != want {
		t.Fatalf("output = %q, want %q", got, want)
	}
	var after int
	for try := 0; try < 50; try++ {
		after = goroutinesAfterGC()
		if after <= baseline+2 {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Errorf("goroutines: %d before, %d after the script dropped its generators", baseline, after)
}

func goroutinesAfterGC() int {
	for i := 0; i < 3; i++ {
		goruntime.GC()
		time.Sleep(5 * time.Millisecond)
	}
	return goruntime.NumGoroutine()
}
