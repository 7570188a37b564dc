package syntax

import (
	"errors"
	"strings"

	starsyntax "go.starlark.net/syntax"
)

// blockKeywords are the keywords that start a compound statement. In a
// REPL such a statement continues until a blank line.
var blockKeywords = map[string]bool{
	"if": true, "elif": true, "else": true, "for": true, "while": true,
	"def": true, "class": true, "try": true, "except": true,
	"finally": true, "with": true, "async": true,
}

// Incomplete reports whether src is an unfinished REPL input that needs
// more lines. That is the case when src ends inside an open bracket,
// after a trailing backslash or inside a triple-quoted string. It is also
// the case when src contains a block header (class X:, def f():, if c:,
// a decorator, ...) but does not yet end with a blank line, unless the
// parser already fails before its end, as on a header without its
// colon. Input with any other syntax error is complete, so the REPL
// reports it at once.
func Incomplete(src string) (incomplete bool) {
	defer func() {
		if recover() != nil {
			incomplete = false
		}
	}()
	text := normalizeNewlines([]byte(src))
	toks, err := scan("<stdin>", text)
	if err != nil {
		var se *SyntaxError
		return errors.As(err, &se) && se.eof && !failsBeforeEnd(text)
	}
	return opensBlock(toks) && !endsWithBlankLine(text) && !failsBeforeEnd(text)
}

// failsBeforeEnd reports whether the parser rejects text at a token
// before the end of the input. Then more lines cannot help, even inside
// an open bracket, and the REPL reports the error at once, as CPython's
// does for `f(` followed by a line that starts with `def`.
func failsBeforeEnd(text string) (fails bool) {
	toks, _, err := scanFile("<stdin>", text)
	if err != nil || len(toks) == 0 {
		return false
	}
	end := toks[len(toks)-1]
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(*SyntaxError)
			fails = ok && !(se.Line == int(end.line) && se.Col == int(end.col))
		}
	}()
	p := &parser{filename: new(string), toks: toks, scope: &scope{kind: moduleScope}, decls: map[*starsyntax.DefStmt]map[string]declaration{}}
	p.resolveCells(p.parseFileStatements())
	return false
}

// opensBlock reports whether toks contain a compound statement or a
// decorator: a logical line that starts with a block keyword or "@", or
// that ends with a colon.
func opensBlock(toks []token) bool {
	lineStart := true
	for k, t := range toks {
		if lineStart && (t.kind == tName && blockKeywords[t.text] || t.kind == tOp && t.text == "@") {
			return true
		}
		if t.kind == tOp && t.text == ":" && k+1 < len(toks) && toks[k+1].kind == tNewline {
			return true
		}
		lineStart = t.kind == tNewline || t.kind == tIndent || t.kind == tDedent
	}
	return false
}

// endsWithBlankLine reports whether the last line of text, ignoring one
// final newline, is empty or whitespace.
func endsWithBlankLine(text string) bool {
	body := strings.TrimSuffix(text, "\n")
	if !strings.Contains(body, "\n") {
		return false
	}
	last := body[strings.LastIndexByte(body, '\n')+1:]
	return strings.TrimSpace(last) == ""
}
