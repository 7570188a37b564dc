package engine

type cmpOp uint8

const (
	cmpLT cmpOp = iota
	cmpLE
	cmpGT
	cmpGE
	cmpEQ
	cmpNE
)

var cmpNames = [...]string{"Less", "LessEqual", "Greater", "GreaterEqual", "Equal", "NotEqual"}

func cmpApply(k cmpOp, x, y float64) bool {
	switch k {
	case cmpLT:
		return x < y
	case cmpLE:
		return x <= y
	case cmpGT:
		return x > y
	case cmpGE:
		return x >= y
	case cmpEQ:
		return x == y
	default:
		return x != y
	}
}

// compareRaw returns a bool tensor; operands are promoted to a common
// dtype and broadcast. Comparisons carry no gradient.
func compareRaw(k cmpOp, a, b *Tensor) *Tensor {
	name := cmpNames[k]
	shape := broadcastOrRaise(name, a.shape, b.shape)
	if a.dtype != b.dtype {
		d := Promote(a.dtype, b.dtype)
		a, b = cast(a, d), cast(b, d)
	}
	if be := onDevice(name, true, a, b); be != nil {
		return deviceCompare(be, k, a, b, shape)
	}
	ea, eb := expandTo(a, shape), expandTo(b, shape)
	out := newTensor(name, Bool, shape)
	d := out.data.([]bool)
	switch x := ea.data.(type) {
	case []float32:
		y := eb.data.([]float32)
		for i := range d {
			d[i] = cmpApply(k, float64(x[i]), float64(y[i]))
		}
	case []int64:
		y := eb.data.([]int64)
		for i := range d {
			d[i] = cmpInt(k, x[i], y[i])
		}
	default:
		for i := range d {
			d[i] = cmpApply(k, ea.Float(i), eb.Float(i))
		}
	}
	return out
}

func cmpInt(k cmpOp, x, y int64) bool {
	switch k {
	case cmpLT:
		return x < y
	case cmpLE:
		return x <= y
	case cmpGT:
		return x > y
	case cmpGE:
		return x >= y
	case cmpEQ:
		return x == y
	default:
		return x != y
	}
}

func compareExported(k cmpOp, a, b *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	return compareRaw(k, a, b), nil
}

// Less returns a < b elementwise as a bool tensor.
func Less(a, b *Tensor) (*Tensor, error) { return compareExported(cmpLT, a, b) }

// LessEqual returns a <= b elementwise.
func LessEqual(a, b *Tensor) (*Tensor, error) { return compareExported(cmpLE, a, b) }

// Greater returns a > b elementwise.
func Greater(a, b *Tensor) (*Tensor, error) { return compareExported(cmpGT, a, b) }

// GreaterEqual returns a >= b elementwise.
func GreaterEqual(a, b *Tensor) (*Tensor, error) { return compareExported(cmpGE, a, b) }

// Equal returns a == b elementwise.
func Equal(a, b *Tensor) (*Tensor, error) { return compareExported(cmpEQ, a, b) }

// NotEqual returns a != b elementwise.
func NotEqual(a, b *Tensor) (*Tensor, error) { return compareExported(cmpNE, a, b) }

// where selects a where cond is true and b elsewhere, with broadcasting.
func where(cond, a, b *Tensor) *Tensor {
	if cond.dtype != Bool {
		typeErr("Select", "condition dtype is %s; it must be bool", cond.dtype)
	}
	if a.dtype != b.dtype {
		typeErr("Select", "dtypes %s and %s differ; cast one operand first", a.dtype, b.dtype)
	}
	shape := broadcastOrRaise("Select", cond.shape, a.shape)
	shape = broadcastOrRaise("Select", shape, b.shape)
	out := selectRaw(cond, a, b, shape)
	condD := cond.Detach()
	return record(out, "Select", []*Tensor{nil, a, b}, func(g *Tensor) []*Tensor {
		zero := full(g.dtype, 0, nil)
		return []*Tensor{nil, sumTo(where(condD, g, zero), a.shape), sumTo(where(condD, zero, g), b.shape)}
	})
}

// selectRaw is where's kernel, without autograd, for operands that
// broadcast to shape.
func selectRaw(cond, a, b *Tensor, shape []int) *Tensor {
	if be := onDevice("Select", true, cond, a, b); be != nil {
		return deviceSelect(be, cond, a, b, shape)
	}
	c := expandTo(cond, shape).data.([]bool)
	ea, eb := expandTo(a, shape), expandTo(b, shape)
	out := newTensor("Select", a.dtype, shape)
	switch d := out.data.(type) {
	case []float32:
		selectLoop(d, c, ea.data.([]float32), eb.data.([]float32))
	case []float64:
		selectLoop(d, c, ea.data.([]float64), eb.data.([]float64))
	case []int32:
		selectLoop(d, c, ea.data.([]int32), eb.data.([]int32))
	case []int64:
		selectLoop(d, c, ea.data.([]int64), eb.data.([]int64))
	case []bool:
		selectLoop(d, c, ea.data.([]bool), eb.data.([]bool))
	}
	return out
}

func selectLoop[T any](d []T, c []bool, a, b []T) {
	for i := range d {
		if c[i] {
			d[i] = a[i]
		} else {
			d[i] = b[i]
		}
	}
}

// Where selects a where cond is true and b elsewhere (MindSpore's Select).
func Where(cond, a, b *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	return where(cond, a, b), nil
}

// LogicalNot negates a bool tensor.
func LogicalNot(a *Tensor) (t *Tensor, err error) {
	defer catch(&err)
	if a.dtype != Bool {
		typeErr("LogicalNot", "dtype is %s; it must be bool", a.dtype)
	}
	if onDevice("LogicalNot", false, a) != nil {
		return compareRaw(cmpEQ, a, Scalar(Bool, 0)), nil
	}
	out := newTensor("LogicalNot", Bool, a.shape)
	d := out.data.([]bool)
	for i, v := range a.data.([]bool) {
		d[i] = !v
	}
	return out, nil
}
