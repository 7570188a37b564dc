package runtime

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// stringMethod implements one method of Python's str that
// go.starlark.net's string lacks.
type stringMethod func(thread *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

// stringMethods are the str methods that calls reach through
// __method_call__ because go.starlark.net's string does not have them.
// The parser routes exactly these names (see pythonOnlyMethods in
// runtime/syntax), so the two lists must agree.
var stringMethods = map[string]stringMethod{
	"center":       strCenter,
	"ljust":        strLjust,
	"rjust":        strRjust,
	"zfill":        strZfill,
	"expandtabs":   strExpandTabs,
	"swapcase":     strSwapCase,
	"casefold":     strCasefold,
	"isidentifier": strIsIdentifier,
	"isdecimal":    strIsDecimal,
	"isnumeric":    strIsNumeric,
	"isascii":      strIsASCII,
	"isprintable":  strIsPrintable,
	"format_map":   strFormatMap,
	"translate":    strTranslate,
	"maketrans":    strMaketransMethod,
	"find":         strFinder("find", false, false),
	"rfind":        strFinder("rfind", true, false),
	"index":        strFinder("index", false, true),
	"rindex":       strFinder("rindex", true, true),
	"encode":       strEncode,
}

// padArgs unpacks (width[, fillchar]) of str.center, ljust and rjust.
func padArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple) (int, string, error) {
	var width int
	fill := " "
	if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &width, &fill); err != nil {
		return 0, "", pyobj.TypeErrorf("%v", err)
	}
	if utf8.RuneCountInString(fill) != 1 {
		return 0, "", pyobj.TypeErrorf("The fill character must be exactly one character long")
	}
	return width, fill, nil
}

func strCenter(_ *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	width, fill, err := padArgs("center", args, kwargs)
	if err != nil {
		return nil, err
	}
	n := utf8.RuneCountInString(s)
	if width <= n {
		return starlark.String(s), nil
	}
	// CPython puts the extra fill character on the left when both the
	// padding and the width are odd (Objects/stringlib/transmogrify.h).
	pad := width - n
	left := pad/2 + (pad & width & 1)
	return starlark.String(strings.Repeat(fill, left) + s + strings.Repeat(fill, pad-left)), nil
}

func strLjust(_ *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	width, fill, err := padArgs("ljust", args, kwargs)
	if err != nil {
		return nil, err
	}
	if pad := width - utf8.RuneCountInString(s); pad > 0 {
		s += strings.Repeat(fill, pad)
	}
	return starlark.String(s), nil
}

func strRjust(_ *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	width, fill, err := padArgs("rjust", args, kwargs)
	if err != nil {
		return nil, err
	}
	if pad := width - utf8.RuneCountInString(s); pad > 0 {
		s = strings.Repeat(fill, pad) + s
	}
	return starlark.String(s), nil
}

// strZfill pads with zeros after a leading sign, as str.zfill does.
func strZfill(_ *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var width int
	if err := starlark.UnpackPositionalArgs("zfill", args, kwargs, 1, &width); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	pad := width - utf8.RuneCountInString(s)
	if pad <= 0 {
		return starlark.String(s), nil
	}
	sign := ""
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		sign, s = s[:1], s[1:]
	}
	return starlark.String(sign + strings.Repeat("0", pad) + s), nil
}

// strExpandTabs replaces each tab by spaces up to the next tab stop; a
// newline or carriage return starts a new column count.
func strExpandTabs(_ *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	tabsize := 8
	if err := starlark.UnpackArgs("expandtabs", args, kwargs, "tabsize?", &tabsize); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	var b strings.Builder
	column := 0
	for _, r := range s {
		switch r {
		case '\t':
			if tabsize > 0 {
				spaces := tabsize - column%tabsize
				b.WriteString(strings.Repeat(" ", spaces))
				column += spaces
			}
		case '\n', '\r':
			b.WriteRune(r)
			column = 0
		default:
			b.WriteRune(r)
			column++
		}
	}
	return starlark.String(b.String()), nil
}

func strSwapCase(_ *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("swapcase", args, kwargs, 0); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	return starlark.String(strings.Map(func(r rune) rune {
		switch {
		case unicode.IsUpper(r):
			return unicode.ToLower(r)
		case unicode.IsLower(r):
			return unicode.ToUpper(r)
		}
		return r
	}, s)), nil
}

// strCasefold lower-cases s and applies the full case folds that differ
// from lower-casing.
// NOTE: only the common multi-character folds are listed (ß, ﬀ-ﬆ and the
// final sigma); CPython applies the whole Unicode CaseFolding.txt table.
func strCasefold(_ *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("casefold", args, kwargs, 0); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	folded := strings.NewReplacer("ß", "ss", "ẞ", "ss", "ς", "σ", "ﬀ", "ff", "ﬁ", "fi", "ﬂ", "fl", "ﬃ", "ffi", "ﬄ", "ffl", "ﬅ", "st", "ﬆ", "st")
	return starlark.String(folded.Replace(strings.ToLower(s))), nil
}

// strIsIdentifier reports whether s is a valid Python identifier: a
// letter or underscore followed by letters, digits or underscores.
func strIsIdentifier(_ *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("isidentifier", args, kwargs, 0); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	if s == "" {
		return starlark.False, nil
	}
	for i, r := range s {
		ok := r == '_' || unicode.IsLetter(r) || (i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)))
		if !ok {
			return starlark.False, nil
		}
	}
	return starlark.True, nil
}

// allRunes returns whether s is non-empty and every rune satisfies test.
func allRunes(name string, s string, args starlark.Tuple, kwargs []starlark.Tuple, test func(rune) bool) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs(name, args, kwargs, 0); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	for _, r := range s {
		if !test(r) {
			return starlark.False, nil
		}
	}
	return starlark.Bool(s != ""), nil
}

func strIsDecimal(_ *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return allRunes("isdecimal", s, args, kwargs, func(r rune) bool { return unicode.Is(unicode.Nd, r) })
}

func strIsNumeric(_ *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return allRunes("isnumeric", s, args, kwargs, unicode.IsNumber)
}

func strIsASCII(_ *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("isascii", args, kwargs, 0); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return starlark.False, nil
		}
	}
	return starlark.True, nil
}

// strIsPrintable is true for the empty string, unlike the other is*
// methods, as in Python.
func strIsPrintable(_ *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("isprintable", args, kwargs, 0); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	for _, r := range s {
		if r != ' ' && !unicode.IsPrint(r) {
			return starlark.False, nil
		}
	}
	return starlark.True, nil
}

// strFormatMap implements str.format_map(mapping), reading the named
// fields from a dict or a dict subclass.
func strFormatMap(thread *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) != 0 {
		return nil, pyobj.TypeErrorf("format_map() takes exactly one argument (%d given)", len(args)+len(kwargs))
	}
	d, ok := underlyingDict(args[0])
	if !ok {
		return nil, pyobj.TypeErrorf("format_map() argument must be a mapping, not %s", pyTypeName(args[0]))
	}
	named := map[string]starlark.Value{}
	for _, kv := range d.Items() {
		if key, ok := kv[0].(starlark.String); ok {
			named[string(key)] = kv[1]
		}
	}
	f := &strFormatter{thread: thread, named: named}
	out, err := f.format(s, 0)
	return starlark.String(out), err
}

// strTranslate maps each character through table, a dict from code
// points to a str, a code point or None (delete), as str.translate does.
func strTranslate(_ *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var table starlark.Value
	if err := starlark.UnpackPositionalArgs("translate", args, kwargs, 1, &table); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	d, ok := underlyingDict(table)
	if !ok {
		return nil, pyobj.TypeErrorf("translate() table must be a dict from code points, not %s", pyTypeName(table))
	}
	var b strings.Builder
	for _, r := range s {
		to, found, err := d.Get(starlark.MakeInt(int(r)))
		if err != nil {
			return nil, err
		}
		if !found {
			b.WriteRune(r)
			continue
		}
		switch to := to.(type) {
		case starlark.NoneType:
		case starlark.String:
			b.WriteString(string(to))
		case starlark.Int:
			code, ok := to.Int64()
			if !ok || code < 0 || code > unicode.MaxRune {
				return nil, pyobj.ValueErrorf("character mapping must be in range(0x110000)")
			}
			b.WriteRune(rune(code))
		default:
			return nil, pyobj.TypeErrorf("character mapping must return integer, None or str")
		}
	}
	return starlark.String(b.String()), nil
}

// strMaketransMethod is s.maketrans(...), which ignores s as the static
// str.maketrans does.
func strMaketransMethod(thread *starlark.Thread, _ string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return strMaketrans(thread, nil, args, kwargs)
}

// strMaketrans implements str.maketrans(x[, y[, z]]): a dict of
// single-character str or code point keys, or two equal-length strings
// mapped character by character, plus the characters of z mapped to
// None.
func strMaketrans(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, y, z starlark.Value
	if err := starlark.UnpackPositionalArgs("maketrans", args, kwargs, 1, &x, &y, &z); err != nil {
		return nil, pyobj.TypeErrorf("%v", err)
	}
	table := starlark.NewDict(0)
	if y == nil {
		return table, maketransFromDict(table, x)
	}
	from, ok1 := x.(starlark.String)
	to, ok2 := y.(starlark.String)
	if !ok1 || !ok2 {
		return nil, pyobj.TypeErrorf("maketrans() arguments must be str when two or three are given")
	}
	fromRunes, toRunes := []rune(string(from)), []rune(string(to))
	if len(fromRunes) != len(toRunes) {
		return nil, pyobj.ValueErrorf("the first two maketrans arguments must have equal length")
	}
	for i, r := range fromRunes {
		if err := table.SetKey(starlark.MakeInt(int(r)), starlark.MakeInt(int(toRunes[i]))); err != nil {
			return nil, err
		}
	}
	if z != nil {
		deleted, ok := z.(starlark.String)
		if !ok {
			return nil, pyobj.TypeErrorf("maketrans() argument 3 must be str, not %s", pyTypeName(z))
		}
		for _, r := range string(deleted) {
			if err := table.SetKey(starlark.MakeInt(int(r)), starlark.None); err != nil {
				return nil, err
			}
		}
	}
	return table, nil
}

func maketransFromDict(table *starlark.Dict, x starlark.Value) error {
	d, ok := underlyingDict(x)
	if !ok {
		return pyobj.TypeErrorf("if you give only one argument to maketrans it must be a dict")
	}
	for _, kv := range d.Items() {
		key := kv[0]
		if s, ok := key.(starlark.String); ok {
			if utf8.RuneCountInString(string(s)) != 1 {
				return pyobj.ValueErrorf("string keys in translate table must be of length 1")
			}
			r, _ := utf8.DecodeRuneInString(string(s))
			key = starlark.MakeInt(int(r))
		} else if _, ok := key.(starlark.Int); !ok {
			return pyobj.TypeErrorf("keys in translate table must be strings or integers")
		}
		if err := table.SetKey(key, kv[1]); err != nil {
			return err
		}
	}
	return nil
}
