package checkpoint

import (
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// Members returns save_checkpoint, load_checkpoint and
// load_param_into_net, which MindSpore exports from mindspore,
// mindspore.train and mindspore.train.serialization.
func Members() starlark.StringDict {
	return starlark.StringDict{
		"save_checkpoint":     starlark.NewBuiltin("save_checkpoint", saveCheckpoint),
		"load_checkpoint":     starlark.NewBuiltin("load_checkpoint", loadCheckpoint),
		"load_param_into_net": starlark.NewBuiltin("load_param_into_net", loadParamIntoNet),
	}
}

// Module returns mindspore.train.serialization.
func Module() *core.Module {
	return core.NewModule("mindspore.train.serialization", Members())
}

var classify = pyobj.Classify

// isCell reports whether v is an nn.Cell instance, recognised by its
// get_parameters method so that this package does not depend on nn.
func isCell(v starlark.Value) bool {
	inst, ok := v.(*pyobj.Instance)
	if !ok {
		return false
	}
	m, _ := inst.Class().Lookup("get_parameters")
	return m != nil
}

// NetEntries returns the parameters of a Cell as checkpoint entries, in
// get_parameters() order, named by Parameter.name.
func NetEntries(thread *starlark.Thread, net starlark.Value) ([]Entry, error) {
	params, err := netParams(thread, net)
	if err != nil {
		return nil, err
	}
	out := make([]Entry, len(params))
	for i, p := range params {
		out[i] = Entry{Name: p.Name, Tensor: p.T}
	}
	return out, nil
}

// NetParams returns the Parameters of a Cell in get_parameters() order.
func NetParams(thread *starlark.Thread, net starlark.Value) ([]*tensor.Parameter, error) {
	return netParams(thread, net)
}

func netParams(thread *starlark.Thread, net starlark.Value) ([]*tensor.Parameter, error) {
	if !isCell(net) {
		return nil, core.Errorf("TypeError", "expected an nn.Cell, got %s", net.Type())
	}
	v, err := pyobj.CallMethod(thread, net, "get_parameters", nil, nil)
	if err != nil {
		return nil, err
	}
	iter, ok := v.(starlark.Iterable)
	if !ok {
		return nil, core.Errorf("TypeError", "get_parameters() returned %s, not a list", v.Type())
	}
	var out []*tensor.Parameter
	it := iter.Iterate()
	defer it.Done()
	var x starlark.Value
	for it.Next(&x) {
		if p, ok := x.(*tensor.Parameter); ok {
			out = append(out, p)
		}
	}
	return out, nil
}

func saveCheckpoint(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const call = "save_checkpoint"
	var obj, appendDict, encKey, choice starlark.Value = nil, starlark.None, starlark.None, starlark.None
	var name string
	if err := starlark.UnpackArgs(call, args, kwargs, "save_obj", &obj, "ckpt_file_name", &name, "integrated_save?", new(bool), "async_save?", new(starlark.Value), "append_dict?", &appendDict, "enc_key?", &encKey, "enc_mode?", new(string), "choice_func?", &choice, "crc_check?", new(bool), "format?", new(string)); err != nil {
		return nil, err
	}
	if encKey != starlark.None {
		return nil, core.Errorf("NotImplementedError", "%s: encrypted checkpoints (enc_key) are not supported", call)
	}
	entries, err := saveEntries(thread, call, obj)
	if err != nil {
		return nil, err
	}
	if entries, err = chooseEntries(thread, entries, choice); err != nil {
		return nil, err
	}
	extra, err := appendEntries(call, appendDict)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(name, ".ckpt") {
		name += ".ckpt"
	}
	return starlark.None, Save(thread, call, name, append(entries, extra...))
}

// saveEntries converts save_obj: a Cell, a list of {"name": ..., "data":
// ...} dicts, or a dict of name -> Parameter or Tensor.
func saveEntries(thread *starlark.Thread, call string, obj starlark.Value) ([]Entry, error) {
	switch x := obj.(type) {
	case *starlark.List:
		out := make([]Entry, 0, x.Len())
		for i := 0; i < x.Len(); i++ {
			e, err := listEntry(call, i, x.Index(i))
			if err != nil {
				return nil, err
			}
			out = append(out, e)
		}
		return out, nil
	case *starlark.Dict:
		out := make([]Entry, 0, x.Len())
		for _, kv := range x.Items() {
			name, ok := starlark.AsString(kv[0])
			if !ok {
				return nil, core.Errorf("TypeError", "%s: dict keys must be parameter names (str), got %s", call, kv[0].Type())
			}
			t, err := dataTensor(call, name, kv[1])
			if err != nil {
				return nil, err
			}
			out = append(out, Entry{Name: name, Tensor: t})
		}
		return out, nil
	}
	if isCell(obj) {
		return NetEntries(thread, obj)
	}
	return nil, core.Errorf("TypeError", "%s: save_obj must be a Cell, a list of {'name': ..., 'data': ...} dicts or a dict of name -> Parameter, not %s", call, obj.Type())
}

func listEntry(call string, i int, v starlark.Value) (Entry, error) {
	d, ok := v.(*starlark.Dict)
	if !ok {
		return Entry{}, core.Errorf("TypeError", "%s: save_obj[%d] must be a dict with 'name' and 'data', not %s", call, i, v.Type())
	}
	nv, found, _ := d.Get(starlark.String("name"))
	name, isStr := starlark.AsString(nv)
	if !found || !isStr {
		return Entry{}, core.Errorf("ValueError", "%s: save_obj[%d] needs a 'name' string", call, i)
	}
	data, found, _ := d.Get(starlark.String("data"))
	if !found {
		return Entry{}, core.Errorf("ValueError", "%s: save_obj[%d] ('%s') needs 'data'", call, i, name)
	}
	t, err := dataTensor(call, name, data)
	return Entry{Name: name, Tensor: t}, err
}

func dataTensor(call, name string, v starlark.Value) (*engine.Tensor, error) {
	t, err := tensor.ToEngine(v, nil, tensor.MindSpore)
	if err != nil {
		return nil, core.Errorf("TypeError", "%s: the data of '%s' must be a Tensor or Parameter: %v", call, name, err)
	}
	return t, nil
}

func chooseEntries(thread *starlark.Thread, entries []Entry, choice starlark.Value) ([]Entry, error) {
	if choice == starlark.None {
		return entries, nil
	}
	var out []Entry
	for _, e := range entries {
		keep, err := starlark.Call(thread, choice, starlark.Tuple{starlark.String(e.Name)}, nil)
		if err != nil {
			return nil, err
		}
		if keep.Truth() {
			out = append(out, e)
		}
	}
	return out, nil
}

// appendEntries converts append_dict: ints become Int64 scalars, floats
// Float32 scalars (as MindSpore's Tensor(value) does), bools Bool
// scalars, strings str values, and Tensors keep their data.
func appendEntries(call string, v starlark.Value) ([]Entry, error) {
	if v == starlark.None {
		return nil, nil
	}
	d, ok := v.(*starlark.Dict)
	if !ok {
		return nil, core.Errorf("TypeError", "%s: append_dict must be a dict, not %s", call, v.Type())
	}
	var out []Entry
	for _, kv := range d.Items() {
		name, ok := starlark.AsString(kv[0])
		if !ok {
			return nil, core.Errorf("TypeError", "%s: append_dict keys must be str, got %s", call, kv[0].Type())
		}
		e, err := appendEntry(call, name, kv[1])
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

func appendEntry(call, name string, v starlark.Value) (Entry, error) {
	switch x := v.(type) {
	case starlark.String:
		return Entry{Name: name, Str: string(x)}, nil
	case starlark.Bool:
		return Entry{Name: name, Tensor: engine.Scalar(engine.Bool, b2f(bool(x)))}, nil
	case starlark.Int:
		i, ok := x.Int64()
		if !ok {
			return Entry{}, core.Errorf("OverflowError", "%s: append_dict['%s'] = %s does not fit in int64", call, name, x)
		}
		t, err := engine.FromInt64([]int64{i})
		if err != nil {
			return Entry{}, err
		}
		t, err = engine.Reshape(t)
		return Entry{Name: name, Tensor: t}, err
	case starlark.Float:
		return Entry{Name: name, Tensor: engine.Scalar(engine.Float32, float64(x))}, nil
	}
	if t, _, ok := tensor.Of(v); ok {
		return Entry{Name: name, Tensor: t}, nil
	}
	return Entry{}, core.Errorf("TypeError", "%s: append_dict['%s'] must be an int, float, bool, str or Tensor, not %s", call, name, v.Type())
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func loadCheckpoint(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const call = "load_checkpoint"
	var name string
	var net, filter, decKey, specify, choice starlark.Value = starlark.None, starlark.None, starlark.None, starlark.None, starlark.None
	strict := false
	if err := starlark.UnpackArgs(call, args, kwargs, "ckpt_file_name", &name, "net?", &net, "strict_load?", &strict, "filter_prefix?", &filter, "dec_key?", &decKey, "dec_mode?", new(string), "specify_prefix?", &specify, "choice_func?", &choice, "crc_check?", new(bool), "remove_redundancy?", new(bool), "format?", new(string)); err != nil {
		return nil, err
	}
	if decKey != starlark.None {
		return nil, core.Errorf("NotImplementedError", "%s: encrypted checkpoints (dec_key) are not supported", call)
	}

	filters, err := prefixes(call, "filter_prefix", filter)
	if err != nil {
		return nil, err
	}
	specified, err := prefixes(call, "specify_prefix", specify)
	if err != nil {
		return nil, err
	}
	entries, err := Load(thread, call, name)
	if err != nil {
		return nil, err
	}
	dict, err := entryDict(thread, entries, filters, specified, choice)
	if err != nil {
		return nil, err
	}
	if net != starlark.None {
		if _, err := loadInto(thread, call, net, dict, strict); err != nil {
			return nil, err
		}
	}
	return dict, nil
}

// entryDict returns the kept entries as name -> Parameter, or name ->
// str for string entries.
func entryDict(thread *starlark.Thread, entries []Entry, filters, specified []string, choice starlark.Value) (*starlark.Dict, error) {
	dict := starlark.NewDict(len(entries))
	for _, e := range entries {
		keep, err := keepEntry(thread, e.Name, filters, specified, choice)
		if err != nil {
			return nil, err
		}
		if !keep {
			continue
		}
		var v starlark.Value = starlark.String(e.Str)
		if e.Tensor != nil {
			v = tensor.NewParameter(e.Tensor, e.Name, true)
		}
		if err := dict.SetKey(starlark.String(e.Name), v); err != nil {
			return nil, err
		}
	}
	return dict, nil
}

func prefixes(call, arg string, v starlark.Value) ([]string, error) {
	switch x := v.(type) {
	case starlark.NoneType:
		return nil, nil
	case starlark.String:
		return []string{string(x)}, nil
	case *starlark.List, starlark.Tuple:
		seq := x.(starlark.Indexable)
		out := make([]string, seq.Len())
		for i := range out {
			s, ok := starlark.AsString(seq.Index(i))
			if !ok {
				return nil, core.Errorf("TypeError", "%s: %s must contain strings, got %s", call, arg, seq.Index(i).Type())
			}
			out[i] = s
		}
		return out, nil
	}
	return nil, core.Errorf("TypeError", "%s: %s must be a str or a list of str, not %s", call, arg, v.Type())
}

func hasAnyPrefix(name string, list []string) bool {
	for _, p := range list {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

func keepEntry(thread *starlark.Thread, name string, filters, specified []string, choice starlark.Value) (bool, error) {
	if hasAnyPrefix(name, filters) {
		return false, nil
	}
	if specified != nil && !hasAnyPrefix(name, specified) {
		return false, nil
	}
	if choice == starlark.None {
		return true, nil
	}
	keep, err := starlark.Call(thread, choice, starlark.Tuple{starlark.String(name)}, nil)
	if err != nil {
		return false, err
	}
	return bool(keep.Truth()), nil
}

func loadParamIntoNet(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const call = "load_param_into_net"
	var net, params starlark.Value
	strict := false
	if err := starlark.UnpackArgs(call, args, kwargs, "net", &net, "parameter_dict", &params, "strict_load?", &strict, "remove_redundancy?", new(bool)); err != nil {
		return nil, err
	}
	dict, ok := params.(*starlark.Dict)
	if !ok {
		return nil, core.Errorf("TypeError", "%s: parameter_dict must be a dict of name -> Parameter, such as load_checkpoint() returns, not %s", call, params.Type())
	}
	notLoaded, err := loadInto(thread, call, net, dict, strict)
	if err != nil {
		return nil, err
	}
	vals := make([]starlark.Value, len(notLoaded))
	for i, n := range notLoaded {
		vals[i] = starlark.String(n)
	}
	return starlark.NewList(vals), nil
}

// update is one planned assignment of checkpoint data to a parameter.
type update struct {
	param *tensor.Parameter
	data  *engine.Tensor
}

// loadInto assigns the dict's values to the net's parameters by name and
// returns the names of net parameters it did not find. Every value is
// checked before any is assigned, so a mismatch leaves the net as it
// was. A parameter missing under its own name is looked up again under
// the prefix that MindSpore's fallback finds: the part of a dict key
// before a missing parameter's name.
func loadInto(thread *starlark.Thread, call string, net starlark.Value, dict *starlark.Dict, strict bool) ([]string, error) {
	if !isCell(net) {
		return nil, core.Errorf("TypeError", "%s: net must be an nn.Cell, not %s", call, net.Type())
	}
	params, err := netParams(thread, net)
	if err != nil {
		return nil, err
	}

	var plan []update
	var missing []*tensor.Parameter
	for _, p := range params {
		u, found, err := planUpdate(call, p, dict, p.Name, strict)
		if err != nil {
			return nil, err
		}
		if found {
			plan = append(plan, u)
		} else {
			missing = append(missing, p)
		}
	}
	more, missing, err := planPrefixed(call, missing, dict, strict)
	if err != nil {
		return nil, err
	}

	for _, u := range append(plan, more...) {
		if err := u.param.SetData(u.data); err != nil {
			return nil, core.Errorf("RuntimeError", "%s: %v", call, err)
		}
	}
	names := make([]string, len(missing))
	for i, p := range missing {
		names[i] = p.Name
	}
	return names, nil
}

func planUpdate(call string, p *tensor.Parameter, dict *starlark.Dict, key string, strict bool) (update, bool, error) {
	v, found, err := dict.Get(starlark.String(key))
	if err != nil || !found {
		return update{}, false, err
	}
	t, _, ok := tensor.Of(v)
	if !ok {
		return update{}, true, core.Errorf("TypeError", "%s: parameter_dict['%s'] must be a Parameter, not %s", call, key, v.Type())
	}
	want := p.T
	if engine.FormatShape(t.Shape()) != engine.FormatShape(want.Shape()) {
		return update{}, true, core.Errorf("RuntimeError", "%s: %s in net has shape %s but parameter_dict['%s'] has shape %s; check that the checkpoint belongs to this network", call, p.Name, engine.FormatShape(want.Shape()), key, engine.FormatShape(t.Shape()))
	}
	if t.DType() != want.DType() && (strict || !convertible(t.DType(), want.DType())) {
		return update{}, true, core.Errorf("RuntimeError", "%s: %s in net has dtype %s but parameter_dict['%s'] has dtype %s", call, p.Name, want.DType(), key, t.DType())
	}
	return update{param: p, data: t}, true, nil
}

// convertible reports whether load_param_into_net converts between two
// dtypes when strict_load is False: float to float and int to int.
func convertible(from, to engine.DType) bool {
	return (from.IsFloat() && to.IsFloat()) || (from.IsInt() && to.IsInt())
}

// planPrefixed retries missing parameters under a common key prefix.
func planPrefixed(call string, missing []*tensor.Parameter, dict *starlark.Dict, strict bool) ([]update, []*tensor.Parameter, error) {
	prefix, ok := commonPrefix(missing, dict)
	if !ok {
		return nil, missing, nil
	}
	var plan []update
	var still []*tensor.Parameter
	for _, p := range missing {
		u, found, err := planUpdate(call, p, dict, prefix+p.Name, strict)
		if err != nil {
			return nil, nil, err
		}
		if found {
			plan = append(plan, u)
		} else {
			still = append(still, p)
		}
	}
	return plan, still, nil
}

func commonPrefix(missing []*tensor.Parameter, dict *starlark.Dict) (string, bool) {
	for _, p := range missing {
		for _, k := range dict.Keys() {
			key, _ := starlark.AsString(k)
			if len(key) > len(p.Name) && strings.HasSuffix(key, p.Name) {
				return key[:len(key)-len(p.Name)], true
			}
		}
	}
	return "", false
}
