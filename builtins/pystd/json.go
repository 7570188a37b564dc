package pystd

import (
	"encoding/json"
	"errors"
	"io"
	"math"
	"math/big"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// JSON returns the json module: dumps and loads with CPython's output
// format (", " and ": " separators, ASCII escapes, floats as repr
// prints them, NaN and Infinity) and key order kept on both sides.
func JSON() *core.Module {
	return core.NewModule("json", starlark.StringDict{
		"dumps": starlark.NewBuiltin("dumps", jsonDumps),
		"loads": starlark.NewBuiltin("loads", jsonLoads),
	})
}

// jsonEncoder holds the options of one json.dumps call.
type jsonEncoder struct {
	thread      *starlark.Thread
	indent      string // the indent unit when hasIndent; otherwise one line
	hasIndent   bool
	sortKeys    bool
	ensureASCII bool
	itemSep     string
	keySep      string
	depth       int
}

func jsonDumps(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var obj starlark.Value
	var indent, separators starlark.Value = starlark.None, starlark.None
	sortKeys, ensureASCII := false, true
	if err := starlark.UnpackArgs("json.dumps", args, kwargs, "obj", &obj, "indent?", &indent,
		"sort_keys?", &sortKeys, "ensure_ascii?", &ensureASCII, "separators?", &separators); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	enc := &jsonEncoder{thread: thread, sortKeys: sortKeys, ensureASCII: ensureASCII, itemSep: ", ", keySep: ": "}
	switch x := indent.(type) {
	case starlark.Int:
		n, _ := x.Int64()
		enc.hasIndent, enc.indent, enc.itemSep = true, strings.Repeat(" ", int(max(n, 0))), ","
	case starlark.String:
		enc.hasIndent, enc.indent, enc.itemSep = true, string(x), ","
	}
	if sep, ok := separators.(starlark.Tuple); ok && len(sep) == 2 {
		enc.itemSep, _ = starlark.AsString(sep[0])
		enc.keySep, _ = starlark.AsString(sep[1])
	}
	var b strings.Builder
	if err := enc.encode(&b, obj); err != nil {
		return nil, err
	}
	return starlark.String(b.String()), nil
}

func (enc *jsonEncoder) newline(b *strings.Builder) {
	if enc.hasIndent {
		b.WriteString("\n" + strings.Repeat(enc.indent, enc.depth))
	}
}

func (enc *jsonEncoder) encode(b *strings.Builder, v starlark.Value) error {
	if enc.depth > 500 {
		return pyobj.NewError(pyobj.RecursionError, "maximum recursion depth exceeded while encoding a JSON object")
	}
	switch x := v.(type) {
	case starlark.NoneType:
		b.WriteString("null")
	case starlark.Bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case starlark.Int:
		b.WriteString(x.String())
	case starlark.Float:
		f := float64(x)
		switch {
		case math.IsNaN(f):
			b.WriteString("NaN")
		case math.IsInf(f, 1):
			b.WriteString("Infinity")
		case math.IsInf(f, -1):
			b.WriteString("-Infinity")
		default:
			b.WriteString(core.FormatFloat(f))
		}
	case starlark.String:
		enc.encodeString(b, string(x))
	case *starlark.List:
		return enc.encodeSeq(b, x.Len(), x.Index)
	case starlark.Tuple:
		return enc.encodeSeq(b, x.Len(), x.Index)
	case *starlark.Dict:
		return enc.encodeDict(b, x)
	default:
		return pyobj.TypeErrorf("Object of type %s is not JSON serializable", pyobj.TypeOf(v).Name())
	}
	return nil
}

func (enc *jsonEncoder) encodeSeq(b *strings.Builder, n int, at func(int) starlark.Value) error {
	if n == 0 {
		b.WriteString("[]")
		return nil
	}
	b.WriteByte('[')
	enc.depth++
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(enc.itemSep)
		}
		enc.newline(b)
		if err := enc.encode(b, at(i)); err != nil {
			return err
		}
	}
	enc.depth--
	enc.newline(b)
	b.WriteByte(']')
	return nil
}

func (enc *jsonEncoder) encodeDict(b *strings.Builder, d *starlark.Dict) error {
	items := d.Items()
	if len(items) == 0 {
		b.WriteString("{}")
		return nil
	}
	keys := make([]string, len(items))
	for i, item := range items {
		key, err := jsonKey(item[0])
		if err != nil {
			return err
		}
		keys[i] = key
	}
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	if enc.sortKeys {
		sort.SliceStable(order, func(i, j int) bool { return keys[order[i]] < keys[order[j]] })
	}
	b.WriteByte('{')
	enc.depth++
	for n, i := range order {
		if n > 0 {
			b.WriteString(enc.itemSep)
		}
		enc.newline(b)
		enc.encodeString(b, keys[i])
		b.WriteString(enc.keySep)
		if err := enc.encode(b, items[i][1]); err != nil {
			return err
		}
	}
	enc.depth--
	enc.newline(b)
	b.WriteByte('}')
	return nil
}

// jsonKey converts a dict key as json.dumps does: str as it is, and
// numbers, booleans and None to their JSON text.
func jsonKey(k starlark.Value) (string, error) {
	switch x := k.(type) {
	case starlark.String:
		return string(x), nil
	case starlark.Int:
		return x.String(), nil
	case starlark.Float:
		return core.FormatFloat(float64(x)), nil
	case starlark.Bool:
		if x {
			return "true", nil
		}
		return "false", nil
	case starlark.NoneType:
		return "null", nil
	}
	return "", pyobj.TypeErrorf("keys must be str, int, float, bool or None, not %s", pyobj.TypeOf(k).Name())
}

func (enc *jsonEncoder) encodeString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r < 0x20 || enc.ensureASCII && r >= 0x7f:
			writeUnicodeEscape(b, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

func writeUnicodeEscape(b *strings.Builder, r rune) {
	const hex = "0123456789abcdef"
	write := func(u rune) {
		b.WriteString(`\u`)
		for shift := 12; shift >= 0; shift -= 4 {
			b.WriteByte(hex[(u>>uint(shift))&0xf])
		}
	}
	if r > 0xffff {
		r -= 0x10000
		write(0xd800 + (r>>10)&0x3ff)
		write(0xdc00 + r&0x3ff)
		return
	}
	write(r)
}

func jsonLoads(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var s string
	if err := starlark.UnpackPositionalArgs("json.loads", args, kwargs, 1, &s); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	if !utf8.ValidString(s) {
		return nil, pyobj.ValueErrorf("json.loads: the input is not valid UTF-8")
	}
	dec := json.NewDecoder(strings.NewReader(jsonConstants(s)))
	dec.UseNumber()
	v, err := decodeJSON(dec)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			err = errors.New("extra data after the JSON value")
		}
	}
	if err != nil {
		return nil, core.Errorf("ValueError", "json.loads: %v", err)
	}
	return v, nil
}

// jsonConstants turns Python's NaN, Infinity and -Infinity outside
// strings into strings with a marker, which decodeJSON turns back into
// floats, because encoding/json rejects them.
func jsonConstants(s string) string {
	if !strings.ContainsAny(s, "NI") {
		return s
	}
	var b strings.Builder
	inString := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inString {
			b.WriteByte(c)
			if c == '\\' && i+1 < len(s) {
				i++
				b.WriteByte(s[i])
			} else if c == '"' {
				inString = false
			}
			continue
		}
		switch {
		case c == '"':
			inString = true
			b.WriteByte(c)
		case strings.HasPrefix(s[i:], "NaN"):
			b.WriteString(`"\u0000NaN"`)
			i += 2
		case strings.HasPrefix(s[i:], "-Infinity"):
			b.WriteString(`"\u0000-Infinity"`)
			i += 8
		case strings.HasPrefix(s[i:], "Infinity"):
			b.WriteString(`"\u0000Infinity"`)
			i += 7
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

var jsonSpecialFloats = map[string]float64{"\x00NaN": math.NaN(), "\x00Infinity": math.Inf(1), "\x00-Infinity": math.Inf(-1)}

// decodeJSON decodes one value, keeping the key order of objects.
func decodeJSON(dec *json.Decoder) (starlark.Value, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			var elems []starlark.Value
			for dec.More() {
				v, err := decodeJSON(dec)
				if err != nil {
					return nil, err
				}
				elems = append(elems, v)
			}
			_, err := dec.Token()
			return starlark.NewList(elems), err
		}
		d := starlark.NewDict(0)
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := decodeJSON(dec)
			if err != nil {
				return nil, err
			}
			if err := d.SetKey(starlark.String(key.(string)), v); err != nil {
				return nil, err
			}
		}
		_, err := dec.Token()
		return d, err
	case string:
		if f, ok := jsonSpecialFloats[t]; ok {
			return starlark.Float(f), nil
		}
		return starlark.String(t), nil
	case json.Number:
		return jsonNumber(string(t))
	case bool:
		return starlark.Bool(t), nil
	case nil:
		return starlark.None, nil
	}
	return nil, errors.New("unexpected JSON token")
}

func jsonNumber(text string) (starlark.Value, error) {
	if strings.ContainsAny(text, ".eE") {
		f, err := json.Number(text).Float64()
		return starlark.Float(f), err
	}
	n, ok := new(big.Int).SetString(text, 10)
	if !ok {
		return nil, errors.New("invalid number " + text)
	}
	return starlark.MakeBigInt(n), nil
}
