package runtime

import (
	"context"
	"errors"
	"fmt"

	"github.com/cellscript/cellscript/builtins/train"
	"go.starlark.net/starlark"
)

// ErrStopTraining, returned by a TrainOptions hook, ends training
// cleanly, as run_context.request_stop() does: a StepEnd that returns it
// stops after that step, an EpochEnd after that epoch. The epoch-end and
// train-end callbacks still run, and Train returns nil.
var ErrStopTraining = train.ErrStop

// TrainStep describes a finished training step.
type TrainStep struct {
	Epoch int     // from 1
	Step  int     // counted across epochs, from 1
	Loss  float64 // as LossMonitor prints it: the mean of the loss output
}

// TrainEpoch describes a finished epoch.
type TrainEpoch struct {
	Epoch    int     // from 1
	Steps    int     // steps run in the epoch
	MeanLoss float64 // the mean of the epoch's step losses
}

// TrainOptions configures Runtime.Train.
type TrainOptions struct {
	Epochs int // at least 1
	// Callbacks are script callbacks, such as a LossMonitor(), run before
	// the hooks below.
	Callbacks []*Object
	// StepEnd and EpochEnd, when not nil, run on the training goroutine
	// after each step and epoch. Returning ErrStopTraining stops training
	// cleanly; any other error aborts it, and Train returns an *Error
	// that wraps the hook's error.
	StepEnd  func(TrainStep) error
	EpochEnd func(TrainEpoch) error
}

// Train runs model.train(opts.Epochs, dataset, callbacks=...,
// dataset_sink_mode=False) for a mindspore.Model that a script built,
// reporting progress to the hooks in opts. Cancelling ctx stops training
// between steps with an error that matches ctx.Err(), leaving the
// parameters as the last finished step updated them. Calling Train
// again resumes from those parameters and the optimizer's state (such
// as momentum), with epochs and steps counted from 1 again and the
// dataset read from its start. Train updates the model's parameters, so
// the model must not be used by other goroutines while it runs.
func (rt *Runtime) Train(ctx context.Context, model, dataset *Object, opts TrainOptions) error {
	if !rt.usable() {
		return noRuntimeError()
	}
	if err := model.check(); err != nil {
		return typeError("Train: the model argument: %s; pass the mindspore.Model the script built", errorMessage(err))
	}
	if !train.Model.IsInstance(model.v) {
		return typeError("Train: the model is a %s, not a mindspore.Model", model.Type())
	}
	if err := dataset.check(); err != nil {
		return typeError("Train: the dataset argument: %s; pass the dataset the script built, such as a GeneratorDataset", errorMessage(err))
	}
	if opts.Epochs < 1 {
		return &Error{Type: "ValueError", Message: fmt.Sprintf("Train: Epochs is %d; it must be at least 1", opts.Epochs)}
	}
	callbacks := make([]starlark.Value, 0, len(opts.Callbacks))
	for _, cb := range opts.Callbacks {
		if err := cb.check(); err != nil {
			return err
		}
		callbacks = append(callbacks, cb.v)
	}
	_, err := rt.run(ctx, "Model.train", func(thread *starlark.Thread) (starlark.Value, error) {
		hooks := trainHooks(thread, &opts)
		return starlark.None, train.RunModel(thread, model.v, dataset.v, opts.Epochs, callbacks, hooks)
	})
	return err
}

// trainHooks adapts the hooks of opts to the train package's, adding the
// epoch's mean loss and turning a panic in a hook into a RuntimeError
// with the script traceback.
func trainHooks(thread *starlark.Thread, opts *TrainOptions) *train.Hooks {
	var epochLoss float64
	var epochSteps int
	return &train.Hooks{
		StepEnd: func(epoch, step int, loss float64) error {
			epochLoss += loss
			epochSteps++
			if opts.StepEnd == nil {
				return nil
			}
			return runHook(thread, func() error {
				return opts.StepEnd(TrainStep{Epoch: epoch, Step: step, Loss: loss})
			})
		},
		EpochEnd: func(epoch int) error {
			summary := TrainEpoch{Epoch: epoch, Steps: epochSteps}
			if epochSteps > 0 {
				summary.MeanLoss = epochLoss / float64(epochSteps)
			}
			epochLoss, epochSteps = 0, 0
			if opts.EpochEnd == nil {
				return nil
			}
			return runHook(thread, func() error { return opts.EpochEnd(summary) })
		},
	}
}

// runHook runs a Go hook and returns a RuntimeError in place of a panic.
func runHook(thread *starlark.Thread, hook func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = panicError(r, thread)
		}
	}()
	return hook()
}

// errorMessage returns the message of a runtime error without its type.
func errorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}
