package dataset

import (
	"errors"
	"testing"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// panickyIterable is a host value whose iterator panics on its second
// element, after one good row.
type panickyIterable struct{}

func (panickyIterable) String() string        { return "panicky" }
func (panickyIterable) Type() string          { return "panicky" }
func (panickyIterable) Freeze()               {}
func (panickyIterable) Truth() starlark.Bool  { return true }
func (panickyIterable) Hash() (uint32, error) { return 0, nil }
func (panickyIterable) Iterate() starlark.Iterator {
	return &panickyIterator{}
}

type panickyIterator struct{ n int }

func (it *panickyIterator) Next(p *starlark.Value) bool {
	it.n++
	if it.n > 1 {
		var rows []starlark.Value
		*p = rows[it.n]
	}
	*p = starlark.Float(1)
	return true
}
func (*panickyIterator) Done() {}

// panickyStage panics when opened.
type panickyStage struct{ iterStage }

func (*panickyStage) open(*starlark.Thread, int) (Pull, error) { panic("open exploded") }

func TestDatasetIterationRecoversPanics(t *testing.T) {
	thread := &starlark.Thread{Name: "guard"}
	d := &Dataset{st: &iterStage{source: panickyIterable{}, cols: []string{"x"}}}
	pull, err := d.Open(thread, 0)
	if err != nil {
		t.Fatal(err)
	}
	row, ok, err := pull()
	if err != nil || !ok || len(row) != 1 || row[0].Float(0) != 1 {
		t.Fatalf("first row = %v, %v, %v; want one column holding 1", row, ok, err)
	}
	_, _, err = pull()
	var p *pyobj.PanicError
	if !errors.As(err, &p) || p.Call != "dataset iteration" {
		t.Fatalf("second pull: error %v, want a *pyobj.PanicError from dataset iteration", err)
	}
}

func TestDatasetOpenRecoversPanics(t *testing.T) {
	d := &Dataset{st: &panickyStage{}}
	_, err := d.Open(&starlark.Thread{}, 0)
	var p *pyobj.PanicError
	if !errors.As(err, &p) || p.Value != "open exploded" {
		t.Fatalf("error %v, want the *pyobj.PanicError of the open panic", err)
	}
}
