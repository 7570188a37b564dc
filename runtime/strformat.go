package runtime

import (
	"strconv"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// pyFormatCall implements __format_call__(obj, *args, **kwargs), the
// desugared obj.format(...): str.format with Python's format specs and
// float formatting when obj is a str, and obj's own format method
// otherwise.
func pyFormatCall(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, pyobj.TypeErrorf("__format_call__: missing the object")
	}
	template, ok := args[0].(starlark.String)
	if !ok {
		method, err := pyobj.GetAttr(thread, args[0], "format")
		if err != nil {
			return nil, err
		}
		return starlark.Call(thread, method, args[1:], kwargs)
	}
	named := map[string]starlark.Value{}
	for _, kv := range kwargs {
		named[string(kv[0].(starlark.String))] = kv[1]
	}
	f := &strFormatter{thread: thread, positional: args[1:], named: named}
	s, err := f.format(string(template), 0)
	return starlark.String(s), err
}

// strFormatter expands the replacement fields of one str.format call.
type strFormatter struct {
	thread     *starlark.Thread
	positional starlark.Tuple
	named      map[string]starlark.Value
	auto       int  // next automatic field number
	manual     bool // a field gave an explicit number or name
	automatic  bool // a field used automatic numbering
}

// format expands template; depth counts nested fields in format specs,
// which Python allows one level deep.
func (f *strFormatter) format(template string, depth int) (string, error) {
	if depth > 1 {
		return "", pyobj.ValueErrorf("Max string recursion exceeded")
	}
	var b strings.Builder
	for i := 0; i < len(template); {
		c := template[i]
		switch {
		case c == '{' && strings.HasPrefix(template[i:], "{{"):
			b.WriteByte('{')
			i += 2
		case c == '}' && strings.HasPrefix(template[i:], "}}"):
			b.WriteByte('}')
			i += 2
		case c == '}':
			return "", pyobj.ValueErrorf("Single '}' encountered in format string")
		case c == '{':
			end := matchingBrace(template, i)
			if end < 0 {
				return "", pyobj.ValueErrorf("expected '}' before end of string")
			}
			s, err := f.field(template[i+1:end], depth)
			if err != nil {
				return "", err
			}
			b.WriteString(s)
			i = end + 1
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), nil
}

// matchingBrace returns the index of the '}' that closes the field
// opened at template[open], allowing nested fields in the spec.
func matchingBrace(template string, open int) int {
	depth := 0
	for i := open; i < len(template); i++ {
		switch template[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// field formats one replacement field: name[.attr|[key]]...[!conv][:spec].
func (f *strFormatter) field(text string, depth int) (string, error) {
	text, conv, spec := splitField(text)
	if conv != "" && conv != "r" && conv != "s" && conv != "a" {
		return "", pyobj.ValueErrorf("Unknown conversion specifier %s", conv)
	}
	v, err := f.lookup(text)
	if err != nil {
		return "", err
	}
	switch conv {
	case "r", "a":
		s, err := core.Repr(f.thread, v)
		if err != nil {
			return "", err
		}
		v = starlark.String(s)
	case "s":
		s, err := core.Str(f.thread, v)
		if err != nil {
			return "", err
		}
		v = starlark.String(s)
	}
	if strings.Contains(spec, "{") {
		if spec, err = f.format(spec, depth+1); err != nil {
			return "", err
		}
	}
	return formatValue(f.thread, v, spec)
}

// splitField splits a replacement field into its name, conversion and
// spec. The name ends at the first '!' or ':' outside square brackets.
func splitField(text string) (name, conv, spec string) {
	inBracket := false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '[':
			inBracket = true
		case c == ']':
			inBracket = false
		case inBracket:
		case c == ':':
			return text[:i], "", text[i+1:]
		case c == '!':
			name, rest := text[:i], text[i+1:]
			conv, spec, _ = strings.Cut(rest, ":")
			return name, conv, spec
		}
	}
	return text, "", ""
}

// lookup evaluates a field name: an argument, then attributes and
// indexes.
func (f *strFormatter) lookup(name string) (starlark.Value, error) {
	end := strings.IndexAny(name, ".[")
	if end < 0 {
		end = len(name)
	}
	v, err := f.argument(name[:end])
	if err != nil {
		return nil, err
	}
	rest := name[end:]
	for rest != "" {
		switch rest[0] {
		case '.':
			k := strings.IndexAny(rest[1:], ".[")
			if k < 0 {
				k = len(rest) - 1
			}
			attr := rest[1 : k+1]
			if attr == "" {
				return nil, pyobj.ValueErrorf("Empty attribute in format string")
			}
			if v, err = pyobj.GetAttr(f.thread, v, attr); err != nil {
				return nil, err
			}
			rest = rest[k+1:]
		case '[':
			k := strings.IndexByte(rest, ']')
			if k < 0 {
				return nil, pyobj.ValueErrorf("Missing ']' in format string")
			}
			if v, err = indexField(v, rest[1:k]); err != nil {
				return nil, err
			}
			rest = rest[k+1:]
		default:
			return nil, pyobj.ValueErrorf("Only '.' or '[' may follow ']' in format field specifier")
		}
	}
	return v, nil
}

// argument returns the argument a field names: "" for the next
// positional one, digits for a positional index, else a keyword.
func (f *strFormatter) argument(name string) (starlark.Value, error) {
	if name == "" {
		if f.manual {
			return nil, pyobj.ValueErrorf("cannot switch from manual field specification to automatic field numbering")
		}
		f.automatic = true
		name = strconv.Itoa(f.auto)
		f.auto++
	} else if isDigits(name) {
		if f.automatic {
			return nil, pyobj.ValueErrorf("cannot switch from automatic field numbering to manual field specification")
		}
		f.manual = true
	}
	if isDigits(name) {
		i, err := strconv.Atoi(name)
		if err != nil || i >= len(f.positional) {
			return nil, pyobj.IndexErrorf("Replacement index %s out of range for positional args tuple", name)
		}
		return f.positional[i], nil
	}
	v, ok := f.named[name]
	if !ok {
		return nil, pyobj.KeyErrorf("%s", core.QuoteString(name))
	}
	return v, nil
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// indexField applies a [key] of a field name: digits index a sequence,
// anything else is a string key.
func indexField(v starlark.Value, key string) (starlark.Value, error) {
	if isDigits(key) {
		i, _ := strconv.Atoi(key)
		if seq, ok := v.(starlark.Indexable); ok {
			if i >= seq.Len() {
				return nil, pyobj.IndexErrorf("index %d out of range", i)
			}
			return seq.Index(i), nil
		}
		if m, ok := v.(starlark.Mapping); ok {
			return mappingGet(m, starlark.MakeInt(i))
		}
	}
	if m, ok := v.(starlark.Mapping); ok {
		return mappingGet(m, starlark.String(key))
	}
	return nil, pyobj.TypeErrorf("'%s' object is not subscriptable", pyTypeName(v))
}

func mappingGet(m starlark.Mapping, key starlark.Value) (starlark.Value, error) {
	v, found, err := m.Get(key)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, pyobj.KeyErrorf("%s", key.String())
	}
	return v, nil
}
