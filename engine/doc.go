// Package engine holds cellscript's tensors, dtypes, broadcasting,
// kernels and reverse-mode autograd.
//
// A Tensor is an immutable, contiguous, row-major array with a dtype, a
// shape and a device. Operations return new tensors and, when any input
// requires a gradient, record a node that Backward or Grad walks in
// reverse topological order (define-by-run, as PyNative mode does).
//
// Exported operations return an error for invalid input (shapes that do
// not broadcast, wrong dtypes) and do not panic on it. The exception is
// Scalar, which has no error result and panics on an invalid dtype.
// Internally the ops
// raise *Error with panic and the exported wrappers recover it, so
// composite ops read as plain formulas.
//
// # Float16
//
// Float16 tensors keep their values in []float32 storage, and every
// stored value is exactly an IEEE 754 binary16 value. An op on float16
// operands computes in float32 (or float64 where the float32 kernel
// does) and rounds its result once to the nearest binary16 value, half
// to even, with subnormals, overflow to infinity and NaN kept (half.go).
// That is what MindSpore's CPU kernels and PyTorch's CPU half ops do for
// most ops, and it lets every float32 kernel serve float16 unchanged.
// Composite ops round after each step they are made of. DType.Size and
// the memory accounting count 2 bytes per element, although the storage
// takes 4. Device backends have no float16 storage: moving a float16
// tensor to a device raises a TypeError. The fused row losses
// (SoftmaxCrossEntropy, CosineEmbeddingLoss, BinaryCrossEntropy) accept
// float32 only and raise a TypeError naming the dtype otherwise.
//
// The package imports nothing from Starlark: the script bindings live in
// the builtins packages.
package engine
