package runtime_test

import (
	"context"
	"fmt"
	"math"
	"sync"
	"testing"

	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/runtime"
	"go.starlark.net/starlark"
)

// focalInputs returns input set i of the concurrency tests: 16
// probabilities 0.05 + 0.9*((5j + 7i) mod 16)/15 and labels
// ((j*j + i) mod 3 == 0).
func focalInputs(i int) (probs, labels *engine.Tensor) {
	p := make([]float32, 16)
	y := make([]float32, 16)
	for j := range p {
		p[j] = float32(0.05 + 0.9*float64((j*5+i*7)%16)/15)
		if (j*j+i)%3 == 0 {
			y[j] = 1
		}
	}
	probs, _ = engine.FromFloat32(p)
	labels, _ = engine.FromFloat32(y)
	return probs, labels
}

// focalWant holds the focal loss (gamma 2) of each input set, computed
// in float64 with NumPy 1.24: mean(-(1-p_t)**2 * log(p_t)).
var focalWant = []float64{
	0.253146078, 0.529086174, 0.843304412, 0.998420009,
	0.529086174, 0.399532408, 0.529086189, 0.529086174,
}

func TestConcurrentCallsOfOneLoss(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "focal.py", focalSource+"\nshared = FocalLoss(2.0)\n")
	ctx := context.Background()
	built, err := mod.New(ctx, "FocalLoss", []any{2.0}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := built.Freeze(); err != nil {
		t.Fatal(err)
	}
	shared, _ := mod.Get("shared")
	const goroutines, calls = 16, 20
	var wg sync.WaitGroup
	errs := make(chan error, goroutines*calls)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range calls {
				i := (g + c) % len(focalWant)
				loss := built
				if c%2 == 1 {
					loss = shared
				}
				probs, labels := focalInputs(i)
				out, err := loss.Call(ctx, probs, labels)
				if err != nil {
					errs <- err
					return
				}
				got, err := out.Float()
				if err != nil {
					errs <- err
					return
				}
				if math.Abs(got-focalWant[i]) > 1e-6*focalWant[i] {
					errs <- fmt.Errorf("input %d: loss %v, want %v", i, got, focalWant[i])
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestConcurrentGradients(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "focal.py", focalSource)
	ctx := context.Background()
	loss, err := mod.New(ctx, "FocalLoss", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	grads := make([][]float64, 8)
	errs := make([]error, 8)
	for g := range grads {
		wg.Add(1)
		go func() {
			defer wg.Done()
			probs, labels := focalInputs(3)
			probs.SetRequiresGrad(true)
			out, err := loss.Call(ctx, probs, labels)
			if err != nil {
				errs[g] = err
				return
			}
			lt, _ := out.Tensor()
			gs, err := engine.Grad(lt, []*engine.Tensor{probs}, nil)
			if err != nil {
				errs[g] = err
				return
			}
			grads[g] = gs[0].Floats()
		}()
	}
	wg.Wait()
	for g := range grads {
		if errs[g] != nil {
			t.Fatalf("goroutine %d: %v", g, errs[g])
		}
		for j := range grads[g] {
			if grads[g][j] != grads[0][j] {
				t.Fatalf("goroutine %d gradient %d = %v, goroutine 0 got %v", g, j, grads[g][j], grads[0][j])
			}
		}
	}
}

func TestConcurrentConstructionAndLoading(t *testing.T) {
	rt, out := newRuntime(t, runtime.Options{})
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := fmt.Sprintf("host%d", g)
			if err := rt.RegisterModule(name, starlark.StringDict{"g": starlark.MakeInt(g)}); err != nil {
				errs <- err
				return
			}
			src := fmt.Sprintf("from %s import g\n%s\nprint(g)\n", name, focalSource)
			mod, err := rt.ExecSource(ctx, name+".py", []byte(src))
			if err != nil {
				errs <- err
				return
			}
			for range 5 {
				if _, err := mod.New(ctx, "FocalLoss", []any{float64(g)}, nil); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := len(out.String()); n < 16 {
		t.Errorf("printed %q, want one line per goroutine", out.String())
	}
}

func TestConcurrentTrainingOfSeparateModels(t *testing.T) {
	rt, _ := newRuntime(t, runtime.Options{})
	mod := load(t, rt, "train.py", trainSource)
	ctx := context.Background()
	var wg sync.WaitGroup
	losses := make([][]float64, 4)
	errs := make([]error, 4)
	for g := range losses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			built, err := mod.Call(ctx, "build", 0.1)
			if err != nil {
				errs[g] = err
				return
			}
			parts, _ := built.Elements()
			errs[g] = rt.Train(ctx, parts[0], parts[1], runtime.TrainOptions{
				Epochs: 2,
				StepEnd: func(s runtime.TrainStep) error {
					losses[g] = append(losses[g], s.Loss)
					return nil
				},
			})
		}()
	}
	wg.Wait()
	for g := range losses {
		if errs[g] != nil {
			t.Fatalf("goroutine %d: %v", g, errs[g])
		}
		checkLosses(t, fmt.Sprintf("goroutine %d", g), losses[g], lineLosses)
	}
}
