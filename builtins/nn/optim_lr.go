package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// learningRate is a parsed learning_rate argument: a fixed value, a
// value per step, or a LearningRateSchedule Cell called with the step.
type learningRate struct {
	arg   starlark.Value // the argument as given, for get_lr_parameter
	fixed float64
	steps []float64 // non-nil for a list or a 1-D Tensor
	cell  starlark.Value
}

// dynamic reports whether the rate changes with the step.
func (l *learningRate) dynamic() bool { return l.steps != nil || l.cell != nil }

// parseLR checks a learning_rate argument as MindSpore's Optimizer does:
// a number at least 0, a 0-d or 1-D Tensor, an iterable of numbers, or a
// Cell (a LearningRateSchedule).
func parseLR(kind string, v starlark.Value) (*learningRate, error) {
	lr := &learningRate{arg: v}
	switch x := v.(type) {
	case starlark.Bool:
		return nil, core.Errorf("TypeError", "For '%s', the 'learning_rate' must be int, float, Tensor, Iterable or LearningRateSchedule, but got bool", kind)
	case starlark.Int, starlark.Float:
		f, _ := starlark.AsFloat(x)
		if f < 0 {
			return nil, core.Errorf("ValueError", "For '%s', the 'learning_rate' must be at least 0.0, but got %s", kind, core.FormatFloat(f))
		}
		lr.fixed = f
		return lr, nil
	}
	if t, _, ok := tensor.Of(v); ok {
		return lr, lrFromTensor(kind, lr, t)
	}
	if IsCell(v) {
		lr.cell = v
		return lr, nil
	}
	if it, ok := v.(starlark.Iterable); ok {
		return lr, lrFromIterable(kind, lr, it)
	}
	return nil, core.Errorf("TypeError", "For '%s', the 'learning_rate' must be int, float, Tensor, Iterable or LearningRateSchedule, but got %s", kind, v.Type())
}

func lrFromTensor(kind string, lr *learningRate, t *engine.Tensor) error {
	switch {
	case t.Rank() == 0:
		lr.fixed = t.Float(0)
	case t.Rank() == 1 && t.Numel() > 0:
		lr.steps = make([]float64, t.Numel())
		for i := range lr.steps {
			lr.steps[i] = t.Float(i)
		}
	default:
		return core.Errorf("ValueError", "For '%s', a Tensor 'learning_rate' must be 0-D or a non-empty 1-D vector, but got shape %s", kind, engine.FormatShape(t.Shape()))
	}
	return nil
}

func lrFromIterable(kind string, lr *learningRate, it starlark.Iterable) error {
	iter := it.Iterate()
	defer iter.Done()
	var v starlark.Value
	lr.steps = []float64{}
	for iter.Next(&v) {
		f, ok := starlark.AsFloat(v)
		if !ok {
			return core.Errorf("TypeError", "For '%s', every learning rate in the list must be a number, but got %s", kind, v.Type())
		}
		lr.steps = append(lr.steps, f)
	}
	if len(lr.steps) == 0 {
		return core.Errorf("ValueError", "For '%s', the 'learning_rate' list is empty", kind)
	}
	return nil
}

// at returns the learning rate of a step (0-based). NOTE: past the end
// of a list the last rate is kept, where MindSpore gathers out of range.
func (l *learningRate) at(thread *starlark.Thread, step int) (float64, error) {
	switch {
	case l.steps != nil:
		return l.steps[min(step, len(l.steps)-1)], nil
	case l.cell != nil:
		return scheduleAt(thread, l.cell, step)
	}
	return l.fixed, nil
}

// scheduleAt calls a LearningRateSchedule with an int32 step Tensor and
// reads its scalar result.
func scheduleAt(thread *starlark.Thread, cell starlark.Value, step int) (float64, error) {
	stepT := tensor.New(engine.Scalar(engine.Int32, float64(step)))
	v, err := starlark.Call(thread, cell, starlark.Tuple{stepT}, nil)
	if err != nil {
		return 0, err
	}
	if t, _, ok := tensor.Of(v); ok && t.Numel() == 1 {
		return t.Float(0), nil
	}
	if f, ok := starlark.AsFloat(v); ok {
		return f, nil
	}
	return 0, core.Errorf("TypeError", "the learning-rate schedule returned %s; it must return a scalar Tensor", v.Type())
}

// parameter returns what get_lr_parameter returns for this rate: a
// float32 Parameter named name for a fixed or per-step rate, or the
// schedule Cell.
func (l *learningRate) parameter(name string) starlark.Value {
	if l.cell != nil {
		return l.cell
	}
	if l.steps != nil {
		t, _ := engine.FromValues(engine.Float32, l.steps, len(l.steps))
		return tensor.NewParameter(t, name, true)
	}
	return tensor.NewParameter(engine.Scalar(engine.Float32, l.fixed), name, true)
}
