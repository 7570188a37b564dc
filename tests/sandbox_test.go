package tests

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/cellscript/cellscript/runtime"
)

// TestDefaultRuntimeGrantsNothing runs, in a runtime made with zero
// Options, every way a script could reach the host: files, the working
// directory, environment variables, processes and the network.
func TestDefaultRuntimeGrantsNothing(t *testing.T) {
	cases := []struct{ line, typ string }{
		{"np.loadtxt('data.csv')", "PermissionError"},
		{"ms.save_checkpoint(nn.Dense(2, 2), 'out.ckpt')", "PermissionError"},
		{"ms.load_checkpoint('in.ckpt')", "PermissionError"},
		{"os.listdir('.')", "PermissionError"},
		{"os.makedirs('made')", "PermissionError"},
		{"os.path.exists('/etc/passwd')", "PermissionError"},
		{"os.getcwd()", "PermissionError"},
		{"os.environ", "AttributeError"},
		{"os.getenv('HOME')", "AttributeError"},
		{"os.system('true')", "AttributeError"},
		{"import subprocess", "ModuleNotFoundError"},
		{"import socket", "ModuleNotFoundError"},
		{"import urllib", "ModuleNotFoundError"},
		{"import shutil", "ModuleNotFoundError"},
		{"open('/etc/passwd')", "PermissionError"},
		{"exec('1')", "NameError"},
		{"__import__('ctypes')", "ModuleNotFoundError"},
	}
	prelude := "import os\nimport numpy as np\nimport mindspore as ms\nimport mindspore.nn as nn\n"
	for _, c := range cases {
		rt := runtime.New(runtime.Options{})
		_, err := rt.ExecSource(context.Background(), "sandbox.py", []byte(prelude+c.line+"\n"))
		e := wantScriptError(t, err, c.typ)
		t.Logf("%s: %s: %s", c.line, e.Type, e.Message)
	}
}

func TestHostClockReplacesWallClock(t *testing.T) {
	var out strings.Builder
	rt := runtime.New(runtime.Options{Stdout: &out})
	fixed := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	rt.Env().Clock = func() time.Time { return fixed }
	src := "import time\nprint(time.time(), time.perf_counter())\n"
	if _, err := rt.ExecSource(context.Background(), "clock.py", []byte(src)); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "981173106.0 981173106.0\n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}
