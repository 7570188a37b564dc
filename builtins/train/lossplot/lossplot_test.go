package lossplot

import (
	"bytes"
	"errors"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"gonum.org/v1/plot"
)

func TestEpochMeans(t *testing.T) {
	run := Run{
		Losses:    []float64{3, 1, 4, 1, 5, 9, 2, 6, math.NaN(), 5.5},
		EpochEnds: []int{3, 6, 10},
	}
	steps, means := run.EpochMeans()
	// NumPy 1.24.2: np.nanmean over each epoch's slice.
	wantMeans := []float64{2.6666666666666665, 5.0, 4.5}
	if !reflect.DeepEqual(steps, []int{3, 6, 10}) {
		t.Errorf("steps = %v, want [3 6 10]", steps)
	}
	if !reflect.DeepEqual(means, wantMeans) {
		t.Errorf("means = %v, want %v", means, wantMeans)
	}
}

func TestEpochMeansSkipsEmptyEpochs(t *testing.T) {
	run := Run{Losses: []float64{math.NaN(), 2}, EpochEnds: []int{1, 2, 2}}
	steps, means := run.EpochMeans()
	if !reflect.DeepEqual(steps, []int{2}) || !reflect.DeepEqual(means, []float64{2}) {
		t.Errorf("EpochMeans = %v %v, want [2] [2]", steps, means)
	}
}

func decreasingRun(epochs, steps int, scale float64) Run {
	var r Run
	for e := 0; e < epochs; e++ {
		for s := 0; s < steps; s++ {
			k := float64(e*steps + s)
			r.Losses = append(r.Losses, scale*math.Exp(-k/20)+0.05*math.Sin(k))
		}
		r.EpochEnds = append(r.EpochEnds, len(r.Losses))
	}
	return r
}

func TestRenderSize(t *testing.T) {
	img, err := Render([]Run{decreasingRun(4, 25, 2)})
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != Width || b.Dy() != Height {
		t.Errorf("image is %dx%d, want %dx%d", b.Dx(), b.Dy(), Width, Height)
	}
}

// countColor counts the pixels of exactly c.
func countColor(t *testing.T, data []byte, c color.RGBA) int {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("invalid PNG: %v", err)
	}
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if color.RGBAModel.Convert(img.At(x, y)) == c {
				n++
			}
		}
	}
	return n
}

func TestWritePNGOneColorPerRun(t *testing.T) {
	// gonum's plotutil.SoftColors[0] and [1].
	first := color.RGBA{R: 241, G: 90, B: 96, A: 255}
	second := color.RGBA{R: 122, G: 195, B: 106, A: 255}

	var one bytes.Buffer
	if err := WritePNG(&one, []Run{decreasingRun(4, 25, 2)}); err != nil {
		t.Fatal(err)
	}
	if n := countColor(t, one.Bytes(), first); n < 200 {
		t.Errorf("one run: %d pixels of the first color, want at least 200", n)
	}
	if n := countColor(t, one.Bytes(), second); n != 0 {
		t.Errorf("one run: %d pixels of the second color, want 0", n)
	}

	var two bytes.Buffer
	if err := WritePNG(&two, []Run{decreasingRun(4, 25, 2), decreasingRun(3, 30, 1)}); err != nil {
		t.Fatal(err)
	}
	if n := countColor(t, two.Bytes(), second); n < 200 {
		t.Errorf("two runs: %d pixels of the second color, want at least 200", n)
	}
}

func TestRenderNoLoss(t *testing.T) {
	cases := map[string][]Run{
		"no runs":        nil,
		"empty run":      {{}},
		"only NaN":       {{Losses: []float64{math.NaN(), math.Inf(1)}, EpochEnds: []int{2}}},
		"empty and NaNs": {{}, {Losses: []float64{math.NaN()}}},
	}
	for name, runs := range cases {
		if _, err := Render(runs); !errors.Is(err, ErrNoLoss) {
			t.Errorf("%s: err = %v, want ErrNoLoss", name, err)
		}
	}
}

func TestRenderSkipsNonFinite(t *testing.T) {
	run := decreasingRun(2, 10, 1)
	run.Losses[3] = math.NaN()
	run.Losses[4] = math.Inf(1)
	if _, err := Render([]Run{run}); err != nil {
		t.Errorf("Render with NaN and Inf losses: %v", err)
	}
}

func TestLogScaleForWideRange(t *testing.T) {
	cases := []struct {
		name   string
		losses []float64
		log    bool
	}{
		{"falls by 1e5", []float64{10, 1, 0.1, 1e-3, 1e-4}, true},
		{"falls by 100", []float64{10, 1, 0.1}, false},
		// gonum's log scale panics on values <= 0.
		{"negative loss", []float64{10, -1, 1e-4}, false},
		{"zero loss", []float64{10, 0, 1e-4}, false},
	}
	for _, c := range cases {
		p, err := newPlot([]Run{{Losses: c.losses, EpochEnds: []int{len(c.losses)}}})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		_, isLog := p.Y.Scale.(plot.LogScale)
		if isLog != c.log {
			t.Errorf("%s: log scale %v, want %v", c.name, isLog, c.log)
		}
		if _, err := Render([]Run{{Losses: c.losses}}); err != nil {
			t.Errorf("%s: Render: %v", c.name, err)
		}
	}
}

func TestWriteFileLeavesNoFileWithoutLoss(t *testing.T) {
	path := filepath.Join(t.TempDir(), "loss.png")
	if err := WriteFile(path, nil); !errors.Is(err, ErrNoLoss) {
		t.Fatalf("err = %v, want ErrNoLoss", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("%s exists after ErrNoLoss", path)
	}
}

func TestWriteFileMissingDirectory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "loss.png")
	err := WriteFile(path, []Run{decreasingRun(1, 5, 1)})
	var pathErr *os.PathError
	if !errors.As(err, &pathErr) {
		t.Errorf("err = %v, want an *os.PathError", err)
	}
}

func TestRecorder(t *testing.T) {
	var r Recorder
	r.StepEnd(1, 1, 9) // before any TrainBegin: dropped
	r.TrainBegin(2, 2)
	r.StepEnd(1, 1, 4)
	r.StepEnd(1, 2, 3)
	r.EpochEnd(1)
	r.StepEnd(2, 3, 2)
	r.TrainEnd()
	r.TrainBegin(1, -1)
	r.StepEnd(1, 1, 1)
	r.EpochEnd(1)
	r.TrainEnd()
	want := []Run{
		{Losses: []float64{4, 3, 2}, EpochEnds: []int{2}},
		{Losses: []float64{1}, EpochEnds: []int{1}},
	}
	got := r.Runs()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Runs = %+v, want %+v", got, want)
	}
	got[0].Losses[0] = 100
	if r.Runs()[0].Losses[0] != 4 {
		t.Error("Runs returned the recorder's own slices")
	}
}
