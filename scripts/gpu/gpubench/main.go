// Command gpubench measures the CUDA backend on the GPU: the fused MSE
// loss forward and backward pass over n float32 elements against the
// device's copy bandwidth, and a float32 matrix product through cuBLAS.
// It prints one "name value unit" line per measurement, the median of
// the timed repetitions after one untimed warm-up, for
// scripts/gpu/check.sh to tabulate.
//
// usage: gpubench [-n ELEMENTS] [-gemm SIZE] [-reps N]
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"slices"
	"time"

	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/engine/cuda"
)

func main() {
	n := flag.Int("n", 256<<20, "elements of the fused loss and the copy")
	size := flag.Int("gemm", 8192, "rows and columns of the square matrix product")
	reps := flag.Int("reps", 10, "timed repetitions of each measurement")
	flag.Parse()
	if err := run(*n, *size, *reps); err != nil {
		fmt.Fprintln(os.Stderr, "gpubench:", err)
		os.Exit(1)
	}
}

func run(n, size, reps int) error {
	if err := cuda.Enable(); err != nil {
		return err
	}
	be := cuda.Enabled()
	fmt.Printf("device %s\n", be.Describe())
	x, err := pattern(n, 0.001)
	if err != nil {
		return err
	}
	y, err := pattern(n, 0.0007)
	if err != nil {
		return err
	}
	bytes := float64(n) * 4

	copyTime, err := median(be, reps, func() error {
		_ = x.Clone()
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Printf("copy_bandwidth %.1f GB/s\n", 2*bytes/copyTime.Seconds()/1e9)

	x.SetRequiresGrad(true)
	lossTime, err := median(be, reps, func() error {
		loss, err := engine.MSELoss(x, y, engine.ReductionMean)
		if err != nil {
			return err
		}
		_, err = engine.Grad(loss, []*engine.Tensor{x}, nil)
		return err
	})
	if err != nil {
		return err
	}
	fmt.Printf("fused_loss_fwd_bwd %.1f GB/s\n", 3*bytes/lossTime.Seconds()/1e9)
	fmt.Printf("fused_loss_fwd_bwd_time %.3f ms\n", float64(lossTime.Microseconds())/1e3)
	x, y = nil, nil

	a, err := pattern(size*size, 0.0001, size, size)
	if err != nil {
		return err
	}
	b, err := pattern(size*size, 0.0003, size, size)
	if err != nil {
		return err
	}
	gemmTime, err := median(be, reps, func() error {
		_, err := engine.MatMul(a, b, false, false)
		return err
	})
	if err != nil {
		return err
	}
	flops := 2 * float64(size) * float64(size) * float64(size)
	fmt.Printf("sgemm %.1f TFLOP/s\n", flops/gemmTime.Seconds()/1e12)
	return nil
}

// pattern returns n float32 values on the GPU, in shape when one is
// given: a cheap deterministic ramp that wraps every thousand elements.
func pattern(n int, step float32, shape ...int) (*engine.Tensor, error) {
	host := make([]float32, n)
	for i := range host {
		host[i] = float32(i%1000)*step - 0.25
	}
	t, err := engine.FromFloat32(host, shape...)
	if err != nil {
		return nil, err
	}
	return engine.ToDevice(t, engine.GPU)
}

// median times f reps times after one warm-up call (which compiles the
// kernels), waiting for the GPU after each call and collecting garbage
// between calls, outside the timings, so freed device memory returns.
func median(be *cuda.Backend, reps int, f func() error) (time.Duration, error) {
	var times []time.Duration
	for i := range reps + 1 {
		runtime.GC()
		if err := be.Synchronize(); err != nil {
			return 0, err
		}
		start := time.Now()
		if err := f(); err != nil {
			return 0, err
		}
		if err := be.Synchronize(); err != nil {
			return 0, err
		}
		if i > 0 {
			times = append(times, time.Since(start))
		}
	}
	slices.Sort(times)
	return times[len(times)/2], nil
}
