package runtime

import (
	"bytes"
	"context"
	"errors"
	"testing"
)

// TestFileAccessNeedsGrant checks that os.path reaches files only
// through the directory the host grants.
func TestFileAccessNeedsGrant(t *testing.T) {
	var out bytes.Buffer
	rt := New(Options{Stdout: &out})
	_, err := rt.ExecSource(context.Background(), "files.py", []byte("import os.path\nos.path.exists('x.txt')\n"))
	var re *Error
	if !errors.As(err, &re) || re.Type != "PermissionError" {
		t.Fatalf("error = %v, want PermissionError", err)
	}
	if n := len(re.Traceback); n == 0 || re.Traceback[n-1].Line != 2 {
		t.Errorf("traceback %v, want the error at line 2", re.Traceback)
	}
}
