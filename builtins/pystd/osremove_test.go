package pystd_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// TestRemoveAndRmdir runs os.remove and os.rmdir inside a granted
// directory and checks the exceptions CPython raises for a missing file,
// a directory, a non-empty directory and a path outside the directory.
func TestRemoveAndRmdir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("a"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "full", "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	src := `import os
def kind(f):
    try:
        f()
        return "ok"
    except FileNotFoundError:
        return "FileNotFoundError"
    except IsADirectoryError:
        return "IsADirectoryError"
    except NotADirectoryError:
        return "NotADirectoryError"
    except PermissionError:
        return "PermissionError"
    except OSError:
        return "OSError"
print(kind(lambda: os.remove("a.txt")), os.path.exists("a.txt"))
print(kind(lambda: os.remove("a.txt")))
print(kind(lambda: os.remove("full")))
print(kind(lambda: os.rmdir("full")))
print(kind(lambda: os.rmdir("full/sub")), os.path.exists("full/sub"))
print(kind(lambda: os.remove("../outside.txt")))
os.makedirs("made")
print(kind(lambda: os.rmdir("made")), sorted(os.listdir(".")))
`
	var out bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &out, Stderr: &out, Dir: dir, Files: os.DirFS(dir)})
	if _, err := rt.ExecSource(context.Background(), "rm.py", []byte(src)); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	want := strings.Join([]string{
		"ok False",
		"FileNotFoundError",
		"IsADirectoryError",
		"OSError",
		"ok False",
		"PermissionError",
		"ok ['full']",
	}, "\n") + "\n"
	if got := out.String(); got != want {
		t.Errorf("printed\n%s\nwant\n%s", got, want)
	}
}

// TestRemoveWithoutGrant checks that os.remove raises PermissionError
// when the host grants no directory.
func TestRemoveWithoutGrant(t *testing.T) {
	rt := runtime.New(runtime.Options{})
	_, err := rt.ExecSource(context.Background(), "rm.py", []byte("import os\nos.remove('x')\n"))
	if err == nil || !strings.Contains(err.Error(), "PermissionError") {
		t.Fatalf("os.remove without a granted directory raised %v, want PermissionError", err)
	}
}
