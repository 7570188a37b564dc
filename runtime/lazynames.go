package runtime

import (
	"strings"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/runtime/syntax"
	"go.starlark.net/resolve"
	"go.starlark.net/starlark"
	starsyntax "go.starlark.net/syntax"
)

// lazyProgram compiles a file as Python runs it: go.starlark.net rejects
// a file that mentions an undefined name anywhere, while Python raises
// NameError only when the line runs. Each name the resolver reports as
// undefined becomes a predeclared undefinedName, which raises NameError
// when called, indexed, read from or combined, and the file is parsed and
// compiled again. It returns the program and the predeclared names to
// run it with.
func lazyProgram(filename string, src []byte, f *starsyntax.File, pre starlark.StringDict) (*starlark.Program, starlark.StringDict, error) {
	prog, err := starlark.FileProgram(f, pre.Has)
	list, ok := err.(resolve.ErrorList)
	if err == nil || !ok || !allUndefined(list) {
		return prog, pre, err
	}
	extended := make(starlark.StringDict, len(pre)+len(list)+1)
	for k, v := range pre {
		extended[k] = v
	}
	names, reads := undefinedReads(list)
	for name, u := range names {
		extended[name] = u
	}
	extended[raiseUndefinedName] = undefinedBuiltin(names)
	f2, perr := syntax.Parse(filename, src)
	if perr != nil {
		return nil, pre, perr
	}
	replaceUndefinedReads(f2, reads)
	prog, err = starlark.FileProgram(f2, extended.Has)
	return prog, extended, err
}

// undefinedReads returns, for the resolver's undefined-name errors, each
// name's stand-in value and the position of each read.
func undefinedReads(list resolve.ErrorList) (map[string]undefinedName, map[linePos]string) {
	names := map[string]undefinedName{}
	reads := map[linePos]string{}
	for _, e := range list {
		name := undefinedNameOf(e.Msg)
		names[name] = undefinedName{name: name, message: nameErrorMessage(strings.TrimPrefix(e.Msg, "undefined: "))}
		reads[posKey(e.Pos)] = name
	}
	return names, reads
}

func allUndefined(list resolve.ErrorList) bool {
	for _, e := range list {
		if !strings.HasPrefix(e.Msg, "undefined: ") {
			return false
		}
	}
	return len(list) > 0
}

// undefinedNameOf extracts x from "undefined: x (did you mean y?)".
func undefinedNameOf(msg string) string {
	name, _, _ := strings.Cut(strings.TrimPrefix(msg, "undefined: "), " ")
	return name
}

// undefinedName stands for a name no statement defines. Using it raises
// NameError, as reaching the line does in Python; message carries the
// resolver's spelling suggestion.
//
// Reads of the name are rewritten into calls of __undefined__
// (undefinedreads.go), which raise at once; this value remains for
// identifiers the rewrite does not reach.
type undefinedName struct {
	name, message string
}

var (
	_ starlark.Callable  = undefinedName{}
	_ starlark.HasAttrs  = undefinedName{}
	_ starlark.HasBinary = undefinedName{}
	_ starlark.Mapping   = undefinedName{}
)

func (u undefinedName) err() error {
	return pyobj.NewError(pyobj.ExceptionClass("NameError"), "%s", u.message)
}

func (u undefinedName) String() string        { return "<undefined name " + u.name + ">" }
func (u undefinedName) Type() string          { return "NameError" }
func (u undefinedName) Freeze()               {}
func (u undefinedName) Truth() starlark.Bool  { return false }
func (u undefinedName) Hash() (uint32, error) { return 0, u.err() }
func (u undefinedName) Name() string          { return u.name }

// CallInternal raises NameError.
func (u undefinedName) CallInternal(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return nil, u.err()
}

// Attr raises NameError.
func (u undefinedName) Attr(string) (starlark.Value, error) { return nil, u.err() }

// AttrNames lists nothing.
func (u undefinedName) AttrNames() []string { return nil }

// Binary raises NameError.
func (u undefinedName) Binary(starsyntax.Token, starlark.Value, starlark.Side) (starlark.Value, error) {
	return nil, u.err()
}

// Get raises NameError.
func (u undefinedName) Get(starlark.Value) (starlark.Value, bool, error) { return nil, false, u.err() }
