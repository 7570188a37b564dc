package engine

import "fmt"

// node records how an op's output was computed, for reverse mode.
type node struct {
	op     string
	inputs []*Tensor
	// vjp maps the gradient of the output to one gradient per input
	// (nil where an input needs none). Its tensors carry no history.
	vjp func(g *Tensor) []*Tensor
	// inline holds the inputs of ops with one or two, so that the
	// callers' input lists need no allocation of their own.
	inline [2]*Tensor
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
			n := &node{op: op, vjp: vjp}
			if len(inputs) <= len(n.inline) {
				n.inputs = n.inline[:copy(n.inline[:], inputs):len(inputs)]
			} else {
				n.inputs = append([]*Tensor(nil), inputs...)
			}
			out.requiresGrad = true
			out.node = n
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
	// The seed lives where y does, so every gradient does too.
	sens = sameDevice(sens, y)
	acc := backward(y, sens)
	grads = make([]*Tensor, len(wrt))
	for i, w := range wrt {
		if g, ok := acc.get(w); ok {
			grads[i] = g
		} else {
			grads[i] = fullLike(w, w.dtype, 0, w.shape)
		}
	}
	return grads, nil
}

// backward propagates sens from y and returns the accumulated gradient of
// every tensor reached, leaves included.
func backward(y *Tensor, sens *Tensor) *tensorMap {
	order := topoOrder(y)
	acc := &tensorMap{}
	acc.set(y, sens)
	for i := len(order) - 1; i >= 0; i-- {
		t := order[i]
		g, ok := acc.get(t)
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
			if prev, ok := acc.get(in); ok {
				acc.set(in, add(prev, gj))
			} else {
				acc.set(in, gj)
			}
		}
	}
	return acc
}

// topoOrder returns the tensors y depends on through recorded nodes,
// inputs before outputs.
func topoOrder(y *Tensor) []*Tensor {
	order := make([]*Tensor, 0, 16)
	seen := &tensorMap{}
	type frame struct {
		t    *Tensor
		next int
	}
	stack := append(make([]frame, 0, 16), frame{t: y})
	seen.set(y, nil)
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.t.node != nil && top.next < len(top.t.node.inputs) {
			in := top.t.node.inputs[top.next]
			top.next++
			if in != nil && in.requiresGrad && !seen.has(in) {
				seen.set(in, nil)
				stack = append(stack, frame{t: in})
			}
			continue
		}
		order = append(order, top.t)
		stack = stack[:len(stack)-1]
	}
	return order
}

// tensorMap maps tensors to tensors for one backward pass. The graphs of
// eager code are small, so it scans a slice, which costs less than a
// map for up to a few dozen entries, and indexes the keys in a map past
// tensorMapScan entries.
type tensorMap struct {
	keys, vals []*Tensor
	index      map[*Tensor]int
	// The first entries live here, saving the slices' allocations.
	inlineKeys, inlineVals [16]*Tensor
}

const tensorMapScan = 32

func (m *tensorMap) find(t *Tensor) int {
	if m.index != nil {
		if i, ok := m.index[t]; ok {
			return i
		}
		return -1
	}
	for i, k := range m.keys {
		if k == t {
			return i
		}
	}
	return -1
}

func (m *tensorMap) has(t *Tensor) bool { return m.find(t) >= 0 }

func (m *tensorMap) get(t *Tensor) (*Tensor, bool) {
	if i := m.find(t); i >= 0 {
		return m.vals[i], true
	}
	return nil, false
}

func (m *tensorMap) set(t, v *Tensor) {
	if i := m.find(t); i >= 0 {
		m.vals[i] = v
		return
	}
	if m.keys == nil {
		m.keys, m.vals = m.inlineKeys[:0], m.inlineVals[:0]
	}
	m.keys = append(m.keys, t)
	m.vals = append(m.vals, v)
	if m.index != nil {
		m.index[t] = len(m.keys) - 1
	} else if len(m.keys) > tensorMapScan {
		m.index = make(map[*Tensor]int, 2*len(m.keys))
		for i, k := range m.keys {
			m.index[k] = i
		}
	}
}
