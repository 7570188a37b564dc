package train

import (
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/cellscript/cellscript/builtins/checkpoint"
	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/nn"
	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// CheckpointConfig and ModelCheckpoint save checkpoints during training.
var (
	CheckpointConfig *pyobj.Class
	ModelCheckpoint  *pyobj.Class
)

// ckptConfig is the native state of a CheckpointConfig.
type ckptConfig struct {
	saveSteps, saveSeconds, keepMax, keepMinutes int
	savedNetwork                                 starlark.Value
	appendInfo                                   starlark.Value
}

// ckptState is the native state of a ModelCheckpoint.
type ckptState struct {
	prefix, dir string
	cfg         *ckptConfig
	lastStep    int
	lastTime    time.Time
	latest      string
	written     []string // files this callback wrote, oldest first
}

func init() {
	CheckpointConfig = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   "CheckpointConfig",
		Module: "mindspore.train.callback",
		Doc: `CheckpointConfig(save_checkpoint_steps=1, save_checkpoint_seconds=0, keep_checkpoint_max=5, keep_checkpoint_per_n_minutes=0, integrated_save=True, async_save=False, saved_network=None, append_info=None, ...)

When ModelCheckpoint saves: every save_checkpoint_steps steps (or every
save_checkpoint_seconds seconds when steps is 0), keeping the newest
keep_checkpoint_max files. keep_checkpoint_per_n_minutes is accepted but
not applied.`,
		Methods: []pyobj.Method{{Name: "__init__", Func: ckptConfigInit}},
	})
	ModelCheckpoint = pyobj.NewNativeClass(pyobj.NativeSpec{
		Name:   "ModelCheckpoint",
		Module: "mindspore.train.callback",
		Doc: `ModelCheckpoint(prefix='CKP', directory=None, config=None)

Saves the train network's parameters to DIRECTORY/PREFIX-E_S.ckpt (E the
epoch, S the step within it) as config says, and once more at the end of
training. When PREFIX-*.ckpt files already exist, the prefix becomes
PREFIX_1, PREFIX_2, ... as in MindSpore. latest_ckpt_file_name is the
last file written. NOTE: the PREFIX-graph.meta file MindSpore also
writes is not produced, and optimizer state is not saved.`,
		Bases: []*pyobj.Class{Callback},
		Methods: []pyobj.Method{
			{Name: "__init__", Func: modelCheckpointInit},
			{Name: "step_end", Func: ckptStepEnd},
			{Name: "end", Func: ckptEnd},
		},
		GetAttr: func(thread *starlark.Thread, self *pyobj.Instance, name string) (starlark.Value, error) {
			if st, ok := self.Native.(*ckptState); ok && name == "latest_ckpt_file_name" {
				return starlark.String(st.latest), nil
			}
			return nil, nil
		},
	})
}

func nonNegative(call, name string, v starlark.Value, out *int) error {
	if v == starlark.None {
		*out = 0
		return nil
	}
	if _, isInt := v.(starlark.Int); !isInt || starlark.AsInt(v, out) != nil || *out < 0 {
		return core.Errorf("ValueError", "%s: %s must be a non-negative int, but got %s", call, name, v.String())
	}
	return nil
}

func ckptConfigInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const call = "CheckpointConfig"
	var steps, seconds, keep, minutes starlark.Value = starlark.MakeInt(1), starlark.MakeInt(0), starlark.MakeInt(5), starlark.MakeInt(0)
	cfg := &ckptConfig{savedNetwork: starlark.None, appendInfo: starlark.None}
	if err := starlark.UnpackArgs(call, args, kwargs, "save_checkpoint_steps?", &steps, "save_checkpoint_seconds?", &seconds, "keep_checkpoint_max?", &keep, "keep_checkpoint_per_n_minutes?", &minutes, "integrated_save?", new(bool), "async_save?", new(bool), "saved_network?", &cfg.savedNetwork, "append_info?", &cfg.appendInfo, "enc_key?", new(starlark.Value), "enc_mode?", new(string), "exception_save?", new(bool)); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		name string
		v    starlark.Value
		out  *int
	}{{"save_checkpoint_steps", steps, &cfg.saveSteps}, {"save_checkpoint_seconds", seconds, &cfg.saveSeconds}, {"keep_checkpoint_max", keep, &cfg.keepMax}, {"keep_checkpoint_per_n_minutes", minutes, &cfg.keepMinutes}} {
		if err := nonNegative(call, f.name, f.v, f.out); err != nil {
			return nil, err
		}
	}
	if cfg.saveSteps == 0 && cfg.saveSeconds == 0 && cfg.keepMax == 0 && cfg.keepMinutes == 0 {
		return nil, core.Errorf("ValueError", "For 'CheckpointConfig', the input arguments 'save_checkpoint_steps', 'save_checkpoint_seconds', 'keep_checkpoint_max' and 'keep_checkpoint_per_n_minutes' can't be all None or 0.")
	}
	if cfg.savedNetwork != starlark.None && !nn.IsCell(cfg.savedNetwork) {
		return nil, core.Errorf("TypeError", "For 'CheckpointConfig', the type of 'saved_network' must be None or Cell, but got %s.", cfg.savedNetwork.Type())
	}
	if cfg.keepMax == 0 && cfg.keepMinutes == 0 {
		cfg.keepMax = 1
	}
	self.Native = cfg
	for _, kv := range []struct {
		name string
		v    int
	}{{"save_checkpoint_steps", cfg.saveSteps}, {"save_checkpoint_seconds", cfg.saveSeconds}, {"keep_checkpoint_max", cfg.keepMax}, {"keep_checkpoint_per_n_minutes", cfg.keepMinutes}} {
		if err := self.DictSet(kv.name, starlark.MakeInt(kv.v)); err != nil {
			return nil, err
		}
	}
	return starlark.None, self.DictSet("saved_network", cfg.savedNetwork)
}

func modelCheckpointInit(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	const call = "ModelCheckpoint"
	prefix := "CKP"
	var dir, config starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs(call, args, kwargs, "prefix?", &prefix, "directory?", &dir, "config?", &config); err != nil {
		return nil, err
	}
	if strings.Contains(prefix, "/") {
		return nil, core.Errorf("ValueError", "For 'ModelCheckpoint', the argument 'prefix' for checkpoint file name is invalid, it must be string and does not contain '/', but got %s.", prefix)
	}
	st := &ckptState{prefix: prefix, dir: ".", lastTime: time.Now()}
	if dir != starlark.None {
		s, ok := starlark.AsString(dir)
		if !ok {
			return nil, core.Errorf("ValueError", "For 'ModelCheckpoint', the argument 'directory' must be a str, but got %s", dir.Type())
		}
		st.dir = s
	}
	if config == starlark.None {
		v, err := starlark.Call(thread, CheckpointConfig, nil, nil)
		if err != nil {
			return nil, err
		}
		config = v
	}
	inst, ok := config.(*pyobj.Instance)
	cfg, isCfg := (*ckptConfig)(nil), false
	if ok {
		cfg, isCfg = inst.Native.(*ckptConfig)
	}
	if !isCfg {
		return nil, core.Errorf("TypeError", "For 'ModelCheckpoint', the type of argument 'config' should be 'CheckpointConfig', but got %s.", config.Type())
	}
	st.cfg = cfg
	if _, err := core.WritablePath(thread, call, path.Join(st.dir, prefix)); err != nil {
		return nil, err
	}
	st.prefix = uniquePrefix(thread, st.dir, prefix)
	self.Native = st
	return starlark.None, nil
}

// uniquePrefix renames prefix to prefix_N when checkpoint files with
// that prefix exist in dir, N one more than the largest suffix in use,
// as MindSpore's _chg_ckpt_file_name_if_same_exist does.
func uniquePrefix(thread *starlark.Thread, dir, prefix string) string {
	suffix := 0
	for _, name := range ckptFiles(thread, dir) {
		if !strings.HasPrefix(name, prefix) || len(name) <= len(prefix) || isAlpha(name[len(prefix)]) {
			continue
		}
		rest := name[len(prefix):]
		i := strings.Index(rest, "-")
		switch {
		case i == 0:
			suffix = max(suffix, 1)
		case i > 0:
			if n, err := strconv.Atoi(rest[1:i]); err == nil {
				suffix = max(suffix, n+1)
			}
		}
	}
	if suffix == 0 {
		return prefix
	}
	return prefix + "_" + strconv.Itoa(suffix)
}

func isAlpha(b byte) bool { return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') }

// ckptFiles lists the .ckpt files in dir inside the granted directory.
func ckptFiles(thread *starlark.Thread, dir string) []string {
	full, err := core.WritablePath(thread, "ModelCheckpoint", dir)
	if err != nil {
		return nil
	}
	entries, err := os.ReadDir(full)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".ckpt") {
			out = append(out, e.Name())
		}
	}
	return out
}

func ckptStepEnd(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return ckptSave(thread, self, args, kwargs, false)
}

func ckptEnd(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return ckptSave(thread, self, args, kwargs, true)
}

func ckptSave(thread *starlark.Thread, self *pyobj.Instance, args starlark.Tuple, kwargs []starlark.Tuple, force bool) (starlark.Value, error) {
	var rc starlark.Value
	if err := starlark.UnpackArgs("ModelCheckpoint", args, kwargs, "run_context", &rc); err != nil {
		return nil, err
	}
	st, ok := self.Native.(*ckptState)
	if !ok {
		return nil, core.Errorf("RuntimeError", "ModelCheckpoint.__init__ was not called")
	}
	params, err := cbParams(rc)
	if err != nil {
		return nil, err
	}
	step := intAttr(params.Lookup("cur_step_num"))
	if step == st.lastStep || !st.due(step, force) {
		return starlark.None, nil
	}
	batches := max(intAttr(params.Lookup("batch_num")), 1)
	name := path.Join(st.dir, st.prefix+"-"+strconv.Itoa(intAttr(params.Lookup("cur_epoch_num")))+"_"+strconv.Itoa((step-1)%batches+1)+".ckpt")
	st.removeOld(thread)
	network := st.cfg.savedNetwork
	if network == starlark.None {
		network = params.Lookup("train_network")
	}
	entries, err := checkpoint.NetEntries(thread, network)
	if err != nil {
		return nil, err
	}
	if err := checkpoint.Save(thread, "ModelCheckpoint", name, entries); err != nil {
		return nil, err
	}
	st.lastStep, st.lastTime, st.latest = step, time.Now(), name
	st.written = append(st.written, name)
	params.Set("latest_ckpt_file", starlark.String(name))
	return starlark.None, nil
}

// due reports whether a checkpoint is due at step, as MindSpore's
// _check_save_ckpt decides.
func (st *ckptState) due(step int, force bool) bool {
	switch {
	case st.cfg.saveSteps > 0:
		return force || step >= st.lastStep+st.cfg.saveSteps
	case st.cfg.saveSeconds > 0:
		return force || time.Since(st.lastTime) > time.Duration(st.cfg.saveSeconds)*time.Second
	}
	return false
}

// removeOld deletes the oldest PREFIX-*.ckpt files so that, with the
// file about to be written, at most keep_checkpoint_max remain. Files
// this callback wrote are ordered by when it wrote them, other files by
// modification time before them, because file times can tie for files
// written within one clock tick.
func (st *ckptState) removeOld(thread *starlark.Thread) {
	if st.cfg.keepMax <= 0 {
		return
	}
	type file struct {
		path string
		rank int // index in st.written, or -1
		mod  time.Time
	}
	var files []file
	for _, name := range ckptFiles(thread, st.dir) {
		mid := strings.TrimSuffix(strings.TrimPrefix(name, st.prefix), ".ckpt")
		if !strings.HasPrefix(name, st.prefix+"-") || strings.IndexFunc(mid, func(r rune) bool { return r < 128 && isAlpha(byte(r)) }) >= 0 {
			continue
		}
		rel := path.Join(st.dir, name)
		full, err := core.WritablePath(thread, "ModelCheckpoint", rel)
		if err != nil {
			continue
		}
		info, err := os.Stat(full)
		if err != nil {
			continue
		}
		files = append(files, file{path: full, rank: indexOfString(st.written, rel), mod: info.ModTime()})
	}
	sort.SliceStable(files, func(i, j int) bool {
		a, b := files[i], files[j]
		if (a.rank < 0) != (b.rank < 0) {
			return a.rank < 0
		}
		if a.rank >= 0 {
			return a.rank < b.rank
		}
		return a.mod.Before(b.mod)
	})
	for len(files) >= st.cfg.keepMax {
		if err := os.Remove(files[0].path); err != nil && !os.IsNotExist(err) {
			break
		}
		files = files[1:]
	}
}

func indexOfString(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}
