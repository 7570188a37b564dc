package syntax

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxIndentLevels bounds nested indented blocks, and with them the
// recursion depth of statement parsing.
const maxIndentLevels = 100

// lexer turns Python source into tokens, following the tokenizer rules of
// Python 3: INDENT and DEDENT from leading whitespace with tabs advancing
// to the next multiple of 8, implicit line joining inside brackets,
// backslash continuation, and comments.
type lexer struct {
	filename string
	src      string
	i        int   // byte offset of the next character
	line     int32 // position of src[i]
	col      int32

	toks        []token
	indents     []int   // indentation widths of the open blocks, from 0
	brackets    []token // open brackets, innermost last
	atLineStart bool

	// exprMode lexes an f-string replacement field: newlines are
	// insignificant and no NEWLINE, INDENT or DEDENT is produced.
	exprMode bool

	// deferUnclosed makes finish store the error for a bracket still
	// open at the end in unclosed, instead of raising it, and end the
	// tokens at once, so that the parser can report an earlier error
	// first, as CPython does.
	deferUnclosed bool
	unclosed      *SyntaxError
}

// scan lexes a whole file or REPL chunk.
func scan(filename, src string) (toks []token, err error) {
	lx := &lexer{filename: filename, src: src, line: 1, col: 1, indents: []int{0}, atLineStart: true}
	defer catchSyntaxError(&err)
	lx.run()
	return lx.toks, nil
}

// scanFile lexes a whole file like scan, but returns the error for a
// bracket still open at the end of the input as unclosed, with the
// tokens up to there and a final EOF, for the parser to weigh.
func scanFile(filename, src string) (toks []token, unclosed *SyntaxError, err error) {
	lx := &lexer{filename: filename, src: src, line: 1, col: 1, indents: []int{0}, atLineStart: true, deferUnclosed: true}
	defer catchSyntaxError(&err)
	lx.run()
	return lx.toks, lx.unclosed, nil
}

// scanExpr lexes the expression of an f-string replacement field, which
// starts at the given position of the enclosing file.
func scanExpr(filename, src string, line, col int32) (toks []token, err error) {
	lx := &lexer{filename: filename, src: src, line: line, col: col, exprMode: true}
	defer catchSyntaxError(&err)
	lx.run()
	return lx.toks, nil
}

// catchSyntaxError turns a *SyntaxError panic into a returned error.
func catchSyntaxError(err *error) {
	if r := recover(); r != nil {
		se, ok := r.(*SyntaxError)
		if !ok {
			panic(r)
		}
		*err = se
	}
}

func (lx *lexer) fail(line, col int32, format string, args ...any) {
	panic(&SyntaxError{Filename: lx.filename, Line: int(line), Col: int(col), Msg: fmt.Sprintf(format, args...)})
}

// failEOF reports an error caused by the input ending early.
func (lx *lexer) failEOF(line, col int32, format string, args ...any) {
	panic(&SyntaxError{Filename: lx.filename, Line: int(line), Col: int(col), Msg: fmt.Sprintf(format, args...), eof: true})
}

func (lx *lexer) eof() bool { return lx.i >= len(lx.src) }

func (lx *lexer) peekByte(k int) byte {
	if lx.i+k < len(lx.src) {
		return lx.src[lx.i+k]
	}
	return 0
}

// advance moves past one rune, keeping line and column current.
func (lx *lexer) advance() {
	r, size := utf8.DecodeRuneInString(lx.src[lx.i:])
	if r == utf8.RuneError && size == 1 {
		lx.fail(lx.line, lx.col, "invalid UTF-8 encoding in source")
	}
	lx.i += size
	if r == '\n' {
		lx.line++
		lx.col = 1
	} else {
		lx.col++
	}
}

func (lx *lexer) emit(kind tokenKind, text string, line, col int32, start int, value any) {
	lx.toks = append(lx.toks, token{kind: kind, text: text, line: line, col: col, start: start, end: lx.i, value: value})
}

func (lx *lexer) joiningLines() bool { return lx.exprMode || len(lx.brackets) > 0 }

func (lx *lexer) run() {
	for {
		if lx.atLineStart && !lx.joiningLines() {
			lx.indentation()
		}
		lx.skipSpace()
		if lx.eof() {
			lx.finish()
			return
		}
		c := lx.src[lx.i]
		switch {
		case c == '#':
			lx.skipComment()
		case c == '\\':
			lx.continuation()
		case c == '\n':
			lx.newline()
		case c == '\'' || c == '"':
			lx.scanString("")
		case isDigit(c) || c == '.' && isDigit(lx.peekByte(1)):
			lx.scanNumber()
		case c == '_' || c >= 0x80 || isLetter(c):
			lx.scanName()
		default:
			lx.scanOperator()
		}
	}
}

func (lx *lexer) skipSpace() {
	for !lx.eof() {
		switch lx.src[lx.i] {
		case ' ', '\t', '\f':
			lx.advance()
		default:
			return
		}
	}
}

func (lx *lexer) skipComment() {
	for !lx.eof() && lx.src[lx.i] != '\n' {
		lx.advance()
	}
}

// indentation measures the leading whitespace of the next non-blank line
// and emits INDENT or DEDENT tokens. Blank and comment-only lines are
// skipped whatever their indentation.
func (lx *lexer) indentation() {
	for {
		width := 0
		for !lx.eof() {
			c := lx.src[lx.i]
			if c == ' ' {
				width++
			} else if c == '\t' {
				width = (width/8 + 1) * 8
			} else if c == '\f' {
				width = 0
			} else {
				break
			}
			lx.advance()
		}
		if lx.eof() {
			return
		}
		c := lx.src[lx.i]
		if c == '#' {
			lx.skipComment()
		}
		if !lx.eof() && lx.src[lx.i] == '\n' {
			lx.advance()
			continue
		}
		if lx.eof() {
			return
		}
		lx.atLineStart = false
		lx.indent(width)
		return
	}
}

func (lx *lexer) indent(width int) {
	top := lx.indents[len(lx.indents)-1]
	if width > top {
		if len(lx.indents) > maxIndentLevels {
			lx.fail(lx.line, lx.col, "too many levels of indentation")
		}
		lx.indents = append(lx.indents, width)
		lx.emit(tIndent, "", lx.line, lx.col, lx.i, nil)
		return
	}
	for width < lx.indents[len(lx.indents)-1] {
		lx.indents = lx.indents[:len(lx.indents)-1]
		lx.emit(tDedent, "", lx.line, lx.col, lx.i, nil)
	}
	if width != lx.indents[len(lx.indents)-1] {
		// CPython puts the caret just past the end of the line.
		rest, _, _ := strings.Cut(lx.src[lx.i:], "\n")
		panic(&SyntaxError{Filename: lx.filename, Line: int(lx.line), Col: int(lx.col) + utf8.RuneCountInString(rest),
			Msg: "unindent does not match any outer indentation level", Type: "IndentationError"})
	}
}

func (lx *lexer) continuation() {
	line, col := lx.line, lx.col
	lx.advance()
	if lx.eof() {
		lx.failEOF(line, col, "unexpected end of file after line continuation character")
	}
	if lx.src[lx.i] != '\n' {
		lx.fail(line, col, "unexpected character after line continuation character")
	}
	lx.advance()
	if lx.eof() {
		lx.failEOF(line, col, "unexpected end of file after line continuation character")
	}
}

func (lx *lexer) newline() {
	line, col, start := lx.line, lx.col, lx.i
	lx.advance()
	if lx.joiningLines() {
		return
	}
	if n := len(lx.toks); n > 0 && lx.toks[n-1].kind != tNewline {
		lx.toks = append(lx.toks, token{kind: tNewline, line: line, col: col, start: start, end: start + 1})
	}
	lx.atLineStart = true
}

// finish emits the tokens that end the input: a missing final NEWLINE, a
// DEDENT per open block, and EOF.
func (lx *lexer) finish() {
	if n := len(lx.brackets); n > 0 {
		open := lx.brackets[n-1]
		if !lx.deferUnclosed {
			lx.failEOF(open.line, open.col, "'%s' was never closed", open.text)
		}
		lx.unclosed = &SyntaxError{Filename: lx.filename, Line: int(open.line), Col: int(open.col), Msg: fmt.Sprintf("'%s' was never closed", open.text), eof: true}
		lx.emit(tEOF, "", lx.line, lx.col, lx.i, nil)
		return
	}
	if !lx.exprMode {
		if n := len(lx.toks); n > 0 && lx.toks[n-1].kind != tNewline {
			lx.emit(tNewline, "", lx.line, lx.col, lx.i, nil)
		}
		for len(lx.indents) > 1 {
			lx.indents = lx.indents[:len(lx.indents)-1]
			lx.emit(tDedent, "", lx.line, lx.col, lx.i, nil)
		}
	}
	lx.emit(tEOF, "", lx.line, lx.col, lx.i, nil)
}

func (lx *lexer) scanName() {
	line, col, start := lx.line, lx.col, lx.i
	for !lx.eof() {
		r, _ := utf8.DecodeRuneInString(lx.src[lx.i:])
		if !(r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)) {
			break
		}
		lx.advance()
	}
	if lx.i == start {
		r, _ := utf8.DecodeRuneInString(lx.src[lx.i:])
		if r == utf8.RuneError {
			lx.fail(line, col, "invalid UTF-8 encoding in source")
		}
		lx.fail(line, col, "invalid character '%c' (U+%04X)", r, r)
	}
	name := lx.src[start:lx.i]
	if !lx.eof() && (lx.src[lx.i] == '\'' || lx.src[lx.i] == '"') && isStringPrefix(name) {
		lx.i, lx.line, lx.col = start, line, col
		lx.scanString(name)
		return
	}
	lx.emit(tName, name, line, col, start, nil)
}

func isStringPrefix(s string) bool {
	switch strings.ToLower(s) {
	case "r", "u", "b", "br", "rb", "f", "fr", "rf":
		return true
	}
	return false
}

func (lx *lexer) scanOperator() {
	line, col, start := lx.line, lx.col, lx.i
	c := lx.src[lx.i]
	if c == 0 {
		lx.fail(line, col, "source code cannot contain null bytes")
	}
	for n := 3; n >= 1; n-- {
		if lx.i+n > len(lx.src) {
			continue
		}
		text := lx.src[lx.i : lx.i+n]
		for _, op := range operators[n] {
			if text == op {
				lx.i += n
				lx.col += int32(n)
				lx.emit(tOp, op, line, col, start, nil)
				lx.trackBracket(lx.toks[len(lx.toks)-1])
				return
			}
		}
	}
	if c == '!' {
		lx.fail(line, col, "invalid syntax: '!' is only valid as part of '!='")
	}
	r, _ := utf8.DecodeRuneInString(lx.src[lx.i:])
	lx.fail(line, col, "invalid character '%c' (U+%04X)", r, r)
}

func (lx *lexer) trackBracket(tok token) {
	switch tok.text {
	case "(", "[", "{":
		lx.brackets = append(lx.brackets, tok)
	case ")", "]", "}":
		n := len(lx.brackets)
		if n == 0 {
			lx.fail(tok.line, tok.col, "unmatched '%s'", tok.text)
		}
		open := lx.brackets[n-1]
		if closingBracket[open.text] != tok.text {
			if open.line == tok.line {
				lx.fail(tok.line, tok.col, "closing parenthesis '%s' does not match opening parenthesis '%s'", tok.text, open.text)
			}
			lx.fail(tok.line, tok.col, "closing parenthesis '%s' does not match opening parenthesis '%s' on line %d", tok.text, open.text, open.line)
		}
		lx.brackets = lx.brackets[:n-1]
	}
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
