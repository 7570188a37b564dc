package runtime

import (
	"errors"
	"fmt"
	goruntime "runtime"
	"sync"

	"github.com/cellscript/cellscript/builtins/core"
	"go.starlark.net/starlark"
)

// A generator runs its body on a goroutine of its own, with its own
// Starlark thread, handing each yielded value to the consumer through
// channels so that only one side runs at a time. The front end turns a
// def containing yield into `return __generator__(body)` and each
// `yield v` into `__yield__(v)`.
//
// Abandoning a generator leaks nothing: the Generator value the script
// holds is separate from the state the goroutine uses, and a cleanup on
// the Generator closes that state once the script drops it, which makes
// the pending __yield__ fail and the body unwind.

// errGeneratorClosed unwinds a generator body whose consumer is gone.
var errGeneratorClosed = errors.New("generator closed")

type genState struct {
	body   starlark.Callable
	parent *starlark.Thread
	name   string

	once    sync.Once
	resume  chan struct{}  // consumer -> body: produce the next value
	values  chan genResult // body -> consumer
	closed  chan struct{}
	closeMu sync.Once
	done    bool
}

type genResult struct {
	value starlark.Value
	err   error
	end   bool
}

// Generator is a lazy Python generator object.
type Generator struct{ st *genState }

var (
	_ starlark.Iterable = (*Generator)(nil)
	_ starlark.HasAttrs = (*Generator)(nil)
)

func newGenerator(parent *starlark.Thread, body starlark.Callable) *Generator {
	st := &genState{
		body:   body,
		parent: parent,
		name:   pythonFunctionName(body.Name()),
		resume: make(chan struct{}),
		values: make(chan genResult),
		closed: make(chan struct{}),
	}
	g := &Generator{st: st}
	goruntime.AddCleanup(g, func(s *genState) { s.close() }, st)
	return g
}

func (g *Generator) String() string        { return fmt.Sprintf("<generator object %s>", g.st.name) }
func (g *Generator) Type() string          { return "generator" }
func (g *Generator) Freeze()               {}
func (g *Generator) Truth() starlark.Bool  { return true }
func (g *Generator) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable type: 'generator'") }

// Iterate returns an iterator over the remaining values; the generator
// is its own iterator, as in Python, so a loop that breaks early leaves
// it usable.
func (g *Generator) Iterate() starlark.Iterator { return &genIter{g: g} }

type genIter struct {
	g   *Generator
	err error
}

func (it *genIter) Next(p *starlark.Value) bool {
	v, ok, err := it.g.st.next()
	if err != nil {
		// Starlark's for loop and list() cannot see iterator errors, so
		// the consumer thread is cancelled and the runtime reports the
		// generator's error in place of the cancellation.
		it.err = err
		parent := it.g.st.parent
		parent.SetLocal(pendingErrKey, err)
		parent.Cancel("generator raised: " + err.Error())
		return false
	}
	if ok {
		*p = v
	}
	return ok
}

func (it *genIter) Done() {}

// Err reports the error that ended iteration, if any.
func (it *genIter) Err() error { return it.err }

// Attr exposes close() and __next__.
func (g *Generator) Attr(name string) (starlark.Value, error) {
	switch name {
	case "close":
		return starlark.NewBuiltin("close", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			g.st.close()
			return starlark.None, nil
		}), nil
	case "__next__":
		return starlark.NewBuiltin("__next__", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return g.Next()
		}), nil
	}
	return nil, nil
}

// AttrNames lists the generator methods.
func (g *Generator) AttrNames() []string { return []string{"__next__", "close"} }

// Next returns the next value or a StopIteration error.
func (g *Generator) Next() (starlark.Value, error) {
	v, ok, err := g.st.next()
	if err != nil {
		return nil, &generatorError{err: err}
	}
	if !ok {
		return nil, core.Errorf("StopIteration", "")
	}
	return v, nil
}

// generatorError carries an error that a generator body raised to the
// consumer that called next(). go.starlark.net's Call wraps a builtin's error
// in an EvalError with the consumer's call stack unless the error already
// is one, and the generator's error is an EvalError of the generator's
// own thread. Hiding it behind this type keeps both stacks, so the
// traceback runs from the module through next() into the generator body.
type generatorError struct{ err error }

func (e *generatorError) Error() string { return e.err.Error() }
func (e *generatorError) Unwrap() error { return e.err }

const (
	genKey        = "cellscript.generator"
	pendingErrKey = "cellscript.pending_error"
)

func (st *genState) start() {
	go func() {
		select {
		case <-st.resume:
		case <-st.closed:
			return
		}
		thread := &starlark.Thread{Name: "generator " + st.name, Print: st.parent.Print, Load: st.parent.Load}
		core.InheritLocals(st.parent, thread)
		thread.SetLocal(genKey, st)
		stop := bindChildThread(st.parent, thread)
		defer stop()
		_, err := guardedCall(thread, st.body, nil, nil)
		if errors.Is(err, errGeneratorClosed) {
			return
		}
		select {
		case st.values <- genResult{err: err, end: true}:
		case <-st.closed:
		}
	}()
}

func (st *genState) next() (starlark.Value, bool, error) {
	if st.done {
		return nil, false, nil
	}
	st.once.Do(st.start)
	select {
	case st.resume <- struct{}{}:
	case <-st.closed:
		st.done = true
		return nil, false, nil
	}
	r := <-st.values
	if r.end {
		st.done = true
		st.close()
		if r.err != nil {
			return nil, false, r.err
		}
		return nil, false, nil
	}
	return r.value, true, nil
}

func (st *genState) close() {
	st.closeMu.Do(func() { close(st.closed) })
}

// yield hands v to the consumer and waits to be resumed.
func (st *genState) yield(v starlark.Value) error {
	select {
	case st.values <- genResult{value: v}:
	case <-st.closed:
		return errGeneratorClosed
	}
	select {
	case <-st.resume:
		return nil
	case <-st.closed:
		return errGeneratorClosed
	}
}

func generatorBuiltins() starlark.StringDict {
	return starlark.StringDict{
		"__generator__": starlark.NewBuiltin("__generator__", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) != 1 {
				return nil, fmt.Errorf("__generator__: want one body function")
			}
			body, ok := args[0].(starlark.Callable)
			if !ok {
				return nil, fmt.Errorf("__generator__: body is %s, not callable", args[0].Type())
			}
			return newGenerator(thread, body), nil
		}),
		"__yield__": starlark.NewBuiltin("__yield__", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			st, ok := thread.Local(genKey).(*genState)
			if !ok || len(args) != 1 {
				return nil, core.Errorf("SyntaxError", "'yield' outside function")
			}
			return starlark.None, st.yield(args[0])
		}),
		"__yield_from__": starlark.NewBuiltin("__yield_from__", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			st, ok := thread.Local(genKey).(*genState)
			if !ok || len(args) != 1 {
				return nil, core.Errorf("SyntaxError", "'yield from' outside function")
			}
			// Python iterates a str by characters, and a set or dict view
			// too, which Starlark's own iteration does not.
			return starlark.None, forEachElement(args[0], st.yield)
		}),
	}
}
