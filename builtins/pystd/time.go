package pystd

import (
	"github.com/cellscript/cellscript/builtins/core"
	"go.starlark.net/starlark"
)

// Time returns the time module. time() and perf_counter() read the
// runtime's clock, core.Env.Now, which is the wall clock unless the host
// replaced it. perf_counter counts from the Unix epoch, a reference
// point that Python leaves undefined. sleep is not offered, so scripts
// cannot stall a host.
func Time() *core.Module {
	seconds := func(thread *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		return starlark.Float(float64(core.EnvOf(thread).Now().UnixNano()) / 1e9), nil
	}
	return core.NewModule("time", starlark.StringDict{
		"time":         starlark.NewBuiltin("time", seconds),
		"perf_counter": starlark.NewBuiltin("perf_counter", seconds),
	})
}
