// Package checkpoint reads and writes MindSpore .ckpt files and is the
// Starlark side of mindspore.save_checkpoint, load_checkpoint and
// load_param_into_net. The file format is MindSpore's checkpoint.proto,
// encoded by hand (see proto.go). Files are read and written only
// inside the directory the runtime grants (core.ReadFile and
// core.WriteFile).
package checkpoint

import (
	"strings"

	"github.com/cellscript/cellscript/builtins/core"
	"go.starlark.net/starlark"
)

// Save encodes entries and writes them atomically to path inside the
// granted directory. call names the Python function for errors.
func Save(thread *starlark.Thread, call, path string, entries []Entry) error {
	data, err := Encode(entries)
	if err != nil {
		return core.Errorf("TypeError", "%s: %v", call, err)
	}
	return core.WriteFile(thread, call, path, data)
}

// Load reads and decodes the checkpoint at path inside the granted
// directory. A missing, empty, truncated, corrupted or foreign file is a
// ValueError naming the file and what is wrong.
func Load(thread *starlark.Thread, call, path string) ([]Entry, error) {
	if !strings.HasSuffix(path, ".ckpt") {
		return nil, core.Errorf("ValueError", "%s: the checkpoint file should end with '.ckpt', but got '%s'", call, path)
	}
	data, err := core.ReadFile(thread, call, path)
	if err != nil {
		if typ, _ := classify(err); typ == "FileNotFoundError" {
			return nil, core.Errorf("ValueError", "%s: the checkpoint file '%s' does not exist; check ckpt_file_name", call, path)
		}
		return nil, err
	}
	entries, err := Decode(data)
	if err != nil {
		return nil, core.Errorf("ValueError", "%s: '%s' is not a valid MindSpore checkpoint: %v", call, path, err)
	}
	return entries, nil
}
