package train

import (
	"github.com/cellscript/cellscript/builtins/core"
	"go.starlark.net/starlark"
)

// CallbackModule returns mindspore.train.callback.
func CallbackModule() *core.Module {
	return core.NewModule("mindspore.train.callback", starlark.StringDict{
		"Callback":    Callback,
		"LossMonitor": LossMonitor,
		"TimeMonitor": TimeMonitor,
		"RunContext":  RunContext,
	})
}

// MetricsModule returns mindspore.nn.metrics (also mindspore.train.metrics).
func MetricsModule() *core.Module {
	return core.NewModule("mindspore.nn.metrics", metricMembers())
}

func metricMembers() starlark.StringDict {
	return starlark.StringDict{
		"Metric":   Metric,
		"Accuracy": Accuracy,
		"MAE":      MAE,
		"MSE":      MSE,
		"Loss":     LossM,
	}
}

// Module returns mindspore.train: Model, the callbacks and the metrics
// (the 2.x layout).
func Module() *core.Module {
	m := starlark.StringDict{"Model": Model}
	for k, v := range CallbackModule().Members {
		m[k] = v
	}
	for k, v := range metricMembers() {
		m[k] = v
	}
	return core.NewModule("mindspore.train", m)
}
