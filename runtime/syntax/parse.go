package syntax

import (
	"fmt"
	"strings"

	starsyntax "go.starlark.net/syntax"
)

// maxExprDepth bounds expression nesting so that hostile input cannot
// exhaust the Go stack. Hand-written code stays far below 200 levels.
const maxExprDepth = 200

// Parse parses a whole Python or Starlark file into a go.starlark.net
// syntax tree, desugaring the Python-only constructs into calls of the
// runtime builtins listed in the package documentation. Errors are
// *SyntaxError.
func Parse(filename string, src []byte) (*starsyntax.File, error) {
	return parseFile(filename, src, nil)
}

// ParseREPL parses one chunk of REPL input, such as a statement or a
// block ended by a blank line, with the same language and options as
// Parse. Use Incomplete first to decide whether the chunk is finished.
func ParseREPL(filename string, src []byte) (*starsyntax.File, error) {
	return parseFile(filename, src, nil)
}

// fileOptions returns the options every parsed file carries: Python
// allows sets, while loops, top-level control flow, rebinding of globals
// and recursion.
func fileOptions() *starsyntax.FileOptions {
	return &starsyntax.FileOptions{Set: true, While: true, TopLevelControl: true, GlobalReassign: true, Recursion: true}
}

func parseFile(filename string, raw []byte, info *FileInfo) (f *starsyntax.File, err error) {
	src := normalizeNewlines(raw)
	var toks []token
	var unclosed *SyntaxError
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(*SyntaxError)
			if !ok {
				se = &SyntaxError{Filename: filename, Line: 1, Col: 1, Msg: fmt.Sprintf("internal error in the parser: %v", r)}
			}
			if unclosed != nil && failedForUnclosed(se, unclosed, toks) {
				se = unclosed
			}
			if se.Text == "" {
				se.Text = sourceLine(src, se.Line)
			}
			f, err = nil, se
		}
	}()
	toks, unclosed, err = scanFile(filename, src)
	if err != nil {
		panic(err)
	}
	p := &parser{filename: &filename, toks: toks, scope: &scope{kind: moduleScope}, decls: map[*starsyntax.DefStmt]map[string]declaration{}, info: info}
	stmts := p.resolveCells(p.parseFileStatements())
	nativeArith(stmts)
	if unclosed != nil {
		panic(unclosed)
	}
	return &starsyntax.File{Path: filename, Stmts: stmts, Options: fileOptions()}, nil
}

// failedForUnclosed reports whether CPython would report unclosed, a
// bracket the input never closes, in place of se: when the parser
// failed at the end of the input, or with plain "invalid syntax" on a
// line after the bracket's.
func failedForUnclosed(se, unclosed *SyntaxError, toks []token) bool {
	end := toks[len(toks)-1]
	if se.Line == int(end.line) && se.Col == int(end.col) {
		return true
	}
	return se.Msg == "invalid syntax" && se.Line > unclosed.Line
}

// normalizeNewlines applies Python's universal newlines: "\r\n" and "\r"
// both end a line. It also drops a UTF-8 byte order mark.
func normalizeNewlines(raw []byte) string {
	src := strings.TrimPrefix(string(raw), "\ufeff")
	if strings.IndexByte(src, '\r') < 0 {
		return src
	}
	src = strings.ReplaceAll(src, "\r\n", "\n")
	return strings.ReplaceAll(src, "\r", "\n")
}

// scopeKind is the kind of a lexical scope the parser is inside.
type scopeKind int8

const (
	moduleScope scopeKind = iota
	classScope
	defScope
	lambdaScope
)

// scope is one lexical scope, tracked for the desugarings that depend on
// context: zero-argument super(), generators, and return placement.
type scope struct {
	kind       scopeKind
	parent     *scope
	className  string // for classScope
	qualname   string // for classScope, defScope and lambdaScope: __qualname__
	firstParam string // for defScope: first positional parameter, or ""
	generator  bool   // for defScope: the body contains yield
	decls      map[string]declaration
}

// parser is a recursive-descent parser over a token slice.
type parser struct {
	filename *string // shared by every Position of the file
	toks     []token
	i        int
	scope    *scope
	depth    int // current expression nesting

	loops  []loopCtx // loops open in the current def, module or block function
	block  *blockCtx // innermost block function being parsed, nil outside one
	hidden int       // counter for fresh hidden names
	decls  map[*starsyntax.DefStmt]map[string]declaration
	info   *FileInfo // nil unless the caller asked for it

	// getItems holds the __getitem__ calls that stand for subscript
	// loads, so that a target or del turns them back into subscripts.
	getItems map[*starsyntax.CallExpr]subscriptBrackets
}

// enterFunction starts the body of a def or class, where loops and
// blocks of the enclosing code are out of reach. The returned function
// restores them.
func (p *parser) enterFunction() func() {
	loops, block := p.loops, p.block
	p.loops, p.block = nil, nil
	return func() { p.loops, p.block = loops, block }
}

func (p *parser) tok() *token { return &p.toks[p.i] }

func (p *parser) peek(k int) *token {
	if p.i+k < len(p.toks) {
		return &p.toks[p.i+k]
	}
	return &p.toks[len(p.toks)-1]
}

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

func (p *parser) isOp(text string) bool {
	t := p.tok()
	return t.kind == tOp && t.text == text
}

func (p *parser) isKw(word string) bool {
	t := p.tok()
	return t.kind == tName && t.text == word
}

func (p *parser) acceptOp(text string) bool {
	if p.isOp(text) {
		p.i++
		return true
	}
	return false
}

func (p *parser) expectOp(text string) token {
	if !p.isOp(text) {
		p.unexpected(fmt.Sprintf("expected '%s'", text))
	}
	return p.next()
}

func (p *parser) expectKw(word string) token {
	if !p.isKw(word) {
		p.unexpected(fmt.Sprintf("expected '%s'", word))
	}
	return p.next()
}

func (p *parser) expectNewline() {
	if p.tok().kind != tNewline {
		p.unexpected("expected end of line")
	}
	p.next()
}

// expectName consumes an identifier that is not a keyword.
func (p *parser) expectName() token {
	t := p.tok()
	if t.kind != tName || keywords[t.text] {
		p.unexpected("expected a name")
	}
	return p.next()
}

func (p *parser) pos(t token) starsyntax.Position {
	return starsyntax.MakePosition(p.filename, t.line, t.col)
}

func (p *parser) failAt(pos starsyntax.Position, format string, args ...any) {
	panic(&SyntaxError{Filename: *p.filename, Line: int(pos.Line), Col: int(pos.Col), Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) fail(t token, format string, args ...any) {
	p.failAt(p.pos(t), format, args...)
}

// failIndent raises an IndentationError at t.
func (p *parser) failIndent(t token, format string, args ...any) {
	panic(&SyntaxError{Filename: *p.filename, Line: int(t.line), Col: int(t.col), Msg: fmt.Sprintf(format, args...), Type: "IndentationError"})
}

// unexpected reports the current token as out of place, naming the
// unsupported construct when the token starts one. Other messages are
// CPython 3.11's: "expected ':'" for a missing colon, the try
// statement's "expected 'except' or 'finally' block", and otherwise
// "invalid syntax", whatever expected names.
func (p *parser) unexpected(expected string) {
	t := *p.tok()
	if t.kind == tOp && t.text == ":=" {
		p.fail(t, "assignment expressions (':=') are not supported")
	}
	if t.kind == tName {
		if msg, ok := unsupportedKeywords[t.text]; ok {
			p.fail(t, "%s", msg)
		}
	}
	if expected == "expected ':'" || expected == "expected 'except' or 'finally' block" {
		p.fail(t, "%s", expected)
	}
	p.fail(t, "invalid syntax")
}

func describeToken(t token) string {
	switch t.kind {
	case tEOF:
		return "end of file"
	case tNewline:
		return "end of line"
	case tIndent:
		return "unexpected indent"
	case tDedent:
		return "unindent"
	case tName:
		if keywords[t.text] {
			return fmt.Sprintf("keyword '%s'", t.text)
		}
		return fmt.Sprintf("name '%s'", t.text)
	case tInt, tFloat:
		return fmt.Sprintf("number %s", t.text)
	case tString:
		return "string literal"
	}
	return fmt.Sprintf("'%s'", t.text)
}

// enter guards one level of recursive expression parsing.
func (p *parser) enter() {
	p.depth++
	if p.depth > maxExprDepth {
		p.fail(*p.tok(), "expression nested too deeply (more than %d levels)", maxExprDepth)
	}
}

func (p *parser) leave() { p.depth-- }

// pushScope enters a new lexical scope and returns it.
func (p *parser) pushScope(s *scope) *scope {
	s.parent = p.scope
	p.scope = s
	return s
}

func (p *parser) popScope() { p.scope = p.scope.parent }
