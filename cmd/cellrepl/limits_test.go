package main

import (
	"strings"
	"testing"
)

func TestMemoryFlagParsesSuffixes(t *testing.T) {
	cases := map[string]int64{
		"0": 0, "1024": 1024, "4K": 4 << 10, "512M": 512 << 20, "2G": 2 << 30,
		"1.5G": 3 << 29, "1T": 1 << 40, "64MB": 64 << 20, "8g": 8 << 30,
	}
	for in, want := range cases {
		var m memoryFlag
		if err := m.Set(in); err != nil || m.bytes != want {
			t.Errorf("Set(%q) = %d, %v; want %d", in, m.bytes, err, want)
		}
	}
	for _, bad := range []string{"", "-1", "1X", "G", "lots"} {
		var m memoryFlag
		if err := m.Set(bad); err == nil {
			t.Errorf("Set(%q) accepted %d bytes, want an error", bad, m.bytes)
		}
	}
}

func TestDefaultMaxMemoryIsHalfOfMemory(t *testing.T) {
	total := physicalMemory()
	if limit := cgroupMemoryLimit(); limit > 0 && (total == 0 || limit < total) {
		total = limit
	}
	if total == 0 {
		t.Skip("neither /proc/meminfo nor a cgroup limit is readable here")
	}
	if got := defaultMaxMemory(); got != total/2 {
		t.Errorf("defaultMaxMemory() = %d, want half of %d", got, total)
	}
}

func TestRunMaxMemoryRaisesMemoryError(t *testing.T) {
	dir := t.TempDir()
	path := writeScript(t, dir, "big.py", "import numpy as np\na = np.zeros((1000, 1000))\nprint('allocated')\n")
	_, stderr, code := runInProcess("run", "--max-memory", "1M", path)
	if code != 1 || !strings.Contains(stderr, "MemoryError: numpy.zeros: allocating 1000000 elements of float64 (8000000 bytes)") {
		t.Errorf("status %d, stderr %q; want status 1 and a MemoryError for the 8000000 bytes", code, stderr)
	}
	stdout, stderr, code := runInProcess("run", "--max-memory", "0", path)
	if code != 0 || stdout != "allocated\n" {
		t.Errorf("with no limit: status %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestRunCheckNaNStopsTraining(t *testing.T) {
	dir := t.TempDir()
	src := `import numpy as np
import mindspore.nn as nn
from mindspore import Model
from mindspore import dataset as ds
x = np.ones((8, 2), np.float32)
y = np.ones((8, 1), np.float32)
y[3, 0] = np.inf
net = nn.Dense(2, 1)
model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), learning_rate=0.01))
model.train(1, ds.NumpySlicesDataset((x, y), column_names=["x", "y"], shuffle=False).batch(2), dataset_sink_mode=False)
print("finished")
`
	path := writeScript(t, dir, "inf.py", src)
	stdout, _, code := runInProcess("run", path)
	if code != 0 || stdout != "finished\n" {
		t.Errorf("without --check-nan: status %d, stdout %q; want the training to finish", code, stdout)
	}
	stdout, stderr, code := runInProcess("run", "--check-nan", path)
	want := "FloatingPointError: check_nan: epoch 1 step 2: the loss is inf; the input data or a parameter already held it"
	if code != 1 || stdout != "" || !strings.Contains(stderr, want) {
		t.Errorf("with --check-nan: status %d, stdout %q, stderr %q; want status 1 and %q", code, stdout, stderr, want)
	}
}
