// Package core holds what every builtins package shares: the per-runtime
// environment that scripts reach through their thread, module values,
// slice and Ellipsis values, and argument helpers.
package core
