package train

import (
	"math"
	"sort"

	"github.com/cellscript/cellscript/builtins/core"
	"github.com/cellscript/cellscript/builtins/tensor"
	"github.com/cellscript/cellscript/engine"
	"go.starlark.net/starlark"
)

// eps is sys.float_info.min, which MindSpore adds to denominators.
const eps = 2.2250738585072014e-308

// The formulas follow MindSpore's mindspore/train/metrics sources
// (accuracy.py, error.py, loss.py, precision.py, recall.py, fbeta.py,
// topk.py and metric.py for the shape checks).

func needInputs(name string, inputs []*engine.Tensor, n int) error {
	if len(inputs) != n {
		what := "2 inputs (predicted value, true value)"
		if n == 1 {
			what = "1 input (loss)"
		}
		return core.Errorf("ValueError", "For '%s.update', it needs %s, but got %d", name, what, len(inputs))
	}
	return nil
}

// isOneHot reports whether every element is 0 or 1 and each sample's
// entries along axis 1 sum to 1.
func isOneHot(y *engine.Tensor) bool {
	if y.Rank() < 2 {
		return false
	}
	for _, v := range y.Floats() {
		if v != 0 && v != 1 {
			return false
		}
	}
	s, err := engine.Sum(y, []int{1}, false)
	if err != nil {
		return false
	}
	for _, v := range s.Floats() {
		if v != 1 {
			return false
		}
	}
	return true
}

func argmax1(t *engine.Tensor) (*engine.Tensor, error) {
	a, err := engine.ArgMax(t, 1, false)
	if err != nil {
		return nil, core.EngineError("argmax", err)
	}
	return a, nil
}

// labelsOf applies the one-hot rule shared by the classification
// metrics: a one-hot y of the same rank as y_pred becomes its argmax.
func labelsOf(pred, y *engine.Tensor) (*engine.Tensor, error) {
	if pred.Rank() == y.Rank() && isOneHot(y) {
		return argmax1(y)
	}
	return y, nil
}

// checkShape is EvaluationBase._check_shape.
func checkShape(multilabel bool, pred, y *engine.Tensor) error {
	ps, ys := engine.FormatShape(pred.Shape()), engine.FormatShape(y.Shape())
	if multilabel {
		if ps != ys {
			return core.Errorf("ValueError", "In multilabel case, the shape of y_pred (predicted value) should equal to the shape of y (true value), but got y_pred shape: %s and y shape: %s.", ps, ys)
		}
		return nil
	}
	if pred.Rank() != y.Rank()+1 || pred.Rank() < 2 {
		return core.Errorf("ValueError", "In classification case, the dimension of y_pred (predicted value) should equal to the dimension of y (true value) add 1, but got y_pred shape %s and y shape %s.", ps, ys)
	}
	want := append([]int{pred.Shape()[0]}, pred.Shape()[2:]...)
	if engine.FormatShape(want) != ys {
		return core.Errorf("ValueError", "In classification case, y shape should be y_pred shape without its axis 1: y_pred shape %s needs y shape %s, but got %s", ps, engine.FormatShape(want), ys)
	}
	return nil
}

// checkBinary is EvaluationBase._check_value for multilabel inputs.
func checkBinary(pred, y *engine.Tensor) error {
	for _, t := range []*engine.Tensor{pred, y} {
		for _, v := range t.Floats() {
			if v != 0 && v != 1 {
				return core.Errorf("ValueError", "In multilabel case, all elements in y_pred (predicted value) and y (true value) should be 0 or 1. Please check whether your inputs y_pred and y are correct.")
			}
		}
	}
	return nil
}

// checkClassNum records the class count of the first update and rejects
// a later update with a different count.
func checkClassNum(name string, classNum *int, pred *engine.Tensor) error {
	if pred.Rank() < 2 {
		return core.Errorf("ValueError", "For '%s.update', y_pred must have a class axis 1, but got shape %s", name, engine.FormatShape(pred.Shape()))
	}
	c := pred.Shape()[1]
	if *classNum == 0 {
		*classNum = c
	} else if c != *classNum {
		return core.Errorf("ValueError", "For '%s.update', class number not match, last input predicted data contain %d classes, but current predicted data contain %d classes, please check your predicted value(inputs[0]).", name, *classNum, c)
	}
	return nil
}

func noSamples(name string) error {
	return core.Errorf("RuntimeError", "The '%s' can not be calculated, because the number of samples is 0, please check whether your inputs (predicted value, true value) are empty, or has called update method before calling eval method.", name)
}

// accuracy is Accuracy.
type accuracy struct {
	multilabel     bool
	correct, total float64
	classNum       int
}

func (a *accuracy) clear() { a.correct, a.total, a.classNum = 0, 0, 0 }

func (a *accuracy) update(in []*engine.Tensor) error {
	if err := needInputs("Accuracy", in, 2); err != nil {
		return err
	}
	pred, y := in[0], in[1]
	if !a.multilabel {
		var err error
		if y, err = labelsOf(pred, y); err != nil {
			return err
		}
	}
	if err := checkShape(a.multilabel, pred, y); err != nil {
		return err
	}
	if a.multilabel {
		if err := checkBinary(pred, y); err != nil {
			return err
		}
	}
	if err := checkClassNum("Accuracy", &a.classNum, pred); err != nil {
		return err
	}
	if a.multilabel {
		ok, n := rowsAllEqual(pred, y)
		a.correct += ok
		a.total += n
		return nil
	}
	idx, err := argmax1(pred)
	if err != nil {
		return err
	}
	for i := 0; i < idx.Numel(); i++ {
		if float64(idx.Int(i)) == y.Float(i) {
			a.correct++
		}
	}
	a.total += float64(idx.Numel())
	return nil
}

// rowsAllEqual counts the samples (positions outside axis 1) whose
// entries along axis 1 all agree between a and b.
func rowsAllEqual(a, b *engine.Tensor) (correct, total float64) {
	n, c := a.Shape()[0], a.Shape()[1]
	r := engine.Numel(a.Shape()[2:])
	for i := 0; i < n; i++ {
		for k := 0; k < r; k++ {
			same := true
			for j := 0; j < c; j++ {
				at := (i*c+j)*r + k
				if a.Float(at) != b.Float(at) {
					same = false
				}
			}
			if same {
				correct++
			}
			total++
		}
	}
	return correct, total
}

func (a *accuracy) eval(bool) (starlark.Value, error) {
	if a.total == 0 {
		return nil, noSamples("Accuracy")
	}
	return starlark.Float(a.correct / a.total), nil
}

// errorMetric is MAE or MSE. Each update sums |y - y_pred| (or its
// square) in the inputs' promoted dtype, as NumPy does, and the sums
// accumulate in float64.
type errorMetric struct {
	name    string
	squared bool
	sum     float64
	samples float64
}

func (m *errorMetric) clear() { m.sum, m.samples = 0, 0 }

func (m *errorMetric) update(in []*engine.Tensor) error {
	if err := needInputs(m.name, in, 2); err != nil {
		return err
	}
	pred, y := in[0], in[1]
	if y.Rank() == 0 {
		return core.Errorf("ValueError", "For '%s.update', y must have a sample axis, but got a scalar", m.name)
	}
	yr, err := engine.Reshape(y, pred.Shape()...)
	if err != nil {
		return core.Errorf("ValueError", "For '%s.update', y of shape %s cannot be reshaped to y_pred's shape %s", m.name, engine.FormatShape(y.Shape()), engine.FormatShape(pred.Shape()))
	}
	d, err := engine.Sub(yr, pred)
	if err != nil {
		return core.EngineError(m.name+".update", err)
	}
	if m.squared {
		d, err = engine.Square(d)
	} else {
		d, err = engine.Abs(d)
	}
	if err != nil {
		return core.EngineError(m.name+".update", err)
	}
	s, err := engine.Sum(d, nil, false)
	if err != nil {
		return core.EngineError(m.name+".update", err)
	}
	m.sum += s.Float(0)
	m.samples += float64(y.Shape()[0])
	return nil
}

func (m *errorMetric) eval(bool) (starlark.Value, error) {
	if m.samples == 0 {
		return nil, noSamples(m.name)
	}
	return starlark.Float(m.sum / m.samples), nil
}

// lossMetric is Loss: the mean of each update's loss (in its dtype),
// averaged over updates in float64.
type lossMetric struct {
	sum   float64
	count float64
}

func (m *lossMetric) clear() { m.sum, m.count = 0, 0 }

func (m *lossMetric) update(in []*engine.Tensor) error {
	if err := needInputs("Loss", in, 1); err != nil {
		return err
	}
	loss := in[0]
	if loss.Rank() > 1 {
		return core.Errorf("ValueError", "For 'Loss.update', the dimension of your input (loss) must be 1, but got %d.", loss.Rank())
	}
	mean, err := engine.Mean(loss, nil, false)
	if err != nil {
		return core.EngineError("Loss.update", err)
	}
	m.sum += mean.Float(0)
	m.count++
	return nil
}

func (m *lossMetric) eval(bool) (starlark.Value, error) {
	if m.count == 0 {
		return nil, core.Errorf("RuntimeError", "The 'Loss' can not be calculated, because the number of samples is 0, please check whether has called update method before calling eval method.")
	}
	return starlark.Float(m.sum / m.count), nil
}

// classCounts returns, per class, the predicted positives (argmax of
// y_pred), the actual positives and the true positives. Labels must be
// integers in [0, classes).
func classCounts(name string, pred, y *engine.Tensor, classes int) (pos, actual, tp []float64, err error) {
	maxLabel := math.Inf(-1)
	for _, v := range y.Floats() {
		if v != math.Trunc(v) || v < 0 {
			return nil, nil, nil, core.Errorf("ValueError", "For '%s.update', labels must be class indices (non-negative integers), but got %s", name, core.FormatFloat(v))
		}
		maxLabel = math.Max(maxLabel, v)
	}
	if maxLabel+1 > float64(classes) {
		return nil, nil, nil, core.Errorf("ValueError", "For '%s.update', predicted value (input[0]) should have the same classes number as true value (input[1]), but got predicted value classes %d, true value classes %d.", name, classes, int(maxLabel)+1)
	}
	idx, err := argmax1(pred)
	if err != nil {
		return nil, nil, nil, err
	}
	pos, actual, tp = make([]float64, classes), make([]float64, classes), make([]float64, classes)
	for i := 0; i < idx.Numel(); i++ {
		p, l := int(idx.Int(i)), int(y.Float(i))
		pos[p]++
		actual[l]++
		if p == l {
			tp[p]++
		}
	}
	return pos, actual, tp, nil
}

func addTo(dst, src []float64) []float64 {
	if dst == nil {
		dst = make([]float64, len(src))
	}
	for i, v := range src {
		dst[i] += v
	}
	return dst
}

// prMetric is Precision or Recall.
type prMetric struct {
	name       string
	recall     bool
	multilabel bool
	classNum   int
	tp, denom  []float64
	// multilabel averages: the sum of tp/(denom+eps) and the count.
	avgSum, avgCount float64
}

func (m *prMetric) clear() {
	m.classNum, m.tp, m.denom, m.avgSum, m.avgCount = 0, nil, nil, 0, 0
}

func (m *prMetric) update(in []*engine.Tensor) error {
	if err := needInputs(m.name, in, 2); err != nil {
		return err
	}
	pred, y := in[0], in[1]
	var err error
	if !m.multilabel {
		if y, err = labelsOf(pred, y); err != nil {
			return err
		}
	}
	if err := checkShape(m.multilabel, pred, y); err != nil {
		return err
	}
	if m.multilabel {
		if err := checkBinary(pred, y); err != nil {
			return err
		}
	}
	if err := checkClassNum(m.name, &m.classNum, pred); err != nil {
		return err
	}
	if m.multilabel {
		m.updateMultilabel(pred, y)
		return nil
	}
	pos, actual, tp, err := classCounts(m.name, pred, y, m.classNum)
	if err != nil {
		return err
	}
	m.tp = addTo(m.tp, tp)
	if m.recall {
		m.denom = addTo(m.denom, actual)
	} else {
		m.denom = addTo(m.denom, pos)
	}
	return nil
}

// updateMultilabel counts per sample (position outside axis 1), as
// MindSpore's swapaxes(1, 0).reshape(classes, -1).sum(axis=0) does.
func (m *prMetric) updateMultilabel(pred, y *engine.Tensor) {
	n, c := pred.Shape()[0], pred.Shape()[1]
	r := engine.Numel(pred.Shape()[2:])
	for i := 0; i < n; i++ {
		for k := 0; k < r; k++ {
			var tp, denom float64
			for j := 0; j < c; j++ {
				at := (i*c+j)*r + k
				p, l := pred.Float(at), y.Float(at)
				tp += p * l
				if m.recall {
					denom += l
				} else {
					denom += p
				}
			}
			m.tp = append(m.tp, tp)
			m.denom = append(m.denom, denom)
			m.avgSum += tp / (denom + eps)
			m.avgCount++
		}
	}
}

func (m *prMetric) eval(average bool) (starlark.Value, error) {
	if m.classNum == 0 {
		return nil, noSamples(m.name)
	}
	res := make([]float64, len(m.tp))
	for i := range res {
		res[i] = m.tp[i] / (m.denom[i] + eps)
	}
	if average && m.multilabel {
		return starlark.Float(m.avgSum / (m.avgCount + eps)), nil
	}
	if average {
		return starlark.Float(mean(res)), nil
	}
	return float64Array(res)
}

func mean(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

func float64Array(v []float64) (starlark.Value, error) {
	t, err := engine.FromFloat64(v)
	if err != nil {
		return nil, err
	}
	return tensor.NewArray(t), nil
}

// fbeta is Fbeta and F1.
type fbeta struct {
	beta            float64
	classNum        int
	tp, pos, actual []float64
}

func (m *fbeta) clear() { m.classNum, m.tp, m.pos, m.actual = 0, nil, nil, nil }

func (m *fbeta) update(in []*engine.Tensor) error {
	if err := needInputs("Fbeta", in, 2); err != nil {
		return err
	}
	pred, y := in[0], in[1]
	y, err := labelsOf(pred, y)
	if err != nil {
		return err
	}
	if err := checkClassNum("Fbeta", &m.classNum, pred); err != nil {
		return err
	}
	if y.Numel() != pred.Numel()/m.classNum {
		return core.Errorf("ValueError", "For 'Fbeta.update', y of shape %s does not give one label per sample of y_pred %s", engine.FormatShape(y.Shape()), engine.FormatShape(pred.Shape()))
	}
	pos, actual, tp, err := classCounts("Fbeta", pred, y, m.classNum)
	if err != nil {
		return err
	}
	m.tp, m.pos, m.actual = addTo(m.tp, tp), addTo(m.pos, pos), addTo(m.actual, actual)
	return nil
}

func (m *fbeta) eval(average bool) (starlark.Value, error) {
	if m.classNum == 0 {
		return nil, noSamples("Fbeta")
	}
	b2 := m.beta * m.beta
	res := make([]float64, len(m.tp))
	for i := range res {
		res[i] = (1 + b2) * m.tp[i] / (b2*m.actual[i] + m.pos[i] + eps)
	}
	if average {
		return starlark.Float(mean(res)), nil
	}
	return float64Array(res)
}

// topK is TopKCategoricalAccuracy. NOTE: MindSpore ranks with
// np.argsort(-y_pred), whose quicksort orders equal scores arbitrarily
// for rows longer than 16; here equal scores rank by lower index.
type topK struct {
	k                int
	correct, samples float64
}

func (m *topK) clear() { m.correct, m.samples = 0, 0 }

func (m *topK) update(in []*engine.Tensor) error {
	if err := needInputs("TopKCategoricalAccuracy", in, 2); err != nil {
		return err
	}
	pred, y := in[0], in[1]
	y, err := labelsOf(pred, y)
	if err != nil {
		return err
	}
	if pred.Rank() != 2 || y.Numel() != pred.Shape()[0] {
		return core.Errorf("ValueError", "For 'TopKCategoricalAccuracy.update', y_pred must be (N, C) and y (N,) or one-hot (N, C), but got shapes %s and %s", engine.FormatShape(pred.Shape()), engine.FormatShape(y.Shape()))
	}
	n, c := pred.Shape()[0], pred.Shape()[1]
	order := make([]int, c)
	for i := 0; i < n; i++ {
		for j := range order {
			order[j] = j
		}
		row := i * c
		sort.SliceStable(order, func(a, b int) bool { return pred.Float(row+order[a]) > pred.Float(row+order[b]) })
		for _, j := range order[:min(m.k, c)] {
			if float64(j) == y.Float(i) {
				m.correct++
			}
		}
	}
	m.samples += float64(n)
	return nil
}

func (m *topK) eval(bool) (starlark.Value, error) {
	if m.samples == 0 {
		return nil, noSamples("TopKCategoricalAccuracy")
	}
	return starlark.Float(m.correct / m.samples), nil
}
