// Package cuda runs the engine's ops on an NVIDIA GPU. It loads the
// CUDA driver (libcuda.so.1), NVRTC and cuBLAS at run time through
// purego, so building it needs neither cgo nor the CUDA toolkit, and a
// machine without a driver gets ErrNoDriver from Open.
//
// Enable opens the backend once per process and installs it with
// engine.UseBackend; tensors moved there with engine.ToDevice then run
// their ops on the GPU. One goroutine, locked to one OS thread, holds
// the device's primary context and a stream and makes every driver
// call, so work runs in the order the engine issued it.
//
// Kernels are CUDA C (the source_*.go files), compiled by NVRTC for the
// device's architecture on first use and cached under
// os.UserCacheDir()/cellscript/cuda by a hash of source, compiler and
// options. Each kernel's C signature is generated from the table in
// kernels.go, which also fixes how its arguments are packed into the
// one buffer a launch passes (args.go). Float matrix products call
// cuBLAS with the operands swapped, since cuBLAS is column-major.
//
// Device memory comes from a caching allocator: a buffer returns to it
// when the garbage collector finds the buffer unreachable, and a full
// device makes it collect garbage and retry before it reports a
// MemoryError.
//
// Options.Fake selects a driver that keeps device memory in host memory
// and runs, for each launch, a Go reference kernel of the same name
// (fake_kernels.go, fake_reduce.go). CI runs the backend through it,
// and the conformance suite compares every op and gradient with the
// CPU on the fake driver or, with -cuda.device=real, on a GPU.
//
// The ops each device runs (every exported engine op):
//
//	op                                  CPU   GPU
//	elementwise, broadcasting, compare  all   all (bool: compare, select, cast)
//	casts                               all   all
//	Sum, Mean, Max, Min, Prod, ArgMax   all   all
//	MatMul                              all   float32/64 (cuBLAS), int32/64, bool
//	Softmax, LogSoftmax, LogSumExp      all   all
//	gather, take, slices, concat        all   all (scatter-add: numbers only)
//	Clip, OneHot, MulNoNaN, Norm        all   all
//	L1, MSE, SmoothL1 losses            all   all
//	BCE, softmax and cosine losses      all   all (cosine composed of ops)
//	FloorDiv, Mod                       all   numbers (divmod module)
//	Dropout                             all   float (host samples, device product)
//	ApplyOptimizer (nn optimizers)      all   float32/64, one launch per parameter
//	Conv2D and its gradients            all   none
//	MaxPool2D, CTCLoss                  all   none
//	Erf, Ceil, Round, IsNan/Inf/Finite  all   none
//	CumSum, CumProd, Sort, TopK         all   none
//	GatherNd, ScatterNd                 all   all (gather, scatter-add)
//
// An op a device lacks fails with "<op> is not implemented on GPU; move
// the inputs to the CPU first". The engine has no AvgPool2D op.
package cuda
