package runtime

import (
	"testing"

	"github.com/cellscript/cellscript/runtime/syntax"
)

// TestPythonOnlyMethodsRouted checks that the parser sends every call of
// a str, int or float method that go.starlark.net lacks to
// __method_call__, where the runtime implements it.
func TestPythonOnlyMethodsRouted(t *testing.T) {
	for name := range stringMethods {
		if !syntax.RoutesMethod(name) {
			t.Errorf("str.%s is implemented but x.%s(...) is not routed to __method_call__", name, name)
		}
	}
	for name := range numberMethods {
		if !syntax.RoutesMethod(name) {
			t.Errorf("%s is implemented but x.%s(...) is not routed to __method_call__", name, name)
		}
	}
}
