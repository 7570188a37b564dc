// Package lossplot draws the loss curves of Model.train calls as PNG
// images with gonum.org/v1/plot. Every call is one Run: the loss of
// each step is a thin line and the mean loss of each epoch a thick line
// with a point at the epoch's last step. cellrepl's --plot flag and the
// LossPlot callback of mindspore.train.callback both use it.
package lossplot

import (
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Size of the images Render draws, in pixels.
const (
	Width  = 800
	Height = 500
)

// dpi is the resolution of the canvas. It only converts Width and
// Height into gonum's point-based lengths, so any value gives the same
// pixel size, and 96 keeps gonum's default font sizes readable.
const dpi = 96

// logScaleRatio is the max/min loss ratio from which the loss axis is
// logarithmic, so that the late steps of a loss that fell by several
// orders of magnitude stay visible.
const logScaleRatio = 1000

// Run is the loss history of one Model.train call.
type Run struct {
	// Losses holds the loss of every step, in order.
	Losses []float64
	// EpochEnds holds, for every finished epoch, the number of steps
	// done when it ended.
	EpochEnds []int
}

// EpochMeans returns, for every finished epoch, its last step (from 1)
// and the mean of its finite step losses. Epochs without finite
// losses are left out.
func (r Run) EpochMeans() (steps []int, means []float64) {
	first := 0
	for _, end := range r.EpochEnds {
		end = min(end, len(r.Losses))
		sum, n := 0.0, 0
		for _, v := range r.Losses[first:max(end, first)] {
			if finite(v) {
				sum += v
				n++
			}
		}
		if n > 0 {
			steps = append(steps, end)
			means = append(means, sum/float64(n))
		}
		first = max(end, first)
	}
	return steps, means
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// WriteFile renders runs and writes the PNG image to path. When there
// is nothing to draw it returns ErrNoLoss and leaves path alone.
func WriteFile(path string, runs []Run) error {
	img, err := Render(runs)
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("lossplot: cannot create %s: %w", path, err)
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("lossplot: cannot write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("lossplot: cannot write %s: %w", path, err)
	}
	return nil
}

// WritePNG renders runs and encodes the image as PNG to w.
func WritePNG(w io.Writer, runs []Run) error {
	img, err := Render(runs)
	if err != nil {
		return err
	}
	return png.Encode(w, img)
}

// ErrNoLoss is the error of Render when no run has a finite loss.
var ErrNoLoss = errors.New("lossplot: no finite loss was recorded, so there is no curve to draw; run Model.train first")

// Render draws runs into a Width x Height image on a white background.
func Render(runs []Run) (image.Image, error) {
	p, err := newPlot(runs)
	if err != nil {
		return nil, err
	}
	c := vgimg.NewWith(
		vgimg.UseWH(vg.Length(Width)*vg.Inch/dpi, vg.Length(Height)*vg.Inch/dpi),
		vgimg.UseDPI(dpi),
	)
	// A margin keeps the last tick label and the legend off the edge.
	margin := vg.Points(12)
	p.Draw(draw.Crop(draw.New(c), margin, -margin, margin, -margin))
	return c.Image(), nil
}

// newPlot builds the plot of all runs with at least one finite loss.
func newPlot(runs []Run) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = "Training loss"
	p.X.Label.Text = "step"
	p.Y.Label.Text = "loss"
	p.Legend.Top = true
	p.Legend.XOffs = -vg.Points(8)
	p.Title.TextStyle.Font.Size = vg.Points(14)
	p.Add(plotter.NewGrid())
	p.X.Tick.Marker = plot.TickerFunc(shortestLabels)
	p.Y.Tick.Marker = plot.TickerFunc(shortestLabels)

	lo, hi := math.Inf(1), math.Inf(-1)
	drawn := 0
	for _, r := range runs {
		for _, v := range r.Losses {
			if finite(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if lo > hi {
		return nil, ErrNoLoss
	}
	logScale := lo > 0 && hi/lo >= logScaleRatio
	if logScale {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = plot.LogTicks{Prec: -1}
	}
	for i, r := range runs {
		added, err := addRun(p, r, i, len(runs) > 1)
		if err != nil {
			return nil, err
		}
		if added {
			drawn++
		}
	}
	if drawn == 0 {
		return nil, ErrNoLoss
	}
	return p, nil
}

// addRun adds the step and epoch-mean curves of run number i. It
// returns false when the run has no finite loss.
func addRun(p *plot.Plot, r Run, i int, numbered bool) (bool, error) {
	steps := plotter.XYs{}
	for k, v := range r.Losses {
		if finite(v) {
			steps = append(steps, plotter.XY{X: float64(k + 1), Y: v})
		}
	}
	if len(steps) == 0 {
		return false, nil
	}
	base := plotutil.Color(i)
	stepLine, err := plotter.NewLine(steps)
	if err != nil {
		return false, fmt.Errorf("lossplot: %w", err)
	}
	stepLine.Color = lighten(base, 0.55)
	stepLine.Width = vg.Points(1)
	p.Add(stepLine)
	stepLabel, meanLabel := "loss per step", "epoch mean"
	if numbered {
		stepLabel = fmt.Sprintf("train %d: loss per step", i+1)
		meanLabel = fmt.Sprintf("train %d: epoch mean", i+1)
	}
	p.Legend.Add(stepLabel, stepLine)

	ends, means := r.EpochMeans()
	if len(ends) == 0 {
		return true, nil
	}
	epochs := make(plotter.XYs, len(ends))
	for k := range ends {
		epochs[k] = plotter.XY{X: float64(ends[k]), Y: means[k]}
	}
	meanLine, points, err := plotter.NewLinePoints(epochs)
	if err != nil {
		return false, fmt.Errorf("lossplot: %w", err)
	}
	meanLine.Color = base
	meanLine.Width = vg.Points(2.5)
	points.Color = base
	points.Shape = draw.CircleGlyph{}
	points.Radius = vg.Points(3)
	p.Add(meanLine, points)
	p.Legend.Add(meanLabel, meanLine, points)
	return true, nil
}

// shortestLabels returns gonum's default ticks labelled with the
// shortest decimal form of their values, so that step 25 reads "25"
// rather than "25.00".
func shortestLabels(lo, hi float64) []plot.Tick {
	ticks := plot.DefaultTicks{}.Ticks(lo, hi)
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = strconv.FormatFloat(ticks[i].Value, 'g', -1, 64)
		}
	}
	return ticks
}

// lighten mixes c with white; amount 0 keeps c and 1 gives white.
func lighten(c color.Color, amount float64) color.Color {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 {
		x := float64(v>>8)*(1-amount) + 255*amount
		return uint8(math.Round(x))
	}
	return color.RGBA{R: mix(r), G: mix(g), B: mix(b), A: 255}
}
