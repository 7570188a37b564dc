package syntax

import (
	starsyntax "go.starlark.net/syntax"
)

// Pos is a 1-based line and column in a source file.
type Pos struct {
	Line, Col int32
}

// Signature describes the parameters of a def or lambda, which CPython's
// call-argument errors name and count.
type Signature struct {
	// Name is the function's name as go.starlark.net reports it:
	// the def's name, or "lambda".
	Name string
	// Qualname is CPython's __qualname__: "Box.__init__" for a method,
	// "outer.<locals>.inner" for a nested def, "<lambda>" for a lambda.
	Qualname string
	// Start is the position of the "def" or "lambda" keyword and End
	// that of the function's last token.
	Start, End Pos
	// Positional lists the parameters that accept positional
	// arguments, in order. The last Defaults of them have defaults.
	Positional []string
	Defaults   int
	// KeywordOnly lists the parameters after "*" or "*args".
	KeywordOnly []string
	Varargs     bool // has *args
	Kwargs      bool // has **kwargs
}

// FileInfo is what the parser records about a file besides its syntax
// tree, for the runtime's error messages.
type FileInfo struct {
	// Signatures lists the signature of every def and lambda in the
	// file.
	Signatures []Signature
	// CallKeywords maps the position of the "(" of each call that
	// passes keyword arguments to their names, in order.
	CallKeywords map[Pos][]string
}

// ParseWithInfo parses a file as Parse does and also returns the
// signatures of its functions and the keyword names of its calls.
func ParseWithInfo(filename string, src []byte) (*starsyntax.File, *FileInfo, error) {
	info := &FileInfo{CallKeywords: map[Pos][]string{}}
	f, err := parseFile(filename, src, info)
	if err != nil {
		return nil, nil, err
	}
	return f, info, nil
}

// Merge adds the entries of other to info.
func (info *FileInfo) Merge(other *FileInfo) {
	info.Signatures = append(info.Signatures, other.Signatures...)
	for pos, names := range other.CallKeywords {
		info.CallKeywords[pos] = names
	}
}

// Enclosing returns the signature of the innermost function named name
// (go.starlark.net's name for it) whose source contains at. A frame
// that has not run its first instruction reports either the position of
// its "def" or "lambda" keyword or that of its first instruction, so
// the function is found by span and name.
func (info *FileInfo) Enclosing(name string, at Pos) (Signature, bool) {
	var best Signature
	found := false
	for _, sig := range info.Signatures {
		if sig.Name != name || at.less(sig.Start) || sig.End.less(at) {
			continue
		}
		if !found || best.Start.less(sig.Start) {
			best, found = sig, true
		}
	}
	return best, found
}

func (a Pos) less(b Pos) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
}

// qualify returns the __qualname__ of a def, class or lambda named name
// in the current scope.
func (p *parser) qualify(name string) string {
	s := p.scope
	switch s.kind {
	case moduleScope:
		return name
	case classScope:
		return s.qualname + "." + name
	}
	return s.qualname + ".<locals>." + name
}

// recordSignature stores the signature of the function named name
// (go.starlark.net's name) whose "def" or "lambda" keyword is at start
// and whose last token is the one just consumed.
func (p *parser) recordSignature(start starsyntax.Position, name, qualname string, params []starsyntax.Expr) {
	if p.info == nil {
		return
	}
	last := p.toks[max(p.i-1, 0)]
	sig := Signature{
		Name:     name,
		Qualname: qualname,
		Start:    Pos{start.Line, start.Col},
		End:      Pos{last.line, last.col},
	}
	keywordOnly := false
	for _, param := range params {
		switch param := param.(type) {
		case *starsyntax.Ident:
			sig.addParam(param.Name, keywordOnly, false)
		case *starsyntax.BinaryExpr:
			sig.addParam(param.X.(*starsyntax.Ident).Name, keywordOnly, true)
		case *starsyntax.UnaryExpr:
			if param.Op == starsyntax.STARSTAR {
				sig.Kwargs = true
				continue
			}
			keywordOnly = true
			sig.Varargs = param.X != nil
		}
	}
	p.info.Signatures = append(p.info.Signatures, sig)
}

func (s *Signature) addParam(name string, keywordOnly, hasDefault bool) {
	if keywordOnly {
		s.KeywordOnly = append(s.KeywordOnly, name)
		return
	}
	s.Positional = append(s.Positional, name)
	if hasDefault {
		s.Defaults++
	}
}

// recordCallKeywords stores the keyword names of the call whose "(" is
// at lparen, when it passes any. A call with "**mapping" is left out,
// because its keywords are known only when it runs.
func (p *parser) recordCallKeywords(lparen starsyntax.Position, args []starsyntax.Expr) {
	if p.info == nil {
		return
	}
	var names []string
	for _, arg := range args {
		if isUnary(arg, starsyntax.STARSTAR) {
			return
		}
		if kw, ok := arg.(*starsyntax.BinaryExpr); ok && kw.Op == starsyntax.EQ {
			if id, ok := kw.X.(*starsyntax.Ident); ok {
				names = append(names, id.Name)
			}
		}
	}
	if names != nil {
		p.info.CallKeywords[Pos{lparen.Line, lparen.Col}] = names
	}
}
