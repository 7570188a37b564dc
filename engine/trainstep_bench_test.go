package engine

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// BenchmarkTrainStep runs one training step of a 784-256-10 MLP with
// ReLU, softmax cross entropy and a momentum update through the engine
// API, as nn.TrainOneStepCell does with nn.Dense layers, and reports
// allocations per step:
// in steady state the large buffers come from the storage pool.
func BenchmarkTrainStep(b *testing.B) {
	for _, batch := range []int{128, 1024} {
		b.Run(strconv.Itoa(batch), func(b *testing.B) {
			r := rand.New(rand.NewPCG(3, 4))
			param := func(shape ...int) *Tensor {
				v := make([]float32, Numel(shape))
				for i := range v {
					v[i] = float32(r.NormFloat64() * 0.05)
				}
				t, _ := FromFloat32(v, shape...)
				return t.SetRequiresGrad(true)
			}
			w1, b1, w2, b2 := param(256, 784), param(256), param(10, 256), param(10)
			params := []*Tensor{w1, b1, w2, b2}
			moments := make([][]float32, len(params))
			for i, p := range params {
				moments[i] = make([]float32, p.Numel())
			}
			x := benchTensor(b, batch, 784)
			labels := make([]int, batch)
			for i := range labels {
				labels[i] = r.IntN(10)
			}
			b.ReportAllocs()
			for b.Loop() {
				trainStep(b, x, labels, params, moments)
			}
		})
	}
}

func trainStep(b *testing.B, x *Tensor, labels []int, params []*Tensor, moments [][]float32) {
	var loss *Tensor
	err := Try(func() {
		h := linear(x, params[0], params[1], ReLUActivation)
		logits := linear(h, params[2], params[3], NoActivation)
		var err error
		if loss, err = SoftmaxCrossEntropy(logits, labels, ReductionMean); err != nil {
			panic(err)
		}
	})
	if err != nil {
		b.Fatal(err)
	}
	grads, err := Grad(loss, params, nil)
	if err != nil {
		b.Fatal(err)
	}
	for i, p := range params {
		w, g, v := p.F32(), grads[i].F32(), moments[i]
		for k := range w {
			v[k] = v[k]*0.9 + g[k]
			w[k] -= 0.01 * v[k]
		}
	}
}
