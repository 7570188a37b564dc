package nn_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/cellscript/cellscript/runtime"
)

// TestSequentialCellErrorNamesCell checks that an error inside a
// SequentialCell keeps MindSpore's type and message and that the
// traceback ends with notes naming the failing cell as print(net) names
// it, innermost SequentialCell first.
func TestSequentialCellErrorNamesCell(t *testing.T) {
	cases := []struct {
		name, code, message string
		notes               []string
	}{
		{"fused first dense",
			"nn.SequentialCell([nn.Dense(4, 8), nn.ReLU(), nn.Dense(8, 2)])(Tensor(np.ones((3, 5), np.float32)))",
			"ValueError: For 'Dense', input shape (3, 5) does not match in_channels 4: the last dimension must be 4",
			[]string{"in SequentialCell cell '0' (Dense)"}},
		{"last dense",
			"nn.SequentialCell([nn.Dense(4, 8), nn.ReLU(), nn.Dense(7, 2)])(Tensor(np.ones((3, 4), np.float32)))",
			"ValueError: For 'Dense', input shape (3, 8) does not match in_channels 7: the last dimension must be 7",
			[]string{"in SequentialCell cell '2' (Dense)"}},
		{"nested",
			"nn.SequentialCell([nn.Dense(4, 4), nn.SequentialCell([nn.ReLU(), nn.Dense(3, 2)])])(Tensor(np.ones((2, 4), np.float32)))",
			"ValueError: For 'Dense', input shape (2, 4) does not match in_channels 3: the last dimension must be 3",
			[]string{"in SequentialCell cell '1' (Dense)", "in SequentialCell cell '1' (SequentialCell)"}},
		{"named cells",
			"nn.SequentialCell({'fc1': nn.Dense(4, 8), 'act': nn.ReLU()})(Tensor(np.ones((3, 5), np.float32)))",
			"ValueError: For 'Dense', input shape (3, 5) does not match in_channels 4: the last dimension must be 4",
			[]string{"in SequentialCell cell 'fc1' (Dense)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rt := runtime.New(runtime.Options{})
			_, err := rt.ExecSource(context.Background(), "prog.py", []byte(errorPrelude+c.code+"\n"))
			var re *runtime.Error
			if !errors.As(err, &re) {
				t.Fatalf("error %v, want a *runtime.Error", err)
			}
			if got := re.Error(); got != c.message {
				t.Errorf("message %q, want %q", got, c.message)
			}
			want := c.message + "\n" + strings.Join(c.notes, "\n") + "\n"
			if got := rt.FormatError(err); !strings.HasSuffix(got, want) {
				t.Errorf("traceback ends\n%s\nwant it to end\n%s", got, want)
			}
		})
	}
}

func TestSequentialCellNotesVisibleInScript(t *testing.T) {
	var out strings.Builder
	rt := runtime.New(runtime.Options{Stdout: &out})
	src := errorPrelude + `
net = nn.SequentialCell([nn.Dense(4, 8), nn.ReLU()])
try:
    net(Tensor(np.ones((3, 5), np.float32)))
except ValueError as e:
    print(e.__notes__)
`
	if _, err := rt.ExecSource(context.Background(), "prog.py", []byte(src)); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "[\"in SequentialCell cell '0' (Dense)\"]\n"; got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
}
