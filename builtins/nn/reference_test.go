package nn_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/runtime"
	"go.starlark.net/starlark"
)

// referenceCase is one entry of testdata/reference.json, which
// testdata/gen_reference.py writes from float64 NumPy computations.
type referenceCase struct {
	RTol    float64              `json:"rtol"`
	ATol    float64              `json:"atol"`
	Outputs map[string][]float64 `json:"outputs"`
}

// runScript executes a script and returns its globals.
func runScript(t *testing.T, name string, src []byte) starlark.StringDict {
	t.Helper()
	var stdout bytes.Buffer
	rt := runtime.New(runtime.Options{Stdout: &stdout, Stderr: &stdout})
	mod, err := rt.ExecSource(context.Background(), name, src)
	if err != nil {
		if re, ok := err.(*runtime.Error); ok {
			t.Fatalf("%s failed:\n%s\nstdout:\n%s", name, re.Format(), stdout.String())
		}
		t.Fatalf("%s failed: %v\nstdout:\n%s", name, err, stdout.String())
	}
	return mod.Globals
}

// flatten appends the numbers in v: a Tensor or array (row-major), a
// number, a bool (0 or 1), or a list or tuple of those.
func flatten(dst []float64, v starlark.Value) ([]float64, error) {
	if t, _, ok := tensor.Of(v); ok {
		for i := 0; i < t.Numel(); i++ {
			dst = append(dst, t.Float(i))
		}
		return dst, nil
	}
	switch x := v.(type) {
	case starlark.Bool:
		if x {
			return append(dst, 1), nil
		}
		return append(dst, 0), nil
	case starlark.Int, starlark.Float:
		f, _ := starlark.AsFloat(x)
		return append(dst, f), nil
	case starlark.Indexable:
		for i := 0; i < x.Len(); i++ {
			var err error
			if dst, err = flatten(dst, x.Index(i)); err != nil {
				return nil, err
			}
		}
		return dst, nil
	}
	return nil, fmt.Errorf("cannot flatten %s", v.Type())
}

// compare reports the elements of got that differ from want by more
// than atol + rtol*|want|.
func compare(t *testing.T, name string, got, want []float64, rtol, atol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d values, want %d\ngot  %v\nwant %v", name, len(got), len(want), got, want)
		return
	}
	bad := 0
	for i := range want {
		diff := math.Abs(got[i] - want[i])
		if diff <= atol+rtol*math.Abs(want[i]) && !math.IsNaN(got[i]) {
			continue
		}
		if bad < 5 {
			t.Errorf("%s[%d] = %.17g, want %.17g (diff %.3g, rtol %g, atol %g)", name, i, got[i], want[i], diff, rtol, atol)
		}
		bad++
	}
	if bad > 5 {
		t.Errorf("%s: %d of %d values differ", name, bad, len(want))
	}
}

func TestReferenceCases(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "reference.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases map[string]referenceCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(cases))
	for name := range cases {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		c := cases[name]
		t.Run(name, func(t *testing.T) {
			file := filepath.Join("testdata", "scripts", name+".py")
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			out, ok := runScript(t, file, src)["out"].(*starlark.Dict)
			if !ok {
				t.Fatalf("%s defines no dict named out", file)
			}
			checkOutputs(t, out, c)
		})
	}
}

func checkOutputs(t *testing.T, out *starlark.Dict, c referenceCase) {
	keys := make([]string, 0, len(c.Outputs))
	for k := range c.Outputs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v, found, _ := out.Get(starlark.String(k))
		if !found {
			t.Errorf("out[%q] is missing", k)
			continue
		}
		got, err := flatten(nil, v)
		if err != nil {
			t.Errorf("out[%q]: %v", k, err)
			continue
		}
		compare(t, k, got, c.Outputs[k], c.RTol, c.ATol)
	}
}
