package nn

import (
	"fmt"
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/engine/rng"
	"go.starlark.net/starlark"
)

// SampledValues are the negative classes of a sampled softmax and their
// expected counts, as a candidate sampler returns them.
type SampledValues struct {
	Candidates []int // the sampled classes, (S,)
	// TrueExpected is the expected count of each true label, (N, numTrue).
	TrueExpected *engine.Tensor
	// SampledExpected is the expected count of each candidate, (S,).
	SampledExpected *engine.Tensor
}

// SampledSoftmax returns the per-example sampled softmax loss of hidden
// activations (N, dim) against the numTrue labels of each example, with
// class weights (C, dim) and biases (C,). Each logit <h_n, W[c]> + b[c]
// is corrected by -log(expected count). The true classes get target
// 1/numTrue and the candidates 0. The log-softmax is exact, where
// MindSpore computes log(softmax + 1e-20) and caps the loss of an
// underflowing row at 46.0517. The result has shape (N,). It is
// nn.SampledSoftmaxLoss.
func SampledSoftmax(weights, biases, labels, hidden *engine.Tensor, s SampledValues, numTrue int) (*engine.Tensor, error) {
	return runLoss(func() *engine.Tensor {
		const op = "SampledSoftmaxLoss"
		n, dim, classes := sampledShapes(op, weights, biases, labels, hidden, numTrue)
		trueIdx := make([]int, labels.Numel())
		for i := range trueIdx {
			trueIdx[i] = sampledClass(op, "label", labels.Int(i), classes)
		}
		for _, c := range s.Candidates {
			sampledClass(op, "sampled candidate", int64(c), classes)
		}
		w, b := eng.As(weights, hidden), eng.As(biases, hidden)
		trueW := eng.Reshape(eng.Gather(w, sampledRows(trueIdx, dim), []int{len(trueIdx) * dim}), n, numTrue, dim)
		trueB := eng.Gather(b, trueIdx, []int{n, numTrue})
		trueLogits := eng.Add(eng.Sum(eng.Mul(eng.Reshape(hidden, n, 1, dim), trueW), 2), trueB)
		trueLogits = eng.Sub(trueLogits, eng.Log(expectedCounts(op, "true_expected_count", s.TrueExpected, hidden, n, numTrue)))

		k := len(s.Candidates)
		sampledW := eng.Reshape(eng.Gather(w, sampledRows(s.Candidates, dim), []int{k * dim}), k, dim)
		sampledLogits := eng.Add(lossMust(engine.MatMul(hidden, sampledW, false, true)), eng.Gather(b, s.Candidates, []int{k}))
		sampledLogits = eng.Sub(sampledLogits, eng.Log(expectedCounts(op, "sampled_expected_count", s.SampledExpected, hidden, k)))

		logp := eng.LogSoftmax(lossMust(engine.Concat([]*engine.Tensor{trueLogits, sampledLogits}, 1)), 1)
		idx := make([]int, n*numTrue)
		for i := range n {
			for j := range numTrue {
				idx[i*numTrue+j] = i*(numTrue+k) + j
			}
		}
		picked := eng.Gather(logp, idx, []int{n, numTrue})
		return eng.Neg(eng.Div(eng.Sum(picked, 1), eng.Scalar(picked, float64(numTrue))))
	})
}

// sampledShapes validates SampledSoftmax's inputs and returns N, dim and
// the number of classes.
func sampledShapes(op string, weights, biases, labels, hidden *engine.Tensor, numTrue int) (n, dim, classes int) {
	lossCheck.Float(op, "weights", weights)
	lossCheck.Float(op, "logits", hidden)
	if weights.Rank() != 2 || hidden.Rank() != 2 || weights.Shape()[1] != hidden.Shape()[1] {
		lossFail("ValueError", op, "weights must be (C, dim) and logits (N, dim), but got %s and %s", lossShape(weights), lossShape(hidden))
	}
	classes, dim = weights.Shape()[0], weights.Shape()[1]
	if biases.Rank() != 1 || biases.Shape()[0] != classes {
		lossFail("ValueError", op, "biases must have shape (%d,), one per class, but got %s", classes, lossShape(biases))
	}
	if !labels.DType().IsInt() {
		lossFail("TypeError", op, "labels must be int32 or int64, but got %s", labels.DType())
	}
	n = hidden.Shape()[0]
	if labels.Numel() != n*numTrue {
		lossFail("ValueError", op, "labels must hold num_true = %d classes for each of the %d examples, but got shape %s", numTrue, n, lossShape(labels))
	}
	return n, dim, classes
}

func sampledClass(op, what string, v int64, classes int) int {
	if v < 0 || v >= int64(classes) {
		lossFail("ValueError", op, "%s %d is outside the valid range [0, %d)", what, v, classes)
	}
	return int(v)
}

// sampledRows returns the flat indices of the given rows of a (C, dim) matrix.
func sampledRows(rows []int, dim int) []int {
	idx := make([]int, 0, len(rows)*dim)
	for _, r := range rows {
		for d := range dim {
			idx = append(idx, r*dim+d)
		}
	}
	return idx
}

// expectedCounts checks the shape of an expected-count tensor.
func expectedCounts(op, name string, t, like *engine.Tensor, shape ...int) *engine.Tensor {
	if t.Numel() != engine.Numel(shape) {
		lossFail("ValueError", op, "%s must have %s elements, but got shape %s", name, engine.FormatShape(shape), lossShape(t))
	}
	return eng.Reshape(eng.As(t, like), shape...)
}

// UniformCandidates draws numSampled distinct classes uniformly from
// [0, numClasses), as MindSpore's UniformCandidateSampler with
// unique=True does: a draw that repeats a candidate, or that equals a
// true label when removeHits is set, is rejected. It returns the
// candidates and the expected count of every class: p*numSampled with
// p = 1/numClasses when no draw was rejected, else 1 - (1 - p)**draws.
// draw returns a class in [0, numClasses).
func UniformCandidates(trueLabels []int, numSampled, numClasses int, removeHits bool, draw func() int) ([]int, float64) {
	hits := map[int]bool{}
	if removeHits {
		for _, l := range trueLabels {
			hits[l] = true
		}
	}
	picked := map[int]bool{}
	out := make([]int, 0, numSampled)
	draws := 0
	for len(out) < numSampled {
		c := draw()
		draws++
		if picked[c] || hits[c] {
			continue
		}
		picked[c] = true
		out = append(out, c)
	}
	p := float64(float32(1 / float32(numClasses)))
	if draws == numSampled {
		return out, p * float64(numSampled)
	}
	return out, -math.Expm1(float64(draws) * math.Log1p(-p))
}

// The Cell of this file.
var SampledSoftmaxLoss *pyobj.Class

// sampledConfig is SampledSoftmaxLoss's config.
type sampledConfig struct {
	numSampled, numClasses, numTrue int
	sampledValues                   starlark.Value
	removeHits                      bool
	seed                            int
}

func parseSampled(call string, v []starlark.Value) (sampledConfig, error) {
	var cfg sampledConfig
	var err error
	ints := []struct {
		name string
		dst  *int
		v    starlark.Value
	}{{"num_sampled", &cfg.numSampled, v[0]}, {"num_classes", &cfg.numClasses, v[1]}, {"num_true", &cfg.numTrue, v[2]}, {"seed", &cfg.seed, v[5]}}
	for _, a := range ints {
		if *a.dst, err = lossArgs.Int(call, a.name, a.v); err != nil {
			return cfg, err
		}
	}
	switch {
	case cfg.numTrue < 1:
		err = fmt.Errorf("num_true must be at least 1, but got %d", cfg.numTrue)
	case cfg.numSampled < 1:
		err = fmt.Errorf("num_sampled must be at least 1, but got %d", cfg.numSampled)
	case cfg.seed < 0:
		err = fmt.Errorf("seed must be at least 0, but got %d", cfg.seed)
	case cfg.numSampled > cfg.numClasses:
		err = fmt.Errorf("num_sampled (%d) must not exceed num_classes (%d)", cfg.numSampled, cfg.numClasses)
	case cfg.numTrue > cfg.numClasses:
		err = fmt.Errorf("num_true (%d) must not exceed num_classes (%d)", cfg.numTrue, cfg.numClasses)
	}
	if err != nil {
		return cfg, core.Errorf("ValueError", "%s: %v", call, err)
	}
	if sv := v[3]; sv != starlark.None {
		seq, ok := sv.(starlark.Indexable)
		if _, isStr := sv.(starlark.String); !ok || isStr {
			return cfg, core.Errorf("TypeError", "%s: sampled_values must be a list or tuple, but got %s", call, sv.Type())
		}
		if seq.Len() != 3 {
			return cfg, core.Errorf("ValueError", "%s: sampled_values must hold 3 items (sampled_candidates, true_expected_count, sampled_expected_count), but got %d", call, seq.Len())
		}
	}
	cfg.sampledValues = v[3]
	if cfg.removeHits, err = lossArgs.Bool(call, "remove_accidental_hits", v[4]); err != nil {
		return cfg, err
	}
	_, err = lossArgs.Reduction(call, v[6])
	return cfg, err
}

// sampledValuesOf returns the given sampled_values or draws them. With
// seed 0 the sampler draws from the runtime's MindSpore generator, which
// mindspore.set_seed makes reproducible. Any other seed restarts a
// generator of that seed on every call, so each call draws the same
// candidates, as MindSpore's sampler kernel does.
func sampledValuesOf(thread *starlark.Thread, call string, cfg sampledConfig, labels *engine.Tensor, n int) (SampledValues, error) {
	if cfg.sampledValues != starlark.None {
		return givenSampledValues(call, cfg.sampledValues.(starlark.Indexable))
	}
	trueLabels := make([]int, labels.Numel())
	unique := map[int]bool{}
	for i := range trueLabels {
		trueLabels[i] = int(labels.Int(i))
		unique[trueLabels[i]] = true
	}
	removeHits := cfg.removeHits
	if removeHits && cfg.numSampled+len(unique) > cfg.numClasses {
		env := core.EnvOf(thread)
		fmt.Fprintf(env.Stderr, "WARNING: %s: num_sampled + the %d distinct true labels exceed num_classes = %d; accidental hits are kept\n", call, len(unique), cfg.numClasses)
		removeHits = false
	}
	var cands []int
	var count float64
	sample := func(r *rng.NumPy) {
		draw := func() int {
			v, _ := r.Randint(0, int64(cfg.numClasses))
			return int(v)
		}
		cands, count = UniformCandidates(trueLabels, cfg.numSampled, cfg.numClasses, removeHits, draw)
	}
	if cfg.seed == 0 {
		core.EnvOf(thread).WithMindSpore(sample)
	} else {
		sample(rng.NewNumPy(uint32(cfg.seed)))
	}
	trueExp, err := engine.Full(engine.Float32, count, n, cfg.numTrue)
	if err != nil {
		return SampledValues{}, err
	}
	sampledExp, err := engine.Full(engine.Float32, count, cfg.numSampled)
	return SampledValues{cands, trueExp, sampledExp}, err
}

func givenSampledValues(call string, seq starlark.Indexable) (SampledValues, error) {
	var t [3]*engine.Tensor
	names := [3]string{"sampled_candidates", "true_expected_count", "sampled_expected_count"}
	for i := range t {
		var err error
		if t[i], err = lossArgs.Tensor(call, names[i], seq.Index(i)); err != nil {
			return SampledValues{}, err
		}
	}
	if !t[0].DType().IsInt() || t[0].Rank() != 1 {
		return SampledValues{}, core.Errorf("TypeError", "%s: sampled_candidates must be a 1-D int Tensor, but got %s %s", call, t[0].DType(), lossShape(t[0]))
	}
	cands := make([]int, t[0].Numel())
	for i := range cands {
		cands[i] = int(t[0].Int(i))
	}
	return SampledValues{cands, t[1], t[2]}, nil
}

func init() {
	SampledSoftmaxLoss = lossDef[sampledConfig]{
		name: "SampledSoftmaxLoss",
		doc: `SampledSoftmaxLoss(num_sampled, num_classes, num_true=1, sampled_values=None, remove_accidental_hits=True, seed=0, reduction='none')

Call: loss(weights, biases, labels, logits) with class weights (C, dim),
biases (C,), int labels (N, num_true) and hidden activations logits
(N, dim). Softmax cross entropy over the num_true true classes and
num_sampled sampled classes, each logit <h, W[c]> + b[c] corrected by
-log(expected count), with target 1/num_true on the true classes. The
result always has shape (N,): reduction is validated but, as in
MindSpore, never applied.

sampled_values, a (sampled_candidates, true_expected_count,
sampled_expected_count) tuple of Tensors, skips the sampler. Otherwise a
uniform sampler draws num_sampled distinct classes, rejecting the true
labels when remove_accidental_hits is set (unless there are too few
classes left). seed=0 draws from the generator that mindspore.set_seed
seeds; another seed gives the same candidates on every call. The
log-softmax is exact, where MindSpore's log(softmax + 1e-20) caps a row
at 46.0517.`,
		params: []lossParam{
			requiredParam("num_sampled"), requiredParam("num_classes"), optionalParam("num_true", starlark.MakeInt(1)),
			optionalParam("sampled_values", starlark.None), optionalParam("remove_accidental_hits", starlark.True),
			optionalParam("seed", starlark.MakeInt(0)), optionalParam("reduction", starlark.String("none")),
		},
		config: parseSampled,
		inputs: []lossParam{requiredParam("weights"), requiredParam("biases"), requiredParam("labels"), requiredParam("logits")},
		compute: func(thread *starlark.Thread, call string, params []lossParam, cfg sampledConfig, in []starlark.Value) (starlark.Value, error) {
			t, err := lossTensors(call, params, in)
			if err != nil {
				return nil, err
			}
			if !t[2].DType().IsInt() {
				return nil, core.Errorf("TypeError", "%s: labels must be int32 or int64, but got %s", call, t[2].DType())
			}
			n := 0
			if t[3].Rank() > 0 {
				n = t[3].Shape()[0]
			}
			s, err := sampledValuesOf(thread, call, cfg, t[2], n)
			if err != nil {
				return nil, core.EngineError(call, err)
			}
			out, err := SampledSoftmax(t[0], t[1], t[2], t[3], s, cfg.numTrue)
			return lossResult(call, out, err)
		},
	}.class()
}
