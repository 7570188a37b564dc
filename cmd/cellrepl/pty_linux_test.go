package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// ptySession runs cellrepl on a pseudo-terminal of its own, as a user
// at a terminal does: the line editor runs in raw mode, and Ctrl-C
// typed while code runs becomes SIGINT from the terminal driver.
type ptySession struct {
	t      *testing.T
	master *os.File
	proc   *os.Process
	exited chan struct{}

	mu     sync.Mutex
	output bytes.Buffer // everything the terminal received
	seen   int          // offset in the cleaned output that expect has passed
}

// ansiSequence matches the terminal control sequences readline and the
// progress bar write.
var ansiSequence = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]|\r`)

// openPTY returns the master side of a new pseudo-terminal of rows by
// cols characters and the path of its slave side.
func openPTY(t *testing.T, rows, cols uint16) (*os.File, string) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	var unlock int32
	if err := ioctl(master, syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)); err != nil {
		t.Fatalf("unlockpt: %v", err)
	}
	var n uint32
	if err := ioctl(master, syscall.TIOCGPTN, unsafe.Pointer(&n)); err != nil {
		t.Fatalf("ptsname: %v", err)
	}
	size := struct{ rows, cols, x, y uint16 }{rows: rows, cols: cols}
	if err := ioctl(master, syscall.TIOCSWINSZ, unsafe.Pointer(&size)); err != nil {
		t.Fatalf("set window size: %v", err)
	}
	return master, fmt.Sprintf("/dev/pts/%d", n)
}

func ioctl(f *os.File, req uint, arg unsafe.Pointer) error {
	_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), uintptr(req), uintptr(arg))
	if errno != 0 {
		return errno
	}
	return nil
}

// startPTY starts cellrepl with args in dir on a new terminal of 40
// rows by 120 columns.
func startPTY(t *testing.T, dir string, args ...string) *ptySession {
	t.Helper()
	return startPTYSized(t, dir, 40, 120, args...)
}

// startPTYSized starts cellrepl with args in dir on a new terminal of
// rows by cols characters.
func startPTYSized(t *testing.T, dir string, rows, cols uint16, args ...string) *ptySession {
	t.Helper()
	master, slavePath := openPTY(t, rows, cols)
	slave, err := os.OpenFile(slavePath, os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	cmd := cellreplCommand(dir, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close()
	s := &ptySession{t: t, master: master, proc: cmd.Process, exited: make(chan struct{})}
	go s.read()
	go func() {
		cmd.Wait()
		close(s.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-s.exited:
		default:
			s.proc.Kill()
			<-s.exited
		}
		master.Close()
	})
	return s
}

func (s *ptySession) read() {
	buf := make([]byte, 4096)
	for {
		n, err := s.master.Read(buf)
		s.mu.Lock()
		s.output.Write(buf[:n])
		s.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// send types keys; "\r" is Enter, "\t" Tab, "\x03" Ctrl-C, "\x04"
// Ctrl-D and "\x12" Ctrl-R.
func (s *ptySession) send(keys string) {
	s.t.Helper()
	if _, err := s.master.Write([]byte(keys)); err != nil {
		s.t.Fatalf("typing %q: %v", keys, err)
	}
}

// line types a line and presses Enter.
func (s *ptySession) line(text string) {
	s.t.Helper()
	s.send(text + "\r")
}

// cleaned returns the output without control sequences.
func (s *ptySession) cleaned() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansiSequence.ReplaceAllString(s.output.String(), "")
}

// expect waits until want appears in the output after the last match
// and returns how long that took.
func (s *ptySession) expect(want string, timeout time.Duration) time.Duration {
	s.t.Helper()
	start := time.Now()
	for {
		out := s.cleaned()
		if k := strings.Index(out[min(s.seen, len(out)):], want); k >= 0 {
			s.seen += k + len(want)
			return time.Since(start)
		}
		if time.Since(start) > timeout {
			s.t.Fatalf("timed out after %v waiting for %q; the terminal shows after the last match:\n%s", timeout, want, out[min(s.seen, len(out)):])
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// prompt waits for a new primary prompt. It looks for the prompt at
// the start of a line, since readline redraws the prompt of the line
// being edited after a carriage return, which cleaned drops.
func (s *ptySession) prompt() {
	s.t.Helper()
	s.expect("\n>>> ", ptyTimeout)
}

// quit presses Ctrl-D and waits for the process to exit.
func (s *ptySession) quit() {
	s.t.Helper()
	s.send("\x04")
	select {
	case <-s.exited:
	case <-time.After(5 * time.Second):
		s.t.Fatalf("cellrepl did not exit after Ctrl-D; the terminal shows:\n%s", s.cleaned())
	}
}

const ptyTimeout = 10 * time.Second

func TestPTYClassTypedThenUsed(t *testing.T) {
	s := startPTY(t, t.TempDir())
	s.prompt()
	for _, l := range []string{
		"class Account:",
		"    def __init__(self, owner):",
		"        self.owner = owner",
		"        self.total = 0",
		"    def deposit(self, amount):",
		"        self.total = self.total + amount",
		"        return self",
		"    def summary(self):",
		"        return self.owner + ':' + str(self.total)",
		"",
	} {
		s.line(l)
	}
	s.prompt()
	s.line("Account('ada').deposit(40).deposit(2).summary()")
	s.expect("'ada:42'", ptyTimeout)
	s.quit()
}

func TestPTYHistoryAcrossSessions(t *testing.T) {
	dir := t.TempDir()
	first := startPTY(t, dir)
	first.prompt()
	first.line("print('history', 6 * 7)")
	first.expect("history 42", ptyTimeout)
	first.prompt()
	first.quit()

	data, err := os.ReadFile(filepath.Join(dir, "config", "cellscript", "history"))
	if err != nil {
		t.Fatalf("history file: %v", err)
	}
	if !strings.Contains(string(data), "print('history', 6 * 7)\n") {
		t.Errorf("history file %q lacks the line typed", data)
	}

	second := startPTY(t, dir)
	second.prompt()
	second.send("\x1b[A") // Up recalls the last line.
	second.send("\r")
	second.expect("history 42", ptyTimeout)
	second.prompt()
	second.send("\x12hist") // Ctrl-R searches the history.
	second.send("\r")
	second.send("\r")
	second.expect("history 42", ptyTimeout)
	second.quit()
}

func TestPTYCompletion(t *testing.T) {
	s := startPTY(t, t.TempDir())
	s.prompt()
	s.line("import mindspore.nn as nn")
	s.prompt()
	// Tab completes nn.De to nn.Dense; Enter then echoes the class.
	s.send("nn.De\t")
	s.send("\r")
	s.expect("<class 'mindspore.nn.Dense'>", ptyTimeout)
	s.prompt()

	s.line("net = nn.Dense(3, 2)")
	s.prompt()
	// Two Tabs list the attributes of a Cell.
	s.send("net.\t\t")
	// The list arrives in pieces; weight sorts last of the names checked.
	s.expect("trainable_params", ptyTimeout)
	s.expect("weight", ptyTimeout)
	out := s.cleaned()
	for _, want := range []string{"weight", "bias", "in_channels", "construct"} {
		if !strings.Contains(out[strings.LastIndex(out, "net."):], want) {
			t.Errorf("the completion list of net. lacks %s:\n%s", want, out)
		}
	}
	s.send("\x15") // Ctrl-U clears the line.
	s.send("net.wei\t.shape\r")
	s.expect("(2, 3)", ptyTimeout)
	s.prompt()

	// Inside a call, Tab completes a keyword argument.
	s.send("nn.Dense(1, 1, we\t'zeros').weight.asnumpy().tolist()\r")
	s.expect("[[0.0]]", ptyTimeout)
	s.quit()
}

// A terminal that reports 0 columns, as the one that script(1) opens
// without a terminal of its own does, still completes with Tab.
func TestPTYCompletionZeroWidth(t *testing.T) {
	s := startPTYSized(t, t.TempDir(), 0, 0)
	s.prompt()
	s.line("import mindspore.nn as nn")
	s.prompt()
	s.send("nn.L1\t")
	s.send("\r")
	s.expect("<class 'mindspore.nn.L1Loss'>", ptyTimeout)
	s.prompt()
	s.quit()
}

func TestPTYInterruptLoop(t *testing.T) {
	s := startPTY(t, t.TempDir())
	s.prompt()
	s.line("kept = 'still here'")
	s.prompt()
	s.line("while True: pass")
	s.send("\r")
	s.expect("... ", ptyTimeout)
	time.Sleep(300 * time.Millisecond)
	s.send("\x03")
	latency := s.expect("KeyboardInterrupt", ptyTimeout)
	t.Logf("Ctrl-C stopped the loop after %v", latency)
	if latency > time.Second {
		t.Errorf("Ctrl-C took %v to stop the loop", latency)
	}
	s.prompt()
	s.line("kept")
	s.expect("'still here'", ptyTimeout)
	s.quit()
}

// longTrainScript prepares a Model.train that runs for minutes: 10,000
// epochs of 64 steps.
const longTrainScript = `import numpy as np
import mindspore as ms
import mindspore.nn as nn
from mindspore import Model
from mindspore import dataset as ds

np.random.seed(1)
x = np.random.uniform(-1, 1, (512, 4)).astype(np.float32)
y = (x @ np.array([[1.0], [-2.0], [0.5], [3.0]], dtype=np.float32)).astype(np.float32)
data = ds.NumpySlicesDataset({"data": x, "label": y}, shuffle=False).batch(8)
net = nn.Dense(4, 1)
model = Model(net, nn.MSELoss(), nn.Momentum(net.trainable_params(), 0.01, 0.9))
`

func TestPTYInterruptTraining(t *testing.T) {
	dir := t.TempDir()
	writeScript(t, dir, "long.py", longTrainScript)
	s := startPTY(t, dir)
	s.prompt()
	s.line("%run long.py")
	s.prompt()
	s.line("model.train(10000, data)")
	// The progress bar shows while training runs on a terminal.
	s.expect("steps/s", ptyTimeout)
	s.send("\x03")
	latency := s.expect("KeyboardInterrupt", ptyTimeout)
	t.Logf("Ctrl-C stopped Model.train after %v", latency)
	if latency > time.Second {
		t.Errorf("Ctrl-C took %v to stop Model.train", latency)
	}
	s.prompt()
	s.line("net.weight.shape")
	s.expect("(1, 4)", ptyTimeout)
	s.prompt()
	s.quit()
}

func TestPTYErrorKeepsSession(t *testing.T) {
	s := startPTY(t, t.TempDir())
	s.prompt()
	s.line("base = 40")
	s.prompt()
	s.line("base + undefined_name")
	s.expect("NameError", ptyTimeout)
	s.prompt()
	s.line("[1, 2][5]")
	s.expect("IndexError", ptyTimeout)
	s.prompt()
	s.line("base + 2")
	s.expect("42", ptyTimeout)
	s.quit()
}
