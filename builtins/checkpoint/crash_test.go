package checkpoint_test

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cellscript/cellscript/builtins/checkpoint"
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// The crash test re-runs this test binary as a child that saves
// checkpoints in a loop, kills it at random moments with SIGKILL and
// checks that the checkpoint on disk is always one whole save.

const (
	crashDirEnv = "CELLSCRIPT_CRASH_DIR"
	crashFile   = "model.ckpt"
	// crashElements makes each save 2 MiB, long enough to write that a
	// kill timed within one save's duration often lands inside it.
	crashElements = 1 << 18
)

// generation returns the checkpoint of save number k: two tensors whose
// every element is k, so a file mixing two saves is detectable.
func generation(k int) []checkpoint.Entry {
	w := make([]float32, crashElements)
	b := make([]float32, crashElements)
	for i := range w {
		w[i], b[i] = float32(k), float32(k)
	}
	wt, _ := engine.FromFloat32(w, 512, crashElements/512)
	bt, _ := engine.FromFloat32(b, crashElements)
	return []checkpoint.Entry{{Name: "fc.weight", Tensor: wt}, {Name: "fc.bias", Tensor: bt}}
}

func grantedThread(dir string) *starlark.Thread {
	thread := &starlark.Thread{Name: "crash"}
	env := core.NewEnv(nil, nil, 0)
	env.Files, env.Dir = os.DirFS(dir), dir
	core.SetEnv(thread, env)
	return thread
}

// TestCheckpointCrashChild is the child: it saves generations 1, 2, ...
// until it is killed. It does nothing in a normal test run.
func TestCheckpointCrashChild(t *testing.T) {
	dir := os.Getenv(crashDirEnv)
	if dir == "" {
		t.Skip("runs only as the child of TestCheckpointSurvivesKill")
	}
	thread := grantedThread(dir)
	start, _ := strconv.Atoi(os.Getenv("CELLSCRIPT_CRASH_START"))
	for k := start; ; k++ {
		if err := checkpoint.Save(thread, "save_checkpoint", crashFile, generation(k)); err != nil {
			fmt.Fprintln(os.Stderr, "save failed:", err)
			os.Exit(3)
		}
		fmt.Println("saved", k)
	}
}

func TestCheckpointSurvivesKill(t *testing.T) {
	kills := 12
	switch {
	case os.Getenv("CELLSCRIPT_STRESS") == "long":
		kills = 200
	case testing.Short():
		kills = 4
	}
	dir := t.TempDir()
	thread := grantedThread(dir)
	if err := checkpoint.Save(thread, "save_checkpoint", crashFile, generation(0)); err != nil {
		t.Fatal(err)
	}
	last := 0
	for i := 0; i < kills; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCheckpointCrashChild$")
		cmd.Env = append(os.Environ(), crashDirEnv+"="+dir, "CELLSCRIPT_CRASH_START="+strconv.Itoa(last+1))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		killDuringSave(t, cmd, bufio.NewScanner(out))
		if err := cmd.Wait(); err == nil || !strings.Contains(err.Error(), "killed") {
			t.Fatalf("kill %d: the child ended with %v, not by the kill", i, err)
		}
		k := loadGeneration(t, thread)
		if k < last {
			t.Fatalf("kill %d: the checkpoint went back from save %d to save %d", i, last, k)
		}
		last = k
	}
	if last == 0 {
		t.Errorf("no save of the children completed in %d runs; the test proved nothing", kills)
	}
	temps, _ := filepath.Glob(filepath.Join(dir, ".*.tmp*"))
	t.Logf("%d kills, the last checkpoint is save %d, %d temporary files left by kills", kills, last, len(temps))
}

// killDuringSave waits for two saves of the child to finish, which
// times one save, then kills the child at a random moment within the
// next save's duration, so that most kills land while it writes.
func killDuringSave(t *testing.T, cmd *exec.Cmd, lines *bufio.Scanner) {
	t.Helper()
	var done []time.Time
	for len(done) < 2 && lines.Scan() {
		done = append(done, time.Now())
	}
	if len(done) < 2 {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the child stopped before saving twice: %v", lines.Err())
	}
	save := done[1].Sub(done[0])
	time.Sleep(time.Duration(rand.Int64N(int64(save) + 1)))
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
}

// loadGeneration loads the checkpoint and returns its save number,
// failing unless the file is one whole save.
func loadGeneration(t *testing.T, thread *starlark.Thread) int {
	t.Helper()
	entries, err := checkpoint.Load(thread, "load_checkpoint", crashFile)
	if err != nil {
		t.Fatalf("the checkpoint is unreadable after a kill: %v", err)
	}
	if len(entries) != 2 || entries[0].Name != "fc.weight" || entries[1].Name != "fc.bias" {
		t.Fatalf("the checkpoint contains %d entries, want fc.weight and fc.bias", len(entries))
	}
	k := entries[0].Tensor.F32()[0]
	for _, e := range entries {
		data := e.Tensor.F32()
		if len(data) != crashElements {
			t.Fatalf("%s has %d elements, want %d", e.Name, len(data), crashElements)
		}
		for i, v := range data {
			if v != k {
				t.Fatalf("%s[%d] = %v but the checkpoint started as save %v: two saves are mixed", e.Name, i, v, k)
			}
		}
	}
	return int(k)
}
