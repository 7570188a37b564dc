package dataset

import "github.com/cellscript/cellscript/builtins/pyobj"

// guardPull returns pull wrapped so that a Go panic while producing a
// row, in a stage or in a host-made source value, becomes a
// *pyobj.PanicError: training loops and iterators call pull outside
// any Starlark call that would recover it.
func guardPull(pull Pull) Pull {
	return func() (row Row, ok bool, err error) {
		defer pyobj.RecoverPanic("dataset iteration", &err)
		return pull()
	}
}
