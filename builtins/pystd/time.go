package pystd

import (
	"time"

	"github.com/cellscript/cellscript/builtins/core"
	"go.starlark.net/starlark"
)

// Time returns the time module. time() and perf_counter() read the
// wall clock; sleep is not offered, so scripts cannot stall a host.
func Time() *core.Module {
	start := time.Now()
	return core.NewModule("time", starlark.StringDict{
		"time": starlark.NewBuiltin("time", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.Float(float64(time.Now().UnixNano()) / 1e9), nil
		}),
		"perf_counter": starlark.NewBuiltin("perf_counter", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.Float(time.Since(start).Seconds()), nil
		}),
	})
}
