// Package runtime runs MindSpore-style Python scripts on the cellscript
// engine and lets a Go program embed them. A host keeps its data and
// training loop in Go, and the parts people change often, such as a loss
// or a model, live in a script that is edited without recompiling.
//
// # Lifecycle
//
// A host creates one Runtime, loads scripts into Modules, and calls what
// the scripts define:
//
//	rt := runtime.New(runtime.Options{Seed: 1})
//	defer rt.Close()
//	mod, err := rt.ExecFile(ctx, "loss.py")                 // run the top level once
//	loss, err := mod.New(ctx, "FocalLoss", []any{2.0}, nil) // build a Cell
//	out, err := loss.Call(ctx, logits, labels)              // engine tensors in
//	value, err := out.Float()                               // a Go number out
//
// The package name is also the name of the standard library's runtime
// package, so a file that needs both imports this one under another
// name, such as csruntime.
//
// Make the Runtime with New. A nil or zero Runtime is not usable: its
// Exec, Eval and call methods return a TypeError that names runtime.New,
// Close does nothing, Env returns nil and SourceLine returns "".
//
// ExecFile, ExecSource and ExecFS run a script's top level and return its
// globals frozen. Module.Get, Module.Call and Module.New reach them;
// every value comes back as an *Object, which can be called again,
// converted to Go (Object.Tensor, Object.Float, Object.Go) or passed to
// another call. Arguments are Go values that ToValue converts: engine
// tensors, numbers, strings, slices and maps; FromValue converts back.
// Loading a file again returns a new Module with the edited code, while
// Objects from the old one keep working.
//
// # Tensors and gradients
//
// engine.FromFloat32 and its siblings wrap Go slices as tensors without
// copying. A tensor passed to a script is the same tensor the script
// sees, so autograd records through script code: mark host tensors with
// SetRequiresGrad, call the loss, and take engine.Grad of the result with
// respect to them or to a Cell's Parameters (Object.Parameters).
//
// # Extending scripts with Go
//
// NewFunction and NewClass wrap Go functions and Go-backed classes;
// Runtime.RegisterModule makes them importable. A Func receives a *Call
// whose Unpack converts arguments, and returns errors made with Errorf to
// raise a chosen Python exception.
//
// # Training
//
// Runtime.Train runs a script's mindspore.Model.train with Go hooks after
// each step and epoch; a hook returns ErrStopTraining to stop early. A
// host may instead run its own loop: call the loss, take engine.Grad
// with respect to Parameters and update their storage in place.
//
// # Errors
//
// Every failure of a call that runs or reaches script code (the Exec
// methods, Module and Object methods, Train) is an *Error, which
// errors.As reaches. It holds the Python exception type, the message and
// the script traceback, outermost call first. The traceback is empty when
// the call failed before script code ran, as for a Go argument that
// ToValue cannot convert, a missing global, or a context that had
// already ended. Runtime.FormatError prints the error as CPython does,
// with the source lines of the scripts that the runtime ran.
// ToValue, FromValue, NewClass and RegisterModule return plain errors.
//
// No Go panic crosses the API: a panic under a call, in a built-in or a
// host function, becomes a RuntimeError whose cause is a *PanicError,
// and the runtime stays usable.
//
// # Cancellation and limits
//
// Every call takes a context.Context, and a nil context means
// context.Background(). Cancelling it stops Starlark code
// at its next step and native loops at their next core.CheckCancel poll;
// the call returns an error that matches ctx.Err() with errors.Is (a
// KeyboardInterrupt, or a TimeoutError for a deadline). A deadline on the
// context bounds the wall time of a call. Options.MaxSteps bounds the
// Starlark steps of each call (ErrStepLimit) and Options.MaxTensorBytes
// the live tensor memory (MemoryError).
//
// # Concurrency
//
// A Runtime and its Modules are safe for concurrent use: each call runs
// on a Starlark thread of its own, and module globals are frozen. An
// *Object documents when it may be shared; in short, calls that only
// compute may run concurrently, while a Cell whose attributes or
// Parameters change (a training step) needs one goroutine at a time.
package runtime
