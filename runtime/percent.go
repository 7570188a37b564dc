package runtime

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// pyMod implements __mod__(a, b), the desugared a % b: printf-style
// formatting with Python's rules when a is a str, and the % operator of
// the operands otherwise.
func pyMod(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 || len(kwargs) != 0 {
		return nil, pyobj.TypeErrorf("__mod__: want two operands, got %d", len(args))
	}
	if format, ok := args[0].(starlark.String); ok {
		s, err := percentFormat(thread, string(format), args[1])
		return starlark.String(s), err
	}
	// bool subclasses int, so True % 2 is 1 % 2.
	z, err := starlark.Binary(syntax.PERCENT, boolAsInt(args[0]), boolAsInt(args[1]))
	if err != nil {
		return nil, err
	}
	tensor.WarnDivision(thread, syntax.PERCENT, args[0], args[1], z)
	return z, nil
}

// percentArgs hands out the operands of a % format in order.
type percentArgs struct {
	values  []starlark.Value
	mapping starlark.Mapping // for %(key)s; nil unless the operand is a mapping
	next    int
}

func (a *percentArgs) pop() (starlark.Value, error) {
	if a.next >= len(a.values) {
		return nil, pyobj.TypeErrorf("not enough arguments for format string")
	}
	v := a.values[a.next]
	a.next++
	return v, nil
}

// percentFormat formats format % operand as Python's str.__mod__ does.
func percentFormat(thread *starlark.Thread, format string, operand starlark.Value) (string, error) {
	args := &percentArgs{}
	switch v := operand.(type) {
	case starlark.Tuple:
		args.values = v
	case *starlark.Dict:
		args.mapping = v
		args.values = []starlark.Value{v}
	default:
		args.values = []starlark.Value{v}
	}
	var b strings.Builder
	usedMapping := false
	for i := 0; i < len(format); {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			i++
			continue
		}
		n, keyed, err := formatDirective(thread, &b, format, i, args)
		if err != nil {
			return "", err
		}
		usedMapping = usedMapping || keyed
		i += n
	}
	_, isTuple := operand.(starlark.Tuple)
	if !usedMapping && args.next < len(args.values) && (isTuple || args.mapping == nil) {
		return "", pyobj.TypeErrorf("not all arguments converted during string formatting")
	}
	return b.String(), nil
}

// formatDirective formats the directive at format[start] (a '%') and
// returns its length and whether it took a mapping key.
func formatDirective(thread *starlark.Thread, b *strings.Builder, format string, start int, args *percentArgs) (int, bool, error) {
	i := start + 1
	var value starlark.Value
	keyed := false
	if i < len(format) && format[i] == '(' {
		end := strings.IndexByte(format[i:], ')')
		if end < 0 {
			return 0, false, pyobj.ValueErrorf("incomplete format key")
		}
		key := format[i+1 : i+end]
		if args.mapping == nil {
			return 0, false, pyobj.TypeErrorf("format requires a mapping")
		}
		v, found, err := args.mapping.Get(starlark.String(key))
		if err != nil {
			return 0, false, err
		}
		if !found {
			return 0, false, pyobj.KeyErrorf("%s", core.QuoteString(key))
		}
		value, keyed = v, true
		i += end + 1
	}
	var flags string
	for i < len(format) && strings.IndexByte("-+ #0", format[i]) >= 0 {
		flags += format[i : i+1]
		i++
	}
	width, n, err := percentNumber(format, i, args)
	if err != nil {
		return 0, false, err
	}
	i += n
	precision := -1
	if i < len(format) && format[i] == '.' {
		i++
		p, n, err := percentNumber(format, i, args)
		if err != nil {
			return 0, false, err
		}
		precision = max(p, 0)
		i += n
	}
	for i < len(format) && strings.IndexByte("hlL", format[i]) >= 0 {
		i++
	}
	if i >= len(format) {
		return 0, false, pyobj.ValueErrorf("incomplete format")
	}
	conv := format[i]
	if conv == '%' {
		b.WriteByte('%')
		return i - start + 1, keyed, nil
	}
	if value == nil {
		if value, err = args.pop(); err != nil {
			return 0, false, err
		}
	}
	s, err := convertDirective(thread, conv, flags, width, precision, value, i)
	if err != nil {
		return 0, false, err
	}
	b.WriteString(s)
	return i - start + 1, keyed, nil
}

// percentNumber reads a width or precision: digits, or '*' to take it
// from the arguments. It returns -1 when there is none.
func percentNumber(format string, i int, args *percentArgs) (int, int, error) {
	if i < len(format) && format[i] == '*' {
		v, err := args.pop()
		if err != nil {
			return 0, 0, err
		}
		var n int
		if err := starlark.AsInt(v, &n); err != nil {
			return 0, 0, pyobj.TypeErrorf("* wants int")
		}
		return n, 1, nil
	}
	j := i
	for j < len(format) && format[j] >= '0' && format[j] <= '9' {
		j++
	}
	if j == i {
		return -1, 0, nil
	}
	n, err := strconv.Atoi(format[i:j])
	if err != nil {
		return 0, 0, pyobj.ValueErrorf("width too big")
	}
	return n, j - i, nil
}

// convertDirective formats one value for conversion character conv by
// building the equivalent format() spec.
func convertDirective(thread *starlark.Thread, conv byte, flags string, width, precision int, value starlark.Value, index int) (string, error) {
	left := strings.Contains(flags, "-")
	var spec strings.Builder
	switch conv {
	case 's', 'r', 'a':
		text, err := percentText(thread, conv, value)
		if err != nil {
			return "", err
		}
		if precision >= 0 && len([]rune(text)) > precision {
			text = string([]rune(text)[:precision])
		}
		return padText(text, width, left), nil
	case 'c':
		text, err := percentChar(value)
		if err != nil {
			return "", err
		}
		return padText(text, width, left), nil
	case 'd', 'i', 'u', 'o', 'x', 'X', 'e', 'E', 'f', 'F', 'g', 'G':
	default:
		return "", pyobj.ValueErrorf("unsupported format character '%c' (0x%x) at index %d", conv, conv, index)
	}
	number, err := percentNumberValue(conv, value)
	if err != nil {
		return "", err
	}
	if left {
		spec.WriteByte('<')
	}
	switch {
	case strings.Contains(flags, "+"):
		spec.WriteByte('+')
	case strings.Contains(flags, " "):
		spec.WriteByte(' ')
	}
	if strings.Contains(flags, "#") {
		spec.WriteByte('#')
	}
	if strings.Contains(flags, "0") && !left {
		spec.WriteByte('0')
	}
	if width >= 0 {
		spec.WriteString(strconv.Itoa(width))
	}
	if precision >= 0 && strings.IndexByte("eEfFgG", conv) >= 0 {
		spec.WriteString("." + strconv.Itoa(precision))
	}
	typ := conv
	if conv == 'i' || conv == 'u' {
		typ = 'd'
	}
	spec.WriteByte(typ)
	return core.FormatValue(thread, number, spec.String())
}

func padText(text string, width int, left bool) string {
	n := width - len([]rune(text))
	if n <= 0 {
		return text
	}
	if left {
		return text + strings.Repeat(" ", n)
	}
	return strings.Repeat(" ", n) + text
}

func percentText(thread *starlark.Thread, conv byte, value starlark.Value) (string, error) {
	if conv == 's' {
		return core.Str(thread, value)
	}
	return core.Repr(thread, value)
}

func percentChar(value starlark.Value) (string, error) {
	switch v := value.(type) {
	case starlark.String:
		if len([]rune(string(v))) != 1 {
			return "", pyobj.TypeErrorf("%%c requires an int or a unicode character, not a string of length %d", len([]rune(string(v))))
		}
		return string(v), nil
	case starlark.Int:
		code, ok := v.Int64()
		if !ok || code < 0 || code > 0x10ffff {
			return "", core.NewError("OverflowError", "%c arg not in range(0x110000)")
		}
		return string(rune(code)), nil
	}
	return "", pyobj.TypeErrorf("%%c requires an int or a unicode character, not %s", pyTypeName(value))
}

// percentNumberValue converts the operand of a numeric conversion:
// integer conversions truncate floats, as int() does, and float
// conversions accept ints. One-element tensors count as their value.
func percentNumberValue(conv byte, value starlark.Value) (starlark.Value, error) {
	v, err := scalarOf(value, "%")
	if err != nil {
		return nil, err
	}
	integer := strings.IndexByte("diuoxX", conv) >= 0
	switch x := v.(type) {
	case starlark.Bool:
		if x {
			v = starlark.MakeInt(1)
		} else {
			v = starlark.MakeInt(0)
		}
		return percentNumberValue(conv, v)
	case starlark.Int:
		if !integer {
			f, _ := starlark.AsFloat(x)
			return starlark.Float(f), nil
		}
		return x, nil
	case starlark.Float:
		if !integer {
			return x, nil
		}
		if conv != 'd' && conv != 'i' && conv != 'u' {
			return nil, pyobj.TypeErrorf("%%%c format: an integer is required, not float", conv)
		}
		f := float64(x)
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, core.NewError("OverflowError", fmt.Sprintf("cannot convert float %s to integer", core.FormatFloat(f)))
		}
		return starlark.NumberToInt(starlark.Float(math.Trunc(f)))
	}
	if integer {
		return nil, pyobj.TypeErrorf("%%%c format: a real number is required, not %s", conv, pyTypeName(v))
	}
	return nil, pyobj.TypeErrorf("must be real number, not %s", pyTypeName(v))
}
