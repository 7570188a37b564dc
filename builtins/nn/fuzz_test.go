package nn

import (
	"errors"
	"math"
	"sort"
	"testing"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// FuzzLossArguments constructs every loss Cell and functional loss with
// arguments and input tensors decoded from bytes: constructor values of
// every Python type, tensors of any small shape and dtype. Bad input
// must raise ValueError, TypeError or IndexError with a message, as
// MindSpore does (CTC's length checks raise RuntimeError); a Go panic or
// another exception type fails.
func FuzzLossArguments(f *testing.F) {
	f.Add(uint8(2), []byte{0}, []byte{2, 2, 3, 0, 2, 2, 3, 0})
	f.Add(uint8(7), []byte{1, 4}, []byte{2, 4, 3, 0, 1, 4, 2})
	f.Add(uint8(19), []byte{2, 5, 6}, []byte{2, 2, 3, 1, 2, 2, 3, 1, 1, 2, 3})
	f.Add(uint8(40), []byte{0}, []byte{1, 3, 0, 1, 3, 0})
	f.Add(uint8(26), []byte{3, 9, 10, 11}, []byte{3, 2, 2, 2, 4, 3, 2, 2, 2, 0})
	f.Add(uint8(33), []byte{}, []byte{0, 0, 0, 0})
	losses := fuzzLosses()
	f.Fuzz(func(t *testing.T, choice uint8, params, inputs []byte) {
		l := losses[int(choice)%len(losses)]
		thread := &starlark.Thread{Name: "fuzz"}
		args := fuzzParams(params)
		tensors := fuzzTensors(t, inputs)
		what := l.name + " with arguments " + starlark.Tuple(args).String()
		var err error
		if l.class != nil {
			var cell starlark.Value
			cell, err = starlark.Call(thread, l.class, args, nil)
			if err == nil {
				what += " called on " + shapes(tensors)
				_, err = starlark.Call(thread, cell, tensors, nil)
			}
		} else {
			what += " after tensors " + shapes(tensors)
			_, err = starlark.Call(thread, l.fn, append(append(starlark.Tuple{}, tensors...), args...), nil)
		}
		if err == nil {
			return
		}
		var p *pyobj.PanicError
		if errors.As(err, &p) {
			t.Fatalf("%s: Go panic: %v\n%s", what, p, p.Stack)
		}
		switch typ, msg := pyobj.Classify(err); {
		case typ == "RuntimeError" && l.kernelChecks:
			// MindSpore's CTC kernel raises RuntimeError for lengths
			// that do not fit the inputs.
		case typ != "ValueError" && typ != "TypeError" && typ != "IndexError":
			t.Fatalf("%s: %s: %s, want ValueError, TypeError or IndexError", what, typ, msg)
		case msg == "":
			t.Fatalf("%s: %s without a message", what, typ)
		}
	})
}

type fuzzLoss struct {
	name  string
	class *pyobj.Class
	fn    starlark.Callable
	// kernelChecks marks a loss whose input checks raise RuntimeError.
	kernelChecks bool
}

// fuzzLosses lists the loss Cells and the functional losses in a fixed
// order, so that a corpus entry keeps naming the same loss.
func fuzzLosses() []fuzzLoss {
	var out []fuzzLoss
	for _, c := range LossCatalogue() {
		out = append(out, fuzzLoss{name: "nn." + c.Name(), class: c, kernelChecks: c == CTCLoss})
	}
	fns := FunctionalLosses()
	names := fns.Keys()
	sort.Strings(names)
	for _, name := range names {
		out = append(out, fuzzLoss{name: "ops." + name, fn: fns[name].(starlark.Callable), kernelChecks: name == "ctc_loss"})
	}
	return out
}

// fuzzValues are the constructor arguments a fuzz input picks from.
var fuzzValues = []starlark.Value{
	starlark.String("mean"), starlark.String("sum"), starlark.String("none"), starlark.String("bogus"),
	starlark.MakeInt(0), starlark.MakeInt(1), starlark.MakeInt(-1), starlark.MakeInt(3),
	starlark.Float(0.5), starlark.Float(-2.5), starlark.Float(math.NaN()), starlark.Float(1e30),
	starlark.True, starlark.False, starlark.None, starlark.String(""),
	starlark.NewList([]starlark.Value{starlark.Float(1), starlark.Float(2)}), starlark.Tuple{},
}

// fuzzParams decodes up to four constructor arguments.
func fuzzParams(b []byte) starlark.Tuple {
	var args starlark.Tuple
	for i := 0; i < len(b) && i < 4; i++ {
		args = append(args, fuzzValues[int(b[i])%len(fuzzValues)])
	}
	return args
}

var fuzzInputDTypes = []engine.DType{engine.Float32, engine.Float64, engine.Int32, engine.Int64, engine.Bool}

// fuzzTensors decodes up to four input tensors, each from a rank byte,
// its dimensions (0 to 4) and a dtype byte. Values cycle through small
// non-negative integers and halves, so that integer tensors are valid
// class labels for small class counts.
func fuzzTensors(t *testing.T, b []byte) starlark.Tuple {
	var out starlark.Tuple
	for len(b) > 0 && len(out) < 4 {
		rank := int(b[0]) % 4
		b = b[1:]
		shape := make([]int, 0, rank)
		for len(shape) < rank && len(b) > 0 {
			shape = append(shape, int(b[0])%5)
			b = b[1:]
		}
		d := engine.Float32
		if len(b) > 0 {
			d = fuzzInputDTypes[int(b[0])%len(fuzzInputDTypes)]
			b = b[1:]
		}
		values := make([]float64, engine.Numel(shape))
		for i := range values {
			values[i] = float64(i%3) + 0.5*float64(i%2)
		}
		x, err := engine.FromValues(d, values, shape...)
		if err != nil {
			t.Fatalf("FromValues %v: %v", shape, err)
		}
		out = append(out, tensor.New(x))
	}
	return out
}

func shapes(ts starlark.Tuple) string {
	s := ""
	for i, v := range ts {
		if i > 0 {
			s += ", "
		}
		x, _, _ := tensor.Of(v)
		s += x.DType().String() + engine.FormatShape(x.Shape())
	}
	return "(" + s + ")"
}
