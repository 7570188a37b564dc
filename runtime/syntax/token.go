package syntax

// tokenKind classifies a lexical token. Keywords and identifiers share
// tName, and every operator and bracket shares tOp; the parser looks at
// the token text to tell them apart.
type tokenKind int8

const (
	tEOF tokenKind = iota
	tNewline
	tIndent
	tDedent
	tName
	tInt
	tFloat
	tString
	tOp
)

// token is one lexical token of Python source.
type token struct {
	kind  tokenKind
	text  string // name or operator text; the raw source text for literals
	line  int32  // 1-based line of the first character
	col   int32  // 1-based rune column of the first character
	start int    // byte offset of the first character in the lexer's input
	end   int    // byte offset just past the last character
	value any    // int64, *big.Int or float64 for numbers; *stringToken for strings
}

// stringToken is the decoded form of one string literal.
type stringToken struct {
	bytes  bool // b"..." literal
	raw    bool // r"..." literal
	format bool // f"..." literal
	value  string

	// For f-strings the body is decoded later, field by field, so the
	// lexer keeps the text between the quotes and where it starts.
	body      string
	bodyLine  int32
	bodyCol   int32
	bodyStart int
}

// keywords lists the reserved words of Python 3. True, False and None
// are keywords too, but the parser turns them into identifiers because
// Starlark predeclares them.
var keywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true,
	"assert": true, "async": true, "await": true, "break": true,
	"class": true, "continue": true, "def": true, "del": true,
	"elif": true, "else": true, "except": true, "finally": true,
	"for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true,
	"nonlocal": true, "not": true, "or": true, "pass": true,
	"raise": true, "return": true, "try": true, "while": true,
	"with": true, "yield": true,
}

// operators lists every operator and delimiter, longest first within
// each length so the lexer can match greedily.
var operators = [...][]string{
	3: {"**=", "//=", ">>=", "<<=", "..."},
	2: {"**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", ":=",
		"+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="},
	1: {"+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">",
		"(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "="},
}

var closingBracket = map[string]string{"(": ")", "[": "]", "{": "}"}
