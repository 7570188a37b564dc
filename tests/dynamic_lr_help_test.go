package tests

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// The signatures are those of mindspore/nn/dynamic_lr.py in r1.6.
func TestDynamicLRHelpSignature(t *testing.T) {
	cases := map[string]string{
		"exponential_decay_lr": "exponential_decay_lr(learning_rate, decay_rate, total_step, step_per_epoch, decay_epoch, is_stair=False)",
		"cosine_decay_lr":      "cosine_decay_lr(min_lr, max_lr, total_step, step_per_epoch, decay_epoch)",
		"warmup_lr":            "warmup_lr(learning_rate, total_step, step_per_epoch, warmup_epoch)",
	}
	for name, want := range cases {
		var out bytes.Buffer
		rt := runtime.New(runtime.Options{Stdout: &out})
		src := "import mindspore.nn as nn\nhelp(nn." + name + ")\n"
		if _, err := rt.ExecSource(context.Background(), "help.py", []byte(src)); err != nil {
			t.Fatalf("%s: %s", name, rt.FormatError(err))
		}
		if !strings.Contains(out.String(), "\n"+want+"\n") {
			t.Errorf("help(nn.%s) lacks %q:\n%s", name, want, out.String())
		}
		if strings.Contains(out.String(), "functional form") {
			t.Errorf("help(nn.%s) describes a primitive:\n%s", name, out.String())
		}
	}
}
