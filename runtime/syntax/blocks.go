package syntax

import (
	"strconv"
	"strings"

	starsyntax "go.starlark.net/syntax"
)

// Block functions hold the bodies of try, except, else, finally and with
// statements, because a Go builtin can only catch an error that a
// callable returns. Each block function is transparent: the names it
// binds belong to the enclosing function or module (see scopes.go), and
// return, break and continue inside it become status values that the
// code after the runtime call acts on.

// blockKinds lists the name prefixes of block functions.
var blockKinds = []string{"<try ", "<except ", "<else ", "<finally ", "<with "}

// IsBlockFunction reports whether name is the name of a block function
// that the front end made for a try, except, else, finally or with body.
// A runtime shows a frame of such a function under the name of the
// function that contains the statement, as Python does.
func IsBlockFunction(name string) bool {
	for _, kind := range blockKinds {
		if strings.HasPrefix(name, kind) {
			return true
		}
	}
	return false
}

// Status values that a block function returns for a return, break or
// continue that leaves the block. A return carries its value:
// ("return", v).
const (
	flowBreak    = "break"
	flowContinue = "continue"
	flowReturn   = "return"
)

// blockCtx is a block function being parsed.
type blockCtx struct {
	parent *blockCtx
	// outerLoops counts the loops that enclose the block within the
	// same def: a break inside the block needs one as its target.
	outerLoops int
	// savedLoops is the parser's loop stack when the block started.
	savedLoops []loopCtx
	// signals lists the status values the block's body can return.
	signals signals
}

// signals records which status values a group of block functions can
// return.
type signals struct {
	breaks, continues, returns bool
}

func (s *signals) merge(t signals) {
	s.breaks = s.breaks || t.breaks
	s.continues = s.continues || t.continues
	s.returns = s.returns || t.returns
}

func (s signals) any() bool { return s.breaks || s.continues || s.returns }

// beginBlock starts parsing the body of a block function.
func (p *parser) beginBlock() *blockCtx {
	b := &blockCtx{parent: p.block, savedLoops: p.loops, outerLoops: len(p.loops)}
	if p.block != nil {
		b.outerLoops += p.block.outerLoops
	}
	p.block = b
	p.loops = nil
	return b
}

// endBlock finishes the block that beginBlock started.
func (p *parser) endBlock(b *blockCtx) {
	p.block = b.parent
	p.loops = b.savedLoops
}

// hiddenName returns a fresh name for a block function or a hidden
// variable of the given kind ("try", "flow", ...). The names are not
// identifiers, so user code cannot refer to them.
func (p *parser) hiddenName(kind string) string {
	p.hidden++
	return "<" + kind + " " + strconv.Itoa(p.hidden) + ">"
}

// blockDef builds the def of a block function.
func (p *parser) blockDef(name string, pos starsyntax.Position, params []starsyntax.Expr, body []starsyntax.Stmt) *starsyntax.DefStmt {
	return &starsyntax.DefStmt{
		Def:    pos,
		Name:   p.ident(name, pos),
		Lparen: pos,
		Params: params,
		Rparen: pos,
		Body:   p.nonEmpty(body, pos),
	}
}

// parseBlockBody parses the block after a compound statement's colon as
// the body of a block function and returns it with the status values it
// can return.
func (p *parser) parseBlockBody(header string, headerLine int32, prefix []starsyntax.Stmt) ([]starsyntax.Stmt, signals) {
	b := p.beginBlock()
	body := p.parseBlock(header, headerLine)
	p.endBlock(b)
	return append(prefix, body...), b.signals
}

// leaveBlockStmt returns the statement that replaces return, break or
// continue inside a block function: "return <status>".
func (p *parser) leaveBlockStmt(pos starsyntax.Position, status starsyntax.Expr) starsyntax.Stmt {
	return &starsyntax.ReturnStmt{Return: pos, Result: status}
}

// dispatchFlow returns the statements after a runtime call that ran
// block functions, which act on the status value in flow. A break or
// continue whose loop is in the current context runs here. A return at
// def level returns the carried value. Any other status leaves the
// current block function in turn.
func (p *parser) dispatchFlow(flow string, sig signals, pos starsyntax.Position) []starsyntax.Stmt {
	if !sig.any() {
		return nil
	}
	status := func() starsyntax.Expr { return p.ident(flow, pos) }
	is := func(kind string) starsyntax.Expr {
		return &starsyntax.BinaryExpr{X: status(), OpPos: pos, Op: starsyntax.EQL, Y: p.str(kind, pos)}
	}
	var body []starsyntax.Stmt
	propagate := false
	if sig.breaks {
		if len(p.loops) > 0 {
			body = append(body, &starsyntax.IfStmt{If: pos, Cond: is(flowBreak), True: p.breakStmts(pos)})
		} else {
			propagate = true
			p.block.signals.breaks = true
		}
	}
	if sig.continues {
		if len(p.loops) > 0 {
			cont := &starsyntax.BranchStmt{Token: starsyntax.CONTINUE, TokenPos: pos}
			body = append(body, &starsyntax.IfStmt{If: pos, Cond: is(flowContinue), True: []starsyntax.Stmt{cont}})
		} else {
			propagate = true
			p.block.signals.continues = true
		}
	}
	if sig.returns {
		if p.block == nil {
			value := &starsyntax.IndexExpr{X: status(), Lbrack: pos, Y: p.intLit(1, pos), Rbrack: pos}
			body = append(body, &starsyntax.ReturnStmt{Return: pos, Result: value})
		} else {
			propagate = true
			p.block.signals.returns = true
		}
	}
	if propagate {
		body = append(body, &starsyntax.ReturnStmt{Return: pos, Result: status()})
	}
	notNone := &starsyntax.BinaryExpr{X: status(), OpPos: pos, Op: starsyntax.NEQ, Y: p.none(pos)}
	return []starsyntax.Stmt{&starsyntax.IfStmt{If: pos, Cond: notNone, True: body}}
}

// loopCtx is a for or while loop being parsed.
type loopCtx struct {
	// broke names the hidden variable that records a break, for a loop
	// with an else clause; "" otherwise.
	broke string
}

// breakStmts returns the statements of a break out of the innermost
// loop of the current context: a loop with an else clause first records
// that it broke.
func (p *parser) breakStmts(pos starsyntax.Position) []starsyntax.Stmt {
	brk := &starsyntax.BranchStmt{Token: starsyntax.BREAK, TokenPos: pos}
	loop := p.loops[len(p.loops)-1]
	if loop.broke == "" {
		return []starsyntax.Stmt{brk}
	}
	set := p.assign(p.ident(loop.broke, pos), p.ident("True", pos), pos)
	return []starsyntax.Stmt{set, brk}
}

// loopHasElse reports whether the loop whose body starts at the current
// token (just after the header's colon) has an else clause. It scans
// tokens only: an indented body ends at its matching DEDENT, a body on
// the header line at the end of that line.
func (p *parser) loopHasElse() bool {
	k := 0
	if p.peek(0).kind != tNewline {
		for t := p.peek(k); t.kind != tNewline && t.kind != tEOF; t = p.peek(k) {
			k++
		}
		t := p.peek(k + 1)
		return t.kind == tName && t.text == "else"
	}
	k = 1
	if p.peek(k).kind != tIndent {
		return false
	}
	depth := 0
	for ; ; k++ {
		t := p.peek(k)
		switch t.kind {
		case tIndent:
			depth++
		case tDedent:
			depth--
		case tEOF:
			return false
		}
		if depth == 0 {
			next := p.peek(k + 1)
			return next.kind == tName && next.text == "else"
		}
	}
}

// parseLoopBody parses the body and optional else clause of a for or
// while loop. A loop with an else clause records a break in a hidden
// variable, and the else clause runs when it is still false.
func (p *parser) parseLoopBody(header string, headerTok token) (pre []starsyntax.Stmt, body []starsyntax.Stmt, post []starsyntax.Stmt) {
	pos := p.pos(headerTok)
	loop := loopCtx{}
	if p.loopHasElse() {
		loop.broke = p.hiddenName("broke")
		pre = []starsyntax.Stmt{p.assign(p.ident(loop.broke, pos), p.ident("False", pos), pos)}
	}
	p.loops = append(p.loops, loop)
	body = p.parseBlock(header, headerTok.line)
	p.loops = p.loops[:len(p.loops)-1]
	if !p.isKw("else") {
		return pre, body, nil
	}
	elseTok := p.next()
	p.expectOp(":")
	elseBody := p.parseBlock("'else' statement", elseTok.line)
	notBroke := &starsyntax.UnaryExpr{OpPos: p.pos(elseTok), Op: starsyntax.NOT, X: p.ident(loop.broke, p.pos(elseTok))}
	post = []starsyntax.Stmt{&starsyntax.IfStmt{If: p.pos(elseTok), Cond: notBroke, True: elseBody}}
	return pre, body, post
}
