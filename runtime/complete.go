package runtime

import (
	"regexp"
	"sort"
	"strings"

	"github.com/cellscript/cellscript/builtins/nn"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// Completion is the result of Complete: each candidate may replace
// line[Start:pos], the word before the cursor.
type Completion struct {
	Start      int
	Candidates []string
}

// pythonKeywords are the keywords of Python 3.11, offered when a bare
// name is completed.
var pythonKeywords = []string{
	"False", "None", "True", "and", "as", "assert", "async", "await",
	"break", "class", "continue", "def", "del", "elif", "else", "except",
	"finally", "for", "from", "global", "if", "import", "in", "is",
	"lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
	"while", "with", "yield",
}

var (
	importLine     = regexp.MustCompile(`^\s*import\s+(?:[\w.]+\s*(?:as\s+\w+\s*)?,\s*)*$`)
	fromModuleLine = regexp.MustCompile(`^\s*from\s+$`)
	fromImportLine = regexp.MustCompile(`^\s*from\s+([\w.]+)\s+import\s+(?:\(?\s*)?(?:\w+\s*(?:as\s+\w+\s*)?,\s*)*$`)
)

// Complete returns the completions of the word that ends at byte offset
// pos of line, a REPL input line evaluated in globals:
//
//   - after "x.y.": the attributes of x.y (module members, Tensor
//     methods, a Cell's attributes, methods and sub-cells);
//   - inside a call "f(a, pre": the keyword arguments of f that start
//     with pre, as "name=", then the names in scope;
//   - a bare name: globals, builtins and keywords;
//   - after "import " and "from m import ": module names and members.
//
// Names that start with an underscore are offered only when the word
// does. Complete runs no script code: it follows names and attributes
// but not properties or __getattr__ of script classes, so it never
// changes the session. Candidates are sorted, keyword arguments first.
func (rt *Runtime) Complete(globals starlark.StringDict, line string, pos int) (c Completion) {
	if pos < 0 || pos > len(line) {
		pos = len(line)
	}
	text := line[:pos]
	start := wordStart(text)
	c.Start = start
	defer func() {
		// A value's Attr or AttrNames may panic on a state the script
		// never reached, and completion then offers nothing.
		if recover() != nil {
			c.Candidates = nil
		}
	}()

	if inString(text) {
		return c
	}
	word := text[start:]
	before := text[:start]
	if names, ok := rt.importCandidates(before); ok {
		c.Candidates = filterNames(names, word)
		return c
	}
	// NOTE: only dotted names are followed; x[0]. and f(). offer
	// nothing, because evaluating them could run script code.
	if strings.HasSuffix(before, ".") {
		exprStart := dottedStart(before[:len(before)-1])
		v, ok := rt.resolveDotted(globals, before[exprStart:len(before)-1])
		if ok {
			c.Candidates = filterNames(attrNames(v), word)
		}
		return c
	}

	keywords := rt.keywordCandidates(globals, before, word)
	var names []string
	if word != "" {
		names = filterNames(rt.scopeNames(globals), word)
	}
	c.Candidates = append(keywords, names...)
	return c
}

func isIdentByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

func isIdentifier(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIdentByte(s[i]) {
			return false
		}
	}
	return true
}

// wordStart returns the offset where the identifier that ends text
// starts.
func wordStart(text string) int {
	i := len(text)
	for i > 0 && isIdentByte(text[i-1]) {
		i--
	}
	return i
}

// dottedStart returns the offset where the dotted name (a.b.c) that
// ends text starts.
func dottedStart(text string) int {
	i := len(text)
	for i > 0 && (isIdentByte(text[i-1]) || text[i-1] == '.') {
		i--
	}
	return i
}

// inString reports whether text ends inside a string literal, where
// completion offers nothing.
func inString(text string) bool {
	_, quote := scanBrackets(text)
	return quote != 0
}

// scanBrackets returns the offsets of the brackets still open at the end
// of text and the quote character of an unterminated string (0 when
// none). Comments and triple quotes are not handled: a line holds one
// statement in the cases completion serves.
func scanBrackets(text string) (open []int, quote byte) {
	for i := 0; i < len(text); i++ {
		ch := text[i]
		switch {
		case quote != 0:
			if ch == '\\' {
				i++
			} else if ch == quote {
				quote = 0
			}
		case ch == '\'' || ch == '"':
			quote = ch
		case ch == '(' || ch == '[' || ch == '{':
			open = append(open, i)
		case ch == ')' || ch == ']' || ch == '}':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	return open, quote
}

// filterNames returns the sorted, distinct names that start with
// prefix, leaving out private names unless prefix starts with "_".
func filterNames(names []string, prefix string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if seen[n] || !strings.HasPrefix(n, prefix) || !isIdentifier(n) {
			continue
		}
		if strings.HasPrefix(n, "_") && !strings.HasPrefix(prefix, "_") {
			continue
		}
		seen[n] = true
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// scopeNames lists the names a REPL input can use: globals, the
// runtime's predeclared names, Starlark's universe and the keywords.
func (rt *Runtime) scopeNames(globals starlark.StringDict) []string {
	names := append([]string(nil), pythonKeywords...)
	for k := range globals {
		names = append(names, k)
	}
	for k := range rt.predeclared() {
		names = append(names, k)
	}
	for k := range starlark.Universe {
		names = append(names, k)
	}
	return names
}

// lookupName finds a name as the REPL resolves it.
func (rt *Runtime) lookupName(globals starlark.StringDict, name string) (starlark.Value, bool) {
	if v, ok := globals[name]; ok && v != nil {
		return v, true
	}
	if v, ok := rt.predeclared()[name]; ok {
		return v, true
	}
	v, ok := starlark.Universe[name]
	return v, ok
}

// resolveDotted evaluates a dotted name such as nn.Dense or net.fc
// without running script code.
func (rt *Runtime) resolveDotted(globals starlark.StringDict, expr string) (starlark.Value, bool) {
	parts := strings.Split(expr, ".")
	for _, p := range parts {
		if !isIdentifier(p) {
			return nil, false
		}
	}
	v, ok := rt.lookupName(globals, parts[0])
	for _, p := range parts[1:] {
		if !ok {
			return nil, false
		}
		v, ok = safeAttr(v, p)
	}
	return v, ok
}

// safeAttr returns attribute name of v unless reading it could run
// script code: a property, or the __getattr__ of a script class.
func safeAttr(v starlark.Value, name string) (starlark.Value, bool) {
	inst, ok := v.(*pyobj.Instance)
	if !ok {
		ha, ok := v.(starlark.HasAttrs)
		if !ok {
			return nil, false
		}
		x, err := ha.Attr(name)
		return x, err == nil && x != nil
	}
	if x, ok := inst.DictGet(name); ok {
		return x, true
	}
	if cv, _ := inst.Class().Lookup(name); cv != nil {
		if _, isProperty := cv.(*pyobj.Property); isProperty {
			return nil, false
		}
		x, err := inst.Attr(name)
		return x, err == nil && x != nil
	}
	for _, child := range cellChildren(inst) {
		if child.Name == name {
			return child.Cell, true
		}
	}
	return nil, false
}

// cellChildren returns the sub-cells a Cell keeps outside its
// attributes, such as the members of a SequentialCell.
func cellChildren(inst *pyobj.Instance) []nn.Child {
	if _, st, err := nn.StateOf(inst); err == nil && st != nil {
		return st.Children
	}
	return nil
}

// attrNames lists the attributes of v that dir(v) shows.
func attrNames(v starlark.Value) []string {
	var names []string
	if ha, ok := v.(starlark.HasAttrs); ok {
		names = ha.AttrNames()
	}
	if inst, ok := v.(*pyobj.Instance); ok {
		for _, child := range cellChildren(inst) {
			names = append(names, child.Name)
		}
	}
	return names
}

// keywordCandidates returns "name=" for the parameters of the call that
// is open at the end of before, when the word being typed starts an
// argument. Parameters the call already names are left out.
func (rt *Runtime) keywordCandidates(globals starlark.StringDict, before, word string) []string {
	open, _ := scanBrackets(before)
	if len(open) == 0 || before[open[len(open)-1]] != '(' {
		return nil
	}
	paren := open[len(open)-1]
	args := before[paren+1:]
	if k := strings.LastIndexAny(args, ",("); k >= 0 {
		args = args[k+1:]
	}
	if strings.TrimSpace(args) != "" {
		return nil
	}
	callee := strings.TrimRight(before[:paren], " \t")
	fn, ok := rt.resolveDotted(globals, callee[dottedStart(callee):])
	if !ok {
		return nil
	}
	call := before[paren+1:]
	var out []string
	for _, p := range paramNames(fn) {
		if strings.HasPrefix(p, word) && !strings.Contains(call, p+"=") {
			out = append(out, p+"=")
		}
	}
	return out
}

// importCandidates returns the module names or module members that an
// import statement ending at before can name next.
func (rt *Runtime) importCandidates(before string) ([]string, bool) {
	if m := fromImportLine.FindStringSubmatch(before); m != nil {
		mod, err := rt.lookup(m[1])
		if err != nil {
			return nil, true
		}
		return append(mod.AttrNames(), rt.submoduleNames(m[1]+".")...), true
	}
	stem := strings.TrimRight(before, ".")
	dotted := stem[dottedStart(stem):]
	head := before[:len(before)-len(dotted)-strings.Count(before[len(stem):], ".")]
	if !importLine.MatchString(head) && !fromModuleLine.MatchString(head) {
		return nil, false
	}
	if dotted == "" {
		return rt.submoduleNames(""), true
	}
	return rt.submoduleNames(dotted + "."), true
}

// submoduleNames lists the next name component of every module this
// runtime may import whose name starts with prefix.
// NOTE: modules a host adds at run time are not offered, only the
// built-in ones and sys.
func (rt *Runtime) submoduleNames(prefix string) []string {
	var names []string
	all := append(moduleNames(), "sys")
	for _, full := range all {
		rest, ok := strings.CutPrefix(full, prefix)
		if !ok || rest == "" || !rt.modules.permitted(full) {
			continue
		}
		first, _, _ := strings.Cut(rest, ".")
		names = append(names, first)
	}
	return names
}

// moduleNames lists the registered module names.
func moduleNames() []string {
	names := make([]string, 0, len(builders))
	for k := range builders {
		names = append(names, k)
	}
	return names
}
