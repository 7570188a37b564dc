// Package pystd holds the Python standard-library modules that model
// scripts use: math, random (CPython's MT19937 stream), time, json,
// copy, functools, collections and os with os.path. Each module is a
// *core.Module built by the function of the same name; the runtime
// registers them by their import names.
package pystd
