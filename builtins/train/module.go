package train

import (
	"github.com/cellscript/cellscript/builtins/checkpoint"
	"github.com/cellscript/cellscript/builtins/core"
	"go.starlark.net/starlark"
)

// CallbackModule returns mindspore.train.callback.
func CallbackModule() *core.Module {
	return core.NewModule("mindspore.train.callback", callbackMembers())
}

func callbackMembers() starlark.StringDict {
	return starlark.StringDict{
		"Callback":              Callback,
		"LossMonitor":           LossMonitor,
		"TimeMonitor":           TimeMonitor,
		"RunContext":            RunContext,
		"ModelCheckpoint":       ModelCheckpoint,
		"CheckpointConfig":      CheckpointConfig,
		"LearningRateScheduler": LearningRateScheduler,
		"EarlyStopping":         EarlyStopping,
		"LossPlot":              LossPlot,
	}
}

// MetricsModule returns mindspore.nn.metrics (also mindspore.train.metrics).
func MetricsModule() *core.Module {
	return core.NewModule("mindspore.nn.metrics", metricMembers())
}

func metricMembers() starlark.StringDict {
	return starlark.StringDict{
		"Metric":                  Metric,
		"Accuracy":                Accuracy,
		"MAE":                     MAE,
		"MSE":                     MSE,
		"Loss":                    LossM,
		"Precision":               Precision,
		"Recall":                  Recall,
		"Fbeta":                   Fbeta,
		"F1":                      F1,
		"TopKCategoricalAccuracy": TopKCategoricalAccuracy,
		"Top1CategoricalAccuracy": Top1CategoricalAccuracy,
		"Top5CategoricalAccuracy": Top5CategoricalAccuracy,
	}
}

// Module returns mindspore.train: Model, the callbacks, the metrics and
// the checkpoint functions (the 2.x layout).
func Module() *core.Module {
	m := starlark.StringDict{"Model": Model}
	for _, part := range []starlark.StringDict{callbackMembers(), metricMembers(), checkpoint.Members()} {
		for k, v := range part {
			m[k] = v
		}
	}
	m["callback"] = CallbackModule()
	m["metrics"] = MetricsModule()
	m["serialization"] = checkpoint.Module()
	return core.NewModule("mindspore.train", m)
}
