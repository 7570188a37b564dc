package core

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"
)

// spec is a parsed Python format specification:
// [[fill]align][sign][#][0][width][,|_][.precision][type].
type spec struct {
	fill      rune
	align     byte
	sign      byte
	alt       bool
	zero      bool
	width     int
	grouping  byte
	precision int // -1 when absent
	typ       byte
}

func parseSpec(s string) (spec, error) {
	sp := spec{fill: ' ', precision: -1}
	orig := s
	if len(s) >= 2 {
		r, size := utf8.DecodeRuneInString(s)
		if strings.IndexByte("<>^=", s[size]) >= 0 {
			sp.fill, sp.align = r, s[size]
			s = s[size+1:]
		}
	}
	if sp.align == 0 && len(s) > 0 && strings.IndexByte("<>^=", s[0]) >= 0 {
		sp.align = s[0]
		s = s[1:]
	}
	if len(s) > 0 && strings.IndexByte("+- ", s[0]) >= 0 {
		sp.sign = s[0]
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '#' {
		sp.alt = true
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '0' {
		sp.zero = true
		s = s[1:]
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 {
		sp.width, _ = strconv.Atoi(s[:i])
		s = s[i:]
	}
	if len(s) > 0 && (s[0] == ',' || s[0] == '_') {
		sp.grouping = s[0]
		s = s[1:]
	}
	if len(s) > 0 && s[0] == '.' {
		j := 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == 1 {
			return sp, Errorf("ValueError", "Format specifier missing precision")
		}
		sp.precision, _ = strconv.Atoi(s[1:j])
		s = s[j:]
	}
	if len(s) > 1 {
		return sp, Errorf("ValueError", "Invalid format specifier '%s'", orig)
	}
	if len(s) == 1 {
		sp.typ = s[0]
	}
	return sp, nil
}

// FormatValue applies a Python format spec to v, as format(v, spec)
// and f"{v:spec}" do. Tensors with one element format as their value.
func FormatValue(thread *starlark.Thread, v starlark.Value, specText string) (string, error) {
	sp, err := parseSpec(specText)
	if err != nil {
		return "", err
	}
	if s, ok := v.(interface{ ScalarValue() (starlark.Value, bool) }); ok {
		if sv, ok := s.ScalarValue(); ok && specText != "" {
			v = sv
		}
	}
	var body string
	numeric := false
	switch x := v.(type) {
	case starlark.Bool:
		if sp.typ == 0 || sp.typ == 's' {
			body = map[bool]string{true: "True", false: "False"}[bool(x)]
		} else {
			n := 0
			if x {
				n = 1
			}
			body, err = formatInt(int64(n), sp)
			numeric = true
		}
	case starlark.Int:
		numeric = true
		if i, ok := x.Int64(); ok {
			if strings.IndexByte("eEfFgG%", sp.typ) >= 0 {
				body, err = formatFloat(float64(i), sp)
			} else {
				body, err = formatInt(i, sp)
			}
		} else {
			body = x.String()
		}
	case starlark.Float:
		numeric = true
		body, err = formatFloat(float64(x), sp)
	default:
		if sp.typ != 0 && sp.typ != 's' {
			return "", Errorf("ValueError", "Unknown format code '%c' for object of type '%s'", sp.typ, v.Type())
		}
		body, err = Str(thread, v)
		if err == nil && sp.precision >= 0 && utf8.RuneCountInString(body) > sp.precision {
			body = string([]rune(body)[:sp.precision])
		}
	}
	if err != nil {
		return "", err
	}
	return pad(body, sp, numeric), nil
}

func formatInt(i int64, sp spec) (string, error) {
	neg := i < 0
	u := uint64(i)
	if neg {
		u = uint64(-i)
	}
	var digits string
	switch sp.typ {
	case 0, 'd', 'n':
		digits = strconv.FormatUint(u, 10)
		digits = group(digits, sp.grouping)
	case 'x':
		digits = strconv.FormatUint(u, 16)
	case 'X':
		digits = strings.ToUpper(strconv.FormatUint(u, 16))
	case 'o':
		digits = strconv.FormatUint(u, 8)
	case 'b':
		digits = strconv.FormatUint(u, 2)
	case 'c':
		return string(rune(i)), nil
	default:
		return "", Errorf("ValueError", "Unknown format code '%c' for object of type 'int'", sp.typ)
	}
	if sp.alt && sp.typ != 0 && strings.IndexByte("xXob", sp.typ) >= 0 {
		digits = "0" + string(sp.typ) + digits
	}
	return signed(digits, neg, sp), nil
}

func signed(body string, neg bool, sp spec) string {
	switch {
	case neg:
		return "-" + body
	case sp.sign == '+':
		return "+" + body
	case sp.sign == ' ':
		return " " + body
	}
	return body
}

func group(digits string, sep byte) string {
	if sep == 0 || len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	lead := len(digits) % 3
	if lead > 0 {
		b.WriteString(digits[:lead])
	}
	for i := lead; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(sep)
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

func formatFloat(f float64, sp spec) (string, error) {
	neg := math.Signbit(f) && !math.IsNaN(f)
	a := math.Abs(f)
	prec := sp.precision
	var body string
	switch {
	case math.IsInf(a, 0) || math.IsNaN(a):
		body = "inf"
		if math.IsNaN(a) {
			body = "nan"
		}
		if sp.typ >= 'A' && sp.typ <= 'Z' {
			body = strings.ToUpper(body)
		}
		return signed(body, neg, sp), nil
	}
	if prec < 0 {
		prec = 6
	}
	switch sp.typ {
	case 'f', 'F':
		body = strconv.FormatFloat(a, 'f', prec, 64)
	case 'e', 'E':
		body = expFix(strconv.FormatFloat(a, 'e', prec, 64))
	case '%':
		body = strconv.FormatFloat(a*100, 'f', prec, 64) + "%"
	case 'g', 'G':
		body = generalFloat(a, prec, sp.alt)
	case 0:
		if sp.precision < 0 {
			body = FormatFloat(a)
		} else {
			body = generalFloat(a, prec, false)
			if !strings.ContainsAny(body, ".e") {
				body += ".0"
			}
		}
	default:
		return "", Errorf("ValueError", "Unknown format code '%c' for object of type 'float'", sp.typ)
	}
	if sp.typ == 'E' || sp.typ == 'G' {
		body = strings.ToUpper(body)
	}
	if sp.grouping != 0 {
		intPart, frac, hasFrac := strings.Cut(body, ".")
		body = group(intPart, sp.grouping)
		if hasFrac {
			body += "." + frac
		}
	}
	return signed(body, neg, sp), nil
}

// generalFloat implements Python's 'g' presentation.
func generalFloat(a float64, prec int, alt bool) string {
	if prec == 0 {
		prec = 1
	}
	if a == 0 {
		return "0"
	}
	e := strconv.FormatFloat(a, 'e', prec-1, 64)
	exp, _ := strconv.Atoi(e[strings.IndexByte(e, 'e')+1:])
	var s string
	if exp < -4 || exp >= prec {
		s = expFix(e)
		if !alt {
			mant, ex, _ := strings.Cut(s, "e")
			if strings.Contains(mant, ".") {
				mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
			}
			s = mant + "e" + ex
		}
	} else {
		s = strconv.FormatFloat(a, 'f', max(prec-1-exp, 0), 64)
		if !alt && strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
	}
	return s
}

// expFix returns Go's exponent form, which already matches Python's:
// a sign and at least two digits (1e-05, 1e+100).
func expFix(s string) string { return s }

func pad(body string, sp spec, numeric bool) string {
	n := utf8.RuneCountInString(body)
	if sp.width <= n {
		return body
	}
	fill := string(sp.fill)
	align := sp.align
	if sp.zero && align == 0 && numeric {
		fill, align = "0", '='
	}
	if align == 0 {
		align = '<'
		if numeric {
			align = '>'
		}
	}
	gap := sp.width - n
	switch align {
	case '<':
		return body + strings.Repeat(fill, gap)
	case '^':
		return strings.Repeat(fill, gap/2) + body + strings.Repeat(fill, gap-gap/2)
	case '=':
		if len(body) > 0 && strings.IndexByte("+- ", body[0]) >= 0 {
			return body[:1] + strings.Repeat(fill, gap) + body[1:]
		}
		return strings.Repeat(fill, gap) + body
	}
	return strings.Repeat(fill, gap) + body
}
