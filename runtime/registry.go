package runtime

import (
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/mindspore"
	"github.com/cellscript/cellscript/builtins/pystd"
	"go.starlark.net/starlark"
)

func init() {
	for name, b := range mindspore.Modules() {
		builders[name] = b
	}
	builders["math"] = pystd.Math
	builders["random"] = pystd.Random
	builders["time"] = pystd.Time
	builders["json"] = pystd.JSON
	builders["copy"] = pystd.Copy
	builders["csv"] = pystd.CSV
	builders["functools"] = pystd.Functools
	builders["collections"] = pystd.Collections
	builders["os"] = pystd.OS
	builders["os.path"] = pystd.OSPath
}

// sysModule is built per runtime, since sys.argv differs.
func (rt *Runtime) sysModule() *core.Module {
	argv := make([]starlark.Value, len(rt.opts.Argv))
	for i, a := range rt.opts.Argv {
		argv[i] = starlark.String(a)
	}
	m := core.NewModule("sys", starlark.StringDict{
		"argv":    starlark.NewList(argv),
		"version": starlark.String("3.11.0 (cellscript)"),
		"maxsize": starlark.MakeInt64(1<<63 - 1),
	})
	return m
}
