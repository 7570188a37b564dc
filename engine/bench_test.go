package engine

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

func benchTensor(b *testing.B, shape ...int) *Tensor {
	b.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	data := make([]float32, Numel(shape))
	for i := range data {
		data[i] = float32(r.NormFloat64())
	}
	x, err := FromFloat32(data, shape...)
	if err != nil {
		b.Fatal(err)
	}
	return x
}

func BenchmarkAdd16M(b *testing.B) {
	x, y := benchTensor(b, 1<<24), benchTensor(b, 1<<24)
	b.SetBytes(3 * 4 << 24) // two operands read, one result written
	for b.Loop() {
		if _, err := Add(x, y); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBiasAdd adds a bias row to a batch of activations, as a dense
// layer's forward pass does.
func BenchmarkBiasAdd(b *testing.B) {
	x, bias := benchTensor(b, 1024, 256), benchTensor(b, 256)
	b.SetBytes(2 * 4 * 1024 * 256)
	for b.Loop() {
		if _, err := Add(x, bias); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSum16M(b *testing.B) {
	x := benchTensor(b, 1<<24)
	b.SetBytes(4 << 24)
	for b.Loop() {
		if _, err := Sum(x, nil, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatMul multiplies square float32 matrices and reports
// 2n³ floating-point operations per second.
func BenchmarkMatMul(b *testing.B) {
	for _, n := range []int{256, 1024} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			x, y := benchTensor(b, n, n), benchTensor(b, n, n)
			for b.Loop() {
				if _, err := MatMul(x, y, false, false); err != nil {
					b.Fatal(err)
				}
			}
			flops := 2 * float64(n) * float64(n) * float64(n) * float64(b.N)
			b.ReportMetric(flops/b.Elapsed().Seconds(), "FLOP/s")
		})
	}
}

func BenchmarkLogSoftmax(b *testing.B) {
	x := benchTensor(b, 16384, 1000)
	b.SetBytes(2 * 4 * 16384 * 1000)
	for b.Loop() {
		if _, err := LogSoftmax(x, -1); err != nil {
			b.Fatal(err)
		}
	}
}
