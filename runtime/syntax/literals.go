package syntax

import (
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// scanNumber lexes an int or float literal with Python's rules: 0x, 0o
// and 0b prefixes, underscores between digits, no leading zeros on
// non-zero decimal ints, and floats such as "1.", ".5" and "1e-5".
func (lx *lexer) scanNumber() {
	line, col, start := lx.line, lx.col, lx.i
	if lx.src[lx.i] == '0' && strings.ContainsRune("xXoObB", rune(lx.peekByte(1))) {
		lx.scanPrefixedInt(line, col, start)
		return
	}

	isFloat := false
	lx.digits(isDigit)
	if lx.peekByte(0) == '.' {
		isFloat = true
		lx.advance()
		if isDigit(lx.peekByte(0)) {
			lx.digits(isDigit)
		}
	}
	if c := lx.peekByte(0); c == 'e' || c == 'E' {
		next := lx.peekByte(1)
		if isDigit(next) || (next == '+' || next == '-') && isDigit(lx.peekByte(2)) {
			isFloat = true
			lx.advance()
			if next == '+' || next == '-' {
				lx.advance()
			}
			lx.digits(isDigit)
		}
	}
	lx.checkNumberEnd(line, col)

	raw := lx.src[start:lx.i]
	text := strings.ReplaceAll(raw, "_", "")
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && !isRangeError(err) {
			lx.fail(line, col, "invalid float literal %s", raw)
		}
		lx.emit(tFloat, raw, line, col, start, f)
		return
	}
	if len(text) > 1 && text[0] == '0' && strings.Trim(text, "0") != "" {
		lx.fail(line, col, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
	}
	lx.emit(tInt, raw, line, col, start, intValue(text, 10))
}

func (lx *lexer) scanPrefixedInt(line, col int32, start int) {
	var base int
	var valid func(byte) bool
	switch lx.src[lx.i+1] | 0x20 {
	case 'x':
		base, valid = 16, isHexDigit
	case 'o':
		base, valid = 8, func(c byte) bool { return '0' <= c && c <= '7' }
	default:
		base, valid = 2, func(c byte) bool { return c == '0' || c == '1' }
	}
	lx.advance()
	lx.advance()
	if lx.peekByte(0) == '_' {
		lx.advance()
	}
	digitsStart := lx.i
	lx.digits(valid)
	if lx.i == digitsStart {
		lx.fail(line, col, "invalid %s literal %s", baseName(base), lx.src[start:lx.i+min(1, len(lx.src)-lx.i)])
	}
	lx.checkNumberEnd(line, col)
	raw := lx.src[start:lx.i]
	lx.emit(tInt, raw, line, col, start, intValue(strings.ReplaceAll(raw[2:], "_", ""), base))
}

// digits consumes a run of digits in which single underscores may
// separate digits.
func (lx *lexer) digits(valid func(byte) bool) {
	for !lx.eof() {
		c := lx.src[lx.i]
		if valid(c) {
			lx.advance()
			continue
		}
		if c == '_' && lx.i > 0 && valid(lx.src[lx.i-1]) && valid(lx.peekByte(1)) {
			lx.advance()
			continue
		}
		if c == '_' {
			lx.fail(lx.line, lx.col, "invalid decimal literal: '_' must separate digits")
		}
		return
	}
}

// checkNumberEnd rejects a number directly followed by a letter or digit,
// such as "1abc", "0b102" or the imaginary literal "1j".
func (lx *lexer) checkNumberEnd(line, col int32) {
	if lx.eof() {
		return
	}
	c := lx.src[lx.i]
	if c == 'j' || c == 'J' {
		lx.fail(line, col, "complex literals are not supported")
	}
	if isDigit(c) || isLetter(c) || c == '_' || c >= 0x80 {
		lx.fail(lx.line, lx.col, "invalid digit or letter %q in number literal", lx.src[lx.i:lx.i+1])
	}
}

func isHexDigit(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func baseName(base int) string {
	switch base {
	case 16:
		return "hexadecimal"
	case 8:
		return "octal"
	}
	return "binary"
}

func isRangeError(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// intValue returns digits as an int64, or as a *big.Int when it does not
// fit, which is how Starlark's Literal.Value carries ints.
func intValue(digits string, base int) any {
	if v, err := strconv.ParseInt(digits, base, 64); err == nil {
		return v
	}
	v, _ := new(big.Int).SetString(digits, base)
	return v
}

// scanString lexes a string literal whose prefix (possibly empty) starts
// at the current position.
func (lx *lexer) scanString(prefix string) {
	line, col, start := lx.line, lx.col, lx.i
	for range prefix {
		lx.advance()
	}
	lower := strings.ToLower(prefix)
	st := &stringToken{
		bytes:  strings.Contains(lower, "b"),
		raw:    strings.Contains(lower, "r"),
		format: strings.Contains(lower, "f"),
	}
	quote := lx.src[lx.i]
	triple := strings.HasPrefix(lx.src[lx.i:], strings.Repeat(string(quote), 3))
	width := 1
	if triple {
		width = 3
	}
	lx.i += width
	lx.col += int32(width)
	st.bodyStart, st.bodyLine, st.bodyCol = lx.i, lx.line, lx.col
	lx.scanStringBody(quote, triple, line, col)
	st.body = lx.src[st.bodyStart:lx.i]
	lx.i += width
	lx.col += int32(width)
	if !st.format {
		st.value = lx.decodeString(st.body, st.raw, st.bytes, st.bodyLine, st.bodyCol)
	}
	lx.emit(tString, lx.src[start:lx.i], line, col, start, st)
}

// scanStringBody advances to the closing quote of a string literal.
func (lx *lexer) scanStringBody(quote byte, triple bool, line, col int32) {
	continued := false
	for {
		if lx.eof() {
			detected := lx.line
			if strings.HasSuffix(lx.src, "\n") {
				detected-- // CPython counts the last line, not the empty one after it
			}
			if triple {
				lx.failEOF(line, col, "unterminated triple-quoted string literal (detected at line %d)", detected)
			}
			if continued {
				lx.failEOF(line, col, "unterminated string literal (detected at line %d)", detected)
			}
			lx.fail(line, col, "unterminated string literal (detected at line %d)", detected)
		}
		c := lx.src[lx.i]
		switch {
		case c == '\\':
			lx.advance()
			if !lx.eof() {
				continued = lx.src[lx.i] == '\n'
				lx.advance()
			}
			continue
		case c == '\n' && !triple:
			lx.fail(line, col, "unterminated string literal (detected at line %d)", lx.line)
		case c == quote && (!triple || strings.HasPrefix(lx.src[lx.i:], strings.Repeat(string(quote), 3))):
			return
		}
		lx.advance()
	}
}

// decodeString applies Python's escape sequences to the body of a str or
// bytes literal. In a str, \xhh and \ooo name code points, so "\xff" is
// the two UTF-8 bytes of U+00FF; in bytes they name single bytes.
// Unknown escapes such as "\d" keep their backslash, as in Python.
func (lx *lexer) decodeString(body string, raw, isBytes bool, line, col int32) string {
	if isBytes {
		lx.checkASCII(body, line, col)
	}
	if raw {
		return body
	}
	var b strings.Builder
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' {
			r, size := utf8.DecodeRuneInString(body[i:])
			b.WriteString(body[i : i+size])
			line, col = advancePos(r, line, col)
			i += size
			continue
		}
		n := lx.decodeEscape(&b, body[i:], isBytes, line, col)
		for _, r := range body[i : i+n] {
			line, col = advancePos(r, line, col)
		}
		i += n
	}
	return b.String()
}

func advancePos(r rune, line, col int32) (int32, int32) {
	if r == '\n' {
		return line + 1, 1
	}
	return line, col + 1
}

var simpleEscapes = map[byte]byte{
	'\\': '\\', '\'': '\'', '"': '"', 'a': 7, 'b': 8, 'f': 12,
	'n': '\n', 'r': '\r', 't': '\t', 'v': 11,
}

// decodeEscape decodes the escape sequence at the start of s (which
// begins with a backslash) into b and returns its length in bytes.
func (lx *lexer) decodeEscape(b *strings.Builder, s string, isBytes bool, line, col int32) int {
	if len(s) < 2 {
		lx.fail(line, col, "trailing backslash in string literal")
	}
	c := s[1]
	if c == '\n' {
		return 2
	}
	if v, ok := simpleEscapes[c]; ok {
		b.WriteByte(v)
		return 2
	}
	switch {
	case '0' <= c && c <= '7':
		n := 1
		for n < 3 && 1+n < len(s) && '0' <= s[1+n] && s[1+n] <= '7' {
			n++
		}
		v, _ := strconv.ParseUint(s[1:1+n], 8, 32)
		lx.writeCode(b, rune(v), isBytes, line, col)
		return 1 + n
	case c == 'x':
		return 2 + lx.hexEscape(b, s, 2, isBytes, line, col)
	case c == 'u' && !isBytes:
		return 2 + lx.hexEscape(b, s, 4, false, line, col)
	case c == 'U' && !isBytes:
		return 2 + lx.hexEscape(b, s, 8, false, line, col)
	case c == 'N' && !isBytes:
		// NOTE: Go's standard library has no Unicode character name
		// table, so \N{...} is rejected rather than decoded.
		lx.fail(line, col, "\\N{...} escapes are not supported; use \\u or \\U with the code point")
	}
	b.WriteByte('\\')
	return 1
}

func (lx *lexer) hexEscape(b *strings.Builder, s string, digits int, isBytes bool, line, col int32) int {
	if len(s) < 2+digits {
		lx.fail(line, col, "truncated \\%c escape: want %d hex digits", s[1], digits)
	}
	hex := s[2 : 2+digits]
	for i := 0; i < digits; i++ {
		if !isHexDigit(hex[i]) {
			lx.fail(line, col, "truncated \\%c escape: want %d hex digits", s[1], digits)
		}
	}
	v, _ := strconv.ParseUint(hex, 16, 32)
	if v > utf8.MaxRune {
		lx.fail(line, col, "illegal Unicode character \\%s in string literal", s[1:2+digits])
	}
	lx.writeCode(b, rune(v), isBytes, line, col)
	return digits
}

// writeCode writes a numeric escape: a byte in bytes literals, a code
// point in str literals.
func (lx *lexer) writeCode(b *strings.Builder, v rune, isBytes bool, line, col int32) {
	if !isBytes {
		b.WriteRune(v)
		return
	}
	if v > 0xFF {
		lx.fail(line, col, "octal escape value %d in bytes literal is out of range 0-255", v)
	}
	b.WriteByte(byte(v))
}

func (lx *lexer) checkASCII(body string, line, col int32) {
	for _, r := range body {
		if r >= 0x80 {
			lx.fail(line, col, "bytes can only contain ASCII literal characters; use \\x escapes")
		}
		line, col = advancePos(r, line, col)
	}
}
