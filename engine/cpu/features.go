package cpu

// ISA is the instruction set a kernel path uses.
type ISA uint8

// The kernel paths, from the portable reference path up.
const (
	Generic ISA = iota // pure Go
	AVX2               // AVX2 and FMA, 256-bit vectors
	AVX512             // AVX-512 F, DQ, BW and VL, 512-bit vectors
)

var isaNames = [...]string{Generic: "generic", AVX2: "avx2", AVX512: "avx512"}

// String returns the path's name: "generic", "avx2" or "avx512".
func (i ISA) String() string {
	if int(i) < len(isaNames) {
		return isaNames[i]
	}
	return "unknown"
}

// best is the fastest path that this CPU and build support, and active
// is the path the kernels use.
var best, active = detect(), detect()

// Active returns the path the kernels use now.
func Active() ISA { return active }

// Best returns the fastest path that this CPU and build support.
func Best() ISA { return best }

// SetISA makes the kernels use path i, or the best supported path below
// it, and returns the path that was active before. Tests and benchmarks
// use it to compare paths; it must not run while kernels run.
func SetISA(i ISA) (previous ISA) {
	previous = active
	active = min(i, best)
	return previous
}
