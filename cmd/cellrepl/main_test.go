package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// reexecVar makes the test binary act as cellrepl, so that tests can
// run the command as a process with its own terminal or pipes.
const reexecVar = "CELLREPL_TEST_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(reexecVar) == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// cellreplCommand returns a command that runs cellrepl with args in
// dir, keeping its history under dir.
func cellreplCommand(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), reexecVar+"=1", "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "TERM=xterm")
	return cmd
}

// runPiped runs cellrepl with stdin and returns stdout, stderr and the
// exit status.
func runPiped(t *testing.T, dir, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := cellreplCommand(dir, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("cellrepl %v: %v", args, err)
	}
	return stdout.String(), stderr.String(), code
}

// writeScript writes a script into dir and returns its path.
func writeScript(t *testing.T, dir, name, src string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runInProcess calls run and returns stdout, stderr and the status.
func runInProcess(args ...string) (string, string, int) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return stdout.String(), stderr.String(), code
}

func TestVersionCommand(t *testing.T) {
	stdout, _, code := runInProcess("version")
	if code != 0 || !strings.HasPrefix(stdout, "cellrepl "+version+" (cellscript, go") {
		t.Errorf("version: status %d, output %q", code, stdout)
	}
}

func TestHelpCommand(t *testing.T) {
	stdout, _, code := runInProcess("help")
	if code != 0 {
		t.Errorf("help: status %d, want 0", code)
	}
	for _, want := range []string{"cellrepl run [flags] FILE [ARGS...]", "--plot FILE", "--seed N", "--device NAME", "-i ", "--check-nan", "--max-memory N", "%run FILE"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("help output lacks %q", want)
		}
	}
}

func TestUnknownCommand(t *testing.T) {
	_, stderr, code := runInProcess("frobnicate")
	if code != 2 || !strings.Contains(stderr, `unknown command "frobnicate"`) {
		t.Errorf("status %d, stderr %q", code, stderr)
	}
}
