package runtime_test

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/runtime"
)

// describe prints the parts of a runtime error that a host inspects:
// the Python exception type, the message and the innermost script line.
func describe(label string, err error) {
	var e *runtime.Error
	if !errors.As(err, &e) {
		fmt.Printf("%s: %v\n", label, err)
		return
	}
	line := "no script frame"
	if n := len(e.Traceback); n > 0 {
		f := e.Traceback[n-1]
		line = fmt.Sprintf("%s line %d", f.File, f.Line)
	}
	fmt.Printf("%s: %s: %s (%s)\n", label, e.Type, e.Message, line)
}

const checkedSource = `
import mindspore.nn as nn
import mindspore.ops as ops

class SquaredError(nn.LossBase):
    def __init__(self, reduction="mean"):
        super().__init__(reduction)
        self.square = ops.Square()

    def construct(self, logits, labels):
        return self.get_loss(self.square(logits - labels))

def check_positive(x):
    if x <= 0:
        raise ValueError("x must be positive, got %s" % x)
    return x
`

// Each misuse below comes back as a Go error that errors.As turns into
// a *runtime.Error: wrong Go arguments, a syntax error, an exception the
// script raises, a missing name, tensors of the wrong shape and a Go
// panic in a host function.
func Example_errors() {
	ctx := context.Background()
	rt := runtime.New(runtime.Options{})
	defer rt.Close()
	mod, err := rt.ExecSource(ctx, "checked.py", []byte(checkedSource))
	if err != nil {
		fmt.Print(rt.FormatError(err))
		return
	}
	loss, _ := mod.New(ctx, "SquaredError", nil, nil)
	labels, _ := engine.FromFloat32([]float32{1, 2, 3})

	_, err = loss.Call(ctx, struct{}{}, labels)
	describe("Go struct argument", err)

	_, err = rt.ExecSource(ctx, "broken.py", []byte("x = 1\ny = (x +\n"))
	describe("syntax error", err)

	_, err = mod.Call(ctx, "check_positive", -2)
	describe("raised exception", err)

	_, err = mod.Call(ctx, "check_postive", 2)
	describe("missing function", err)

	four, _ := engine.FromFloat32([]float32{1, 2, 3, 4})
	_, err = loss.Call(ctx, four, labels)
	describe("wrong shape", err)

	_, err = mod.New(ctx, "SquaredError", []any{"avg"}, nil)
	describe("invalid reduction", err)

	// A panic in Go code under a call becomes a RuntimeError whose
	// cause is a *PanicError.
	panicky := runtime.NewFunction("panicky", func(*runtime.Call) (any, error) {
		panic("a bug in the host")
	})
	_, err = rt.NewObject(panicky).Call(ctx)
	var bug *runtime.PanicError
	var e *runtime.Error
	if errors.As(err, &e) {
		fmt.Println("Go panic:", e.Type, errors.As(err, &bug))
	}

	// A nil context means context.Background().
	out, err := mod.Call(nil, "check_positive", 2)
	fmt.Println("nil context:", out, err)

	// Runtime.FormatError prints the traceback as CPython does.
	_, err = mod.Call(ctx, "check_positive", 0)
	fmt.Print(rt.FormatError(err))
	// Output:
	// Go struct argument: TypeError: SquaredError: argument 1: cannot convert a Go struct {} to a script value; pass numbers, strings, slices, maps, *engine.Tensor or starlark.Value (no script frame)
	// syntax error: SyntaxError: '(' was never closed (broken.py line 2)
	// raised exception: ValueError: x must be positive, got -2 (checked.py line 15)
	// missing function: NameError: name 'check_postive' is not defined in checked.py. Did you mean: 'check_positive'? (no script frame)
	// wrong shape: ValueError: operator -: shapes (4,) and (3,) do not broadcast (checked.py line 11)
	// invalid reduction: ValueError: For 'SquaredError', the 'reduction' must be in ['mean', 'sum', 'none'], but got avg. (checked.py line 7)
	// Go panic: RuntimeError true
	// nil context: 2 <nil>
	// Traceback (most recent call last):
	//   File "checked.py", line 15, in check_positive
	//     raise ValueError("x must be positive, got %s" % x)
	// ValueError: x must be positive, got 0
}

// Share one runtime and one frozen loss Cell between goroutines, and
// give other goroutines runtimes of their own. Run with -race. The
// losses are the mean Huber losses (delta 1) of logits [i, i/2, -i]
// against labels [0, 1, 0], which NumPy 1.24 computes to the same six
// decimals.
func Example_concurrentCalls() {
	ctx := context.Background()
	rt := runtime.New(runtime.Options{})
	defer rt.Close()
	mod, err := rt.ExecSource(ctx, "huber.py", []byte(huberSource))
	if err != nil {
		fmt.Print(rt.FormatError(err))
		return
	}
	shared, _ := mod.New(ctx, "HuberLoss", nil, nil)
	// Freezing turns an accidental change of the shared Cell by a
	// script into an error instead of a data race.
	if err := shared.Freeze(); err != nil {
		fmt.Println(err)
		return
	}

	inputs := func(i int) (logits, labels *engine.Tensor) {
		x := float32(i)
		logits, _ = engine.FromFloat32([]float32{x, x / 2, -x})
		labels, _ = engine.FromFloat32([]float32{0, 1, 0})
		return logits, labels
	}
	losses := make([]float64, 8)
	errs := make([]error, 8)
	var wg sync.WaitGroup
	for i := range 4 { // goroutines 0-3 share rt and its Cell
		wg.Add(1)
		go func() {
			defer wg.Done()
			logits, labels := inputs(i)
			out, err := shared.Call(ctx, logits, labels)
			if err == nil {
				losses[i], err = out.Float()
			}
			errs[i] = err
		}()
	}
	for i := 4; i < 8; i++ { // goroutines 4-7 each make a runtime
		wg.Add(1)
		go func() {
			defer wg.Done()
			own := runtime.New(runtime.Options{})
			defer own.Close()
			m, err := own.ExecSource(ctx, "huber.py", []byte(huberSource))
			if err != nil {
				errs[i] = err
				return
			}
			loss, err := m.New(ctx, "HuberLoss", nil, nil)
			if err != nil {
				errs[i] = err
				return
			}
			logits, labels := inputs(i)
			out, err := loss.Call(ctx, logits, labels)
			if err == nil {
				losses[i], err = out.Float()
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	fmt.Println("errors:", errors.Join(errs...))
	fmt.Printf("losses: %.6f\n", losses)
	// Output:
	// errors: <nil>
	// losses: [0.166667 0.375000 1.000000 1.708333 2.500000 3.333333 4.166667 5.000000]
}
