package nn

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// LearningRateSchedule and its subclasses are Cells that map a global
// step Tensor to a float32 scalar learning rate, following
// mindspore/nn/learning_rate_schedule.py. The formulas are evaluated in
// float64 and rounded to float32 once, where MindSpore rounds each
// float32 op, so results may differ from MindSpore's in the last bit.
var (
	LearningRateSchedule *pyobj.Class
	ExponentialDecayLR   *pyobj.Class
	NaturalExpDecayLR    *pyobj.Class
	InverseDecayLR       *pyobj.Class
	CosineDecayLR        *pyobj.Class
	PolynomialDecayLR    *pyobj.Class
	WarmUpLR             *pyobj.Class
)

// schedule is the native state of a built-in LearningRateSchedule.
type schedule struct {
	at func(step float64) float64
}

func init() {
	LearningRateSchedule = newCellClass(cellClass{
		name: "LearningRateSchedule",
		doc:  "LearningRateSchedule()\n\nThe base class of learning-rate schedules: construct(global_step) returns the rate of that step as a scalar Tensor.",
		construct: func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return nil, core.Errorf("NotImplementedError", "%s does not define construct(self, global_step)", self.Class().Name())
		},
	})
	ExponentialDecayLR = scheduleClass("ExponentialDecayLR", `ExponentialDecayLR(learning_rate, decay_rate, decay_steps, is_stair=False)

learning_rate * decay_rate**p with p = step/decay_steps, floored when
is_stair.`, decayInit("ExponentialDecayLR", func(lr, rate, steps float64, stair bool) func(float64) float64 {
		return func(step float64) float64 {
			p := step / steps
			if stair {
				p = math.Floor(p)
			}
			return lr * math.Pow(rate, p)
		}
	}))
	NaturalExpDecayLR = scheduleClass("NaturalExpDecayLR", `NaturalExpDecayLR(learning_rate, decay_rate, decay_steps, is_stair=False)

learning_rate * exp(-decay_rate * p) with p = step, or with is_stair
p = floor(step/decay_steps)*decay_steps.
NOTE: MindSpore's documentation writes p = step/decay_steps, but its
implementation, which this follows, does not divide.`, decayInit("NaturalExpDecayLR", func(lr, rate, steps float64, stair bool) func(float64) float64 {
		return func(step float64) float64 {
			p := step
			if stair {
				p = math.Floor(step/steps) * steps
			}
			return lr * math.Exp(-rate*p)
		}
	}))
	InverseDecayLR = scheduleClass("InverseDecayLR", `InverseDecayLR(learning_rate, decay_rate, decay_steps, is_stair=False)

learning_rate / (1 + decay_rate*p) with p = step/decay_steps, floored
when is_stair.`, decayInit("InverseDecayLR", func(lr, rate, steps float64, stair bool) func(float64) float64 {
		return func(step float64) float64 {
			p := step / steps
			if stair {
				p = math.Floor(p)
			}
			return lr / (1 + rate*p)
		}
	}))
	CosineDecayLR = scheduleClass("CosineDecayLR", `CosineDecayLR(min_lr, max_lr, decay_steps)

min_lr + 0.5*(max_lr - min_lr)*(1 + cos(pi*min(step, decay_steps)/decay_steps)).`, cosineInit)
	PolynomialDecayLR = scheduleClass("PolynomialDecayLR", `PolynomialDecayLR(learning_rate, end_learning_rate, decay_steps, power, update_decay_steps=False)

(learning_rate - end_learning_rate)*(1 - s/d)**power + end_learning_rate,
with s = min(step, decay_steps) and d = decay_steps, or with
update_decay_steps s = step and d = decay_steps*max(ceil(step/decay_steps), 1).`, polynomialInit)
	WarmUpLR = scheduleClass("WarmUpLR", `WarmUpLR(learning_rate, warmup_steps)

learning_rate * min(step, warmup_steps)/warmup_steps.`, warmUpInit)
}

func scheduleClass(name, doc string, init pyobj.MethodFunc) *pyobj.Class {
	return newCellClass(cellClass{
		name:      name,
		base:      LearningRateSchedule,
		doc:       doc,
		init:      init,
		construct: scheduleConstruct,
	})
}

// scheduleConstruct evaluates a built-in schedule at global_step (a
// Tensor or an int).
func scheduleConstruct(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var stepV starlark.Value
	name := self.Class().Name()
	if err := starlark.UnpackArgs(name, args, kwargs, "global_step", &stepV); err != nil {
		return nil, err
	}
	s, ok := ensureState(self).Extra.(*schedule)
	if !ok {
		return nil, core.Errorf("RuntimeError", "%s is not initialised; call %s.__init__", name, name)
	}
	var step float64
	if t, _, ok := tensor.Of(stepV); ok && t.Numel() == 1 {
		step = t.Float(0)
	} else if f, ok := starlark.AsFloat(stepV); ok {
		step = f
	} else {
		return nil, core.Errorf("TypeError", "For '%s', the 'global_step' must be a scalar Tensor or an int, but got %s", name, stepV.Type())
	}
	return tensor.New(engine.Scalar(engine.Float32, s.at(step))), nil
}

// positiveFloat checks a float argument that must be > 0 (or >= 0 when
// zeroOK). Ints are rejected, as MindSpore's check_is_float does.
func positiveFloat(kind, name string, v starlark.Value, zeroOK bool) (float64, error) {
	f, err := hyperFloat(kind, name, v, false)
	if err != nil {
		return 0, err
	}
	if f < 0 || (!zeroOK && f == 0) {
		bound := "greater than 0"
		if zeroOK {
			bound = "at least 0.0"
		}
		return 0, core.Errorf("ValueError", "For '%s', the '%s' must be %s, but got %s", kind, name, bound, core.FormatFloat(f))
	}
	return f, nil
}

func setSchedule(self *pyobj.Instance, at func(float64) float64, attrs []pyobj.NamedValue) error {
	ensureState(self).Extra = &schedule{at: at}
	return setAttrs(self, attrs)
}

// decayInit builds the __init__ of the three schedules with arguments
// (learning_rate, decay_rate, decay_steps, is_stair=False).
func decayInit(name string, formula func(lr, rate, steps float64, stair bool) func(float64) float64) pyobj.MethodFunc {
	return func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var lrV, rateV, stepsV starlark.Value
		stair := false
		if err := starlark.UnpackArgs(name, args, kwargs, "learning_rate", &lrV, "decay_rate", &rateV, "decay_steps", &stepsV, "is_stair?", &stair); err != nil {
			return nil, err
		}
		steps, err := positiveInt(name, "decay_steps", stepsV)
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
		return starlark.None, setSchedule(self, formula(lr, rate, float64(steps), stair), []pyobj.NamedValue{
			{Name: "learning_rate", Value: lrV}, {Name: "decay_rate", Value: rateV},
			{Name: "decay_steps", Value: starlark.MakeInt(steps)}, {Name: "is_stair", Value: starlark.Bool(stair)},
		})
	}
}

func cosineInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var minV, maxV, stepsV starlark.Value
	if err := starlark.UnpackArgs("CosineDecayLR", args, kwargs, "min_lr", &minV, "max_lr", &maxV, "decay_steps", &stepsV); err != nil {
		return nil, err
	}
	minLR, err := positiveFloat("CosineDecayLR", "min_lr", minV, true)
	if err != nil {
		return nil, err
	}
	maxLR, err := positiveFloat("CosineDecayLR", "max_lr", maxV, false)
	if err != nil {
		return nil, err
	}
	steps, err := positiveInt("CosineDecayLR", "decay_steps", stepsV)
	if err != nil {
		return nil, err
	}
	if minLR >= maxLR {
		return nil, core.Errorf("ValueError", "For 'CosineDecayLR', the 'max_lr' must be greater than the 'min_lr', but got 'max_lr' value: %s, 'min_lr' value: %s", core.FormatFloat(maxLR), core.FormatFloat(minLR))
	}
	at := func(step float64) float64 {
		p := math.Min(step, float64(steps))
		return minLR + 0.5*(maxLR-minLR)*(1+math.Cos(math.Pi*p/float64(steps)))
	}
	return starlark.None, setSchedule(self, at, []pyobj.NamedValue{{Name: "min_lr", Value: minV}, {Name: "max_lr", Value: maxV}, {Name: "decay_steps", Value: starlark.MakeInt(steps)}})
}

func polynomialInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lrV, endV, stepsV, powerV starlark.Value
	update := false
	if err := starlark.UnpackArgs("PolynomialDecayLR", args, kwargs, "learning_rate", &lrV, "end_learning_rate", &endV, "decay_steps", &stepsV, "power", &powerV, "update_decay_steps?", &update); err != nil {
		return nil, err
	}

	lr, err := positiveFloat("PolynomialDecayLR", "learning_rate", lrV, false)
	if err != nil {
		return nil, err
	}
	end, err := positiveFloat("PolynomialDecayLR", "end_learning_rate", endV, true)
	if err != nil {
		return nil, err
	}
	steps, err := positiveInt("PolynomialDecayLR", "decay_steps", stepsV)
	if err != nil {
		return nil, err
	}
	power, err := positiveFloat("PolynomialDecayLR", "power", powerV, false)
	if err != nil {
		return nil, err
	}

	at := func(step float64) float64 {
		d := float64(steps)
		if update {
			d *= math.Max(math.Ceil(step/d), 1)
		} else {
			step = math.Min(step, d)
		}
		return (lr-end)*math.Pow(1-step/d, power) + end
	}
	return starlark.None, setSchedule(self, at, []pyobj.NamedValue{
		{Name: "learning_rate", Value: lrV}, {Name: "end_learning_rate", Value: endV},
		{Name: "decay_steps", Value: starlark.MakeInt(steps)}, {Name: "power", Value: powerV}, {Name: "update_decay_steps", Value: starlark.Bool(update)},
	})
}

func warmUpInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lrV, stepsV starlark.Value
	if err := starlark.UnpackArgs("WarmUpLR", args, kwargs, "learning_rate", &lrV, "warmup_steps", &stepsV); err != nil {
		return nil, err
	}
	lr, err := positiveFloat("WarmUpLR", "learning_rate", lrV, true)
	if err != nil {
		return nil, err
	}
	steps, err := positiveInt("WarmUpLR", "warmup_steps", stepsV)
	if err != nil {
		return nil, err
	}
	at := func(step float64) float64 { return lr * math.Min(step, float64(steps)) / float64(steps) }
	return starlark.None, setSchedule(self, at, []pyobj.NamedValue{{Name: "learning_rate", Value: lrV}, {Name: "warmup_steps", Value: starlark.MakeInt(steps)}})
}
