package runtime

import (
	"errors"
	"fmt"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// Func is the Go implementation of a function or method that scripts
// call. It returns a value that ToValue converts, or an error that the
// script receives as an exception. Errorf makes one of a chosen Python
// type. Any other error becomes a RuntimeError whose cause the host can
// still reach with errors.Is and errors.As. A panic in a Func becomes a
// RuntimeError with the script's traceback.
type Func func(c *Call) (any, error)

// NewFunction returns a script function named name that runs fn. Put it
// in a module with RegisterModule, or pass it to a script as an
// argument. The function is safe to call from many script threads at
// once if fn is.
func NewFunction(name string, fn Func) starlark.Value {
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return invoke(fn, &Call{Name: name, Args: args, Kwargs: kwargs}, thread)
	})
}

// Errorf returns an error that a script receives as a Python exception
// of type pyType, such as "ValueError" or "TypeError", with a formatted
// message. A name that is not a Python exception gives RuntimeError.
func Errorf(pyType, format string, args ...any) error {
	return core.Errorf(pyType, format, args...)
}

// invoke runs fn for one script call on thread and converts its result.
func invoke(fn Func, c *Call, thread *starlark.Thread) (result starlark.Value, err error) {
	c.Thread = thread
	c.Context = core.Context(thread)
	c.Runtime = runtimeOf(thread)
	defer func() {
		if r := recover(); r != nil {
			result, err = nil, panicError(r, thread)
		}
	}()
	out, err := fn(c)
	if err != nil {
		return nil, scriptError(err)
	}
	v, err := ToValue(out)
	if err != nil {
		return nil, core.Errorf("TypeError", "%s: cannot return its result to the script: %v", c.Name, err)
	}
	return v, nil
}

// scriptError keeps the Python type of an *Error that a host function
// passes on from a nested call; other errors pass unchanged.
func scriptError(err error) error {
	var e *Error
	if errors.As(err, &e) && e.Type != "" {
		return core.NewError(e.Type, e.Message)
	}
	return err
}

// ClassSpec describes a script class implemented in Go. Scripts create
// instances by calling the class and may subclass it.
type ClassSpec struct {
	Name   string // the Python class name
	Module string // the module shown in repr, such as "hostops"
	Doc    string
	// Init runs for ClassName(...) and returns the Go state of the new
	// instance, which every method receives as Call.State. Nil means the
	// class takes no constructor arguments and has no state.
	Init func(c *Call) (state any, err error)
	// Methods are the class's methods, in order.
	Methods []Method
}

// Method is one method of a ClassSpec.
type Method struct {
	Name string
	Func Func
}

// hostState is the Native value of an instance of a Go class. It tells a
// nil state apart from a missing __init__ call.
type hostState struct{ value any }

// NewClass returns the class that spec describes. Like every class, it
// is frozen and safe to use from any number of threads. Instances are
// not frozen, so a method that changes its State must guard it itself
// when scripts share the instance across goroutines.
func NewClass(spec ClassSpec) (class starlark.Value, err error) {
	if !isPythonName(spec.Name) {
		return nil, fmt.Errorf("runtime.NewClass: class name %q is not a Python identifier", spec.Name)
	}
	methods := []pyobj.Method{{Name: "__init__", Func: hostInit(spec)}}
	seen := map[string]bool{"__init__": true}
	for _, m := range spec.Methods {
		if m.Func == nil {
			return nil, fmt.Errorf("runtime.NewClass: %s.%s has no Func", spec.Name, m.Name)
		}
		if !isPythonName(m.Name) || seen[m.Name] {
			return nil, fmt.Errorf("runtime.NewClass: %s has an invalid or repeated method name %q (use Init for __init__)", spec.Name, m.Name)
		}
		seen[m.Name] = true
		methods = append(methods, pyobj.Method{Name: m.Name, Func: hostMethod(spec.Name, m)})
	}
	module := spec.Module
	if module == "" {
		module = "__host__"
	}
	return pyobj.NewNativeClass(pyobj.NativeSpec{Name: spec.Name, Module: module, Doc: spec.Doc, Methods: methods}), nil
}

func hostInit(spec ClassSpec) pyobj.MethodFunc {
	name := spec.Name + ".__init__"
	return func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if spec.Init == nil {
			if err := starlark.UnpackArgs(spec.Name, args, kwargs); err != nil {
				return nil, err
			}
			self.Native = &hostState{}
			return starlark.None, nil
		}
		var state any
		fn := func(c *Call) (any, error) {
			var err error
			state, err = spec.Init(c)
			return nil, err
		}
		if _, err := invoke(fn, &Call{Name: name, Args: args, Kwargs: kwargs, Self: self}, thread); err != nil {
			return nil, err
		}
		self.Native = &hostState{value: state}
		return starlark.None, nil
	}
}

func hostMethod(class string, m Method) pyobj.MethodFunc {
	name := class + "." + m.Name
	return func(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		st, ok := self.Native.(*hostState)
		if !ok {
			return nil, core.Errorf("RuntimeError", "%s: %s.__init__ was not called; a subclass's __init__ must call super().__init__(...)", name, class)
		}
		return invoke(m.Func, &Call{Name: name, Args: args, Kwargs: kwargs, Self: self, State: st.value}, thread)
	}
}

// RegisterModule makes a module of Go functions, classes and constants
// importable by this runtime's scripts as `import name` or `from name
// import member`. Convert Go constants with ToValue first; the members
// are frozen, as every module is. name must be
// a Python identifier that no built-in module uses; registering a name
// again replaces the module for later imports. Registered modules are
// importable whatever Options.Modules lists. RegisterModule is safe to
// call while scripts run.
func (rt *Runtime) RegisterModule(name string, members starlark.StringDict) error {
	if rt == nil || rt.hostModules == nil {
		return noRuntimeError()
	}
	if !isPythonName(name) {
		return fmt.Errorf("runtime.RegisterModule: module name %q is not a Python identifier (dotted names are not supported)", name)
	}
	if _, builtin := builders[name]; builtin || name == "sys" {
		return fmt.Errorf("runtime.RegisterModule: %q is a built-in module; choose another name", name)
	}
	copied := make(starlark.StringDict, len(members))
	for k, v := range members {
		if v == nil {
			return fmt.Errorf("runtime.RegisterModule: member %s.%s is nil; use starlark.None", name, k)
		}
		copied[k] = v
	}
	m := core.NewModule(name, copied)
	m.Freeze()
	rt.hostMu.Lock()
	defer rt.hostMu.Unlock()
	rt.hostModules[name] = m
	return nil
}

// hostModule returns a module added with RegisterModule.
func (rt *Runtime) hostModule(name string) (*core.Module, bool) {
	rt.hostMu.RLock()
	defer rt.hostMu.RUnlock()
	m, ok := rt.hostModules[name]
	return m, ok
}

func isPythonName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		letter := r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
		digit := r >= '0' && r <= '9'
		if !letter && !(digit && i > 0) {
			return false
		}
	}
	return true
}
