package main

import (
	"bytes"
	"context"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// referenceLosses are the training losses of the default loss.py at
// some epochs (1-based), and referenceCorrect the test rows classified
// correctly after 100 epochs, from a float32 NumPy 1.24 re-implementation
// of the same split, standardisation and momentum SGD.
var (
	referenceLosses = map[int]float64{
		1: 0.6931472, 2: 0.5223774, 10: 0.1062605, 50: 0.05810814, 100: 0.05297903,
	}
	referenceCorrect = 110
)

func TestLoadSplits(t *testing.T) {
	trainSet, testSet, err := loadSplits(breastCancerCSV)
	if err != nil {
		t.Fatal(err)
	}
	if trainSet.rows != 455 || testSet.rows != 114 {
		t.Errorf("split sizes %d and %d, want 455 and 114", trainSet.rows, testSet.rows)
	}
	mean, std := trainSet.moments()
	for j := range mean {
		if math.Abs(mean[j]) > 1e-5 || math.Abs(std[j]-1) > 1e-4 {
			t.Errorf("standardised training column %d has mean %v and std %v", j, mean[j], std[j])
		}
	}
}

func TestLoadSplitsErrors(t *testing.T) {
	bad := []string{"", "569,30\n", "569\n1,2\n", "2,x,a,b\n1,2,0\n", "2,2,a,b\n1,2\n", "2,2,a,b\n1,x,0\n"}
	for _, data := range bad {
		if _, _, err := loadSplits([]byte(data)); err == nil {
			t.Errorf("loadSplits(%q) returned no error", data)
		}
	}
}

func TestTrainMatchesReference(t *testing.T) {
	rt := newRuntime(io.Discard, io.Discard)
	defer rt.Close()
	ctx := context.Background()
	mod, err := rt.ExecFile(ctx, "loss.py")
	if err != nil {
		t.Fatal(err)
	}
	loss, err := mod.New(ctx, "Loss", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	trainSet, testSet, err := loadSplits(breastCancerCSV)
	if err != nil {
		t.Fatal(err)
	}
	cfg := config{epochs: 100, lr: 0.1, momentum: 0.9, every: 10}
	res, err := train(ctx, loss, trainSet, testSet, cfg, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	for epoch, want := range referenceLosses {
		if got := res.losses[epoch-1]; math.Abs(got-want) > 1e-4*want {
			t.Errorf("epoch %d loss %v, want %v", epoch, got, want)
		}
	}
	if correct := int(math.Round(res.accuracy * float64(testSet.rows))); correct != referenceCorrect {
		t.Errorf("%d test rows correct, want %d", correct, referenceCorrect)
	}
}

func TestRunOnceReportsScriptErrors(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"syntax", "class Loss(:\n", "SyntaxError"},
		{"no class", "x = 1\n", "NameError"},
		{"not scalar", "import mindspore.nn as nn\nclass Loss(nn.Cell):\n    def construct(self, z, y):\n        return z - y\n", "reduce it to a scalar"},
		{"raises", "import mindspore.nn as nn\nclass Loss(nn.Cell):\n    def construct(self, z, y):\n        return z.missing\n", "AttributeError"},
		{"bad import", "import os\n", "ModuleNotFoundError"},
	}
	for _, c := range cases {
		path := filepath.Join(t.TempDir(), "loss.py")
		if err := os.WriteFile(path, []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		cfg := config{epochs: 2, lr: 0.1, momentum: 0.9, every: 1}
		if err := runOnce(context.Background(), path, cfg, &stdout, &stderr); err == nil {
			t.Errorf("%s: runOnce returned no error", c.name)
		}
		if !strings.Contains(stderr.String(), c.want) {
			t.Errorf("%s: stderr %q does not contain %q", c.name, stderr.String(), c.want)
		}
	}
}

func TestFindLoss(t *testing.T) {
	if got, _ := findLoss("custom.py"); got != "custom.py" {
		t.Errorf("findLoss(custom.py) = %s", got)
	}
	if got, err := findLoss(""); err != nil || got != "loss.py" {
		t.Errorf("findLoss() in the example directory = %s, %v; want loss.py", got, err)
	}
}
