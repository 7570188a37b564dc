package pyobj

import (
	"errors"

	"go.starlark.net/starlark"
)

// Iterate implements iteration for for loops, list() and other
// go.starlark.net consumers. Errors other than the end of iteration,
// including TypeError for a class that defines neither __iter__ nor
// __getitem__, stop the thread as the package documentation describes.
// Iterate never returns nil, because go.starlark.net's list() and
// tuple() call Done on the result of any Iterable without a check.
func (x *Instance) Iterate() starlark.Iterator {
	thread := x.callThread()
	it, err := newPyIterator(thread, x)
	if err == nil && it == nil {
		err = TypeErrorf("'%s' object is not iterable", x.class.name)
	}
	if err != nil {
		return &instanceIterator{thread: thread, err: err}
	}
	return &instanceIterator{thread: thread, it: it}
}

// instanceIterator adapts a pyIterator to starlark.Iterator.
type instanceIterator struct {
	thread *starlark.Thread
	it     *pyIterator
	err    error // from __iter__, reported on the first Next
}

func (ii *instanceIterator) Next(p *starlark.Value) bool {
	if ii.err != nil {
		deferError(ii.thread, ii.err)
		ii.err = nil
		return false
	}
	if ii.it == nil {
		return false
	}
	v, ok, err := ii.it.next(ii.thread)
	if err != nil {
		deferError(ii.thread, err)
		return false
	}
	if ok {
		*p = v
	}
	return ok
}

func (ii *instanceIterator) Done() {
	if ii.it != nil {
		ii.it.done()
	}
}

// pyIterator runs one of Python's iteration protocols: __next__ on the
// iterator that __iter__ returned, a Starlark iterable that __iter__
// returned, or __getitem__ with 0, 1, 2, ... until IndexError.
type pyIterator struct {
	iterator *Instance         // has __next__
	starlark starlark.Iterator // from an iterable that __iter__ returned
	sequence *Instance         // has __getitem__ and no __iter__
	index    int
}

// newPyIterator returns an iterator over x, or nil when x is not iterable.
func newPyIterator(thread *starlark.Thread, x *Instance) (*pyIterator, error) {
	if method := specialMethod(x, "__iter__"); method != nil {
		result, err := callClassAttr(thread, x, method, nil, nil)
		if err != nil {
			return nil, err
		}
		return iteratorOf(result)
	}
	if specialMethod(x, "__getitem__") != nil {
		return &pyIterator{sequence: x}, nil
	}
	return nil, nil
}

// iteratorOf wraps the value that __iter__ returned.
func iteratorOf(v starlark.Value) (*pyIterator, error) {
	if it, ok := v.(*Instance); ok {
		if specialMethod(it, "__next__") == nil {
			return nil, TypeErrorf("iter() returned non-iterator of type '%s'", it.class.name)
		}
		return &pyIterator{iterator: it}, nil
	}
	// NOTE: Python requires __iter__ to return an iterator. A Starlark
	// list, tuple or other iterable is accepted as well, because Starlark
	// has no iter() to turn one into an iterator.
	if iterable, ok := v.(starlark.Iterable); ok {
		return &pyIterator{starlark: iterable.Iterate()}, nil
	}
	return nil, TypeErrorf("iter() returned non-iterator of type '%s'", pythonTypeName(v))
}

// next returns the next element, or ok false at the end.
func (it *pyIterator) next(thread *starlark.Thread) (v starlark.Value, ok bool, err error) {
	switch {
	case it.iterator != nil:
		v, _, err = callSpecial(thread, it.iterator, "__next__")
		if isException(err, StopIteration) {
			return nil, false, nil
		}
		return v, err == nil, err
	case it.starlark != nil:
		ok = it.starlark.Next(&v)
		return v, ok, nil
	case it.sequence != nil:
		v, _, err = callSpecial(thread, it.sequence, "__getitem__", starlark.MakeInt(it.index))
		if isException(err, IndexError) || isException(err, StopIteration) {
			return nil, false, nil
		}
		it.index++
		return v, err == nil, err
	}
	return nil, false, nil
}

func (it *pyIterator) done() {
	if it.starlark != nil {
		it.starlark.Done()
	}
}

// isException reports whether err is an exception of class c or of a
// subclass. Errors from go.starlark.net count by their Classify type, so
// a list index out of range inside __getitem__ ends iteration.
func isException(err error, c *Class) bool {
	if err == nil {
		return false
	}
	var e *Error
	if errors.As(err, &e) {
		return e.exc.class.isSubclassOf(c)
	}
	typ, _ := Classify(err)
	k := ExceptionClass(typ)
	return k != nil && k.isSubclassOf(c)
}
