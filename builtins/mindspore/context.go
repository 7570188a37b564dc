package mindspore

import (
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"go.starlark.net/starlark"
)

// knownContext lists the set_context keys cellscript accepts; keys that
// only tune MindSpore's own compiler are accepted and stored.
var knownContext = map[string]bool{
	"mode": true, "device_target": true, "device_id": true, "save_graphs": true,
	"save_graphs_path": true, "check_nan": true, "max_call_depth": true,
	"enable_graph_kernel": true, "reserve_class_name_in_scope": true,
	"pynative_synchronize": true, "max_device_memory": true, "jit_level": true,
}

func contextModule() *core.Module {
	return core.NewModule("mindspore.context", starlark.StringDict{
		"set_context":   starlark.NewBuiltin("set_context", setContext),
		"get_context":   starlark.NewBuiltin("get_context", getContext),
		"GRAPH_MODE":    starlark.MakeInt(0),
		"PYNATIVE_MODE": starlark.MakeInt(1),
	})
}

func checkDevice(thread *starlark.Thread, v starlark.Value) error {
	s, ok := v.(starlark.String)
	if !ok {
		return core.Errorf("TypeError", "device_target must be a str, not %s", v.Type())
	}
	switch strings.ToUpper(string(s)) {
	case "CPU":
		core.EnvOf(thread).Device = "CPU"
		return nil
	case "GPU":
		if err := EnableGPU(); err != nil {
			return core.Errorf("RuntimeError", "%v", err)
		}
		core.EnvOf(thread).Device = "GPU"
		return nil
	case "ASCEND":
		return core.Errorf("ValueError", "device_target Ascend is not supported by cellscript; use 'CPU' or 'GPU'")
	}
	return core.Errorf("ValueError", "device_target must be 'CPU', 'GPU' or 'Ascend', but got '%s'", string(s))
}

func setContext(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) > 0 {
		return nil, core.Errorf("TypeError", "set_context takes keyword arguments only, such as set_context(device_target='CPU')")
	}
	env := core.EnvOf(thread)
	for _, kv := range kwargs {
		key := string(kv[0].(starlark.String))
		if !knownContext[key] {
			return nil, core.Errorf("ValueError", "set_context: unknown key '%s'", key)
		}
		if err := checkContextValue(thread, key, kv[1]); err != nil {
			return nil, err
		}
		env.SetFlag(key, kv[1])
	}
	return starlark.None, nil
}

// checkContextValue validates the set_context values that cellscript
// acts on or that MindSpore checks itself.
func checkContextValue(thread *starlark.Thread, key string, v starlark.Value) error {
	switch key {
	case "device_target":
		return checkDevice(thread, v)
	case "mode":
		var mode int
		if err := starlark.AsInt(v, &mode); err != nil || (mode != 0 && mode != 1) {
			return core.Errorf("ValueError", "set_context: mode must be GRAPH_MODE (0) or PYNATIVE_MODE (1), but got %s", v.String())
		}
	case "check_nan":
		if _, ok := v.(starlark.Bool); !ok {
			return core.Errorf("TypeError", "set_context: check_nan must be True or False, but got %s", v.String())
		}
	}
	return nil
}

func getContext(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var key string
	if err := starlark.UnpackArgs("get_context", args, kwargs, "attr_key", &key); err != nil {
		return nil, err
	}
	env := core.EnvOf(thread)
	if key == "device_target" {
		return starlark.String(env.Device), nil
	}
	if v := env.Flag(key); v != nil {
		return v, nil
	}
	if key == "mode" {
		return starlark.MakeInt(0), nil
	}
	if !knownContext[key] {
		return nil, core.Errorf("ValueError", "get_context: unknown key '%s'", key)
	}
	return starlark.None, nil
}

func setDevice(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var target starlark.Value
	if err := starlark.UnpackArgs("set_device", args, kwargs, "device_target", &target, "device_id?", new(int)); err != nil {
		return nil, err
	}
	return starlark.None, checkDevice(thread, target)
}
