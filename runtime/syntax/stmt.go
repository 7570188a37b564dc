package syntax

import (
	"fmt"
	"strings"

	starsyntax "go.starlark.net/syntax"
)

// unsupportedKeywords maps each Python keyword that cannot start a
// statement or expression here to the error that names it. Adding
// support for one means removing it here and adding a case to
// parseStatement or parseSmallStatement.
var unsupportedKeywords = map[string]string{
	"except":  "'except' is only valid after 'try'",
	"finally": "'finally' is only valid after 'try'",
	"async":   "'async' functions and statements are not supported",
	"await":   "'await' expressions are not supported",
}

func (p *parser) parseFileStatements() []starsyntax.Stmt {
	var stmts []starsyntax.Stmt
	for p.tok().kind != tEOF {
		if p.tok().kind == tNewline {
			p.next()
			continue
		}
		stmts = append(stmts, p.parseStatement()...)
	}
	return stmts
}

// parseStatement parses one statement, which may desugar into several.
func (p *parser) parseStatement() []starsyntax.Stmt {
	t := *p.tok()
	switch {
	case t.kind == tIndent:
		panic(&SyntaxError{Filename: *p.filename, Line: int(t.line), Col: int(t.col), Msg: "unexpected indent", Type: "IndentationError", NoCaret: true})
	case t.kind == tDedent:
		p.failIndent(t, "unindent does not match any outer indentation level")
	case t.kind == tOp && t.text == "@":
		return p.parseDecorated()
	case t.kind == tName:
		switch t.text {
		case "if":
			return []starsyntax.Stmt{p.parseIf()}
		case "while":
			return p.parseWhile()
		case "for":
			return p.parseFor()
		case "try":
			return p.parseTry()
		case "with":
			return p.parseWith()
		case "def":
			return p.parseDef(nil)
		case "class":
			return p.parseClass(nil)
		case "match":
			p.checkMatchStatement()
		}
		if msg, ok := unsupportedKeywords[t.text]; ok {
			p.fail(t, "%s", msg)
		}
	}
	return p.parseSimpleStatements()
}

// parseSimpleStatements parses small statements separated by semicolons
// up to the end of the line.
func (p *parser) parseSimpleStatements() []starsyntax.Stmt {
	var stmts []starsyntax.Stmt
	for {
		stmts = append(stmts, p.parseSmallStatement()...)
		if !p.acceptOp(";") || p.tok().kind == tNewline {
			break
		}
	}
	p.expectNewline()
	return stmts
}

func (p *parser) parseSmallStatement() []starsyntax.Stmt {
	t := *p.tok()
	if t.kind != tName {
		return p.parseExprStatement()
	}
	switch t.text {
	case "pass":
		p.next()
		return []starsyntax.Stmt{p.pass(p.pos(t))}
	case "break", "continue":
		return p.parseBranch()
	case "raise":
		return []starsyntax.Stmt{p.parseRaise()}
	case "global", "nonlocal":
		return p.parseDeclaration()
	case "return":
		return []starsyntax.Stmt{p.parseReturn()}
	case "import":
		return p.parseImport()
	case "from":
		return p.parseFromImport()
	case "del":
		return p.parseDel()
	case "assert":
		return []starsyntax.Stmt{p.parseAssert()}
	case "yield":
		return []starsyntax.Stmt{p.parseYield()}
	case "print":
		p.checkPython2Print()
	case "load":
		p.checkLoadStatement()
	}
	if msg, ok := unsupportedKeywords[t.text]; ok {
		p.fail(t, "%s", msg)
	}
	return p.parseExprStatement()
}

// parseBlock parses the body after a compound statement's colon: either
// simple statements on the same line or an indented block.
func (p *parser) parseBlock(header string, headerLine int32) []starsyntax.Stmt {
	start := *p.tok()
	if start.kind != tNewline {
		return p.nonEmpty(p.parseSimpleStatements(), p.pos(start))
	}
	p.next()
	if p.tok().kind != tIndent {
		p.failIndent(*p.tok(), "expected an indented block after %s on line %d", header, headerLine)
	}
	indent := p.next()
	var body []starsyntax.Stmt
	for p.tok().kind != tDedent && p.tok().kind != tEOF {
		body = append(body, p.parseStatement()...)
	}
	p.next()
	return p.nonEmpty(body, p.pos(indent))
}

func (p *parser) parseIf() starsyntax.Stmt {
	ifTok := p.next() // "if" or "elif"
	cond := p.parseTest()
	p.expectConditionColon(cond)
	stmt := &starsyntax.IfStmt{If: p.pos(ifTok), Cond: cond}
	stmt.True = p.parseBlock(fmt.Sprintf("'%s' statement", ifTok.text), ifTok.line)
	switch {
	case p.isKw("elif"):
		stmt.ElsePos = p.pos(*p.tok())
		stmt.False = []starsyntax.Stmt{p.parseIf()}
	case p.isKw("else"):
		elseTok := p.next()
		p.expectOp(":")
		stmt.ElsePos = p.pos(elseTok)
		stmt.False = p.parseBlock("'else' statement", elseTok.line)
	}
	return stmt
}

// expectConditionColon consumes the colon after an if or while
// condition, naming "=" written in place of "==" as CPython does.
func (p *parser) expectConditionColon(cond starsyntax.Expr) {
	if p.isOp("=") {
		p.failAt(starsyntax.Start(cond), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	}
	p.expectOp(":")
}

func (p *parser) parseWhile() []starsyntax.Stmt {
	whileTok := p.next()
	cond := p.parseTest()
	p.expectConditionColon(cond)
	pre, body, post := p.parseLoopBody("'while' statement", whileTok)
	loop := &starsyntax.WhileStmt{While: p.pos(whileTok), Cond: cond, Body: body}
	return append(append(pre, loop), post...)
}

func (p *parser) parseFor() []starsyntax.Stmt {
	forTok := p.next()
	vars := p.parseTargetList()
	p.expectKw("in")
	x := p.parseTestList()
	p.expectOp(":")
	pre, body, post := p.parseLoopBody("'for' statement", forTok)
	vars, body = p.forTarget(vars, body)
	loop := &starsyntax.ForStmt{For: p.pos(forTok), Vars: vars, X: x, Body: body}
	return append(append(pre, loop), post...)
}

// parseBranch parses break or continue. Inside a block function whose
// loop is outside the block, it becomes "return <status>".
func (p *parser) parseBranch() []starsyntax.Stmt {
	t := p.next()
	pos := p.pos(t)
	if len(p.loops) > 0 {
		if t.text == "break" {
			return p.breakStmts(pos)
		}
		return []starsyntax.Stmt{&starsyntax.BranchStmt{Token: starsyntax.CONTINUE, TokenPos: pos}}
	}
	if p.block == nil || p.block.outerLoops == 0 {
		p.fail(t, "'%s' outside loop", t.text)
	}
	if t.text == "break" {
		p.block.signals.breaks = true
		return []starsyntax.Stmt{p.leaveBlockStmt(pos, p.str(flowBreak, pos))}
	}
	p.block.signals.continues = true
	return []starsyntax.Stmt{p.leaveBlockStmt(pos, p.str(flowContinue, pos))}
}

func (p *parser) parseReturn() starsyntax.Stmt {
	t := p.next()
	if p.scope.kind != defScope {
		p.fail(t, "'return' outside function")
	}
	stmt := &starsyntax.ReturnStmt{Return: p.pos(t)}
	if p.startsExpr() {
		stmt.Result = p.parseTestList()
	}
	if p.block != nil {
		p.block.signals.returns = true
		var value starsyntax.Expr = p.none(p.pos(t))
		if stmt.Result != nil {
			value = stmt.Result
		}
		stmt.Result = p.tuple(p.pos(t), p.str(flowReturn, p.pos(t)), value)
	}
	return stmt
}

// parseAssert desugars "assert c, msg" into
// "if not c: __assert_fail__(msg)", so msg is evaluated only on failure.
func (p *parser) parseAssert() starsyntax.Stmt {
	t := p.next()
	pos := p.pos(t)
	cond := p.parseTest()
	var msg starsyntax.Expr = p.none(pos)
	if p.acceptOp(",") {
		msg = p.parseTest()
	}
	fail := &starsyntax.ExprStmt{X: p.call("__assert_fail__", pos, msg)}
	notCond := &starsyntax.UnaryExpr{OpPos: pos, Op: starsyntax.NOT, X: cond}
	return &starsyntax.IfStmt{If: pos, Cond: notCond, True: []starsyntax.Stmt{fail}}
}

// checkMatchStatement rejects a match statement. "match" is a soft
// keyword, so a line starting with it is a match statement only when
// the logical line ends with a colon.
func (p *parser) checkMatchStatement() {
	next := p.peek(1)
	if next.kind == tOp && (next.text == "=" || next.text == "." || next.text == ":") {
		return
	}
	for k := 1; ; k++ {
		t := p.peek(k)
		if t.kind == tNewline || t.kind == tEOF {
			last := p.peek(k - 1)
			if last.kind == tOp && last.text == ":" {
				p.fail(*p.tok(), "'match' statements are not supported")
			}
			return
		}
	}
}

// checkPython2Print rejects the Python 2 print statement.
func (p *parser) checkPython2Print() {
	next := p.peek(1)
	if next.kind == tOp && next.text == ">>" {
		p.fail(*p.tok(), "'print >>' is Python 2 syntax and is not supported; use print(..., file=f)")
	}
	if next.kind == tString || next.kind == tInt || next.kind == tFloat || next.kind == tName && !keywords[next.text] {
		p.fail(*p.tok(), "Missing parentheses in call to 'print'. Did you mean print(...)?")
	}
}

// checkLoadStatement rejects a Starlark load statement at top level,
// recognised as load("module.star", "name", ...) with only string
// arguments, so that an ordinary Python function named load still works.
func (p *parser) checkLoadStatement() {
	if p.scope.kind != moduleScope || !(p.peek(1).kind == tOp && p.peek(1).text == "(") {
		return
	}
	args := 0
	for k := 2; ; k++ {
		t := p.peek(k)
		switch {
		case t.kind == tString:
			if args == 0 && !isStarlarkModuleName(t) {
				return
			}
			args++
		case t.kind == tName && p.peek(k+1).text == "=" && p.peek(k+2).kind == tString:
			k += 2
			args++
		case t.kind == tOp && t.text == ")":
			if args >= 2 {
				p.fail(*p.tok(), "load statements are not supported; use import or from ... import")
			}
			return
		default:
			return
		}
		if c := p.peek(k + 1); c.kind == tOp && c.text == "," {
			k++
		}
	}
}

func isStarlarkModuleName(t *token) bool {
	st, ok := t.value.(*stringToken)
	if !ok || st.format {
		return false
	}
	name := st.value
	return strings.HasSuffix(name, ".star") || strings.HasSuffix(name, ".bzl") ||
		strings.HasPrefix(name, ":") || strings.HasPrefix(name, "//") || strings.HasPrefix(name, "@")
}
