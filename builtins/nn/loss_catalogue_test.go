package nn_test

import (
	"bytes"
	"context"
	"math"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/builtins/nn"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/runtime"
)

// TestLossCatalogueDocs checks that every loss Cell subclasses LossBase
// and documents its signature on the first line of its help text.
func TestLossCatalogueDocs(t *testing.T) {
	if got := len(nn.LossCatalogue()); got != 27 {
		t.Errorf("catalogue has %d losses, want 27", got)
	}
	for _, c := range nn.LossCatalogue() {
		first, body, _ := strings.Cut(c.Doc(), "\n\n")
		if !strings.HasPrefix(first, c.Name()+"(") || !strings.HasSuffix(first, ")") {
			t.Errorf("%s: help text starts with %q, want its signature", c.Name(), first)
		}
		if len(body) < 80 {
			t.Errorf("%s: help text body %q is too short to give the formula", c.Name(), body)
		}
		if !c.IsSubclass(nn.LossBase) {
			t.Errorf("%s does not subclass LossBase", c.Name())
		}
	}
	for _, name := range []string{"l1_loss", "mse_loss", "smooth_l1_loss", "cross_entropy", "nll_loss",
		"binary_cross_entropy", "binary_cross_entropy_with_logits", "kl_div", "margin_ranking_loss",
		"cosine_embedding_loss", "hinge_embedding_loss", "huber_loss", "multi_margin_loss",
		"multilabel_margin_loss", "multilabel_soft_margin_loss", "triplet_margin_loss",
		"gaussian_nll_loss", "ctc_loss", "soft_margin_loss"} {
		if _, ok := nn.FunctionalLosses()[name]; !ok {
			t.Errorf("ops.%s is missing", name)
		}
	}
}

// TestUniformCandidates drives the sampler with a fixed sequence of
// draws: repeats and true labels are rejected, and the expected count
// follows the number of draws.
func TestUniformCandidates(t *testing.T) {
	draws := []int{2, 2, 0, 5, 1, 6, 3}
	next := 0
	draw := func() int { next++; return draws[next-1] }
	got, count := nn.UniformCandidates([]int{0, 1, 1}, 3, 7, true, draw)
	if want := []int{2, 5, 6}; !equalInts(got, want) {
		t.Errorf("candidates %v, want %v", got, want)
	}
	p := float64(float32(1.0 / 7))
	if want := 1 - math.Pow(1-p, 6); math.Abs(count-want) > 1e-12 {
		t.Errorf("expected count %v after 6 draws, want %v", count, want)
	}

	next = 0
	got, count = nn.UniformCandidates(nil, 1, 7, false, draw)
	if !equalInts(got, []int{2}) || math.Abs(count-p) > 1e-12 {
		t.Errorf("one draw without rejection gave %v and count %v, want [2] and %v", got, count, p)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestSampledSoftmaxSeeds checks that a fixed seed draws the same
// candidates on every call and that seed 0 follows mindspore.set_seed.
func TestSampledSoftmaxSeeds(t *testing.T) {
	script := `import numpy as np
import mindspore
import mindspore.nn as nn
from mindspore import Tensor
w = Tensor(np.linspace(1, 70, 70).reshape(7, 10).astype(np.float32) / 100)
b = Tensor(np.linspace(1, 7, 7).astype(np.float32) / 100)
h = Tensor(np.linspace(1, 30, 30).reshape(3, 10).astype(np.float32) / 100)
labels = Tensor(np.array([0, 1, 2], dtype=np.int64))
fixed = nn.SampledSoftmaxLoss(num_sampled=3, num_classes=7, seed=3)
a = fixed(w, b, labels, h)
b2 = fixed(w, b, labels, h)
mindspore.set_seed(11)
c = nn.SampledSoftmaxLoss(num_sampled=3, num_classes=7)(w, b, labels, h)
mindspore.set_seed(11)
d = nn.SampledSoftmaxLoss(num_sampled=3, num_classes=7)(w, b, labels, h)
`
	rt := runtime.New(runtime.Options{Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}})
	mod, err := rt.ExecSource(context.Background(), "sampled.py", []byte(script))
	if err != nil {
		t.Fatalf("script failed: %s", rt.FormatError(err))
	}
	value := func(name string) []float64 {
		x, _, ok := tensor.Of(mod.Globals[name])
		if !ok {
			t.Fatalf("%s is not a Tensor", name)
		}
		if x.Numel() != 3 {
			t.Fatalf("%s has %d values, want 3 (one per example)", name, x.Numel())
		}
		return x.Floats()
	}
	if a, b := value("a"), value("b2"); !equalFloats(a, b) {
		t.Errorf("seed 3 gave %v, then %v; want the same candidates on every call", a, b)
	}
	if c, d := value("c"), value("d"); !equalFloats(c, d) {
		t.Errorf("set_seed(11) gave %v, then %v; want the same draws", c, d)
	}
}

func equalFloats(a, b []float64) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}
