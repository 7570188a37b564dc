package core

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// sandboxThread returns a thread whose Env grants dir, which holds
// inside.txt and a link named "out" to a sibling directory that holds
// secret.txt.
func sandboxThread(t *testing.T) (*starlark.Thread, string) {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "granted")
	outside := filepath.Join(root, "outside")
	for _, d := range []string{dir, outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "inside.txt"), []byte("ok"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "out")); err != nil {
		t.Fatal(err)
	}
	thread := &starlark.Thread{Name: "sandbox"}
	env := NewEnv(nil, nil, 0)
	env.Files, env.Dir = os.DirFS(dir), dir
	SetEnv(thread, env)
	return thread, outside
}

func TestReadFileRejectsSymlinkEscape(t *testing.T) {
	thread, _ := sandboxThread(t)
	data, err := ReadFile(thread, "numpy.loadtxt", "inside.txt")
	if err != nil || string(data) != "ok" {
		t.Fatalf("reading inside.txt = %q, %v; want \"ok\"", data, err)
	}
	for _, name := range []string{"out/secret.txt", "out/../out/secret.txt"} {
		data, err := ReadFile(thread, "numpy.loadtxt", name)
		if typ, _ := pyobj.Classify(err); typ != "PermissionError" {
			t.Errorf("reading %s through the link = %q, %v; want a PermissionError", name, data, err)
		}
	}
}

func TestWriteFileRejectsSymlinkEscape(t *testing.T) {
	thread, outside := sandboxThread(t)
	err := WriteFile(thread, "save_checkpoint", "out/planted.ckpt", []byte("x"))
	if typ, _ := pyobj.Classify(err); typ != "PermissionError" {
		t.Errorf("writing through the link: %v, want a PermissionError", err)
	}
	if _, err := os.Stat(filepath.Join(outside, "planted.ckpt")); !os.IsNotExist(err) {
		t.Errorf("a file appeared outside the granted directory (stat error %v)", err)
	}
}
