package nn

import (
	"fmt"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// CheckNaNPrefix starts the message of the FloatingPointError that
// ComputeGrads raises under check_nan; training loops add the step.
const CheckNaNPrefix = "check_nan: "

// checkLoss returns a FloatingPointError when check_nan is on and loss
// holds a NaN or an infinity, naming the op that produced the first one.
func checkLoss(thread *starlark.Thread, loss *engine.Tensor) error {
	if !core.EnvOf(thread).CheckNaN() {
		return nil
	}
	i := engine.FirstNonFinite(loss)
	if i < 0 {
		return nil
	}
	var origin string
	switch op := engine.NonFiniteOrigin(loss); op {
	case "":
	case "input":
		origin = "; the input data or a parameter already held it"
	default:
		origin = fmt.Sprintf("; op %s produced the first non-finite value", op)
	}
	return core.Errorf("FloatingPointError", "%sthe loss is %s%s; check the data for NaN and infinity and lower the learning rate", CheckNaNPrefix, formatValue(loss.Float(i)), origin)
}

// checkGrads returns a FloatingPointError when check_nan is on and a
// gradient holds a NaN or an infinity, naming its parameter.
func checkGrads(thread *starlark.Thread, loss *engine.Tensor, params []*tensor.Parameter, grads []*engine.Tensor) error {
	if !core.EnvOf(thread).CheckNaN() {
		return nil
	}
	for k, g := range grads {
		i := engine.FirstNonFinite(g)
		if i < 0 {
			continue
		}
		return core.Errorf("FloatingPointError", "%sthe gradient of parameter '%s' (shape %s) is %s at flat index %d while the loss is %s; lower the learning rate or clip the gradients", CheckNaNPrefix, params[k].Name, engine.FormatShape(g.Shape()), formatValue(g.Float(i)), i, formatValue(lossScalar(loss)))
	}
	return nil
}

func lossScalar(loss *engine.Tensor) float64 {
	if loss.Numel() == 0 {
		return 0
	}
	return loss.Float(0)
}

// formatValue prints a float as Python's repr does ("nan", "inf").
func formatValue(v float64) string { return core.FormatFloat(v) }
