package syntax

import (
	"math/big"

	starsyntax "go.starlark.net/syntax"
)

// startsExpr reports whether the current token can begin an expression.
func (p *parser) startsExpr() bool {
	t := p.tok()
	switch t.kind {
	case tName:
		if !keywords[t.text] {
			return true
		}
		switch t.text {
		case "not", "lambda", "True", "False", "None", "await", "yield":
			return true
		}
	case tInt, tFloat, tString:
		return true
	case tOp:
		switch t.text {
		case "(", "[", "{", "-", "+", "~", "...", "*":
			return true
		}
	}
	return false
}

// parseTestList parses one or more comma-separated expressions; with a
// comma the result is a tuple without parentheses.
func (p *parser) parseTestList() starsyntax.Expr {
	first := p.parseStarredTest()
	if !p.isOp(",") {
		return first
	}
	list := []starsyntax.Expr{first}
	for p.acceptOp(",") && p.startsExpr() {
		list = append(list, p.parseStarredTest())
	}
	return &starsyntax.TupleExpr{List: list}
}

// parseTest parses a conditional expression or lambda.
func (p *parser) parseTest() starsyntax.Expr {
	p.enter()
	defer p.leave()
	if p.isKw("lambda") {
		return p.parseLambda()
	}
	x := p.parseOrTest()
	if !p.isKw("if") {
		return x
	}
	ifTok := p.next()
	cond := p.parseOrTest()
	elseTok := p.expectKw("else")
	return &starsyntax.CondExpr{If: p.pos(ifTok), Cond: cond, True: x, ElsePos: p.pos(elseTok), False: p.parseTest()}
}

func (p *parser) parseOrTest() starsyntax.Expr {
	x := p.parseAndTest()
	for p.isKw("or") {
		op := p.next()
		x = &starsyntax.BinaryExpr{X: x, OpPos: p.pos(op), Op: starsyntax.OR, Y: p.parseAndTest()}
	}
	return x
}

func (p *parser) parseAndTest() starsyntax.Expr {
	x := p.parseNotTest()
	for p.isKw("and") {
		op := p.next()
		x = &starsyntax.BinaryExpr{X: x, OpPos: p.pos(op), Op: starsyntax.AND, Y: p.parseNotTest()}
	}
	return x
}

func (p *parser) parseNotTest() starsyntax.Expr {
	if !p.isKw("not") {
		return p.parseComparison()
	}
	p.enter()
	defer p.leave()
	op := p.next()
	return &starsyntax.UnaryExpr{OpPos: p.pos(op), Op: starsyntax.NOT, X: p.parseNotTest()}
}

// binaryLevels lists Python's binary operators from loosest to tightest
// binding, below comparisons and above unary operators.
var binaryLevels = [][]string{
	{"|"},
	{"^"},
	{"&"},
	{"<<", ">>"},
	{"+", "-"},
	{"*", "@", "/", "//", "%"},
}

var binaryTokens = map[string]starsyntax.Token{
	"|": starsyntax.PIPE, "^": starsyntax.CIRCUMFLEX, "&": starsyntax.AMP,
	"<<": starsyntax.LTLT, ">>": starsyntax.GTGT, "+": starsyntax.PLUS,
	"-": starsyntax.MINUS, "*": starsyntax.STAR, "/": starsyntax.SLASH,
	"//": starsyntax.SLASHSLASH, "%": starsyntax.PERCENT,
}

func (p *parser) parseBitOr() starsyntax.Expr { return p.parseBinary(0) }

func (p *parser) parseBinary(level int) starsyntax.Expr {
	if level == len(binaryLevels) {
		return p.parseFactor()
	}
	x := p.parseBinary(level + 1)
	for {
		t := *p.tok()
		if t.kind != tOp || !contains(binaryLevels[level], t.text) {
			return x
		}
		p.next()
		y := p.parseBinary(level + 1)
		switch t.text {
		case "@":
			x = p.call("__matmul__", p.pos(t), x, y)
		case "%":
			x = p.call("__mod__", p.pos(t), x, y)
		default:
			op := binaryTokens[t.text]
			if (boolArithOps[op] || bitwiseOps[op]) && (mayBeBool(x) || mayBeBool(y)) {
				x = p.call("__binop__", p.pos(t), x, p.str(t.text, p.pos(t)), y)
				break
			}
			x = &starsyntax.BinaryExpr{X: x, OpPos: p.pos(t), Op: op, Y: y}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var unaryTokens = map[string]starsyntax.Token{"-": starsyntax.MINUS, "+": starsyntax.PLUS, "~": starsyntax.TILDE}

// parseFactor parses unary +, - and ~, which bind less tightly than **
// on their right: -2**2 is -(2**2).
func (p *parser) parseFactor() starsyntax.Expr {
	t := *p.tok()
	if op, ok := unaryTokens[t.text]; ok && t.kind == tOp {
		p.enter()
		defer p.leave()
		p.next()
		return &starsyntax.UnaryExpr{OpPos: p.pos(t), Op: op, X: p.boolOperand(op, p.parseFactor())}
	}
	return p.parsePower()
}

// parsePower parses a ** b, right-associative, as __pow__(a, b).
func (p *parser) parsePower() starsyntax.Expr {
	x := p.parsePrimary()
	if !p.isOp("**") {
		return x
	}
	p.enter()
	defer p.leave()
	op := p.next()
	return p.call("__pow__", p.pos(op), x, p.parseFactor())
}

// parsePrimary parses an atom followed by calls, subscripts and
// attribute selections.
func (p *parser) parsePrimary() starsyntax.Expr {
	x := p.parseAtom()
	for {
		switch {
		case p.isOp("("):
			x = p.parseCall(x)
		case p.isOp("["):
			x = p.parseSubscript(x)
		case p.isOp("."):
			dot := p.next()
			name := p.expectName()
			x = &starsyntax.DotExpr{X: x, Dot: p.pos(dot), NamePos: p.pos(name), Name: p.ident(name.text, p.pos(name))}
		default:
			return x
		}
	}
}

func (p *parser) parseAtom() starsyntax.Expr {
	t := *p.tok()
	switch t.kind {
	case tName:
		return p.parseNameAtom(t)
	case tInt:
		p.next()
		if v, ok := t.value.(*big.Int); ok {
			return &starsyntax.Literal{Token: starsyntax.INT, TokenPos: p.pos(t), Raw: t.text, Value: v}
		}
		return &starsyntax.Literal{Token: starsyntax.INT, TokenPos: p.pos(t), Raw: t.text, Value: t.value.(int64)}
	case tFloat:
		p.next()
		return &starsyntax.Literal{Token: starsyntax.FLOAT, TokenPos: p.pos(t), Raw: t.text, Value: t.value.(float64)}
	case tString:
		return p.parseStrings()
	case tOp:
		switch t.text {
		case "(":
			return p.parseParenthesized()
		case "[":
			return p.parseList()
		case "{":
			return p.parseDictOrSet()
		case "...":
			p.next()
			return p.ident("Ellipsis", p.pos(t))
		case "*":
			p.fail(t, "starred expressions are not supported here")
		}
	}
	p.unexpected("expected an expression")
	return nil
}

func (p *parser) parseNameAtom(t token) starsyntax.Expr {
	switch t.text {
	case "True", "False", "None":
		p.next()
		return p.ident(t.text, p.pos(t))
	case "yield":
		p.fail(t, "yield as a value is not supported yet; use a yield statement")
	}
	if keywords[t.text] {
		p.unexpected("expected an expression")
	}
	p.next()
	return p.ident(t.text, p.pos(t))
}

// parseParenthesized parses (), (x), (x,), (x, y) and the generator
// expression (x for ...), which becomes a lazy __genexp__ call (see
// generatorExpression).
func (p *parser) parseParenthesized() starsyntax.Expr {
	lparen := p.next()
	if p.isOp(")") {
		rparen := p.next()
		return &starsyntax.TupleExpr{Lparen: p.pos(lparen), Rparen: p.pos(rparen)}
	}
	first := p.parseStarredTest()
	if p.isKw("for") {
		return p.generatorExpression(p.pos(lparen), p.parseComprehension(lparen, first, ")").(*starsyntax.Comprehension))
	}
	if !p.isOp(",") {
		rparen := p.expectOp(")")
		return &starsyntax.ParenExpr{Lparen: p.pos(lparen), X: first, Rparen: p.pos(rparen)}
	}
	list := []starsyntax.Expr{first}
	for p.acceptOp(",") && !p.isOp(")") {
		list = append(list, p.parseStarredTest())
	}
	rparen := p.expectOp(")")
	return &starsyntax.TupleExpr{Lparen: p.pos(lparen), List: list, Rparen: p.pos(rparen)}
}

func (p *parser) parseList() starsyntax.Expr {
	lbrack := p.next()
	if p.isOp("]") {
		rbrack := p.next()
		return &starsyntax.ListExpr{Lbrack: p.pos(lbrack), Rbrack: p.pos(rbrack)}
	}
	first := p.parseStarredTest()
	if p.isKw("for") {
		return p.parseComprehension(lbrack, first, "]")
	}
	list := []starsyntax.Expr{first}
	for p.acceptOp(",") && !p.isOp("]") {
		list = append(list, p.parseStarredTest())
	}
	rbrack := p.expectOp("]")
	return &starsyntax.ListExpr{Lbrack: p.pos(lbrack), List: list, Rbrack: p.pos(rbrack)}
}

// parseDictOrSet parses a dict or set display or comprehension. A set
// display {a, *b} becomes __set__([a, *b]), a set comprehension
// __set__([x for ...]), and a dict display with "**" items
// __dict_display__(d1, {"k": v}, d2, ...), which merges them in order.
func (p *parser) parseDictOrSet() starsyntax.Expr {
	lbrace := p.next()
	if p.isOp("}") {
		rbrace := p.next()
		return &starsyntax.DictExpr{Lbrace: p.pos(lbrace), Rbrace: p.pos(rbrace)}
	}
	if !p.isOp("**") {
		first := p.parseStarredTest()
		if !p.isOp(":") {
			return p.parseSetRest(lbrace, first)
		}
		return p.parseDictRest(lbrace, first)
	}
	return p.parseDictRest(lbrace, nil)
}

// parseDictRest parses a dict display or comprehension whose first key,
// when not nil, is already parsed.
func (p *parser) parseDictRest(lbrace token, firstKey starsyntax.Expr) starsyntax.Expr {
	pos := p.pos(lbrace)
	dict := &starsyntax.DictExpr{Lbrace: pos}
	var parts []starsyntax.Expr
	key := firstKey
	for {
		if key == nil && p.isOp("**") {
			p.next()
			if len(dict.List) > 0 {
				parts = append(parts, dict)
				dict = &starsyntax.DictExpr{Lbrace: pos, Rbrace: pos}
			}
			parts = append(parts, p.parseBitOr())
		} else {
			if key == nil {
				key = p.parseTest()
			}
			if isUnary(key, starsyntax.STAR) {
				p.failAt(starsyntax.Start(key), "a starred expression cannot be a dict key")
			}
			colon := p.expectOp(":")
			entry := &starsyntax.DictEntry{Key: key, Colon: p.pos(colon), Value: p.parseTest()}
			if len(dict.List) == 0 && len(parts) == 0 && p.isKw("for") {
				return p.parseComprehension(lbrace, entry, "}")
			}
			dict.List = append(dict.List, entry)
		}
		key = nil
		if !p.acceptOp(",") || p.isOp("}") {
			break
		}
	}
	rbrace := p.pos(p.expectOp("}"))
	dict.Rbrace = rbrace
	if len(parts) == 0 {
		return p.dictDisplay(dict)
	}
	if len(dict.List) > 0 {
		parts = append(parts, p.dictDisplay(dict))
	}
	return p.call("__dict_display__", pos, parts...)
}

// dictDisplay returns dict unchanged when its keys are distinct string
// literals, and __dict_pairs__(k1, v1, k2, v2, ...) otherwise. Python
// lets a later equal key replace the value of an earlier one, where
// Starlark raises, and treats True, 1 and 1.0 as one key.
func (p *parser) dictDisplay(dict *starsyntax.DictExpr) starsyntax.Expr {
	if len(dict.List) < 2 {
		return dict
	}
	seen := map[string]bool{}
	native := true
	for _, e := range dict.List {
		lit, ok := e.(*starsyntax.DictEntry).Key.(*starsyntax.Literal)
		if !ok || lit.Token != starsyntax.STRING || seen[lit.Raw] {
			native = false
			break
		}
		seen[lit.Raw] = true
	}
	if native {
		return dict
	}
	var args []starsyntax.Expr
	for _, e := range dict.List {
		entry := e.(*starsyntax.DictEntry)
		args = append(args, entry.Key, entry.Value)
	}
	return p.call("__dict_pairs__", dict.Lbrace, args...)
}

// parseSetRest parses a set display or comprehension after its first
// element.
func (p *parser) parseSetRest(lbrace token, first starsyntax.Expr) starsyntax.Expr {
	pos := p.pos(lbrace)
	if p.isKw("for") {
		comp := p.parseComprehension(lbrace, first, "}").(*starsyntax.Comprehension)
		comp.Curly = false
		return p.call("__set__", pos, comp)
	}
	list := &starsyntax.ListExpr{Lbrack: pos, List: []starsyntax.Expr{first}}
	for p.acceptOp(",") && !p.isOp("}") {
		list.List = append(list.List, p.parseStarredTest())
	}
	list.Rbrack = p.pos(p.expectOp("}"))
	if len(list.List) > 2 && allConstant(list.List) {
		// CPython compiles such a display into a set updated from a
		// frozenset constant, which can order it differently.
		return p.call("__set__", pos, list, p.ident("True", pos))
	}
	return p.call("__set__", pos, list)
}

// allConstant reports whether CPython's compiler folds every expression
// into a constant: literals, None, True, False, signed numbers and
// tuples of these.
// NOTE: CPython also folds arithmetic on constants, such as 2**3, which
// counts as not constant here.
func allConstant(exprs []starsyntax.Expr) bool {
	for _, e := range exprs {
		if !isConstant(e) {
			return false
		}
	}
	return true
}

func isConstant(e starsyntax.Expr) bool {
	switch x := e.(type) {
	case *starsyntax.Literal:
		return true
	case *starsyntax.Ident:
		return x.Name == "None" || x.Name == "True" || x.Name == "False"
	case *starsyntax.UnaryExpr:
		return (x.Op == starsyntax.MINUS || x.Op == starsyntax.PLUS) && isConstant(x.X)
	case *starsyntax.ParenExpr:
		return isConstant(x.X)
	case *starsyntax.TupleExpr:
		return allConstant(x.List)
	}
	return false
}

// parseComprehension parses the for and if clauses after body up to the
// closing bracket.
func (p *parser) parseComprehension(open token, body starsyntax.Expr, closing string) starsyntax.Expr {
	var clauses []starsyntax.Node
	for {
		switch {
		case p.isKw("for"):
			forTok := p.next()
			vars := p.target(p.parseTargetList(), true)
			in := p.expectKw("in")
			clauses = append(clauses, &starsyntax.ForClause{For: p.pos(forTok), Vars: vars, In: p.pos(in), X: p.parseOrTest()})
			continue
		case p.isKw("if"):
			ifTok := p.next()
			clauses = append(clauses, &starsyntax.IfClause{If: p.pos(ifTok), Cond: p.parseOrTest()})
			continue
		}
		break
	}
	closeTok := p.expectOp(closing)
	return &starsyntax.Comprehension{
		Curly:   closing == "}",
		Lbrack:  p.pos(open),
		Body:    body,
		Clauses: clauses,
		Rbrack:  p.pos(closeTok),
	}
}

// pythonOnlyMethods are the methods of Python's list, dict, str, int and
// float that go.starlark.net's values lack or give another meaning:
// keys, values and items return views in Python 3, and str.join takes
// any iterable, tuples have no methods there, and set operations take
// one argument only. dict.popitem removes the last item in Python. The methods in
// valueOnlyMethods are also listed.
var pythonOnlyMethods = map[string]bool{
	"sort": true, "reverse": true, "copy": true, "count": true,
	"keys": true, "values": true, "items": true, "join": true,
	"index": true, "isdisjoint": true, "update": true,
	"find": true, "rfind": true, "rindex": true,
	"intersection_update": true, "difference_update": true,
	"symmetric_difference_update": true, "union": true, "intersection": true,
	"difference": true, "symmetric_difference": true, "remove": true,
	"popitem": true, "pop": true,
}

// valueOnlyMethods are the str, bytes, int and float methods that
// go.starlark.net lacks entirely. Reading any routed method without
// calling it, as in f = s.center, becomes __attr__(s, "center"), which
// binds the method.
var valueOnlyMethods = map[string]bool{
	"center": true, "ljust": true, "rjust": true, "zfill": true,
	"expandtabs": true, "swapcase": true, "casefold": true,
	"isidentifier": true, "isdecimal": true, "isnumeric": true,
	"isascii": true, "isprintable": true, "format_map": true,
	"translate": true, "maketrans": true, "encode": true, "decode": true,
	"bit_length": true, "bit_count": true, "is_integer": true,
}

func init() {
	for name := range valueOnlyMethods {
		pythonOnlyMethods[name] = true
	}
}

// RoutesMethod reports whether a call x.name(...) becomes
// __method_call__(x, "name", ...), so the runtime can check that it
// implements every routed method.
func RoutesMethod(name string) bool { return pythonOnlyMethods[name] }

// parseCall parses the argument list of a call. A zero-argument super()
// inside a method becomes super(C, self).

func (p *parser) parseCall(fn starsyntax.Expr) starsyntax.Expr {
	lparen := p.next()
	var args []starsyntax.Expr
	for !p.isOp(")") {
		args = append(args, p.parseArgument())
		if p.isKw("for") {
			if len(args) != 1 {
				p.fail(*p.tok(), "a generator expression must be parenthesized unless it is the sole argument")
			}
			return p.finishGeneratorCall(fn, lparen, args[0])
		}
		if !p.acceptOp(",") {
			break
		}
	}
	rparen := p.expectOp(")")
	p.checkArgumentOrder(args)
	if id, ok := fn.(*starsyntax.Ident); ok && id.Name == "super" && len(args) == 0 {
		args = p.superArgs(id.NamePos)
	}
	if dot, ok := fn.(*starsyntax.DotExpr); ok && dot.Name.Name == "format" {
		// x.format(...) becomes __format_call__(x, ...), which applies
		// Python's str.format when x is a str.
		fn = p.ident("__format_call__", dot.NamePos)
		args = append([]starsyntax.Expr{dot.X}, args...)
	} else if dot, ok := fn.(*starsyntax.DotExpr); ok && pythonOnlyMethods[dot.Name.Name] {
		// x.sort(...) becomes __method_call__(x, "sort", ...), which
		// supplies the list and dict methods Starlark lacks.
		name := &starsyntax.Literal{Token: starsyntax.STRING, TokenPos: dot.NamePos, Raw: `"` + dot.Name.Name + `"`, Value: dot.Name.Name}
		fn = p.ident("__method_call__", dot.NamePos)
		args = append([]starsyntax.Expr{dot.X, name}, args...)
	} else if dot, ok := fn.(*starsyntax.DotExpr); ok && keyedMethods[dot.Name.Name] && isRereadable(dot.X) && len(args) > 0 && isPlainArgument(args[0]) {
		// d.get(k) becomes d.get(__index__(d, k)), which finds the key
		// of d equal to k in Python, so d.get(True) finds the key 1.
		args[0] = p.call("__index__", starsyntax.Start(args[0]), dot.X, args[0])
	}
	p.recordCallKeywords(p.pos(lparen), args)
	args = p.normalizeArgs(args)
	return &starsyntax.CallExpr{Fn: fn, Lparen: p.pos(lparen), Args: args, Rparen: p.pos(rparen)}
}

// keyedMethods are the dict methods whose first argument is a key.
var keyedMethods = map[string]bool{"get": true, "pop": true, "setdefault": true}

// isPlainArgument reports whether a is a positional argument that is
// neither starred nor a string literal.
func isPlainArgument(a starsyntax.Expr) bool {
	switch a := a.(type) {
	case *starsyntax.BinaryExpr:
		return a.Op != starsyntax.EQ
	case *starsyntax.UnaryExpr:
		return a.Op != starsyntax.STAR && a.Op != starsyntax.STARSTAR
	}
	return !isStringLiteral(a)
}

// finishGeneratorCall parses f(x for x in y), passing the generator
// expression as a lazy __genexp__ call.
func (p *parser) finishGeneratorCall(fn starsyntax.Expr, lparen token, body starsyntax.Expr) starsyntax.Expr {
	switch body := body.(type) {
	case *starsyntax.UnaryExpr:
		if body.Op == starsyntax.STAR || body.Op == starsyntax.STARSTAR {
			p.failAt(body.OpPos, "a starred argument cannot be the body of a generator expression")
		}
	case *starsyntax.BinaryExpr:
		if body.Op == starsyntax.EQ {
			p.failAt(body.OpPos, "a keyword argument cannot be the body of a generator expression")
		}
	}
	comp := p.parseComprehension(lparen, body, ")")
	end := comp.(*starsyntax.Comprehension).Rbrack
	genexp := p.generatorExpression(p.pos(lparen), comp.(*starsyntax.Comprehension))
	return &starsyntax.CallExpr{Fn: fn, Lparen: p.pos(lparen), Args: []starsyntax.Expr{genexp}, Rparen: end}
}

// checkArgumentOrder raises CPython's SyntaxError for a positional
// argument after a keyword argument or after **mapping, and for
// *iterable after **mapping.
func (p *parser) checkArgumentOrder(args []starsyntax.Expr) {
	keyword := false
	var mapping starsyntax.Expr // the first **mapping argument
	for _, arg := range args {
		switch arg := arg.(type) {
		case *starsyntax.BinaryExpr:
			if arg.Op == starsyntax.EQ {
				keyword = true
				continue
			}
		case *starsyntax.UnaryExpr:
			switch arg.Op {
			case starsyntax.STARSTAR:
				if mapping == nil {
					mapping = arg
				}
				continue
			case starsyntax.STAR:
				if mapping != nil {
					// CPython's caret marks the **mapping argument.
					p.failAt(starsyntax.Start(mapping), "iterable argument unpacking follows keyword argument unpacking")
				}
				continue
			}
		}
		// CPython's caret marks the end of the positional argument.
		_, end := arg.Span()
		switch {
		case mapping != nil:
			p.failAt(end, "positional argument follows keyword argument unpacking")
		case keyword:
			p.failAt(end, "positional argument follows keyword argument")
		}
	}
}

func (p *parser) parseArgument() starsyntax.Expr {
	t := *p.tok()
	if t.kind == tOp && (t.text == "*" || t.text == "**") {
		p.next()
		op := starsyntax.STAR
		if t.text == "**" {
			op = starsyntax.STARSTAR
		}
		return &starsyntax.UnaryExpr{OpPos: p.pos(t), Op: op, X: p.parseTest()}
	}
	x := p.parseTest()
	if !p.isOp("=") {
		return x
	}
	eq := p.next()
	if id, ok := x.(*starsyntax.Ident); !ok || t.kind != tName || keywords[id.Name] {
		p.failAt(starsyntax.Start(x), "expression cannot contain assignment; perhaps you meant \"==\"?")
	}
	return &starsyntax.BinaryExpr{X: x, OpPos: p.pos(eq), Op: starsyntax.EQ, Y: p.parseTest()}
}

// subscriptItem is one comma-separated element of a subscript.
type subscriptItem struct {
	expr         starsyntax.Expr // when not a slice
	isSlice      bool
	lo, hi, step starsyntax.Expr
	pos          starsyntax.Position
}

// parseSubscript parses x[...]. A lone index or slice stays an IndexExpr
// or SliceExpr; several comma-separated items become an index tuple in
// which each slice is slice(lo, hi, step).
func (p *parser) parseSubscript(x starsyntax.Expr) starsyntax.Expr {
	lbrack := p.next()
	var items []subscriptItem
	trailingComma := false
	for {
		items = append(items, p.parseSubscriptItem())
		trailingComma = p.acceptOp(",")
		if !trailingComma || p.isOp("]") {
			break
		}
	}
	rbrack := p.expectOp("]")
	lpos, rpos := p.pos(lbrack), p.pos(rbrack)
	if len(items) == 1 && !trailingComma {
		it := items[0]
		if it.isSlice {
			return p.getSlice(x, it, lpos, rpos)
		}
		return p.getItem(x, it.expr, lpos, rpos)
	}
	index := &starsyntax.TupleExpr{Lparen: lpos, Rparen: rpos}
	for _, it := range items {
		if it.isSlice {
			index.List = append(index.List, p.sliceCall(it.pos, it.lo, it.hi, it.step))
		} else {
			index.List = append(index.List, it.expr)
		}
	}
	return &starsyntax.IndexExpr{X: x, Lbrack: lpos, Y: index, Rbrack: rpos}
}

// subscriptBrackets are the positions of the brackets of x[i] and, for
// a slice x[a:b:c], the index slice(a, b, c) that a store or del uses.
type subscriptBrackets struct {
	lbrack, rbrack starsyntax.Position
	slice          starsyntax.Expr
}

// getItem returns the load of x[i] as __getitem__(x, i). The call
// evaluates x once and counts the characters of a str rather than its
// bytes. It converts i as CPython's __index__ would, so a NumPy integer
// scalar or a bool indexes a list, tuple or str as an int, as in
// classes[np.argmax(p)].
func (p *parser) getItem(x, i starsyntax.Expr, lbrack, rbrack starsyntax.Position) starsyntax.Expr {
	call := p.call("__getitem__", lbrack, x, i)
	if p.getItems == nil {
		p.getItems = map[*starsyntax.CallExpr]subscriptBrackets{}
	}
	p.getItems[call] = subscriptBrackets{lbrack: lbrack, rbrack: rbrack}
	return call
}

// getSlice returns the load of x[lo:hi:step] as __getslice__(x, lo, hi,
// step), with None for a missing bound. Like __getitem__, it counts the
// characters of a str rather than its bytes, and it converts NumPy
// integer bounds to ints.
func (p *parser) getSlice(x starsyntax.Expr, it subscriptItem, lbrack, rbrack starsyntax.Position) starsyntax.Expr {
	orNone := func(e starsyntax.Expr) starsyntax.Expr {
		if e == nil {
			return p.none(lbrack)
		}
		return e
	}
	call := p.call("__getslice__", lbrack, x, orNone(it.lo), orNone(it.hi), orNone(it.step))
	if p.getItems == nil {
		p.getItems = map[*starsyntax.CallExpr]subscriptBrackets{}
	}
	p.getItems[call] = subscriptBrackets{lbrack, rbrack, p.sliceCall(lbrack, p.sliceBound(it.lo), p.sliceBound(it.hi), p.sliceBound(it.step))}
	return call
}

// subscriptOf returns the container, index and brackets of e when e is
// a __getitem__ or __getslice__ call that getItem or getSlice made.
func (p *parser) subscriptOf(e starsyntax.Expr) (x, i starsyntax.Expr, at subscriptBrackets, ok bool) {
	call, isCall := e.(*starsyntax.CallExpr)
	if !isCall {
		return nil, nil, at, false
	}
	at, ok = p.getItems[call]
	if !ok {
		return nil, nil, at, false
	}
	if at.slice != nil {
		return call.Args[0], at.slice, at, true
	}
	return call.Args[0], call.Args[1], at, true
}

// storeIndex wraps the index i of a store or del x[i] in __index__,
// which converts a NumPy integer scalar to an int. The two-argument
// form __index__(x, i) also turns a bool into an int for a list, tuple
// or str and keeps dict keys as they are. It reads x a second time, so
// it is used only when x is a name or attribute chain. Otherwise the
// one-argument form __index__(i) converts NumPy integers whatever x is.
// A number literal index goes through __index__(x, i) too, because a
// dict may hold an equal key of another type (True for 1).
func (p *parser) storeIndex(x, i starsyntax.Expr, at subscriptBrackets) starsyntax.Expr {
	if at.slice != nil || (isConstIndex(i) && !(isRereadable(x) && isNumberLiteral(i))) {
		return i
	}
	if isRereadable(x) {
		return p.call("__index__", starsyntax.Start(i), x, i)
	}
	return p.call("__index__", starsyntax.Start(i), i)
}

// isRereadable reports whether x is a name chain or a subscript of a
// rereadable expression by a name, a constant or an __index__ call on
// these, so the front end may evaluate it twice.
func isRereadable(x starsyntax.Expr) bool {
	if isNameChain(x) {
		return true
	}
	index, ok := x.(*starsyntax.IndexExpr)
	return ok && isRereadable(index.X) && isPlainIndex(index.Y)
}

// isPlainIndex reports whether y is a name, a constant or a call
// __index__(x, i) with a rereadable x and a plain i.
func isPlainIndex(y starsyntax.Expr) bool {
	switch y := y.(type) {
	case *starsyntax.Ident:
		return true
	case *starsyntax.CallExpr:
		fn, ok := y.Fn.(*starsyntax.Ident)
		return ok && fn.Name == "__index__" && len(y.Args) == 2 &&
			isRereadable(y.Args[0]) && isPlainIndex(y.Args[1])
	}
	return isConstIndex(y)
}

// sliceBound wraps a slice bound or step e of a store or del
// x[lo:hi:step] in __index__(e), so that NumPy integers slice lists.
func (p *parser) sliceBound(e starsyntax.Expr) starsyntax.Expr {
	if e == nil || isConstIndex(e) {
		return e
	}
	return p.call("__index__", starsyntax.Start(e), e)
}

// isConstIndex reports whether e is a literal, a negated literal, None or
// Ellipsis, which need no conversion. True and False index lists as 1 and
// 0, so they are wrapped.
func isNumberLiteral(e starsyntax.Expr) bool {
	if u, ok := e.(*starsyntax.UnaryExpr); ok {
		e = u.X
	}
	lit, ok := e.(*starsyntax.Literal)
	return ok && (lit.Token == starsyntax.INT || lit.Token == starsyntax.FLOAT)
}

func isConstIndex(e starsyntax.Expr) bool {
	switch e := e.(type) {
	case *starsyntax.Literal:
		return true
	case *starsyntax.UnaryExpr:
		_, ok := e.X.(*starsyntax.Literal)
		return ok
	case *starsyntax.Ident:
		return e.Name == "None" || e.Name == "Ellipsis"
	}
	return false
}

// isNameChain reports whether x is a name or a chain of attribute reads
// on one, which evaluates again without side effects.
func isNameChain(x starsyntax.Expr) bool {
	for {
		switch e := x.(type) {
		case *starsyntax.Ident:
			return true
		case *starsyntax.DotExpr:
			x = e.X
		default:
			return false
		}
	}
}

func (p *parser) parseSubscriptItem() subscriptItem {
	it := subscriptItem{pos: p.pos(*p.tok())}
	if !p.isOp(":") {
		it.expr = p.parseTest()
		if !p.isOp(":") {
			return it
		}
	}
	it.isSlice = true
	it.lo = it.expr
	it.expr = nil
	p.next()
	if !p.isOp(":") && !p.isOp(",") && !p.isOp("]") {
		it.hi = p.parseTest()
	}
	if p.acceptOp(":") && !p.isOp(",") && !p.isOp("]") {
		it.step = p.parseTest()
	}
	return it
}

// generatorExpression turns the comprehension of (body for x in it if c)
// into a lazy generator:
//
//	__genexp__(it, lambda <genexp N>: [None for x in <genexp N> if c if __yield__(body)])
//
// As in Python, the first iterable is evaluated at once and the rest
// only as values are requested: the runtime runs the lambda as a
// generator body, and each __yield__ hands one value to the consumer.
// __yield__ returns None, so the list stays empty.
func (p *parser) generatorExpression(pos starsyntax.Position, comp *starsyntax.Comprehension) starsyntax.Expr {
	first := comp.Clauses[0].(*starsyntax.ForClause)
	iterable := first.X
	param := p.hiddenName("genexp")
	first.X = p.ident(param, first.In)
	yield := p.call("__yield__", starsyntax.Start(comp.Body), comp.Body)
	comp.Clauses = append(comp.Clauses, &starsyntax.IfClause{If: starsyntax.Start(comp.Body), Cond: yield})
	comp.Body = p.none(starsyntax.Start(comp.Body))
	body := &starsyntax.LambdaExpr{Lambda: pos, Params: []starsyntax.Expr{p.ident(param, pos)}, Body: comp}
	return p.call("__genexp__", pos, iterable, body)
}
