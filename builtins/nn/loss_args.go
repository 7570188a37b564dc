package nn

import (
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// lossArgChecks validates the Python arguments of loss constructors
// and functional losses as MindSpore's validator does: a float argument
// rejects int and bool with TypeError, an int argument rejects bool, and
// range violations raise ValueError. call is the Python-level name that
// prefixes every message, such as "nn.CosineEmbeddingLoss".
type lossArgChecks struct{}

// lossArgs holds the argument checks of the loss Cells and functions.
var lossArgs lossArgChecks

// describe names a Python value and its type for an error message.
func (lossArgChecks) describe(v starlark.Value) string {
	if s, ok := v.(starlark.String); ok {
		return "str " + s.String()
	}
	return v.Type() + " " + v.String()
}

// Float accepts a Python float only.
func (c lossArgChecks) Float(call, name string, v starlark.Value) (float64, error) {
	f, ok := v.(starlark.Float)
	if !ok {
		return 0, core.Errorf("TypeError", "%s: %s must be a float, but got %s", call, name, c.describe(v))
	}
	return float64(f), nil
}

// Number accepts a Python int or float but not a bool.
func (c lossArgChecks) Number(call, name string, v starlark.Value) (float64, error) {
	switch x := v.(type) {
	case starlark.Float:
		return float64(x), nil
	case starlark.Int:
		f, _ := starlark.AsFloat(x)
		return f, nil
	}
	return 0, core.Errorf("TypeError", "%s: %s must be an int or a float, but got %s", call, name, c.describe(v))
}

// Int accepts a Python int but not a bool.
func (c lossArgChecks) Int(call, name string, v starlark.Value) (int, error) {
	i, ok := v.(starlark.Int)
	if !ok {
		return 0, core.Errorf("TypeError", "%s: %s must be an int, but got %s", call, name, c.describe(v))
	}
	n, ok := i.Int64()
	if !ok || n != int64(int(n)) {
		return 0, core.Errorf("ValueError", "%s: %s = %s is out of range", call, name, i.String())
	}
	return int(n), nil
}

// Bool accepts a Python bool.
func (c lossArgChecks) Bool(call, name string, v starlark.Value) (bool, error) {
	b, ok := v.(starlark.Bool)
	if !ok {
		return false, core.Errorf("TypeError", "%s: %s must be a bool, but got %s", call, name, c.describe(v))
	}
	return bool(b), nil
}

// FloatRange accepts a Python float in [lo, hi].
func (c lossArgChecks) FloatRange(call, name string, v starlark.Value, lo, hi float64) (float64, error) {
	f, err := c.Float(call, name, v)
	if err != nil {
		return 0, err
	}
	if !(f >= lo && f <= hi) {
		return 0, core.Errorf("ValueError", "%s: %s must be in [%s, %s], but got %s", call, name, core.FormatFloat(lo), core.FormatFloat(hi), core.FormatFloat(f))
	}
	return f, nil
}

// Positive accepts a Python float greater than 0.
func (c lossArgChecks) Positive(call, name string, v starlark.Value) (float64, error) {
	f, err := c.Float(call, name, v)
	if err != nil {
		return 0, err
	}
	if !(f > 0) {
		return 0, core.Errorf("ValueError", "%s: %s must be greater than 0, but got %s", call, name, core.FormatFloat(f))
	}
	return f, nil
}

// Tensor converts a required tensor input of a loss call. It accepts a
// mindspore Tensor or Parameter and rejects NumPy arrays and Python
// numbers with TypeError, as the _check_is_tensor of MindSpore r1.6's
// losses does, in its wording with the class name ("L1Loss") for a Cell.
func (c lossArgChecks) Tensor(call, name string, v starlark.Value) (*engine.Tensor, error) {
	t, flavor, ok := tensor.Of(v)
	if !ok || flavor != tensor.MindSpore {
		return nil, core.Errorf("TypeError", "For '%s', the '%s' should be 'Tensor', but got '%s'; wrap it with mindspore.Tensor(...)", strings.TrimPrefix(call, "nn."), name, v.Type())
	}
	return t, nil
}

// OptionalTensor converts an argument that is a Tensor or None, which
// gives nil.
func (c lossArgChecks) OptionalTensor(call, name string, v starlark.Value) (*engine.Tensor, error) {
	if v == nil || v == starlark.None {
		return nil, nil
	}
	t, _, ok := tensor.Of(v)
	if !ok {
		return nil, core.Errorf("TypeError", "%s: %s must be a Tensor or None, but got %s", call, name, c.describe(v))
	}
	return t, nil
}

// FloatWeight is OptionalTensor for a weight that must hold floats.
func (c lossArgChecks) FloatWeight(call, name string, v starlark.Value) (*engine.Tensor, error) {
	t, err := c.OptionalTensor(call, name, v)
	if err != nil || t == nil {
		return t, err
	}
	if !t.DType().IsFloat() {
		return nil, core.Errorf("TypeError", "%s: %s must be a float32 or float64 Tensor, but got %s", call, name, t.DType())
	}
	return t, nil
}

// Reduction validates a reduction string with LossBase's message,
// which names the class or function without its module prefix.
func (c lossArgChecks) Reduction(call string, v starlark.Value, allowed ...string) (string, error) {
	name := strings.TrimPrefix(strings.TrimPrefix(call, "nn."), "ops.")
	return CheckReduction(name, v, allowed...)
}

// Lengths converts CTC lengths: a Tensor of int32 or int64, a tuple
// or list of ints, or a single int.
func (c lossArgChecks) Lengths(call, name string, v starlark.Value) ([]int, error) {
	if t, _, ok := tensor.Of(v); ok {
		if !t.DType().IsInt() {
			return nil, core.Errorf("TypeError", "%s: %s must be an int32 or int64 Tensor, but got %s", call, name, t.DType())
		}
		out := make([]int, t.Numel())
		for i := range out {
			out[i] = int(t.Int(i))
		}
		return out, nil
	}
	if _, ok := v.(starlark.Int); ok {
		n, err := c.Int(call, name, v)
		return []int{n}, err
	}
	seq, ok := v.(starlark.Indexable)
	if !ok {
		return nil, core.Errorf("TypeError", "%s: %s must be a Tensor, a tuple of ints or an int, but got %s", call, name, v.Type())
	}
	out := make([]int, seq.Len())
	for i := range out {
		n, err := c.Int(call, name, seq.Index(i))
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

// lossResult converts the result of a Go loss function into a Python
// value, naming call in the exception of a failure.
func lossResult(call string, t *engine.Tensor, err error) (starlark.Value, error) {
	if err != nil {
		return nil, core.EngineError(call, err)
	}
	return tensor.New(t), nil
}

// setLossConfig stores a native loss's validated arguments on the Cell
// and mirrors the public ones as attributes, as MindSpore's Cells keep
// them (loss.reduction, loss.margin, ...).
func setLossConfig(self *pyobj.Instance, cfg any, attrs starlark.StringDict) error {
	ensureState(self).Extra = cfg
	for _, k := range attrs.Keys() {
		if err := self.DictSet(k, attrs[k]); err != nil {
			return err
		}
	}
	return nil
}

// lossConfig returns the validated arguments that the native __init__
// of a loss stored, or an error when a subclass skipped that __init__.
func lossConfig[T any](call string, self *pyobj.Instance) (T, error) {
	var zero T
	st, ok := self.Native.(*CellState)
	if ok {
		if cfg, ok := st.Extra.(T); ok {
			return cfg, nil
		}
	}
	return zero, core.Errorf("RuntimeError", "%s: the loss is not initialised; a subclass's __init__ must call super().__init__(...)", call)
}
