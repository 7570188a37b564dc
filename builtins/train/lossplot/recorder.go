package lossplot

import (
	"sync"

	"github.com/cellscript/cellscript/builtins/core"
)

// Recorder collects one Run per Model.train call. It is a
// core.TrainObserver; register it with core.Env.AddTrainObserver. It is
// safe for concurrent use, but interleaved training calls on several
// goroutines all record into the latest run.
type Recorder struct {
	mu   sync.Mutex
	runs []Run
}

var _ core.TrainObserver = (*Recorder)(nil)

// TrainBegin starts a new run.
func (r *Recorder) TrainBegin(epochs, stepsPerEpoch int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.runs = append(r.runs, Run{})
}

// StepEnd records the step's loss in the current run.
func (r *Recorder) StepEnd(epoch, step int, loss float64) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if n := len(r.runs); n > 0 {
		r.runs[n-1].Losses = append(r.runs[n-1].Losses, loss)
	}
}

// EpochEnd records the end of an epoch in the current run.
func (r *Recorder) EpochEnd(epoch int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if n := len(r.runs); n > 0 {
		run := &r.runs[n-1]
		run.EpochEnds = append(run.EpochEnds, len(run.Losses))
	}
}

// TrainEnd does nothing: a run that stopped early keeps the steps it
// recorded.
func (r *Recorder) TrainEnd() {}

// Runs returns a copy of the recorded runs.
func (r *Recorder) Runs() []Run {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Run, len(r.runs))
	for i, run := range r.runs {
		out[i] = Run{
			Losses:    append([]float64(nil), run.Losses...),
			EpochEnds: append([]int(nil), run.EpochEnds...),
		}
	}
	return out
}
