package runtime

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/nn"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// replGlobalsKey is the thread-local key under which Eval stores the
// REPL's globals, so that dir() with no argument lists them all (a REPL
// chunk's own module only holds the names the chunk mentions).
const replGlobalsKey = "cellscript.replGlobals"

// helpBuiltins returns help and dir, predeclared for every script.
func (rt *Runtime) helpBuiltins() starlark.StringDict {
	return starlark.StringDict{
		"help": &helper{builtin("help", rt.pyHelp)},
		"dir":  builtin("dir", rt.pyDir),
	}
}

// helper is the help builtin. Like CPython's site helper, its repr shows
// how to use it, which the REPL echoes for a bare `help`.
type helper struct{ *starlark.Builtin }

func (h *helper) String() string {
	return "Type help() for interactive help, or help(object) for help about object."
}

func (rt *Runtime) pyHelp(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs("help", args, kwargs, 0, &v); err != nil {
		return nil, err
	}
	text := helpIntro
	if v != nil {
		text = rt.helpText(v)
	}
	_, err := fmt.Fprint(core.EnvOf(thread).Stdout, text)
	return starlark.None, err
}

// pyDir is Python's dir: the sorted attributes of its argument or, with
// no argument, the names of the caller's scope.
func (rt *Runtime) pyDir(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs("dir", args, kwargs, 0, &v); err != nil {
		return nil, err
	}
	var names []string
	if v != nil {
		names = attrNames(v)
	} else {
		names = rt.scopeOf(thread)
	}
	names = sortedUnique(names)
	out := make([]starlark.Value, len(names))
	for i, n := range names {
		out[i] = starlark.String(n)
	}
	return starlark.NewList(out), nil
}

// scopeOf lists the names of the Starlark function that called a
// builtin: the module's globals at top level, else the function's
// bound locals.
func (rt *Runtime) scopeOf(thread *starlark.Thread) []string {
	if thread.CallStackDepth() < 2 {
		return nil
	}
	frame := thread.DebugFrame(1)
	fn, ok := frame.Callable().(*starlark.Function)
	if !ok {
		return nil
	}
	if fn.Name() != "<toplevel>" {
		var names []string
		for i := 0; i < frame.NumLocals(); i++ {
			if b, v := frame.Local(i); v != nil {
				names = append(names, b.Name)
			}
		}
		return names
	}
	if globals, ok := thread.Local(replGlobalsKey).(starlark.StringDict); ok {
		return rt.UserNames(globals)
	}
	return rt.UserNames(fn.Globals())
}

// UserNames returns the sorted names that scripts bound in globals. It
// leaves out the predeclared builtins that Eval and ExecInto merge into
// globals (unless a script rebound one to a different kind of value)
// and names that start with "__".
func (rt *Runtime) UserNames(globals starlark.StringDict) []string {
	pre := rt.predeclared()
	var names []string
	for k, v := range globals {
		if strings.HasPrefix(k, "__") || !isIdentifier(k) {
			continue
		}
		if p, ok := pre[k]; ok && reflect.TypeOf(p) == reflect.TypeOf(v) {
			continue
		}
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

func sortedUnique(names []string) []string {
	sort.Strings(names)
	out := names[:0]
	for i, n := range names {
		if i == 0 || n != names[i-1] {
			out = append(out, n)
		}
	}
	return out
}

const helpIntro = `Welcome to cellscript's help.

help(obj) prints the documentation of a module, class, Cell, function,
primitive or value, for example help(nn.Dense), help(ops.ReduceMean) or
help(t) for a Tensor t. help("mindspore.nn") looks a name up, and
help("modules") lists the modules that scripts can import. dir(obj)
lists the attributes of obj, and dir() the names you defined.

In the cellrepl REPL, obj? is the same as help(obj), Tab completes names,
attributes and keyword arguments, and %run FILE, %time EXPR, %who and
%reset are available.
`

// helpText returns what help(v) prints.
func (rt *Runtime) helpText(v starlark.Value) string {
	switch x := v.(type) {
	case starlark.String:
		return rt.topicHelp(string(x))
	case *core.Module:
		return moduleHelp(x)
	case *pyobj.Class:
		return classHelp(x)
	case *pyobj.Instance:
		return classHelp(x.Class())
	case *starlark.Function:
		return fmt.Sprintf("Help on function %s in module __main__:\n\n%s", x.Name(), functionEntry(x, 0, "    "))
	case *pyobj.BoundMethod:
		return boundMethodHelp(x)
	case *pyobj.NativeMethod:
		return fmt.Sprintf("Help on method_descriptor %s of %s:\n\n%s", x.Name(), qualifiedName(x.Owner()), nativeMethodEntry(x))
	case *starlark.Builtin:
		return rt.builtinHelp(x)
	case *pyobj.GoType:
		return goTypeHelp(x.Name())
	case documented:
		return fmt.Sprintf("Help on class %s:\n\n%s\n", x.Name(), strings.TrimRight(x.Doc(), "\n"))
	}
	return valueHelp(v)
}

// documented is a value with its own documentation, such as an ops
// primitive class.
type documented interface {
	starlark.Value
	Name() string
	Doc() string
}

// topicHelp looks a dotted name up among the importable modules.
func (rt *Runtime) topicHelp(topic string) string {
	switch topic {
	case "":
		return helpIntro
	case "modules":
		return rt.modulesHelp()
	}
	parts := strings.Split(topic, ".")
	for n := len(parts); n > 0; n-- {
		mod, err := rt.lookup(strings.Join(parts[:n], "."))
		if err != nil {
			continue
		}
		var v starlark.Value = mod
		for _, p := range parts[n:] {
			next, ok := safeAttr(v, p)
			if !ok {
				return noDocumentation(topic)
			}
			v = next
		}
		return rt.helpText(v)
	}
	if v, ok := rt.lookupName(nil, topic); ok {
		return rt.helpText(v)
	}
	return noDocumentation(topic)
}

func noDocumentation(topic string) string {
	return fmt.Sprintf("No Python documentation found for '%s'.\nUse help() to get the interactive help utility.\nUse help(str) for help on the str class.\n", topic)
}

func (rt *Runtime) modulesHelp() string {
	names := append(moduleNames(), "sys")
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("Modules that scripts can import:\n\n")
	for _, n := range names {
		if rt.modules.permitted(n) {
			fmt.Fprintf(&b, "    %s\n", n)
		}
	}
	return b.String()
}

// splitDoc splits a native docstring into its signature line (when the
// first line calls name) and the rest.
func splitDoc(doc, name string) (signature, body string) {
	doc = strings.TrimSpace(dedent(doc))
	first, rest, _ := strings.Cut(doc, "\n")
	if strings.HasPrefix(first, name+"(") {
		return first, strings.TrimSpace(rest)
	}
	return "", doc
}

// summary returns the first sentence of the description in doc.
func summary(doc, name string) string {
	_, body := splitDoc(doc, name)
	paragraph, _, _ := strings.Cut(body, "\n\n")
	text := strings.Join(strings.Fields(paragraph), " ")
	if k := strings.Index(text, ". "); k >= 0 {
		text = text[:k+1]
	}
	return text
}

func indent(text, prefix string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(prefix+l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

func qualifiedName(c *pyobj.Class) string {
	if c.Module() == "" || c.Module() == "builtins" {
		return c.Name()
	}
	return c.Module() + "." + c.Name()
}

// moduleHelp renders a module in pydoc's layout: its name and
// description, then one entry per member grouped by kind.
func moduleHelp(m *core.Module) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Help on module %s:\n\nNAME\n    %s", m.Name, m.Name)
	if doc := strings.TrimSpace(m.Doc); doc != "" {
		first, rest, _ := strings.Cut(doc, "\n")
		fmt.Fprintf(&b, " - %s\n", first)
		if rest = strings.TrimSpace(rest); rest != "" {
			fmt.Fprintf(&b, "\nDESCRIPTION\n%s", indent(rest, "    "))
		}
	} else {
		b.WriteString("\n")
	}
	sections := map[string][]string{}
	for _, name := range m.AttrNames() {
		if strings.HasPrefix(name, "_") {
			continue
		}
		kind, entry := memberEntry(name, m.Members[name])
		sections[kind] = append(sections[kind], entry)
	}
	for _, kind := range []string{"CLASSES", "FUNCTIONS", "SUBMODULES", "DATA"} {
		if len(sections[kind]) > 0 {
			fmt.Fprintf(&b, "\n%s\n%s", kind, strings.Join(sections[kind], ""))
		}
	}
	return b.String()
}

// memberEntry returns the section and the entry of a module member: its
// signature and the first line of its description.
func memberEntry(name string, v starlark.Value) (kind, entry string) {
	line := func(sig, sum string) string {
		if sum == "" {
			return fmt.Sprintf("    %s\n", sig)
		}
		return fmt.Sprintf("    %s\n%s", sig, indent(wrapWords(sum, 68), "        "))
	}
	switch x := v.(type) {
	case *core.Module:
		return "SUBMODULES", fmt.Sprintf("    %s\n", name)
	case *pyobj.Class:
		return "CLASSES", line(classSignature(x), summary(x.Doc(), x.Name()))
	case documented:
		sig, _ := splitDoc(x.Doc(), x.Name())
		if sig == "" {
			sig = name
		}
		return "CLASSES", line(sig, summary(x.Doc(), x.Name()))
	case *pyobj.GoType:
		return "CLASSES", line(name, summary(typeDocs[x.Name()], x.Name()))
	case *starlark.Function:
		return "FUNCTIONS", line(functionSignature(x, 0), firstLine(x.Doc()))
	case starlark.Callable:
		sig, doc := name+"(...)", builtinDocs[name]
		if s, _ := splitDoc(doc, name); s != "" {
			sig = s
		}
		return "FUNCTIONS", line(sig, summary(doc, name))
	}
	return "DATA", fmt.Sprintf("    %s = %s\n", name, shortRepr(v))
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return first
}

func shortRepr(v starlark.Value) string {
	s := v.String()
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// classSignature returns how the class is called: the first line of a
// native class's docstring, or the class name with the parameters of
// the __init__ a script class defines.
func classSignature(c *pyobj.Class) string {
	if sig, _ := splitDoc(c.Doc(), c.Name()); sig != "" {
		return sig
	}
	if init, _ := c.Lookup("__init__"); init != nil {
		if fn, ok := init.(*starlark.Function); ok {
			return c.Name() + strings.TrimPrefix(functionSignature(fn, 1), fn.Name())
		}
	}
	return c.Name() + "(" + strings.Join(paramNames(c), ", ") + ")"
}

// classHelp renders a class in pydoc's layout.
func classHelp(c *pyobj.Class) string {
	var b strings.Builder
	module := c.Module()
	if module == "" {
		module = "__main__"
	}
	fmt.Fprintf(&b, "Help on class %s in module %s:\n\n", c.Name(), module)

	var bases []string
	for _, base := range c.Bases() {
		bases = append(bases, base.Name())
	}
	fmt.Fprintf(&b, "class %s(%s)\n", c.Name(), strings.Join(bases, ", "))

	body := &strings.Builder{}
	sig, doc := splitDoc(c.Doc(), c.Name())
	if sig == "" {
		sig = classSignature(c)
	}
	fmt.Fprintf(body, "%s\n", sig)
	if doc != "" {
		fmt.Fprintf(body, "\n%s\n", doc)
	}

	if mro := c.MRO(); len(mro) > 2 {
		body.WriteString("\nMethod resolution order:\n")
		for _, k := range mro {
			fmt.Fprintf(body, "    %s\n", k.Name())
		}
	}
	writeOwnMembers(body, c)
	writeInherited(body, c)

	b.WriteString(indent(body.String(), " |  "))
	return b.String()
}

// writeOwnMembers lists the methods and data that c itself defines.
func writeOwnMembers(b *strings.Builder, c *pyobj.Class) {
	var methods, data []string
	for _, nv := range c.ClassAttrs() {
		if isHiddenMember(nv.Name) {
			continue
		}
		switch f := nv.Value.(type) {
		case *starlark.Function:
			methods = append(methods, functionEntry(f, 0, "    "))
		case *pyobj.NativeMethod:
			if nv.Name != "__init__" { // the class signature shows it
				methods = append(methods, nativeMethodEntry(f))
			}
		default:
			data = append(data, fmt.Sprintf("%s = %s\n", nv.Name, shortRepr(nv.Value)))
		}
	}
	if len(methods) > 0 {
		fmt.Fprintf(b, "\nMethods defined here:\n\n%s", strings.Join(methods, "\n"))
	}
	if len(data) > 0 {
		fmt.Fprintf(b, "\nData and other attributes defined here:\n\n%s", strings.Join(data, ""))
	}
}

// isHiddenMember reports whether help leaves a class attribute out:
// the attribute hooks that native classes install and private names.
func isHiddenMember(name string) bool {
	switch name {
	case "__init__", "__call__":
		return false
	}
	return strings.HasPrefix(name, "_")
}

// writeInherited lists, per base class, the names c inherits from it.
func writeInherited(b *strings.Builder, c *pyobj.Class) {
	seen := map[string]bool{}
	for _, nv := range c.ClassAttrs() {
		seen[nv.Name] = true
	}
	for _, base := range c.MRO()[1:] {
		var names []string
		for _, nv := range base.ClassAttrs() {
			if seen[nv.Name] || strings.HasPrefix(nv.Name, "_") {
				continue
			}
			seen[nv.Name] = true
			names = append(names, nv.Name)
		}
		if len(names) > 0 {
			fmt.Fprintf(b, "\n%s\nMethods inherited from %s:\n\n%s", strings.Repeat("-", 70), base.Name(), wrapNames(names, 70))
		}
	}
}

// wrapWords breaks text into lines of at most width bytes at spaces.
func wrapWords(text string, width int) string {
	var b strings.Builder
	lineLen := 0
	for _, w := range strings.Fields(text) {
		if lineLen > 0 && lineLen+1+len(w) > width {
			b.WriteString("\n")
			lineLen = 0
		}
		if lineLen > 0 {
			b.WriteString(" ")
			lineLen++
		}
		b.WriteString(w)
		lineLen += len(w)
	}
	return b.String()
}

// wrapNames joins names with commas into lines of at most width bytes.
func wrapNames(names []string, width int) string {
	var b strings.Builder
	lineLen := 0
	for i, n := range names {
		item := n
		if i < len(names)-1 {
			item += ","
		}
		if lineLen > 0 && lineLen+1+len(item) > width {
			b.WriteString("\n")
			lineLen = 0
		}
		if lineLen > 0 {
			b.WriteString(" ")
			lineLen++
		}
		b.WriteString(item)
		lineLen += len(item)
	}
	b.WriteString("\n")
	return b.String()
}

// functionSignature renders fn's parameters as Python prints them,
// leaving out the first skip parameters (1 drops self).
func functionSignature(fn *starlark.Function, skip int) string {
	n := fn.NumParams()
	positional := n - fn.NumKwonlyParams()
	if fn.HasVarargs() {
		positional--
	}
	if fn.HasKwargs() {
		positional--
	}

	var parts []string
	param := func(i int) string {
		name, _ := fn.Param(i)
		if d := fn.ParamDefault(i); d != nil {
			return name + "=" + d.String()
		}
		return name
	}
	for i := skip; i < positional; i++ {
		parts = append(parts, param(i))
	}

	// Starlark stores *args and **kwargs after the keyword-only
	// parameters; Python prints *args before them.
	next := positional + fn.NumKwonlyParams()
	if fn.HasVarargs() {
		name, _ := fn.Param(next)
		parts = append(parts, "*"+name)
		next++
	} else if fn.NumKwonlyParams() > 0 {
		parts = append(parts, "*")
	}
	for i := positional; i < positional+fn.NumKwonlyParams(); i++ {
		parts = append(parts, param(i))
	}
	if fn.HasKwargs() {
		name, _ := fn.Param(next)
		parts = append(parts, "**"+name)
	}
	return fn.Name() + "(" + strings.Join(parts, ", ") + ")"
}

// functionEntry renders a script function: its signature, then its
// docstring indented by docIndent.
func functionEntry(fn *starlark.Function, skip int, docIndent string) string {
	s := functionSignature(fn, skip) + "\n"
	if doc := strings.TrimSpace(fn.Doc()); doc != "" {
		s += indent(dedent(doc), docIndent)
	}
	return s
}

// dedent removes the indentation common to the lines after the first,
// as inspect.cleandoc does for docstrings.
func dedent(doc string) string {
	lines := strings.Split(doc, "\n")
	common := -1
	for _, l := range lines[1:] {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if common < 0 || n < common {
			common = n
		}
	}
	for i := 1; i < len(lines) && common > 0; i++ {
		if len(lines[i]) >= common {
			lines[i] = lines[i][common:]
		}
	}
	return strings.Join(lines, "\n")
}

// nativeMethodEntry renders a Go method: the signature its class's
// docstring gives, or name(...).
func nativeMethodEntry(m *pyobj.NativeMethod) string {
	sig, ok := docSignature(m.Owner().Doc(), m.Name())
	if !ok {
		sig = m.Name() + "(...)"
	}
	return sig + "\n"
}

func boundMethodHelp(m *pyobj.BoundMethod) string {
	owner := receiverName(m.Self)
	switch f := m.Func.(type) {
	case *starlark.Function:
		return fmt.Sprintf("Help on method %s of %s object:\n\n%s", f.Name(), owner, functionEntry(f, 1, "    "))
	case *pyobj.NativeMethod:
		return fmt.Sprintf("Help on method %s of %s object:\n\n%s", f.Name(), owner, nativeMethodEntry(f))
	}
	return fmt.Sprintf("Help on method %s of %s object:\n\n%s(...)\n", m.Name(), owner, m.Name())
}

func receiverName(v starlark.Value) string {
	if inst, ok := v.(*pyobj.Instance); ok {
		return qualifiedName(inst.Class())
	}
	return v.Type()
}

// builtinHelp documents a Go function: from the table of Python
// builtins, or for a functional op from the primitive class it wraps.
func (rt *Runtime) builtinHelp(b *starlark.Builtin) string {
	if recv := b.Receiver(); recv != nil {
		return fmt.Sprintf("Help on built-in method %s of %s object:\n\n%s(...)\n", b.Name(), receiverName(recv), b.Name())
	}
	module, prim := rt.findBuiltin(b)
	doc := builtinDocs[b.Name()]
	if module != "" && module != "builtins" {
		doc = nn.DynamicLRDocs[b.Name()]
	}
	var text strings.Builder
	if module == "" || module == "builtins" {
		fmt.Fprintf(&text, "Help on built-in function %s:\n\n", b.Name())
	} else {
		fmt.Fprintf(&text, "Help on built-in function %s in module %s:\n\n", b.Name(), module)
	}
	sig, body := splitDoc(doc, b.Name())
	if sig == "" {
		sig = b.Name() + "(...)"
	}
	text.WriteString(sig + "\n")
	if prim != nil {
		body = fmt.Sprintf("The functional form of ops.%s; its attributes are keyword arguments.\n\n%s", prim.Name(), prim.Doc())
	}
	if body != "" {
		text.WriteString(indent(body, "    "))
	}
	return text.String()
}

// findBuiltin returns the module that holds b ("builtins" for the
// runtime's own builtins) and, for a functional op, the primitive class
// of the same name in that module.
func (rt *Runtime) findBuiltin(b *starlark.Builtin) (module string, prim documented) {
	if v, ok := rt.lookupName(nil, b.Name()); ok && v == starlark.Value(b) {
		return "builtins", nil
	}
	for _, name := range moduleNames() {
		mod, err := rt.lookup(name)
		if err != nil || mod.Members[b.Name()] != starlark.Value(b) {
			continue
		}
		if !strings.HasPrefix(name, "mindspore.ops") {
			// Only ops pairs a function with a primitive class:
			// nn.exponential_decay_lr is no form of nn.ExponentialDecayLR.
			return name, nil
		}
		want := strings.ReplaceAll(b.Name(), "_", "")
		for _, member := range mod.Members {
			if d, ok := member.(documented); ok && strings.EqualFold(d.Name(), want) {
				return name, d
			}
		}
		return name, nil
	}
	return "", nil
}

// goTypeHelp documents a type object such as mindspore.Tensor, with the
// methods of a sample value.
func goTypeHelp(name string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Help on class %s:\n\n", name)
	doc := typeDocs[name]
	if doc == "" {
		doc = name + "(...)"
	}
	b.WriteString(indent(doc, ""))
	if sample := typeSamples[name]; sample != nil {
		if names := filterNames(attrNames(sample()), ""); len(names) > 0 {
			fmt.Fprintf(&b, "\nMethods and attributes:\n%s", indent(wrapNames(names, 70), "    "))
		}
	}
	return b.String()
}

// valueHelp documents any other value through its type.
func valueHelp(v starlark.Value) string {
	name := typeName(v)
	if _, ok := typeDocs[name]; ok {
		return goTypeHelp(name)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Help on %s object:\n\n%s\n", name, shortRepr(v))
	if names := filterNames(attrNames(v), ""); len(names) > 0 {
		fmt.Fprintf(&b, "\nMethods and attributes:\n%s", indent(wrapNames(names, 70), "    "))
	}
	return b.String()
}

// typeName returns the Python name of v's type, as type(v) prints it.
func typeName(v starlark.Value) string {
	switch x := v.(type) {
	case *tensor.Tensor:
		if x.Flavor == tensor.NumPy {
			return "numpy.ndarray"
		}
		return "Tensor"
	case *tensor.Parameter:
		return "Parameter"
	case starlark.Int:
		return "int"
	case starlark.Float:
		return "float"
	case starlark.String:
		return "str"
	case starlark.Bool:
		return "bool"
	case *starlark.List:
		return "list"
	case starlark.Tuple:
		return "tuple"
	case *starlark.Dict:
		return "dict"
	}
	return v.Type()
}

// typeSamples make a value of each documented type, whose attributes
// goTypeHelp lists.
var typeSamples = map[string]func() starlark.Value{
	"Tensor":        func() starlark.Value { return tensor.New(engine.Scalar(engine.Float32, 0)) },
	"numpy.ndarray": func() starlark.Value { return tensor.NewArray(engine.Scalar(engine.Float64, 0)) },
	"Parameter": func() starlark.Value {
		return tensor.NewParameter(engine.Scalar(engine.Float32, 0), "p", true)
	},
	"str":  func() starlark.Value { return starlark.String("") },
	"list": func() starlark.Value { return starlark.NewList(nil) },
	"dict": func() starlark.Value { return starlark.NewDict(0) },
}

// typeDocs documents the type objects that have no docstring of their
// own. The first line is the constructor's signature.
var typeDocs = map[string]string{
	"Tensor": `Tensor(input_data=None, dtype=None, shape=None, init=None)

A MindSpore tensor: an n-dimensional array with a dtype (mindspore.float32
by default for Python floats). input_data is a number, a (nested) list or
tuple, a numpy.ndarray or another Tensor. Operators broadcast as in NumPy,
and asnumpy() returns a numpy.ndarray copy.`,
	"Parameter": `Parameter(default_input, name=None, requires_grad=True)

A trainable tensor of a Cell. Optimizers update it in place; its name is
prefixed with the attribute path when it becomes part of a Cell.`,
	"numpy.ndarray": `ndarray(shape, dtype=float)

NumPy's n-dimensional array, as numpy.array(...) and numpy.zeros(...)
make it. Printing follows NumPy 1.24.`,
	"int":   "int(x=0)\n\nAn integer of any size.",
	"float": "float(x=0.0)\n\nA double-precision floating point number.",
	"str":   "str(object='')\n\nAn immutable string of Unicode characters.",
	"bool":  "bool(x=False)\n\nTrue or False.",
	"list":  "list(iterable=())\n\nA mutable sequence.",
	"tuple": "tuple(iterable=())\n\nAn immutable sequence.",
	"dict":  "dict(mapping_or_iterable=(), **kwargs)\n\nA mutable mapping that keeps insertion order.",
	"type":  "type(object)\n\nThe type of object.",
}

// builtinDocs documents the Python builtins. The first line is the
// signature, which keyword completion also reads.
var builtinDocs = map[string]string{
	"abs":        "abs(x)\n\nThe absolute value of x; element-wise for tensors.",
	"ascii":      "ascii(obj)\n\nrepr(obj) with every non-ASCII character escaped as \\x, \\u or \\U.",
	"all":        "all(iterable)\n\nTrue when every element of iterable is true.",
	"any":        "any(iterable)\n\nTrue when some element of iterable is true.",
	"bool":       "bool(x=False)\n\nThe truth value of x.",
	"callable":   "callable(obj)\n\nTrue when obj can be called.",
	"dict":       "dict(mapping_or_iterable=(), **kwargs)\n\nA new dictionary.",
	"dir":        "dir(obj=None)\n\nThe sorted attribute names of obj, or without obj the names defined in the current scope.",
	"divmod":     "divmod(x, y)\n\nThe pair (x // y, x % y).",
	"enumerate":  "enumerate(iterable, start=0)\n\nPairs (index, element), counting from start.",
	"filter":     "filter(function, iterable)\n\nThe elements of iterable for which function is true (all true elements when function is None).",
	"float":      "float(x=0.0)\n\nx as a float; one-element tensors and arrays convert too.",
	"format":     "format(value, format_spec='')\n\nvalue formatted by the format specification, as f-strings do.",
	"getattr":    "getattr(obj, name, default=None)\n\nAttribute name of obj, or default when it is missing and given.",
	"hasattr":    "hasattr(obj, name)\n\nTrue when obj has attribute name.",
	"hash":       "hash(obj)\n\nThe hash value of obj.",
	"help":       "help(obj=None)\n\nPrints the documentation of obj, or an introduction without obj.",
	"id":         "id(obj)\n\nAn integer that identifies obj while it lives.",
	"int":        "int(x=0, base=10)\n\nx as an int; one-element tensors and arrays convert too.",
	"isinstance": "isinstance(obj, class_or_tuple)\n\nTrue when obj is an instance of the class or of one of the classes.",
	"issubclass": "issubclass(cls, class_or_tuple)\n\nTrue when cls derives from the class or from one of the classes.",
	"iter":       "iter(iterable)\n\nAn iterator over iterable.",
	"len":        "len(obj)\n\nThe number of elements of obj; the first dimension of a tensor.",
	"list":       "list(iterable=())\n\nA new list of the elements of iterable.",
	"map":        "map(function, iterable, *iterables)\n\nfunction applied to the elements of the iterables, lazily.",
	"max":        "max(iterable, *args, key=None, default=None)\n\nThe largest element.",
	"min":        "min(iterable, *args, key=None, default=None)\n\nThe smallest element.",
	"next":       "next(iterator, default=None)\n\nThe next element of iterator, or default when it is exhausted and given.",
	"print":      "print(*values, sep=' ', end='\\n')\n\nPrints the values to standard output, separated by sep and followed by end.",
	"range":      "range(start, stop=None, step=1)\n\nThe integers from start (0 when only stop is given) up to stop, by step.",
	"repr":       "repr(obj)\n\nThe printable representation of obj, as the REPL echoes it.",
	"reversed":   "reversed(sequence)\n\nThe elements of sequence in reverse order.",
	"round":      "round(number, ndigits=None)\n\nnumber rounded to ndigits decimals, halves to even.",
	"setattr":    "setattr(obj, name, value)\n\nSets attribute name of obj to value.",
	"sorted":     "sorted(iterable, key=None, reverse=False)\n\nA new sorted list of the elements of iterable.",
	"str":        "str(object='')\n\nThe string form of object, as print shows it.",
	"sum":        "sum(iterable, start=0)\n\nstart plus the sum of the elements of iterable.",
	"tuple":      "tuple(iterable=())\n\nA new tuple of the elements of iterable.",
	"type":       "type(obj)\n\nThe type of obj.",
	"vars":       "vars(obj)\n\nThe attribute dictionary obj.__dict__ of obj.",
	"zip":        "zip(*iterables)\n\nTuples of the elements at the same position of each iterable.",
}

// docSignature finds the call "name(...)" in a docstring, such as
// "train(epoch, train_dataset, callbacks=None)" in Model's.
func docSignature(doc, name string) (string, bool) {
	for i := 0; ; {
		k := strings.Index(doc[i:], name+"(")
		if k < 0 {
			return "", false
		}
		k += i
		i = k + len(name)
		if k > 0 && isIdentByte(doc[k-1]) {
			continue
		}
		depth := 0
		for j := k + len(name); j < len(doc); j++ {
			switch doc[j] {
			case '(', '[':
				depth++
			case ')', ']':
				depth--
				if depth == 0 {
					return strings.Join(strings.Fields(doc[k:j+1]), " "), true
				}
			}
		}
		return "", false
	}
}

// docParams returns the parameter names of the signature of name in a
// docstring, leaving out *args, **kwargs and self.
func docParams(doc, name string) []string {
	sig, ok := docSignature(doc, name)
	if !ok {
		return nil
	}
	inner := sig[len(name)+1 : len(sig)-1]
	var names []string
	for _, part := range splitTopLevel(inner) {
		part = strings.TrimSpace(part)
		if strings.HasPrefix(part, "*") || part == "/" {
			continue
		}
		if k := strings.IndexAny(part, "=:"); k >= 0 {
			part = strings.TrimSpace(part[:k])
		}
		if isIdentifier(part) && part != "self" {
			names = append(names, part)
		}
	}
	return names
}

// splitTopLevel splits s at the commas outside brackets and quotes.
func splitTopLevel(s string) []string {
	var parts []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case quote != 0:
			if ch == quote {
				quote = 0
			}
		case ch == '\'' || ch == '"':
			quote = ch
		case ch == '(' || ch == '[' || ch == '{':
			depth++
		case ch == ')' || ch == ']' || ch == '}':
			depth--
		case ch == ',' && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// paramNames returns the names a call of v accepts as keyword
// arguments, read from the function itself for script code and from
// the docstring for native classes, methods and builtins.
func paramNames(v starlark.Value) []string {
	switch f := v.(type) {
	case *starlark.Function:
		return functionParams(f, 0)
	case *pyobj.BoundMethod:
		if fn, ok := f.Func.(*starlark.Function); ok {
			return functionParams(fn, 1)
		}
		return paramNames(f.Func)
	case *pyobj.NativeMethod:
		return docParams(f.Owner().Doc(), f.Name())
	case *pyobj.Class:
		return classParams(f)
	case *pyobj.GoType:
		return docParams(typeDocs[f.Name()], f.Name())
	case documented:
		return docParams(f.Doc(), f.Name())
	case *starlark.Builtin:
		return docParams(builtinDocs[f.Name()], f.Name())
	}
	return nil
}

// classParams returns the parameters of the first __init__ along the
// MRO of c.
func classParams(c *pyobj.Class) []string {
	for _, k := range c.MRO() {
		for _, nv := range k.ClassAttrs() {
			if nv.Name != "__init__" {
				continue
			}
			if fn, ok := nv.Value.(*starlark.Function); ok {
				return functionParams(fn, 1)
			}
			return docParams(k.Doc(), k.Name())
		}
	}
	return nil
}

// functionParams lists fn's named parameters after the first skip.
func functionParams(fn *starlark.Function, skip int) []string {
	n := fn.NumParams()
	if fn.HasVarargs() {
		n--
	}
	if fn.HasKwargs() {
		n--
	}
	var names []string
	for i := skip; i < n; i++ {
		name, _ := fn.Param(i)
		names = append(names, name)
	}
	return names
}
