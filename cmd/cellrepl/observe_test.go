package main

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestRecorderMatchesLossMonitor checks that the losses the --plot
// recorder receives are the ones LossMonitor prints, step by step.
func TestRecorderMatchesLossMonitor(t *testing.T) {
	dir := t.TempDir()
	path := writeScript(t, dir, "train.py", trainScript)
	var stdout, stderr bytes.Buffer
	h := newHost(hostOptions{Device: "CPU", Argv: []string{path}, Plot: "unused.png"}, &stdout, &stderr)
	if _, err := h.rt.ExecFile(context.Background(), path); err != nil {
		t.Fatal(h.rt.FormatError(err))
	}
	runs := h.recorder.Runs()
	if len(runs) != 1 {
		t.Fatalf("%d runs recorded, want 1", len(runs))
	}
	run := runs[0]
	if want := []int{10, 20, 30}; len(run.EpochEnds) != 3 || run.EpochEnds[0] != 10 || run.EpochEnds[1] != 20 || run.EpochEnds[2] != 30 {
		t.Errorf("epoch ends %v, want %v", run.EpochEnds, want)
	}
	printed := regexp.MustCompile(`loss is (\S+)`).FindAllStringSubmatch(stdout.String(), -1)
	if len(printed) != len(run.Losses) {
		t.Fatalf("LossMonitor printed %d losses, the recorder has %d", len(printed), len(run.Losses))
	}
	for i, m := range printed {
		want, err := strconv.ParseFloat(m[1], 32)
		if err != nil {
			t.Fatal(err)
		}
		if float32(run.Losses[i]) != float32(want) {
			t.Errorf("step %d: recorded %v, LossMonitor printed %s", i+1, run.Losses[i], m[1])
		}
	}
}

// syncBuffer is a bytes.Buffer that a child process's output copier
// and the test may use at once.
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

// TestRunInterruptExitStatus sends SIGINT to `cellrepl run` during a
// long Model.train.
func TestRunInterruptExitStatus(t *testing.T) {
	dir := t.TempDir()
	writeScript(t, dir, "long.py", longTrainScript+"print('training')\nmodel.train(10000, data)\nprint('not reached')\n")
	cmd := cellreplCommand(dir, "run", "long.py")
	var stdout, stderr syncBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until training runs, then interrupt.
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stdout.String(), "training") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	code := -1
	if cmd.ProcessState != nil {
		code = cmd.ProcessState.ExitCode()
	}
	if code != 130 {
		t.Errorf("exit status %d (%v), want 130", code, err)
	}
	if !strings.HasSuffix(stderr.String(), "\nKeyboardInterrupt\n") || !strings.Contains(stderr.String(), "model.train(10000, data)") {
		t.Errorf("stderr %q, want a traceback through model.train ending in KeyboardInterrupt", stderr.String())
	}
	if strings.Contains(stdout.String(), "not reached") {
		t.Errorf("the script went on after Ctrl-C: %q", stdout.String())
	}
}
