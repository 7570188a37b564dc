package initializer_test

import (
	"strings"
	"testing"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/initializer"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// seeded returns a thread whose MindSpore generator is seeded as
// mindspore.set_seed(seed) seeds it.
func seeded(seed int64) *starlark.Thread {
	thread := &starlark.Thread{Name: "test"}
	core.EnvOf(thread).SetMindSporeSeed(seed)
	return thread
}

// TestInitMatchesNumPy compares float32 initial values with
// numpy.random.RandomState(seed) draws cast to float32, computed with
// NumPy 1.24.
func TestInitMatchesNumPy(t *testing.T) {
	cases := []struct {
		name  string
		init  starlark.Value
		seed  int64
		shape []int
		want  []float64
	}{
		// RandomState(0).normal(1.0, 0.5, 4)
		{"Normal", initializer.NewNormal(0.5, 1.0), 0, []int{4}, []float64{1.882026195526123, 1.2000786066055298, 1.4893690347671509, 2.1204466819763184}},
		// RandomState(1).uniform(-0.3, 0.3, 4)
		{"Uniform", initializer.NewUniform(0.3), 1, []int{4}, []float64{-0.049786798655986786, 0.13219469785690308, -0.2999313771724701, -0.11860045790672302}},
		// RandomState(2).uniform(-b, b, (2, 3)) with b = sqrt(6/(3+2))
		{"xavier_uniform", starlark.String("xavier_uniform"), 2, []int{2, 3}, []float64{-0.14022813737392426, -1.0386435985565186, 0.10880503803491592, -0.14170153439044952, -0.17446540296077728, -0.37171778082847595}},
		{"Constant", starlark.Float(0.25), 0, []int{3}, []float64{0.25, 0.25, 0.25}},
		{"identity", starlark.String("Identity"), 0, []int{2, 3}, []float64{1, 0, 0, 0, 1, 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := initializer.Tensor(seeded(c.seed), "test", c.init, c.shape, engine.Float32)
			if err != nil {
				t.Fatal(err)
			}
			if got.Numel() != len(c.want) {
				t.Fatalf("got %d values, want %d", got.Numel(), len(c.want))
			}
			for i, w := range c.want {
				if g := got.Float(i); g != w {
					t.Errorf("value %d = %.17g, want %.17g", i, g, w)
				}
			}
		})
	}
}

// TestTruncatedNormalStaysInBounds checks the [mean - 2 sigma, mean +
// 2 sigma] interval on many draws.
func TestTruncatedNormalStaysInBounds(t *testing.T) {
	init := initializer.NewTruncatedNormal(1.5, 3, -2, 2)
	got, err := init.Init(seeded(5), []int{10000}, engine.Float64)
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := 3.0, 3.0
	for _, v := range got.F64() {
		lo, hi = min(lo, v), max(hi, v)
	}
	if lo < 0 || hi > 6 {
		t.Errorf("values span [%g, %g], want within [0, 6]", lo, hi)
	}
	if lo > 0.1 || hi < 5.9 {
		t.Errorf("values span [%g, %g], want close to the bounds [0, 6] for 10000 draws", lo, hi)
	}
}

// TestFromValueRejects checks the names and types MindSpore rejects.
func TestFromValueRejects(t *testing.T) {
	cases := []struct {
		value starlark.Value
		kind  string
		msg   string
	}{
		{starlark.String("truncated_normal"), "ValueError", "'truncated_normal'"},
		{starlark.String("sparse"), "TypeError", "sparsity"},
		{starlark.True, "TypeError", "bool"},
		{starlark.None, "TypeError", "NoneType"},
	}
	for _, c := range cases {
		_, err := initializer.FromValue(c.value)
		kind, msg := pyobj.Classify(err)
		if kind != c.kind || !strings.Contains(msg, c.msg) {
			t.Errorf("FromValue(%s) = %s: %s; want %s mentioning %s", c.value, kind, msg, c.kind, c.msg)
		}
	}
}

// TestFanNeedsTwoDimensions checks that fan-based initializers reject
// 1-D shapes, as MindSpore's _calculate_fan_in_and_fan_out does.
func TestFanNeedsTwoDimensions(t *testing.T) {
	he, err := initializer.NewHe(false, 0, "fan_in", "relu")
	if err != nil {
		t.Fatal(err)
	}
	_, err = initializer.Tensor(seeded(0), "Dense bias_init", he, []int{4}, engine.Float32)
	kind, msg := pyobj.Classify(err)
	if kind != "ValueError" || !strings.Contains(msg, "Dense bias_init") || !strings.Contains(msg, "fewer than 2 dimensions") {
		t.Errorf("HeUniform on shape (4,) = %s: %s; want a ValueError naming the argument", kind, msg)
	}
}

// TestNewHeRejects checks that unknown modes and nonlinearities raise.
func TestNewHeRejects(t *testing.T) {
	if _, err := initializer.NewHe(true, 0, "fan_in", "selu"); err == nil {
		t.Error("NewHe accepted nonlinearity 'selu'")
	}
	if _, err := initializer.NewHe(true, 0, "fan_mid", "relu"); err == nil {
		t.Error("NewHe accepted mode 'fan_mid'")
	}
}
