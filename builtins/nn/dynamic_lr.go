package nn

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"go.starlark.net/starlark"
)

// The functions of mindspore.nn.dynamic_lr: each returns a list of
// total_step float learning rates, to pass as an optimizer's
// learning_rate. Formulas, checks and float64 arithmetic follow
// mindspore/nn/dynamic_lr.py, with current_epoch = floor(i/step_per_epoch).

func floatList(vals []float64) *starlark.List {
	out := make([]starlark.Value, len(vals))
	for i, v := range vals {
		out[i] = starlark.Float(v)
	}
	return starlark.NewList(out)
}

// DynamicLRFuncs returns the dynamic_lr functions by name.
func DynamicLRFuncs() starlark.StringDict {
	return starlark.StringDict{
		"piecewise_constant_lr": starlark.NewBuiltin("piecewise_constant_lr", piecewiseConstantLR),
		"exponential_decay_lr":  starlark.NewBuiltin("exponential_decay_lr", epochDecay("exponential_decay_lr", exponentialAt)),
		"natural_exp_decay_lr":  starlark.NewBuiltin("natural_exp_decay_lr", epochDecay("natural_exp_decay_lr", naturalExpAt)),
		"inverse_decay_lr":      starlark.NewBuiltin("inverse_decay_lr", epochDecay("inverse_decay_lr", inverseAt)),
		"cosine_decay_lr":       starlark.NewBuiltin("cosine_decay_lr", cosineDecayLR),
		"polynomial_decay_lr":   starlark.NewBuiltin("polynomial_decay_lr", polynomialDecayLR),
		"warmup_lr":             starlark.NewBuiltin("warmup_lr", warmupLR),
	}
}

func piecewiseConstantLR(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var milestoneV, ratesV starlark.Value
	if err := starlark.UnpackArgs("piecewise_constant_lr", args, kwargs, "milestone", &milestoneV, "learning_rates", &ratesV); err != nil {
		return nil, err
	}
	milestone, ok1 := milestoneV.(starlark.Indexable)
	rates, ok2 := ratesV.(starlark.Indexable)
	if _, isStr := milestoneV.(starlark.String); !ok1 || !ok2 || isStr {
		return nil, core.Errorf("TypeError", "For 'piecewise_constant_lr', the 'milestone' and 'learning_rates' must be lists or tuples, but got %s and %s", milestoneV.Type(), ratesV.Type())
	}
	if milestone.Len() != rates.Len() {
		return nil, core.Errorf("ValueError", "For 'piecewise_constant_lr', the size of 'milestone' must be same with the size of 'learning_rates', but got 'milestone' size: %d, 'learning_rates' size: %d", milestone.Len(), rates.Len())
	}
	var out []float64
	last := 0
	for i := 0; i < milestone.Len(); i++ {
		m, err := positiveInt("piecewise_constant_lr", "milestone", milestone.Index(i))
		if err != nil {
			return nil, err
		}
		lr, err := hyperFloat("piecewise_constant_lr", "learning_rates", rates.Index(i), false)
		if err != nil {
			return nil, err
		}
		if m < last {
			return nil, core.Errorf("ValueError", "For 'piecewise_constant_lr', the value of milestone[%d] must be greater than milestone[%d], but got milestone[%d]: %d, milestone[%d]: %d", i, i-1, i, m, i-1, last)
		}
		for ; last < m; last++ {
			out = append(out, lr)
		}
	}
	return floatList(out), nil
}

// stepArgs unpacks total_step, step_per_epoch and a third positive int
// (decay_epoch or warmup_epoch).
func stepArgs(name string, totalV, perEpochV, epochV starlark.Value, epochName string) (total, perEpoch, epoch int, err error) {
	if total, err = positiveInt(name, "total_step", totalV); err != nil {
		return
	}
	if perEpoch, err = positiveInt(name, "step_per_epoch", perEpochV); err != nil {
		return
	}
	epoch, err = positiveInt(name, epochName, epochV)
	return
}

// decayFormula computes one rate from the initial rate, decay_rate, the
// current epoch, decay_epoch and is_stair.
type decayFormula func(lr, rate float64, epoch, decayEpoch int, stair bool) float64

func exponentialAt(lr, rate float64, epoch, decayEpoch int, stair bool) float64 {
	if stair {
		return lr * math.Pow(rate, math.Floor(float64(epoch)/float64(decayEpoch)))
	}
	return lr * math.Pow(rate, float64(epoch)/float64(decayEpoch))
}

func naturalExpAt(lr, rate float64, epoch, decayEpoch int, stair bool) float64 {
	e := float64(epoch)
	if stair {
		e = math.Floor(e/float64(decayEpoch)) * float64(decayEpoch)
	}
	return lr * math.Pow(math.E, -rate*e)
}

func inverseAt(lr, rate float64, epoch, decayEpoch int, stair bool) float64 {
	if stair {
		return lr / (1 + rate*math.Floor(float64(epoch)/float64(decayEpoch)))
	}
	return lr / (1 + rate*float64(epoch)/float64(decayEpoch))
}

// epochDecay builds exponential_decay_lr, natural_exp_decay_lr and
// inverse_decay_lr, which share their arguments and checks.
func epochDecay(name string, formula decayFormula) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var lrV, rateV, totalV, perEpochV, decayV starlark.Value
		stair := false
		if err := starlark.UnpackArgs(name, args, kwargs, "learning_rate", &lrV, "decay_rate", &rateV, "total_step", &totalV, "step_per_epoch", &perEpochV, "decay_epoch", &decayV, "is_stair?", &stair); err != nil {
			return nil, err
		}
		total, perEpoch, decayEpoch, err := stepArgs(name, totalV, perEpochV, decayV, "decay_epoch")
		if err != nil {
			return nil, err
		}
		lr, err := positiveFloat(name, "learning_rate", lrV, false)
		if err != nil {
			return nil, err
		}
		rate, err := positiveFloat(name, "decay_rate", rateV, false)
		if err != nil {
			return nil, err
		}
		out := make([]float64, total)
		for i := range out {
			out[i] = formula(lr, rate, i/perEpoch, decayEpoch, stair)
		}
		return floatList(out), nil
	}
}

func cosineDecayLR(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var minV, maxV, totalV, perEpochV, decayV starlark.Value
	if err := starlark.UnpackArgs("cosine_decay_lr", args, kwargs, "min_lr", &minV, "max_lr", &maxV, "total_step", &totalV, "step_per_epoch", &perEpochV, "decay_epoch", &decayV); err != nil {
		return nil, err
	}
	minLR, err := positiveFloat("cosine_decay_lr", "min_lr", minV, true)
	if err != nil {
		return nil, err
	}
	maxLR, err := positiveFloat("cosine_decay_lr", "max_lr", maxV, false)
	if err != nil {
		return nil, err
	}
	total, perEpoch, decayEpoch, err := stepArgs("cosine_decay_lr", totalV, perEpochV, decayV, "decay_epoch")
	if err != nil {
		return nil, err
	}
	if minLR >= maxLR {
		return nil, core.Errorf("ValueError", "For 'cosine_decay_lr', the 'max_lr' should be greater than the 'min_lr', but got 'max_lr' value: %s, 'min_lr' value: %s", core.FormatFloat(maxLR), core.FormatFloat(minLR))
	}
	delta := 0.5 * (maxLR - minLR)
	out := make([]float64, total)
	for i := range out {
		epoch := float64(min(i/perEpoch, decayEpoch))
		out[i] = minLR + delta*(1+math.Cos(math.Pi*epoch/float64(decayEpoch)))
	}
	return floatList(out), nil
}

func polynomialDecayLR(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lrV, endV, totalV, perEpochV, decayV, powerV starlark.Value
	update := false
	if err := starlark.UnpackArgs("polynomial_decay_lr", args, kwargs, "learning_rate", &lrV, "end_learning_rate", &endV, "total_step", &totalV, "step_per_epoch", &perEpochV, "decay_epoch", &decayV, "power", &powerV, "update_decay_epoch?", &update); err != nil {
		return nil, err
	}

	lr, err := positiveFloat("polynomial_decay_lr", "learning_rate", lrV, false)
	if err != nil {
		return nil, err
	}
	end, err := positiveFloat("polynomial_decay_lr", "end_learning_rate", endV, true)
	if err != nil {
		return nil, err
	}
	power, err := positiveFloat("polynomial_decay_lr", "power", powerV, false)
	if err != nil {
		return nil, err
	}
	total, perEpoch, decayEpoch, err := stepArgs("polynomial_decay_lr", totalV, perEpochV, decayV, "decay_epoch")
	if err != nil {
		return nil, err
	}

	out := make([]float64, total)
	for i := range out {
		epoch := i / perEpoch
		d, e := decayEpoch, min(epoch, decayEpoch)
		if update {
			d, e = decayEpoch*max((epoch+decayEpoch-1)/decayEpoch, 1), epoch
		}
		out[i] = (lr-end)*math.Pow(1-float64(e)/float64(d), power) + end
	}
	return floatList(out), nil
}

func warmupLR(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lrV, totalV, perEpochV, warmV starlark.Value
	if err := starlark.UnpackArgs("warmup_lr", args, kwargs, "learning_rate", &lrV, "total_step", &totalV, "step_per_epoch", &perEpochV, "warmup_epoch", &warmV); err != nil {
		return nil, err
	}
	lr, err := positiveFloat("warmup_lr", "learning_rate", lrV, true)
	if err != nil {
		return nil, err
	}
	total, perEpoch, warm, err := stepArgs("warmup_lr", totalV, perEpochV, warmV, "warmup_epoch")
	if err != nil {
		return nil, err
	}
	out := make([]float64, total)
	for i := range out {
		out[i] = lr * float64(min(i/perEpoch, warm)) / float64(warm)
	}
	return floatList(out), nil
}
