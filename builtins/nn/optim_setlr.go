package nn

import (
	"github.com/cellscript/cellscript/builtins/core"
	"go.starlark.net/starlark"
)

// SetLearningRate replaces a fixed optimizer-wide learning rate, as
// train.LearningRateScheduler does between steps. Parameter groups with
// their own 'lr' keep it. A rate given as a list, a Tensor of rates or a
// schedule cannot be replaced: that is a ValueError.
func (st *OptState) SetLearningRate(lr float64) error {
	if st.LR == nil || st.LR.dynamic() {
		return core.Errorf("ValueError", "%s: the learning rate is a per-step list or a schedule, so it cannot be replaced; use a fixed learning_rate with LearningRateScheduler", st.Kind)
	}
	if lr < 0 {
		return core.Errorf("ValueError", "%s: the learning rate must be at least 0.0, but got %s", st.Kind, core.FormatFloat(lr))
	}
	st.LR.fixed = lr
	st.LR.arg = starlark.Float(lr)
	return nil
}
