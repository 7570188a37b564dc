// Package tests holds cellscript's end-to-end tests: programs run
// through the runtime and the cellrepl binary, golden outputs, and the
// MindSpore reference cases in testdata/mindspore_losses.json.
package tests
