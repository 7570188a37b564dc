// Package tensor binds engine tensors to Starlark as mindspore.Tensor,
// mindspore.Parameter and numpy.ndarray values: conversions from Python
// values, dtype objects, operators with NumPy and MindSpore promotion
// rules, subscripting and NumPy-compatible printing.
package tensor
