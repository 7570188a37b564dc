package engine

// DivModBackend is a Backend that runs FloorDiv and Mod. A backend
// without it rejects both ops on its device.
type DivModBackend interface {
	// DivMod writes the floor quotient of a and b over shape, as
	// FloorDiv computes it, or with wantMod the remainder, as Mod
	// computes it. d is a number dtype, and integer divisors are
	// already checked to be nonzero.
	DivMod(wantMod bool, d DType, dst Buffer, a, b Operand, shape []int) error
}

// deviceDivMod is the device path of floorDivMod, after its dtype
// checks.
func deviceDivMod(be Backend, name string, a, b *Tensor, shape []int, wantMod bool) *Tensor {
	dm, ok := be.(DivModBackend)
	if !ok {
		raise("RuntimeError", name, "%s is not implemented on %s; move the inputs to the CPU first", name, be.Device())
	}
	if a.dtype.IsInt() {
		for i := 0; i < b.Numel(); i++ {
			if b.Int(i) == 0 {
				raise("ZeroDivisionError", name, "integer division or modulo by zero")
			}
		}
	}
	out := newDeviceTensor(be, name, a.dtype, shape)
	if out.Numel() > 0 {
		deviceCall(name, dm.DivMod(wantMod, a.dtype, outBuf(out), operandOf(a, shape), operandOf(b, shape), shape))
	}
	return out
}
