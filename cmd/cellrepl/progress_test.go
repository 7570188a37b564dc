package main

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

// fakeClock is a clock that tests advance by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newTestBar(width int) (*progressBar, *bytes.Buffer, *fakeClock) {
	var out bytes.Buffer
	clock := &fakeClock{t: time.Unix(1000, 0)}
	bar := newProgressBar(&out, func() int { return width })
	bar.now = clock.now
	return bar, &out, clock
}

func TestProgressBarLine(t *testing.T) {
	bar, out, clock := newTestBar(120)
	bar.TrainBegin(10, 100)
	clock.advance(2 * time.Second)
	bar.StepEnd(1, 37, 0.6931471805599453)
	// 37 steps in 2 s is 18.5 steps/s; 37/100 of 20 cells is 7 cells.
	want := clearLine + "epoch 1/10 [=======>            ] step 37/100  18.5 steps/s  loss 0.693147"
	if got := out.String(); got != want {
		t.Errorf("bar output\n got %q\nwant %q", got, want)
	}
}

func TestProgressBarSecondEpoch(t *testing.T) {
	bar, out, clock := newTestBar(120)
	bar.TrainBegin(3, 4)
	for step := 1; step <= 4; step++ {
		clock.advance(time.Second)
		bar.StepEnd(1, step, 1)
	}
	bar.EpochEnd(1)
	out.Reset()
	clock.advance(time.Second)
	bar.StepEnd(2, 5, 0.5)
	want := clearLine + "epoch 2/3 [=====>              ] step 1/4  1.0 steps/s  loss 0.5"
	if got := out.String(); got != want {
		t.Errorf("bar output\n got %q\nwant %q", got, want)
	}
}

func TestProgressBarUnknownSize(t *testing.T) {
	bar, out, clock := newTestBar(120)
	bar.TrainBegin(2, -1)
	clock.advance(time.Second)
	bar.StepEnd(1, 3, math.NaN())
	want := clearLine + "epoch 1/2 step 3  3.0 steps/s"
	if got := out.String(); got != want {
		t.Errorf("bar output\n got %q\nwant %q", got, want)
	}
}

func TestProgressBarThrottle(t *testing.T) {
	bar, out, clock := newTestBar(120)
	bar.TrainBegin(1, 1000)
	draws := 0
	for step := 1; step <= 100; step++ {
		clock.advance(10 * time.Millisecond)
		before := out.Len()
		bar.StepEnd(1, step, 1)
		if out.Len() > before {
			draws++
		}
	}
	// 100 steps of 10 ms span 1 s: one draw per 100 ms.
	if draws != 10 {
		t.Errorf("draws = %d, want 10", draws)
	}
}

func TestProgressBarCutToWidth(t *testing.T) {
	bar, out, clock := newTestBar(30)
	bar.TrainBegin(10, 100)
	clock.advance(time.Second)
	bar.StepEnd(1, 5, 2)
	line := strings.TrimPrefix(out.String(), clearLine)
	if len(line) != 29 {
		t.Errorf("line %q has %d bytes, want 29 for a 30-column terminal", line, len(line))
	}
}

func TestProgressBarEndErases(t *testing.T) {
	bar, out, clock := newTestBar(120)
	bar.TrainBegin(1, 10)
	clock.advance(time.Second)
	bar.StepEnd(1, 1, 1)
	out.Reset()
	bar.TrainEnd()
	if got := out.String(); got != clearLine {
		t.Errorf("TrainEnd wrote %q, want %q", got, clearLine)
	}
	out.Reset()
	bar.TrainEnd()
	if out.Len() != 0 {
		t.Errorf("second TrainEnd wrote %q, want nothing", out.String())
	}
}

func TestProgressGuardKeepsLines(t *testing.T) {
	bar, out, clock := newTestBar(120)
	var stdout bytes.Buffer
	guarded := bar.guard(&stdout)
	bar.TrainBegin(1, 10)
	clock.advance(time.Second)
	bar.StepEnd(1, 1, 1)
	out.Reset()

	line := "epoch: 1 step: 1, loss is 1.0\n"
	fmt.Fprint(guarded, line)
	if stdout.String() != line {
		t.Errorf("stdout = %q, want %q", stdout.String(), line)
	}
	// The bar is erased before the line and drawn again after it.
	want := clearLine + clearLine + "epoch 1/1 [==>                 ] step 1/10  1.0 steps/s  loss 1"
	if out.String() != want {
		t.Errorf("bar output\n got %q\nwant %q", out.String(), want)
	}
}

func TestProgressGuardPartialLine(t *testing.T) {
	bar, out, clock := newTestBar(120)
	guarded := bar.guard(&bytes.Buffer{})
	bar.TrainBegin(1, 10)
	clock.advance(time.Second)
	bar.StepEnd(1, 1, 1)
	fmt.Fprint(guarded, "no newline")
	out.Reset()
	clock.advance(time.Second)
	bar.StepEnd(1, 2, 1)
	if out.Len() != 0 {
		t.Errorf("bar drew %q over a partial output line", out.String())
	}
	fmt.Fprint(guarded, "\n")
	if !strings.Contains(out.String(), "step 2/10") {
		t.Errorf("bar output %q after the line ended, want the bar at step 2", out.String())
	}
}
