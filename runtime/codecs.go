package runtime

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// The codecs that str.encode and bytes.decode support, by CPython's
// name for each, which error messages show.
const (
	codecUTF8   = "utf-8"
	codecASCII  = "ascii"
	codecLatin1 = "latin-1"
)

// codecNames maps the spellings CPython accepts for each supported
// codec, after lower-casing and turning '_' and ' ' into '-', to the
// codec.
var codecNames = map[string]string{
	"utf-8": codecUTF8, "utf8": codecUTF8, "u8": codecUTF8, "utf": codecUTF8, "cp65001": codecUTF8,
	"ascii": codecASCII, "us-ascii": codecASCII, "646": codecASCII,
	"latin-1": codecLatin1, "latin1": codecLatin1, "iso-8859-1": codecLatin1,
	"iso8859-1": codecLatin1, "l1": codecLatin1, "8859": codecLatin1, "cp819": codecLatin1, "latin": codecLatin1,
}

// lookupCodec returns the codec named encoding or a LookupError.
func lookupCodec(encoding string) (string, error) {
	key := strings.ToLower(strings.TrimSpace(encoding))
	key = strings.NewReplacer("_", "-", " ", "-").Replace(key)
	if codec, ok := codecNames[key]; ok {
		return codec, nil
	}
	return "", core.Errorf("LookupError", "unknown encoding: %s", encoding)
}

// codecArgs unpacks (encoding='utf-8', errors='strict') of str.encode
// and bytes.decode.
func codecArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple) (codec, errors string, err error) {
	encoding := "utf-8"
	errors = "strict"
	if err := starlark.UnpackArgs(name, args, kwargs, "encoding?", &encoding, "errors?", &errors); err != nil {
		return "", "", pyobj.TypeErrorf("%v", err)
	}
	codec, err = lookupCodec(encoding)
	return codec, errors, err
}

// checkErrorHandler returns nil for the error handlers the codecs
// implement. Like CPython, the codecs check the handler only when they
// meet a character they cannot convert.
func checkErrorHandler(errors string) error {
	switch errors {
	case "strict", "ignore", "replace":
		return nil
	}
	return core.Errorf("LookupError", "unknown error handler name '%s'", errors)
}

// strEncode implements str.encode(encoding='utf-8', errors='strict').
func strEncode(_ *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	codec, errors, err := codecArgs("encode", args, kwargs)
	if err != nil {
		return nil, err
	}
	if codec == codecUTF8 {
		return starlark.Bytes(s), nil
	}
	limit := rune(0x80)
	if codec == codecLatin1 {
		limit = 0x100
	}
	var b strings.Builder
	runes := []rune(s)
	for i := 0; i < len(runes); i++ {
		if runes[i] < limit {
			b.WriteByte(byte(runes[i]))
			continue
		}
		end := i + 1
		for end < len(runes) && runes[end] >= limit {
			end++
		}
		if err := checkErrorHandler(errors); err != nil {
			return nil, err
		}
		switch errors {
		case "strict":
			return nil, encodeError(codec, runes, i, end, limit)
		case "replace":
			b.WriteString(strings.Repeat("?", end-i))
		}
		i = end - 1
	}
	return starlark.Bytes(b.String()), nil
}

// encodeError returns CPython's UnicodeEncodeError for the characters
// runes[start:end], which codec cannot encode.
func encodeError(codec string, runes []rune, start, end int, limit rune) error {
	reason := fmt.Sprintf("ordinal not in range(%d)", limit)
	if end-start == 1 {
		return core.Errorf("UnicodeEncodeError", "'%s' codec can't encode character '%s' in position %d: %s",
			codec, escapeRune(runes[start]), start, reason)
	}
	return core.Errorf("UnicodeEncodeError", "'%s' codec can't encode characters in position %d-%d: %s",
		codec, start, end-1, reason)
}

// escapeRune writes r as CPython's backslash escape: \xhh, \uhhhh or
// \Uhhhhhhhh.
func escapeRune(r rune) string {
	switch {
	case r < 0x100:
		return fmt.Sprintf(`\x%02x`, r)
	case r < 0x10000:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return fmt.Sprintf(`\U%08x`, r)
}

// bytesDecode implements bytes.decode(encoding='utf-8', errors='strict').
func bytesDecode(b starlark.Bytes, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	codec, errors, err := codecArgs("decode", args, kwargs)
	if err != nil {
		return nil, err
	}
	s := string(b)
	var out strings.Builder
	for i := 0; i < len(s); {
		r, size, reason := decodeRune(codec, s[i:])
		if reason == "" {
			out.WriteRune(r)
			i += size
			continue
		}
		if err := checkErrorHandler(errors); err != nil {
			return nil, err
		}
		switch errors {
		case "strict":
			return nil, decodeError(codec, s, i, i+size, reason)
		case "replace":
			out.WriteRune(utf8.RuneError)
		}
		i += size
	}
	return starlark.String(out.String()), nil
}

// decodeRune decodes the first character of s. On invalid input it
// returns the reason CPython gives and the length of the invalid
// sequence, which CPython's UTF-8 decoder takes as the longest prefix of
// a valid sequence, or the single invalid byte.
func decodeRune(codec, s string) (r rune, size int, reason string) {
	switch codec {
	case codecASCII:
		if s[0] >= 0x80 {
			return 0, 1, "ordinal not in range(128)"
		}
		return rune(s[0]), 1, ""
	case codecLatin1:
		return rune(s[0]), 1, ""
	}
	r, size = utf8.DecodeRuneInString(s)
	if r != utf8.RuneError || size != 1 {
		return r, size, ""
	}
	size, reason = invalidUTF8(s)
	return 0, size, reason
}

// invalidUTF8 returns the length of the invalid UTF-8 sequence at the
// start of s and CPython's reason for rejecting it.
func invalidUTF8(s string) (size int, reason string) {
	c := s[0]
	var n int
	lo, hi := byte(0x80), byte(0xbf) // the valid range of the second byte
	switch {
	case c >= 0xc2 && c <= 0xdf:
		n = 2
	case c >= 0xe0 && c <= 0xef:
		n = 3
		if c == 0xe0 {
			lo = 0xa0
		} else if c == 0xed {
			hi = 0x9f
		}
	case c >= 0xf0 && c <= 0xf4:
		n = 4
		if c == 0xf0 {
			lo = 0x90
		} else if c == 0xf4 {
			hi = 0x8f
		}
	default:
		return 1, "invalid start byte"
	}
	for j := 1; j < n; j++ {
		if j >= len(s) {
			return j, "unexpected end of data"
		}
		if s[j] < lo || s[j] > hi {
			return j, "invalid continuation byte"
		}
		lo, hi = 0x80, 0xbf
	}
	// Not reached, because utf8.DecodeRuneInString accepts every
	// sequence that passes the checks above. The guard keeps the
	// decoder moving forward should the two ever disagree.
	return n, "invalid continuation byte"
}

// decodeError returns CPython's UnicodeDecodeError for s[start:end].
func decodeError(codec, s string, start, end int, reason string) error {
	if end-start == 1 {
		return core.Errorf("UnicodeDecodeError", "'%s' codec can't decode byte 0x%02x in position %d: %s",
			codec, s[start], start, reason)
	}
	return core.Errorf("UnicodeDecodeError", "'%s' codec can't decode bytes in position %d-%d: %s",
		codec, start, end-1, reason)
}

// pyASCII implements ascii(obj): repr(obj) with every non-ASCII
// character written as a backslash escape.
func pyASCII(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("ascii", args, kwargs)
	if err != nil {
		return nil, err
	}
	s, err := core.Repr(thread, v)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
		} else {
			b.WriteString(escapeRune(r))
		}
	}
	return starlark.String(b.String()), nil
}

// bytesIndex returns b[i] as an int, as Python's bytes does.
func bytesIndex(b starlark.Bytes, i starlark.Value) (starlark.Value, error) {
	k, err := starlark.AsInt32(i)
	if err != nil {
		return nil, pyobj.TypeErrorf("byte indices must be integers or slices, not %s", pyTypeName(i))
	}
	if k < 0 {
		k += len(b)
	}
	if k < 0 || k >= len(b) {
		return nil, pyobj.IndexErrorf("index out of range")
	}
	return starlark.MakeInt(int(b[k])), nil
}
