package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/chzyer/readline"
)

// redrawInterval is the minimum time between two redraws of the
// progress bar, so that fast training loops do not spend their time on
// terminal output.
const redrawInterval = 100 * time.Millisecond

// clearLine returns the cursor to the start of the line and erases it
// (ANSI CR, then EL).
const clearLine = "\r\x1b[K"

// progressBar draws the progress of Model.train on one terminal line:
//
//	epoch 2/10 [=======>            ] step 37/100  152.3 steps/s  loss 0.693147
//
// It is a core.TrainObserver. Script output must go through guard, which
// erases the bar before each write and redraws it after each line, so
// that printed lines (LossMonitor's among them) keep their exact text.
type progressBar struct {
	mu    sync.Mutex
	out   io.Writer
	width func() int
	now   func() time.Time

	active        bool // between TrainBegin and TrainEnd
	visible       bool // drawn and not erased
	midLine       bool // guarded output left the cursor after text
	epochs        int
	stepsPerEpoch int // -1 when unknown
	epoch         int
	step          int // counted across epochs
	epochStart    int // steps done before the current epoch
	loss          float64
	start         time.Time
	lastDraw      time.Time
}

func newProgressBar(out io.Writer, width func() int) *progressBar {
	return &progressBar{out: out, width: width, now: time.Now}
}

// TrainBegin starts a new bar.
func (b *progressBar) TrainBegin(epochs, stepsPerEpoch int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.active = true
	b.epochs, b.stepsPerEpoch = epochs, stepsPerEpoch
	b.epoch, b.step, b.epochStart = 1, 0, 0
	b.loss = math.NaN()
	b.start = b.now()
	b.lastDraw = time.Time{}
}

// StepEnd records a step and redraws at most every redrawInterval.
func (b *progressBar) StepEnd(epoch, step int, loss float64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.epoch, b.step, b.loss = epoch, step, loss
	if now := b.now(); now.Sub(b.lastDraw) >= redrawInterval {
		b.lastDraw = now
		b.drawLocked()
	}
}

// EpochEnd moves the step count within the epoch back to zero.
func (b *progressBar) EpochEnd(epoch int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.epochStart = b.step
	b.epoch = epoch + 1
}

// TrainEnd erases the bar.
func (b *progressBar) TrainEnd() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.active = false
	b.eraseLocked()
}

// drawLocked draws the bar unless output left a partial line, which
// the bar would erase.
func (b *progressBar) drawLocked() {
	if !b.active || b.step == 0 || b.midLine {
		return
	}
	fmt.Fprint(b.out, clearLine+b.line())
	b.visible = true
}

func (b *progressBar) eraseLocked() {
	if b.visible {
		fmt.Fprint(b.out, clearLine)
		b.visible = false
	}
}

// line renders the bar, cut to the terminal width.
func (b *progressBar) line() string {
	epoch := min(b.epoch, b.epochs)
	inEpoch := b.step - b.epochStart
	var s strings.Builder
	fmt.Fprintf(&s, "epoch %d/%d ", epoch, b.epochs)
	if b.stepsPerEpoch > 0 {
		fmt.Fprintf(&s, "%s step %d/%d", gauge(inEpoch, b.stepsPerEpoch, 20), inEpoch, b.stepsPerEpoch)
	} else {
		fmt.Fprintf(&s, "step %d", inEpoch)
	}
	if elapsed := b.now().Sub(b.start).Seconds(); elapsed > 0 {
		fmt.Fprintf(&s, "  %.1f steps/s", float64(b.step)/elapsed)
	}
	if !math.IsNaN(b.loss) {
		fmt.Fprintf(&s, "  loss %.6g", b.loss)
	}
	text := s.String()
	// The last column stays empty: writing it makes some terminals wrap.
	if w := b.width() - 1; w > 0 && len(text) > w {
		text = text[:w]
	}
	return text
}

// gauge renders done/total as a bar of width cells: [=====>    ].
func gauge(done, total, width int) string {
	filled := min(done*width/total, width)
	cells := strings.Repeat("=", filled)
	if filled < width {
		cells += ">" + strings.Repeat(" ", width-filled-1)
	}
	return "[" + cells + "]"
}

// guard returns a writer that erases the bar before writing to w and,
// during training, redraws it after a write that ends a line.
func (b *progressBar) guard(w io.Writer) io.Writer {
	return &barGuard{bar: b, w: w}
}

type barGuard struct {
	bar *progressBar
	w   io.Writer
}

func (g *barGuard) Write(p []byte) (int, error) {
	g.bar.mu.Lock()
	defer g.bar.mu.Unlock()
	g.bar.eraseLocked()
	n, err := g.w.Write(p)
	if len(p) > 0 {
		g.bar.midLine = !bytes.HasSuffix(p, []byte("\n"))
	}
	g.bar.drawLocked()
	return n, err
}

// isTerminalWriter reports whether w is a terminal.
func isTerminalWriter(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && readline.IsTerminal(int(f.Fd()))
}

// terminalWidth returns the width of the terminal on standard output,
// or 80 columns when it cannot be read.
func terminalWidth() int {
	if w := readline.GetScreenWidth(); w > 0 {
		return w
	}
	return 80
}
