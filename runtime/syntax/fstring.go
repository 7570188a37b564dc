package syntax

import (
	"strings"
	"unicode/utf8"

	starsyntax "go.starlark.net/syntax"
)

// parseStrings parses adjacent string literals, which Python joins into
// one. Without f-strings the result is a STRING or BYTES literal. With
// any f-string it is __fstring__(parts), where parts is a tuple that
// alternates literal strings (possibly empty) and replacement fields
// (value, conversion, format spec): conversion is "", "r", "s" or "a".
func (p *parser) parseStrings() starsyntax.Expr {
	var toks []token
	for p.tok().kind == tString {
		toks = append(toks, p.next())
	}
	first := toks[0]
	pos := p.pos(first)
	isBytes := first.value.(*stringToken).bytes
	hasFormat := false
	for _, t := range toks {
		st := t.value.(*stringToken)
		if st.bytes != isBytes {
			p.fail(t, "cannot mix bytes and nonbytes literals")
		}
		hasFormat = hasFormat || st.format
	}
	if !hasFormat {
		return p.joinedLiteral(toks, isBytes)
	}
	fb := &fstringBuilder{pos: pos}
	for _, t := range toks {
		st := t.value.(*stringToken)
		if st.format {
			p.parseFString(st, fb)
		} else {
			fb.text.WriteString(st.value)
		}
	}
	return p.call("__fstring__", pos, p.tuple(pos, fb.finish(p)...))
}

func (p *parser) joinedLiteral(toks []token, isBytes bool) starsyntax.Expr {
	var value, raw strings.Builder
	for k, t := range toks {
		value.WriteString(t.value.(*stringToken).value)
		if k > 0 {
			raw.WriteByte(' ')
		}
		raw.WriteString(t.text)
	}
	kind := starsyntax.STRING
	if isBytes {
		kind = starsyntax.BYTES
	}
	return &starsyntax.Literal{Token: kind, TokenPos: p.pos(toks[0]), Raw: raw.String(), Value: value.String()}
}

// fstringBuilder accumulates the parts of an f-string.
type fstringBuilder struct {
	pos   starsyntax.Position
	text  strings.Builder // literal text since the last field
	parts []starsyntax.Expr
}

func (fb *fstringBuilder) field(p *parser, field starsyntax.Expr) {
	fb.parts = append(fb.parts, p.str(fb.text.String(), fb.pos), field)
	fb.text.Reset()
}

func (fb *fstringBuilder) finish(p *parser) []starsyntax.Expr {
	return append(fb.parts, p.str(fb.text.String(), fb.pos))
}

// cursor walks the body of an f-string, keeping the file position of
// body[i] current.
type cursor struct {
	body string
	i    int
	line int32
	col  int32
}

func (c *cursor) done() bool { return c.i >= len(c.body) }

func (c *cursor) at(k int) byte {
	if c.i+k < len(c.body) {
		return c.body[c.i+k]
	}
	return 0
}

func (c *cursor) advance() {
	r, size := utf8.DecodeRuneInString(c.body[c.i:])
	c.i += size
	c.line, c.col = advancePos(r, c.line, c.col)
}

func (p *parser) cursorPos(c *cursor) starsyntax.Position {
	return starsyntax.MakePosition(p.filename, c.line, c.col)
}

// parseFString splits the body of one f-string literal into literal text
// and replacement fields.
func (p *parser) parseFString(st *stringToken, fb *fstringBuilder) {
	lx := &lexer{filename: *p.filename}
	c := &cursor{body: st.body, line: st.bodyLine, col: st.bodyCol}
	seg := *c // start of the pending literal segment
	flush := func() {
		fb.text.WriteString(lx.decodeString(st.body[seg.i:c.i], st.raw, false, seg.line, seg.col))
	}
	for !c.done() {
		ch := c.at(0)
		switch {
		case ch == '\\' && !st.raw:
			c.advance()
			if !c.done() && c.at(0) != '{' && c.at(0) != '}' {
				c.advance()
			}
		case (ch == '{' || ch == '}') && c.at(1) == ch:
			flush()
			fb.text.WriteByte(ch)
			c.advance()
			c.advance()
			seg = *c
		case ch == '}':
			p.failAt(p.cursorPos(c), "f-string: single '}' is not allowed")
		case ch == '{':
			flush()
			open := p.cursorPos(c)
			c.advance()
			fb.field(p, p.parseFStringField(c, st.raw, open, fb))
			seg = *c
		default:
			c.advance()
		}
	}
	flush()
}

// parseFStringField parses one replacement field, from just after its
// "{" through its "}", and returns the (value, conversion, spec) tuple.
// "{x=}" also appends "x=" to the literal text, as Python does.
func (p *parser) parseFStringField(c *cursor, raw bool, open starsyntax.Position, fb *fstringBuilder) starsyntax.Expr {
	exprStart := *c
	p.scanFieldExpr(c, open)
	text := c.body[exprStart.i:c.i]
	if strings.TrimSpace(text) == "" {
		p.failAt(open, "f-string: empty expression not allowed")
	}
	debugText := ""
	if c.at(0) == '=' {
		c.advance()
		for c.at(0) == ' ' {
			c.advance()
		}
		debugText = c.body[exprStart.i:c.i]
		fb.text.WriteString(debugText)
	}
	conversion := ""
	if c.at(0) == '!' {
		c.advance()
		conversion = string(c.at(0))
		if conversion != "r" && conversion != "s" && conversion != "a" {
			p.failAt(p.cursorPos(c), "f-string: invalid conversion character %q: expected 's', 'r', or 'a'", conversion)
		}
		c.advance()
	}
	spec := ""
	var specExpr starsyntax.Expr
	if c.at(0) == ':' {
		c.advance()
		spec, specExpr = p.scanFormatSpec(c, raw, open)
	}
	if c.at(0) != '}' {
		p.failAt(open, "f-string: expecting '}'")
	}
	c.advance()

	value := p.parseFieldExpr(text, exprStart.line, exprStart.col)
	if debugText != "" && conversion == "" && spec == "" {
		conversion = "r"
	}
	if specExpr == nil {
		specExpr = p.str(spec, open)
	}
	return p.tuple(open, value, p.str(conversion, open), specExpr)
}

// scanFieldExpr advances c to the end of a field's expression: the first
// "}", "!", ":" or self-documenting "=" outside brackets and strings.
func (p *parser) scanFieldExpr(c *cursor, open starsyntax.Position) {
	depth := 0
	var quote byte
	for ; !c.done(); c.advance() {
		ch := c.at(0)
		if ch == '\\' {
			p.failAt(p.cursorPos(c), "f-string expression part cannot include a backslash")
		}
		if quote != 0 {
			if ch == quote {
				quote = 0
			}
			continue
		}
		switch ch {
		case '\'', '"':
			quote = ch
		case '#':
			p.failAt(p.cursorPos(c), "f-string expression part cannot include '#'")
		case '(', '[', '{':
			depth++
		case ')', ']':
			depth = max(depth-1, 0)
		case '}':
			if depth == 0 {
				return
			}
			depth--
		case '!', '=':
			if c.at(1) == '=' {
				c.advance() // "!=" or "=="
				continue
			}
			if depth == 0 && (ch == '!' || !strings.ContainsRune("=!<>", rune(prevByte(c)))) {
				return
			}
		case ':':
			if depth == 0 {
				return
			}
		}
	}
	p.failAt(open, "f-string: expecting '}'")
}

func prevByte(c *cursor) byte {
	if c.i > 0 {
		return c.body[c.i-1]
	}
	return 0
}

// scanFormatSpec reads a format spec up to the closing "}". A spec with
// nested replacement fields, such as {x:{width}d}, is returned as an
// expression, __fstring__(("", (width, "", ""), "d")), that the runtime
// evaluates to the spec text; a plain spec is returned as text with a
// nil expression.
func (p *parser) scanFormatSpec(c *cursor, raw bool, open starsyntax.Position) (string, starsyntax.Expr) {
	start := *c
	var parts []starsyntax.Expr
	literal := *c
	lx := &lexer{filename: *p.filename}
	for !c.done() && c.at(0) != '}' {
		if c.at(0) != '{' {
			c.advance()
			continue
		}
		parts = append(parts, p.str(lx.decodeString(c.body[literal.i:c.i], raw, false, literal.line, literal.col), open))
		nestedOpen := p.cursorPos(c)
		c.advance()
		exprStart := *c
		p.scanFieldExpr(c, nestedOpen)
		if c.at(0) != '}' {
			p.failAt(p.cursorPos(c), "f-string: a nested replacement field in a format spec takes no conversion or spec")
		}
		text := c.body[exprStart.i:c.i]
		if strings.TrimSpace(text) == "" {
			p.failAt(nestedOpen, "f-string: empty expression not allowed")
		}
		value := p.parseFieldExpr(text, exprStart.line, exprStart.col)
		parts = append(parts, p.tuple(nestedOpen, value, p.str("", nestedOpen), p.str("", nestedOpen)))
		c.advance()
		literal = *c
	}
	text := lx.decodeString(c.body[literal.i:c.i], raw, false, literal.line, literal.col)
	if parts == nil {
		return lx.decodeString(c.body[start.i:c.i], raw, false, start.line, start.col), nil
	}
	parts = append(parts, p.str(text, open))
	return "", p.call("__fstring__", open, p.tuple(open, parts...))
}

// parseFieldExpr parses the expression text of a replacement field,
// which starts at line:col of the file.
func (p *parser) parseFieldExpr(text string, line, col int32) starsyntax.Expr {
	toks, err := scanExpr(*p.filename, text, line, col)
	if err != nil {
		panic(err)
	}
	savedToks, savedI := p.toks, p.i
	p.toks, p.i = toks, 0
	value := p.parseTestList()
	if p.tok().kind != tEOF {
		p.unexpected("expected the end of the f-string expression")
	}
	p.toks, p.i = savedToks, savedI
	return value
}
