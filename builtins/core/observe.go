package core

import "sync"

// TrainObserver follows the Model.train calls that scripts of one Env
// make, so that a host can draw a progress bar or a loss curve.
// Model.train calls TrainBegin once, StepEnd after every step, EpochEnd
// after every epoch and TrainEnd once, also when training fails or is
// interrupted. The calls come from the training thread and sit inside
// the training loop, so they should return quickly.
type TrainObserver interface {
	// TrainBegin receives the epoch count and the steps per epoch, or
	// -1 steps when the dataset does not know its size.
	TrainBegin(epochs, stepsPerEpoch int)
	// StepEnd receives the epoch (from 1), the step number counted
	// across epochs (from 1) and the step's loss as LossMonitor prints
	// it, which is 0 when the network output is neither a tensor nor
	// a number.
	StepEnd(epoch, step int, loss float64)
	// EpochEnd receives the epoch that finished (from 1).
	EpochEnd(epoch int)
	// TrainEnd marks the end of the Model.train call.
	TrainEnd()
}

// trainObservers is the observer list of an Env. Its zero value is an
// empty list.
type trainObservers struct {
	mu   sync.Mutex
	list []*TrainObserver
}

// AddTrainObserver registers o for every later Model.train call of the
// Env's scripts and returns a function that unregisters it.
func (e *Env) AddTrainObserver(o TrainObserver) (remove func()) {
	entry := &o
	e.observers.mu.Lock()
	defer e.observers.mu.Unlock()
	e.observers.list = append(e.observers.list, entry)
	return func() {
		e.observers.mu.Lock()
		defer e.observers.mu.Unlock()
		for i, x := range e.observers.list {
			if x == entry {
				e.observers.list = append(e.observers.list[:i:i], e.observers.list[i+1:]...)
				return
			}
		}
	}
}

// TrainObservers returns the registered observers in registration order.
func (e *Env) TrainObservers() []TrainObserver {
	e.observers.mu.Lock()
	defer e.observers.mu.Unlock()
	out := make([]TrainObserver, len(e.observers.list))
	for i, x := range e.observers.list {
		out[i] = *x
	}
	return out
}
