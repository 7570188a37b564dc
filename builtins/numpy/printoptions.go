package numpy

import (
	"math"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/ndformat"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
)

// printOptionArgs are the keyword arguments of np.set_printoptions, each
// nil or None when not given.
type printOptionArgs struct {
	precision, threshold, edgeitems, linewidth starlark.Value
	suppress, sign, floatmode                  starlark.Value
	nanstr, infstr, formatter, legacy          starlark.Value
}

// unpackers returns the UnpackArgs pairs for the options, with the
// names that name them in the calling function.
func (a *printOptionArgs) unpackers(lineWidthName, suppressName string) []any {
	return []any{
		"precision?", &a.precision, "threshold?", &a.threshold,
		"edgeitems?", &a.edgeitems, lineWidthName + "?", &a.linewidth,
		suppressName + "?", &a.suppress, "nanstr?", &a.nanstr,
		"infstr?", &a.infstr, "formatter?", &a.formatter,
		"sign?", &a.sign, "floatmode?", &a.floatmode, "legacy?", &a.legacy,
	}
}

func given(v starlark.Value) bool { return v != nil && v != starlark.None }

// apply returns o with the given options replaced, raising NumPy's
// TypeError or ValueError for a value NumPy 1.24 rejects.
func (a *printOptionArgs) apply(o ndformat.Options) (ndformat.Options, error) {
	for name, v := range map[string]starlark.Value{"nanstr": a.nanstr, "infstr": a.infstr, "formatter": a.formatter} {
		if given(v) {
			return o, core.Errorf("NotImplementedError", "the %s print option is not supported; leave it unset", name)
		}
	}
	if given(a.legacy) && a.legacy != starlark.False {
		return o, core.Errorf("NotImplementedError", "legacy printing %s is not supported; pass legacy=False", a.legacy)
	}
	if given(a.precision) {
		if err := starlark.AsInt(a.precision, &o.Precision); err != nil {
			return o, core.Errorf("TypeError", "precision must be an integer, not %s", a.precision.Type())
		}
		if o.Precision < 0 {
			return o, core.Errorf("ValueError", "precision must be >= 0, got %d", o.Precision)
		}
	}
	var err error
	if given(a.threshold) {
		if o.Threshold, err = thresholdArg(a.threshold); err != nil {
			return o, err
		}
	}
	if given(a.edgeitems) {
		if err := starlark.AsInt(a.edgeitems, &o.EdgeItems); err != nil || o.EdgeItems < 0 {
			return o, core.Errorf("ValueError", "edgeitems must be an int of 0 or more, got %s", a.edgeitems)
		}
	}
	if given(a.linewidth) {
		if err := starlark.AsInt(a.linewidth, &o.LineWidth); err != nil {
			return o, core.Errorf("TypeError", "linewidth must be an int, not %s", a.linewidth.Type())
		}
	}
	if given(a.suppress) {
		o.Suppress = bool(a.suppress.Truth())
	}
	if given(a.sign) {
		if o.Sign, err = signArg(a.sign); err != nil {
			return o, err
		}
	}
	if given(a.floatmode) {
		mode, ok := a.floatmode.(starlark.String)
		if !ok || !validFloatMode(string(mode)) {
			return o, core.Errorf("ValueError", `floatmode option must be one of "fixed", "unique", "maxprec", "maxprec_equal"`)
		}
		o.FloatMode = string(mode)
	}
	return o, nil
}

// thresholdArg reads a threshold, which NumPy accepts as any number:
// np.inf or sys.maxsize turn summarising off.
func thresholdArg(v starlark.Value) (int, error) {
	if f, ok := v.(starlark.Float); ok {
		switch {
		case math.IsNaN(float64(f)):
			return 0, core.Errorf("ValueError", "threshold must be non-NAN, try sys.maxsize for untruncated representation")
		case float64(f) >= math.MaxInt64:
			return math.MaxInt, nil
		case f < 0:
			return -1, nil
		}
		return int(math.Floor(float64(f))), nil
	}
	var n int
	if err := starlark.AsInt(v, &n); err != nil {
		return 0, core.Errorf("TypeError", "threshold must be numeric, not %s", v.Type())
	}
	return n, nil
}

func signArg(v starlark.Value) (byte, error) {
	s, ok := v.(starlark.String)
	if ok && (s == "-" || s == "+" || s == " ") {
		return s[0], nil
	}
	return 0, core.Errorf("ValueError", "sign option must be one of ' ', '+', or '-'")
}

func validFloatMode(mode string) bool {
	for _, m := range ndformat.FloatModes {
		if m == mode {
			return true
		}
	}
	return false
}

func setPrintOptions(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a printOptionArgs
	if err := starlark.UnpackArgs(name, args, kwargs, a.unpackers("linewidth", "suppress")...); err != nil {
		return nil, err
	}
	env := core.EnvOf(thread)
	o, err := a.apply(env.PrintOptions())
	if err != nil {
		return nil, err
	}
	if err := env.SetPrintOptions(o); err != nil {
		return nil, core.Errorf("ValueError", "%v", err)
	}
	return starlark.None, nil
}

func getPrintOptions(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(name, args, kwargs); err != nil {
		return nil, err
	}
	return optionsDict(core.EnvOf(thread).PrintOptions()), nil
}

// optionsDict returns the dict of np.get_printoptions, in NumPy 1.24's
// key order.
func optionsDict(o ndformat.Options) *starlark.Dict {
	mode, sign := o.FloatMode, o.Sign
	if mode == "" {
		mode = "maxprec"
	}
	if sign == 0 {
		sign = '-'
	}
	d := starlark.NewDict(11)
	entries := []struct {
		key   string
		value starlark.Value
	}{
		{"edgeitems", starlark.MakeInt(o.EdgeItems)},
		{"threshold", starlark.MakeInt(o.Threshold)},
		{"floatmode", starlark.String(mode)},
		{"precision", starlark.MakeInt(o.Precision)},
		{"suppress", starlark.Bool(o.Suppress)},
		{"linewidth", starlark.MakeInt(o.LineWidth)},
		{"nanstr", starlark.String("nan")},
		{"infstr", starlark.String("inf")},
		{"sign", starlark.String(string(sign))},
		{"formatter", starlark.None},
		{"legacy", starlark.False},
	}
	for _, e := range entries {
		_ = d.SetKey(starlark.String(e.key), e.value)
	}
	return d
}

// printOptionsContext is the value of np.printoptions(...): __enter__
// sets the options and __exit__ restores the ones it replaced.
type printOptionsContext struct {
	options ndformat.Options
	saved   []ndformat.Options
}

var _ starlark.HasAttrs = (*printOptionsContext)(nil)

func (c *printOptionsContext) String() string       { return "<numpy.printoptions object>" }
func (c *printOptionsContext) Type() string         { return "numpy.printoptions" }
func (c *printOptionsContext) Freeze()              {}
func (c *printOptionsContext) Truth() starlark.Bool { return starlark.True }
func (c *printOptionsContext) Hash() (uint32, error) {
	return 0, core.Errorf("TypeError", "unhashable type: 'printoptions'")
}
func (c *printOptionsContext) AttrNames() []string { return []string{"__enter__", "__exit__"} }

// Attr returns the bound __enter__ and __exit__ methods.
func (c *printOptionsContext) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__enter__":
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			env := core.EnvOf(thread)
			c.saved = append(c.saved, env.PrintOptions())
			if err := env.SetPrintOptions(c.options); err != nil {
				return nil, core.Errorf("ValueError", "%v", err)
			}
			return optionsDict(c.options), nil
		}), nil
	case "__exit__":
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(c.saved) > 0 {
				last := c.saved[len(c.saved)-1]
				c.saved = c.saved[:len(c.saved)-1]
				if err := core.EnvOf(thread).SetPrintOptions(last); err != nil {
					return nil, core.Errorf("ValueError", "%v", err)
				}
			}
			return starlark.False, nil
		}), nil
	}
	return nil, nil
}

func printOptions(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a printOptionArgs
	if err := starlark.UnpackArgs(name, args, kwargs, a.unpackers("linewidth", "suppress")...); err != nil {
		return nil, err
	}
	o, err := a.apply(core.EnvOf(thread).PrintOptions())
	if err != nil {
		return nil, err
	}
	return &printOptionsContext{options: o}, nil
}

// formatArgs reads the array and the options of np.array2string,
// np.array_repr and np.array_str, starting from the runtime's options.
func formatArgs(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple, extra ...any) (ndformat.Array, ndformat.Options, error) {
	var a printOptionArgs
	var arr starlark.Value
	pairs := append([]any{"a", &arr}, extra...)
	pairs = append(pairs, a.unpackers("max_line_width", "suppress_small")...)
	if err := starlark.UnpackArgs(name, args, kwargs, pairs...); err != nil {
		return ndformat.Array{}, ndformat.Options{}, err
	}
	o, err := a.apply(core.EnvOf(thread).PrintOptions())
	if err != nil {
		return ndformat.Array{}, o, err
	}
	t, err := asArray(arr)
	if err != nil {
		return ndformat.Array{}, o, err
	}
	return tensor.PrintableArray(t), o, nil
}

func array2string(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	separator, prefix, suffix := " ", "", ""
	arr, o, err := formatArgs(thread, name, args, kwargs, "separator?", &separator, "prefix?", &prefix, "suffix?", &suffix, "style?", new(starlark.Value))
	if err != nil {
		return nil, err
	}
	s, err := ndformat.Array2String(arr, o, separator, prefix, suffix)
	if err != nil {
		return nil, core.Errorf("ValueError", "%v", err)
	}
	return starlark.String(s), nil
}

func arrayRepr(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	arr, o, err := formatArgs(thread, name, args, kwargs)
	if err != nil {
		return nil, err
	}
	s, err := ndformat.ReprWith(arr, o)
	if err != nil {
		return nil, core.Errorf("ValueError", "%v", err)
	}
	return starlark.String(s), nil
}

func arrayStr(thread *starlark.Thread, name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	arr, o, err := formatArgs(thread, name, args, kwargs)
	if err != nil {
		return nil, err
	}
	s, err := ndformat.StrWith(arr, o)
	if err != nil {
		return nil, core.Errorf("ValueError", "%v", err)
	}
	return starlark.String(s), nil
}
