package main

import (
	"context"
	"fmt"
	"io"

	"github.com/cellscript/cellscript/engine"
	"github.com/cellscript/cellscript/runtime"
)

// config holds the training settings that the flags set.
type config struct {
	epochs   int
	lr       float64
	momentum float64
	every    int // print a progress line every this many epochs
}

// classifier is a logistic regression that the host owns and trains:
// logits = x @ w + b.
type classifier struct {
	w, b   *engine.Tensor // (columns, 1) and (1,), leaves of the gradient
	vw, vb []float32      // momentum buffers
}

func newClassifier(columns int) *classifier {
	w, _ := engine.Zeros(engine.Float32, columns, 1)
	b, _ := engine.Zeros(engine.Float32, 1)
	return &classifier{
		w:  w.SetRequiresGrad(true),
		b:  b.SetRequiresGrad(true),
		vw: make([]float32, columns),
		vb: make([]float32, 1),
	}
}

// logits returns x @ w + b with shape (rows,).
func (c *classifier) logits(x *engine.Tensor) (*engine.Tensor, error) {
	xw, err := engine.MatMul(x, c.w, false, false)
	if err != nil {
		return nil, err
	}
	flat, err := engine.Reshape(xw, x.Shape()[0])
	if err != nil {
		return nil, err
	}
	return engine.Add(flat, c.b)
}

// step applies one SGD-with-momentum update in place:
// v = momentum*v + g; p -= lr*v.
func (c *classifier) step(grads []*engine.Tensor, cfg config) {
	params := [][]float32{c.w.F32(), c.b.F32()}
	velocity := [][]float32{c.vw, c.vb}
	for i, g := range grads {
		gs := g.F32()
		for j := range params[i] {
			velocity[i][j] = float32(cfg.momentum)*velocity[i][j] + gs[j]
			params[i][j] -= float32(cfg.lr) * velocity[i][j]
		}
	}
}

// accuracy returns the share of rows whose predicted class (logit > 0
// means benign) matches the label.
func (c *classifier) accuracy(s split) (float64, error) {
	x, err := engine.FromFloat32(s.features, s.rows, s.columns)
	if err != nil {
		return 0, err
	}
	z, err := c.logits(x)
	if err != nil {
		return 0, err
	}
	correct := 0
	for i, logit := range z.F32() {
		predicted := float32(0)
		if logit > 0 {
			predicted = 1
		}
		if predicted == s.labels[i] {
			correct++
		}
	}
	return float64(correct) / float64(s.rows), nil
}

// result is the outcome of one training run.
type result struct {
	losses   []float64 // the training loss of each epoch, before its update
	accuracy float64   // on the test split, after the last epoch
}

// train fits a new classifier by full-batch gradient descent, taking the
// loss and its gradients from the script's Loss cell.
func train(ctx context.Context, loss *runtime.Object, trainSet, testSet split, cfg config, out io.Writer) (result, error) {
	var res result
	x, err := engine.FromFloat32(trainSet.features, trainSet.rows, trainSet.columns)
	if err != nil {
		return res, err
	}
	y, err := engine.FromFloat32(trainSet.labels)
	if err != nil {
		return res, err
	}
	model := newClassifier(trainSet.columns)
	for epoch := 1; epoch <= cfg.epochs; epoch++ {
		value, grads, err := lossAndGrads(ctx, loss, model, x, y)
		if err != nil {
			return res, err
		}
		res.losses = append(res.losses, value)
		model.step(grads, cfg)
		if epoch%cfg.every == 0 || epoch == cfg.epochs {
			acc, err := model.accuracy(testSet)
			if err != nil {
				return res, err
			}
			fmt.Fprintf(out, "epoch %4d  loss %.4f  test accuracy %5.1f%%\n", epoch, value, 100*acc)
		}
	}
	acc, err := model.accuracy(testSet)
	res.accuracy = acc
	return res, err
}

// lossAndGrads calls the script loss on the model's logits and returns
// its value and its gradients with respect to w and b.
func lossAndGrads(ctx context.Context, loss *runtime.Object, model *classifier, x, y *engine.Tensor) (float64, []*engine.Tensor, error) {
	z, err := model.logits(x)
	if err != nil {
		return 0, nil, err
	}
	out, err := loss.Call(ctx, z, y)
	if err != nil {
		return 0, nil, err
	}
	lt, err := out.Tensor()
	if err != nil {
		return 0, nil, fmt.Errorf("Loss returned a %s; it must return a scalar Tensor", out.Type())
	}
	value, err := lt.Item()
	if err != nil {
		return 0, nil, fmt.Errorf("Loss returned a tensor of shape %s; reduce it to a scalar, for example with ops.ReduceMean()", engine.FormatShape(lt.Shape()))
	}
	grads, err := engine.Grad(lt, []*engine.Tensor{model.w, model.b}, nil)
	if err != nil {
		return 0, nil, err
	}
	return value, grads, nil
}
