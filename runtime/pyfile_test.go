package runtime_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// TestOpenFiles runs testdata/files/open_files.py in a fresh granted
// directory and compares its output with CPython's, recorded in
// open_files.out. The script writes, appends to and reads back a text
// file and a binary file.
func TestOpenFiles(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "files", "open_files.py"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "files", "open_files.out"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	rt, out := newRuntime(t, runtime.Options{Dir: dir})
	if _, err := rt.ExecSource(context.Background(), "open_files.py", src); err != nil {
		t.Fatalf("%s\n%s", rt.FormatError(err), out.String())
	}
	if got := out.String(); got != string(want) {
		t.Errorf("printed\n%s\nwant\n%s", got, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "labels.txt")); err != nil {
		t.Errorf("the written file is not in the granted directory: %v", err)
	}
}

func TestOpenWithoutGrant(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	_, err := rt.ExecSource(context.Background(), "o.py", []byte("open('x.txt')\n"))
	e := wantType(t, err, "PermissionError")
	if e.Message == "" {
		t.Error("the PermissionError has no message")
	}
}
