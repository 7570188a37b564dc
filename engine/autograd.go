package engine

import "fmt"

// node records how an op's output was computed, for reverse mode.
type node struct {
	op     string
	inputs []*Tensor
	// vjp maps the gradient of the output to one gradient per input
	// (nil where an input needs none). Its tensors carry no history.
	vjp func(g *Tensor) []*Tensor
}

// RequiresGrad reports whether gradients flow back to or through t.
func (t *Tensor) RequiresGrad() bool { return t.requiresGrad }

// SetRequiresGrad marks a leaf tensor (a parameter or a host input) as
// one that gradients are taken with respect to. It returns t.
func (t *Tensor) SetRequiresGrad(on bool) *Tensor {
	t.requiresGrad = on
	return t
}

// GradOp returns the name of the op that produced t, or "" for a leaf.
func (t *Tensor) GradOp() string {
	if t.node == nil {
		return ""
	}
	return t.node.op
}

// record attaches a node to out when any input requires a gradient.
func record(out *Tensor, op string, inputs []*Tensor, vjp func(g *Tensor) []*Tensor) *Tensor {
	for _, in := range inputs {
		if in != nil && in.requiresGrad {
			out.requiresGrad = true
			out.node = &node{op: op, inputs: inputs, vjp: vjp}
			return out
		}
	}
	return out
}

// Grad returns the gradients of y with respect to each tensor in wrt.
// sens is the gradient of the final objective with respect to y (nil
// means ones, the usual choice for a scalar loss). A tensor in wrt that
// y does not depend on gets a zero gradient.
func Grad(y *Tensor, wrt []*Tensor, sens *Tensor) (grads []*Tensor, err error) {
	defer catch(&err)
	if sens == nil {
		sens = full(y.dtype, 1, y.shape)
	} else if !sameShape(sens.shape, y.shape) {
		valueErr("Grad", "sens shape %s does not match output shape %s", FormatShape(sens.shape), FormatShape(y.shape))
	} else {
		sens = cast(sens.Detach(), y.dtype)
	}
	acc := backward(y, sens)
	grads = make([]*Tensor, len(wrt))
	for i, w := range wrt {
		if g, ok := acc[w]; ok {
			grads[i] = g
		} else {
			grads[i] = full(w.dtype, 0, w.shape)
		}
	}
	return grads, nil
}

// backward propagates sens from y and returns the accumulated gradient of
// every tensor reached, leaves included.
func backward(y *Tensor, sens *Tensor) map[*Tensor]*Tensor {
	order := topoOrder(y)
	acc := map[*Tensor]*Tensor{y: sens}
	for i := len(order) - 1; i >= 0; i-- {
		t := order[i]
		g, ok := acc[t]
		if !ok || t.node == nil {
			continue
		}
		gs := t.node.vjp(g)
		for j, in := range t.node.inputs {
			if in == nil || !in.requiresGrad || gs[j] == nil {
				continue
			}
			gj := gs[j]
			if !sameShape(gj.shape, in.shape) {
				panic(fmt.Sprintf("engine: %s gradient for input %d has shape %v, want %v", t.node.op, j, gj.shape, in.shape))
			}
			if gj.dtype != in.dtype {
				gj = cast(gj, in.dtype)
			}
			if prev, ok := acc[in]; ok {
				acc[in] = add(prev, gj)
			} else {
				acc[in] = gj
			}
		}
		if t != y {
			delete(acc, t)
			acc[t] = g // keep for callers asking about intermediates
		}
	}
	return acc
}

// topoOrder returns the tensors y depends on through recorded nodes,
// inputs before outputs.
func topoOrder(y *Tensor) []*Tensor {
	var order []*Tensor
	seen := map[*Tensor]bool{}
	type frame struct {
		t    *Tensor
		next int
	}
	stack := []frame{{t: y}}
	seen[y] = true
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.t.node != nil && top.next < len(top.t.node.inputs) {
			in := top.t.node.inputs[top.next]
			top.next++
			if in != nil && in.requiresGrad && !seen[in] {
				seen[in] = true
				stack = append(stack, frame{t: in})
			}
			continue
		}
		order = append(order, top.t)
		stack = stack[:len(stack)-1]
	}
	return order
}
