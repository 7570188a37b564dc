package runtime

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"go.starlark.net/starlark"
)

// TestUnusableRuntimeMethods calls every exported method on a nil and on
// a zero Runtime: none may panic, and the ones that return an error
// return the TypeError that names runtime.New.
func TestUnusableRuntimeMethods(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.py")
	if err := os.WriteFile(path, []byte("x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"a.py": {Data: []byte("x = 1\n")}}
	ctx := context.Background()
	for name, rt := range map[string]*Runtime{"nil": nil, "zero": {}} {
		t.Run(name, func(t *testing.T) {
			wantNew := func(call string, err error) {
				t.Helper()
				var e *Error
				if !errors.As(err, &e) || e.Type != "TypeError" || !strings.Contains(e.Message, "runtime.New") {
					t.Errorf("%s: error %v, want a TypeError that names runtime.New", call, err)
				}
			}
			_, err := rt.ExecSource(ctx, "a.py", []byte("x = 1\n"))
			wantNew("ExecSource", err)
			_, err = rt.ExecFile(ctx, path)
			wantNew("ExecFile", err)
			_, err = rt.ExecFS(ctx, fsys, "a.py")
			wantNew("ExecFS", err)
			wantNew("ExecInto", rt.ExecInto(ctx, "a.py", []byte("x = 1\n"), starlark.StringDict{}))
			_, err = rt.RunGlobals(ctx, path)
			wantNew("RunGlobals", err)
			wantNew("Eval", rt.Eval(ctx, "<stdin>", "1 + 1", starlark.StringDict{}, io.Discard))
			wantNew("Train", rt.Train(ctx, rt.NewObject(starlark.None), rt.NewObject(starlark.None), TrainOptions{}))
			wantNew("RegisterModule", rt.RegisterModule("host", starlark.StringDict{}))
			if err := rt.Close(); err != nil {
				t.Errorf("Close: %v, want nil", err)
			}
			if env := rt.Env(); env != nil {
				t.Errorf("Env = %v, want nil", env)
			}
			if line := rt.SourceLine("a.py", 1); line != "" {
				t.Errorf("SourceLine = %q, want empty", line)
			}
			thread, done := rt.NewThread(ctx, "host")
			if thread == nil {
				t.Error("NewThread returned a nil thread")
			}
			done()
			if got := rt.FormatError(errors.New("boom")); got != "boom\n" {
				t.Errorf("FormatError = %q, want %q", got, "boom\n")
			}
			rt.Complete(starlark.StringDict{}, "pri", 3)
			rt.UserNames(starlark.StringDict{"x": starlark.MakeInt(1)})
		})
	}
}

// TestNilObjectConversions converts a nil *Object: each conversion
// returns an error naming the nil Object.
func TestNilObjectConversions(t *testing.T) {
	var o *Object
	if _, err := o.Float(); err == nil || !strings.Contains(err.Error(), "*runtime.Object is nil") {
		t.Errorf("Float: %v, want a nil-Object error", err)
	}
	if _, err := o.Int(); err == nil || !strings.Contains(err.Error(), "*runtime.Object is nil") {
		t.Errorf("Int: %v, want a nil-Object error", err)
	}
	if _, err := o.Tensor(); err == nil || !strings.Contains(err.Error(), "*runtime.Object is nil") {
		t.Errorf("Tensor: %v, want a nil-Object error", err)
	}
}

func TestTrainNamesNilArgument(t *testing.T) {
	rt := New(Options{})
	defer rt.Close()
	model := rt.NewObject(starlark.None)
	err := rt.Train(context.Background(), model, nil, TrainOptions{Epochs: 1})
	if err == nil || !strings.Contains(err.Error(), "Train: the") {
		t.Fatalf("Train with a nil argument returned %v, want an error naming the argument", err)
	}
	err = rt.Train(context.Background(), nil, model, TrainOptions{Epochs: 1})
	if err == nil || !strings.Contains(err.Error(), "Train: the model argument: the *runtime.Object is nil") {
		t.Errorf("Train with a nil model returned %v, want one naming the model argument", err)
	}
}
