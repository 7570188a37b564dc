package train

import (
	"errors"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// ErrStop is what a Hooks function returns to end training cleanly, as
// run_context.request_stop() does. A StepEnd that returns it stops after
// that step, and an EpochEnd after that epoch. on_train_epoch_end and
// on_train_end still run, and the training call returns no error.
var ErrStop = errors.New("train: stop requested")

// Hooks lets Go code observe and stop Model.train, Model.fit and
// RunModel. Any field may be nil. The functions run on the training
// goroutine, between steps. An error other than ErrStop aborts training
// and is returned from the training call.
type Hooks struct {
	// TrainBegin runs once before the first epoch; stepsPerEpoch is -1
	// for an endless dataset.
	TrainBegin func(epochs, stepsPerEpoch int) error
	// StepEnd runs after every optimizer step (also in sink mode) with
	// the 1-based epoch, the global 1-based step and the mean loss.
	StepEnd func(epoch, step int, loss float64) error
	// EpochEnd runs after each epoch's callbacks.
	EpochEnd func(epoch int) error
	// TrainEnd runs once after training, also after a stop or an error.
	TrainEnd func()
}

const hooksKey = "cellscript.train.hooks"

// SetHooks makes every Model.train and Model.fit that scripts run on
// thread report to h (nil removes it), in addition to the observers
// registered on the thread's core.Env.
func SetHooks(thread *starlark.Thread, h *Hooks) { thread.SetLocal(hooksKey, h) }

// RunModel trains model (a mindspore.Model instance) for epochs passes
// over data (a mindspore.dataset dataset), as model.train(epochs, data,
// callbacks) does, reporting to hooks (which may be nil) as well as to
// the hooks of the thread. It returns nil when a hook or callback stops
// training early.
func RunModel(thread *starlark.Thread, model, data starlark.Value, epochs int, callbacks []starlark.Value, hooks *Hooks) error {
	inst, ok := model.(*pyobj.Instance)
	if !ok || !inst.Class().IsSubclass(Model) {
		return core.Errorf("TypeError", "RunModel: model must be a mindspore.Model, not %s", model.Type())
	}
	m, err := modelOf(inst)
	if err != nil {
		return err
	}
	d, err := datasetArg("RunModel", data)
	if err != nil {
		return err
	}
	if epochs <= 0 {
		return core.Errorf("ValueError", "RunModel: epochs must be positive, got %d", epochs)
	}
	for _, cb := range callbacks {
		if !Callback.IsInstance(cb) {
			return core.Errorf("TypeError", "RunModel: callbacks must be Callback instances, found %s", cb.Type())
		}
	}
	return m.train(thread, d, trainOptions{epochs: epochs, callbacks: callbacks, hooks: joinHooks(hooks, threadHooks(thread))})
}

func threadHooks(thread *starlark.Thread) *Hooks {
	h, _ := thread.Local(hooksKey).(*Hooks)
	return h
}

// envHooks adapts the Env's TrainObservers (the cellrepl progress bar
// and loss plot) to Hooks.
func envHooks(thread *starlark.Thread) *Hooks {
	observers := core.EnvOf(thread).TrainObservers()
	if len(observers) == 0 {
		return nil
	}
	return &Hooks{
		TrainBegin: func(epochs, steps int) error {
			for _, o := range observers {
				o.TrainBegin(epochs, steps)
			}
			return nil
		},
		StepEnd: func(epoch, step int, loss float64) error {
			for _, o := range observers {
				o.StepEnd(epoch, step, loss)
			}
			return nil
		},
		EpochEnd: func(epoch int) error {
			for _, o := range observers {
				o.EpochEnd(epoch)
			}
			return nil
		},
		TrainEnd: func() {
			for _, o := range observers {
				o.TrainEnd()
			}
		},
	}
}

// joinHooks calls each non-nil hook set in order; the first error wins.
func joinHooks(list ...*Hooks) *Hooks {
	var hs []*Hooks
	for _, h := range list {
		if h != nil {
			hs = append(hs, h)
		}
	}
	return &Hooks{
		TrainBegin: func(epochs, steps int) error {
			for _, h := range hs {
				if h.TrainBegin != nil {
					if err := h.TrainBegin(epochs, steps); err != nil {
						return err
					}
				}
			}
			return nil
		},
		StepEnd: func(epoch, step int, loss float64) error {
			for _, h := range hs {
				if h.StepEnd != nil {
					if err := h.StepEnd(epoch, step, loss); err != nil {
						return err
					}
				}
			}
			return nil
		},
		EpochEnd: func(epoch int) error {
			for _, h := range hs {
				if h.EpochEnd != nil {
					if err := h.EpochEnd(epoch); err != nil {
						return err
					}
				}
			}
			return nil
		},
		TrainEnd: func() {
			for _, h := range hs {
				if h.TrainEnd != nil {
					h.TrainEnd()
				}
			}
		},
	}
}

// scriptHooks are the hooks of a script's own Model.train: the thread's
// and the Env observers'.
func scriptHooks(thread *starlark.Thread) *Hooks {
	return joinHooks(threadHooks(thread), envHooks(thread))
}

// stopOrErr splits a hook result into a stop request and a real error.
func stopOrErr(err error) (bool, error) {
	if errors.Is(err, ErrStop) {
		return true, nil
	}
	return false, err
}
