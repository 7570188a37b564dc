package pyobj

import (
	"sync"

	"go.starlark.net/starlark"
)

// MaxCallDepth is the Starlark call stack depth past which calls made
// through this package raise RecursionError. A method call takes two
// frames, one for the bound method and one for the function, so the
// default allows about 10000 nested method calls: ten times CPython's
// default recursion limit, and well below go.starlark.net's own limit of
// 100000 frames.
var MaxCallDepth = 20000

// callThread returns the thread on which x runs special methods that
// go.starlark.net calls without a thread.
func (x *Instance) callThread() *starlark.Thread {
	if x.thread != nil {
		return x.thread
	}
	// NOTE: an instance made without a thread (NewError builds exception
	// instances that way) runs script special methods on a fresh thread,
	// which has no thread-local values and no Print hook.
	return &starlark.Thread{Name: "pyobj"}
}

// call calls fn with the arguments and raises RecursionError past
// MaxCallDepth.
func call(thread *starlark.Thread, fn starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if thread.CallStackDepth() > MaxCallDepth {
		return nil, NewError(RecursionError, "maximum recursion depth exceeded")
	}
	return starlark.Call(thread, fn, args, kwargs)
}

// bindToInstance applies the descriptor rules to a class attribute read
// through instance x: functions and native methods bind x, staticmethod
// unwraps and classmethod binds the class of x. Properties are handled by
// the caller because their getter can fail.
func bindToInstance(v starlark.Value, x *Instance) starlark.Value {
	switch v := v.(type) {
	case *starlark.Function, *NativeMethod:
		return &BoundMethod{Self: x, Func: v.(starlark.Callable)}
	case *StaticMethod:
		return v.fn
	case *ClassMethod:
		return &BoundMethod{Self: x.class, Func: v.callable()}
	}
	return v
}

// bindToClass applies the descriptor rules to a class attribute read
// through class c: functions stay plain, staticmethod unwraps, classmethod
// binds c and a property returns itself.
func bindToClass(v starlark.Value, c *Class) starlark.Value {
	switch v := v.(type) {
	case *StaticMethod:
		return v.fn
	case *ClassMethod:
		return &BoundMethod{Self: c, Func: v.callable()}
	}
	return v
}

// callClassAttr calls the class attribute v as a method of x: functions
// and native methods receive x first, staticmethod receives only the
// arguments, classmethod receives the class, and a property's value is
// called with the arguments. A native method is called directly, without
// a Starlark frame.
func callClassAttr(thread *starlark.Thread, x *Instance, v starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	switch v := v.(type) {
	case *NativeMethod:
		return v.callBound(thread, x, args, kwargs)
	case *starlark.Function:
		return call(thread, v, prepend(x, args), kwargs)
	case *Property:
		fn, err := v.get(thread, x)
		if err != nil {
			return nil, err
		}
		return call(thread, fn, args, kwargs)
	case nil:
		return nil, TypeErrorf("'%s' object has no such method", x.class.name)
	}
	return call(thread, bindToInstance(v, x), args, kwargs)
}

func prepend(x starlark.Value, args starlark.Tuple) starlark.Tuple {
	all := make(starlark.Tuple, 0, len(args)+1)
	all = append(all, x)
	return append(all, args...)
}

// specialMethod returns the special method name of x's class, or nil
// when the class does not define it or sets it to None. Python looks up
// special methods on the class only, never in the instance dictionary.
func specialMethod(x *Instance, name string) starlark.Value {
	v, _ := x.class.Lookup(name)
	if v == starlark.None {
		return nil
	}
	return v
}

// callSpecial calls the special method name of x and reports whether x
// defines it.
func callSpecial(thread *starlark.Thread, x *Instance, name string, args ...starlark.Value) (starlark.Value, bool, error) {
	method := specialMethod(x, name)
	if method == nil {
		return nil, false, nil
	}
	result, err := callClassAttr(thread, x, method, args, nil)
	return result, true, err
}

// deferredErrors maps each thread that deferError cancelled to the
// error, until ClearDeferredError removes it.
var deferredErrors sync.Map // *starlark.Thread -> error

// deferError stops the thread at its next step with err, for interface
// methods such as Truth and Iterator.Next that cannot return an error.
// The thread stays cancelled until ClearDeferredError or Uncancel.
//
// NOTE: thread is the instance's own. When another thread runs the loop
// or condition, that thread goes on and the instance's thread fails at
// its next step instead.
func deferError(thread *starlark.Thread, err error) {
	deferredErrors.LoadOrStore(thread, err)
	thread.Cancel(err.Error())
}

// ClearDeferredError lifts the cancellation that a deferred error put on
// thread and returns that error, or nil when there is none. An except
// clause that caught the error calls it so that the thread can go on, and
// a host calls it before it reuses the thread.
func ClearDeferredError(thread *starlark.Thread) error {
	err, ok := deferredErrors.LoadAndDelete(thread)
	if !ok {
		return nil
	}
	thread.Uncancel()
	return err.(error)
}
