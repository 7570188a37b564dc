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
// The package imports nothing from Starlark: the script bindings live in
// the builtins packages.
package engine
