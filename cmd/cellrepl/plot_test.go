package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Colors of the first curve: gonum's plotutil.SoftColors[0] for the
// epoch means, and the same mixed 55% with white for the step losses
// (241*0.45 + 255*0.55 = 248.7, and so on, rounded).
var (
	epochMeanColor = color.RGBA{R: 241, G: 90, B: 96, A: 255}
	stepLossColor  = color.RGBA{R: 249, G: 181, B: 183, A: 255}
)

// checkLossPNG decodes a loss plot and checks its size and that both
// curves are drawn inside the plot area.
func checkLossPNG(t *testing.T, data []byte) {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatalf("the file does not start with the PNG signature: % x", data[:min(8, len(data))])
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("invalid PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 800 || b.Dy() != 500 {
		t.Fatalf("image is %dx%d, want 800x500", b.Dx(), b.Dy())
	}

	// The plot area lies inside the axes; its middle 60% holds curve
	// pixels whatever the loss values are.
	area := image.Rect(160, 100, 640, 400)
	counts := map[color.RGBA]int{}
	nonWhite := 0
	for y := area.Min.Y; y < area.Max.Y; y++ {
		for x := area.Min.X; x < area.Max.X; x++ {
			c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			counts[c]++
			if c != (color.RGBA{255, 255, 255, 255}) {
				nonWhite++
			}
		}
	}

	if nonWhite < 1000 {
		t.Errorf("the curve area has %d non-white pixels, want at least 1000", nonWhite)
	}
	if counts[epochMeanColor] < 200 {
		t.Errorf("the epoch-mean curve has %d pixels of %v in the curve area, want at least 200", counts[epochMeanColor], epochMeanColor)
	}
	// The thin step line is antialiased, so few of its pixels have the
	// exact color.
	stepPixels := 0
	for c, n := range counts {
		if near(c, stepLossColor, 12) {
			stepPixels += n
		}
	}
	if stepPixels < 100 {
		t.Errorf("the step-loss curve has %d pixels near %v in the curve area, want at least 100", stepPixels, stepLossColor)
	}
}

func TestRunPlotGolden(t *testing.T) {
	dir := t.TempDir()
	path := writeScript(t, dir, "train.py", trainScript)
	out := filepath.Join(dir, "loss.png")
	stdout, stderr, code := runInProcess("run", "--plot", out, path)
	if code != 0 {
		t.Fatalf("status %d, stderr %q", code, stderr)
	}
	if n := strings.Count(stdout, "\n"); n != 30 {
		t.Errorf("--plot changed the output: %d lines, want 30", n)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	checkLossPNG(t, data)
}

func TestRunPlotWithoutTraining(t *testing.T) {
	dir := t.TempDir()
	path := writeScript(t, dir, "quiet.py", "print('no training')\n")
	out := filepath.Join(dir, "loss.png")
	_, stderr, code := runInProcess("run", "--plot", out, path)
	if code != 1 || !strings.Contains(stderr, "no Model.train step recorded a loss") {
		t.Errorf("status %d, stderr %q; want 1 and a message", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("%s exists (err %v), want no file", out, err)
	}
}

func TestLossPlotCallback(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	src := strings.Replace(trainScript, "from mindspore.train.callback import LossMonitor",
		"from mindspore.train.callback import LossMonitor, LossPlot", 1)
	src = strings.Replace(src, "callbacks=[LossMonitor()]", "callbacks=[LossPlot('curve.png')]", 1)
	path := writeScript(t, dir, "train_plot.py", src)
	stdout, stderr, code := runInProcess("run", path)
	if code != 0 || stdout != "" {
		t.Fatalf("status %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "curve.png"))
	if err != nil {
		t.Fatal(err)
	}
	checkLossPNG(t, data)
}

func TestLossPlotOutsideDirectory(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	src := strings.Replace(trainScript, "from mindspore.train.callback import LossMonitor",
		"from mindspore.train.callback import LossMonitor, LossPlot", 1)
	src = strings.Replace(src, "callbacks=[LossMonitor()]", "callbacks=[LossPlot('../escape.png')]", 1)
	path := writeScript(t, dir, "train_plot.py", src)
	_, stderr, code := runInProcess("run", path)
	if code != 1 || !strings.Contains(stderr, "LossPlot: path '../escape.png' is outside the directory this script may access") {
		t.Errorf("status %d, stderr %q; want an error naming the path", code, stderr)
	}
}

// near reports whether every channel of a and b differs by at most tol.
func near(a, b color.RGBA, tol int) bool {
	d := func(x, y uint8) bool { return int(x)-int(y) <= tol && int(y)-int(x) <= tol }
	return d(a.R, b.R) && d(a.G, b.G) && d(a.B, b.B)
}
