package syntax

import (
	"slices"
	"testing"
)

func TestSignatureQualnames(t *testing.T) {
	src := `class A:
    class B:
        def m(self, x, y=1, *args, k, j=2, **kw):
            f = lambda z: z
    def outer(self):
        def inner():
            pass
        return inner
g = lambda: 0
`
	_, info, err := ParseWithInfo("q.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	// Qualnames were checked against CPython 3.11's __qualname__.
	want := map[string]bool{
		"A.B.m":                   true,
		"A.B.m.<locals>.<lambda>": true,
		"A.outer":                 true,
		"A.outer.<locals>.inner":  true,
		"<lambda>":                true,
	}
	for _, sig := range info.Signatures {
		if !want[sig.Qualname] {
			t.Errorf("unexpected qualname %q", sig.Qualname)
		}
		delete(want, sig.Qualname)
	}
	for q := range want {
		t.Errorf("missing qualname %q", q)
	}
}

func TestSignatureParameters(t *testing.T) {
	_, info, err := ParseWithInfo("p.py", []byte("def m(self, x, y=1, *args, k, j=2, **kw):\n    pass\n"))
	if err != nil {
		t.Fatal(err)
	}
	sig, ok := info.Enclosing("m", Pos{Line: 2, Col: 5})
	if !ok {
		t.Fatal("Enclosing found no function around line 2")
	}
	if !slices.Equal(sig.Positional, []string{"self", "x", "y"}) {
		t.Errorf("Positional = %v, want [self x y]", sig.Positional)
	}
	if sig.Defaults != 1 {
		t.Errorf("Defaults = %d, want 1", sig.Defaults)
	}
	if !slices.Equal(sig.KeywordOnly, []string{"k", "j"}) {
		t.Errorf("KeywordOnly = %v, want [k j]", sig.KeywordOnly)
	}
	if !sig.Varargs || !sig.Kwargs {
		t.Errorf("Varargs, Kwargs = %v, %v, want true, true", sig.Varargs, sig.Kwargs)
	}
	if _, ok := info.Enclosing("m", Pos{Line: 5, Col: 1}); ok {
		t.Error("Enclosing found m at line 5, past its end")
	}
}

func TestCallKeywords(t *testing.T) {
	_, info, err := ParseWithInfo("c.py", []byte("f(1, a=2, b=3)\nf(1, **d)\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := info.CallKeywords[Pos{Line: 1, Col: 2}]; !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("keywords of line 1 = %v, want [a b]", got)
	}
	if got, ok := info.CallKeywords[Pos{Line: 2, Col: 2}]; ok {
		t.Errorf("keywords of a call with ** = %v, want none recorded", got)
	}
}
