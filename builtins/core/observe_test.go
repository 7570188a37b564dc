package core

import "testing"

// countingObserver counts the calls it receives.
type countingObserver struct{ begins, steps, epochs, ends int }

func (o *countingObserver) TrainBegin(epochs, stepsPerEpoch int)  { o.begins++ }
func (o *countingObserver) StepEnd(epoch, step int, loss float64) { o.steps++ }
func (o *countingObserver) EpochEnd(epoch int)                    { o.epochs++ }
func (o *countingObserver) TrainEnd()                             { o.ends++ }

func TestTrainObserversOrderAndRemoval(t *testing.T) {
	env := NewEnv(nil, nil, 0)
	a, b, c := &countingObserver{}, &countingObserver{}, &countingObserver{}
	env.AddTrainObserver(a)
	removeB := env.AddTrainObserver(b)
	env.AddTrainObserver(c)
	if got := env.TrainObservers(); len(got) != 3 || got[0] != a || got[1] != b || got[2] != c {
		t.Fatalf("TrainObservers = %v, want [a b c]", got)
	}
	removeB()
	removeB() // a second call is harmless
	if got := env.TrainObservers(); len(got) != 2 || got[0] != a || got[1] != c {
		t.Errorf("after removing b: %v, want [a c]", got)
	}
}

func TestTrainObserversSameValueTwice(t *testing.T) {
	env := NewEnv(nil, nil, 0)
	o := &countingObserver{}
	removeFirst := env.AddTrainObserver(o)
	env.AddTrainObserver(o)
	removeFirst()
	if got := env.TrainObservers(); len(got) != 1 || got[0] != o {
		t.Errorf("after removing one of two registrations: %v, want one", got)
	}
}
