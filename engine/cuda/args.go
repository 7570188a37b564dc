package cuda

import (
	"encoding/binary"
	"fmt"
	"math"
	"strings"
)

// param is the C type class of a kernel parameter, which fixes its size
// and alignment in the packed argument buffer.
type param uint8

const (
	pPtr  param = iota // a device pointer, T* in C; Go devPtr
	pI32               // int; Go int32
	pI64               // long long; Go int64
	pF32               // float; Go float32
	pF64               // double; Go float64
	pU8                // unsigned char; Go uint8
	pU32               // unsigned int; Go uint32
	pU64               // unsigned long long; Go uint64
	pDims              // Dims; Go *dims
)

var paramNames = [...]string{"pointer", "int", "long long", "float", "double", "unsigned char", "unsigned int", "unsigned long long", "Dims"}

// size returns the size and alignment of the parameter in bytes.
func (p param) size() int {
	switch p {
	case pI32, pF32, pU32:
		return 4
	case pU8:
		return 1
	case pDims:
		return dimsBytes
	}
	return 8
}

func (p param) align() int {
	if p == pDims {
		return 8
	}
	return p.size()
}

// paramOf returns the class of a C parameter declaration such as
// "const float* x".
func paramOf(decl string) (param, error) {
	typ := strings.TrimSpace(decl[:strings.LastIndexAny(decl, " *")+1])
	typ = strings.TrimPrefix(typ, "const ")
	if strings.HasSuffix(typ, "*") {
		return pPtr, nil
	}
	for i, name := range paramNames {
		if typ == name && param(i) != pPtr {
			return param(i), nil
		}
	}
	return 0, fmt.Errorf("cuda: unknown parameter type in %q", decl)
}

// maxRank is the most axes a strided kernel indexes, after axes that
// need no index arithmetic are merged; MindSpore tensors have at most 8.
const maxRank = 8

// dims is the C struct Dims: the shape of a result and, for up to three
// operands, the element strides of each axis (0 where an operand
// broadcasts). rank 0 means that every operand is read contiguously.
type dims struct {
	rank   int32
	shape  [maxRank]int64
	stride [3][maxRank]int64
}

// dimsBytes is sizeof(Dims): rank and padding, then the arrays.
const dimsBytes = 8 + 8*maxRank + 3*8*maxRank

func (d *dims) put(b []byte) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(d.rank))
	b = binary.LittleEndian.AppendUint32(b, 0)
	for _, v := range d.shape {
		b = binary.LittleEndian.AppendUint64(b, uint64(v))
	}
	for _, st := range d.stride {
		for _, v := range st {
			b = binary.LittleEndian.AppendUint64(b, uint64(v))
		}
	}
	return b
}

func getDims(b []byte) *dims {
	d := &dims{rank: int32(binary.LittleEndian.Uint32(b))}
	off := 8
	for i := range d.shape {
		d.shape[i] = int64(binary.LittleEndian.Uint64(b[off:]))
		off += 8
	}
	for k := range d.stride {
		for i := range d.stride[k] {
			d.stride[k][i] = int64(binary.LittleEndian.Uint64(b[off:]))
			off += 8
		}
	}
	return d
}

// packArgs lays out vals as the kernel's parameters are laid out in
// memory: each at its natural alignment, in order. The result holds
// device addresses and numbers, never Go pointers, so it can go to the
// driver as CU_LAUNCH_PARAM_BUFFER_POINTER.
func packArgs(k *kernel, vals []any) ([]byte, error) {
	if len(vals) != len(k.kinds) {
		return nil, fmt.Errorf("cuda: kernel %s takes %d arguments, got %d", k.name, len(k.kinds), len(vals))
	}
	b := make([]byte, 0, 64)
	for i, kind := range k.kinds {
		for len(b)%kind.align() != 0 {
			b = append(b, 0)
		}
		var ok bool
		b, ok = putArg(b, kind, vals[i])
		if !ok {
			return nil, fmt.Errorf("cuda: kernel %s argument %d (%s) is %T, want %s", k.name, i, k.params[i], vals[i], paramNames[kind])
		}
	}
	return b, nil
}

func putArg(b []byte, kind param, v any) ([]byte, bool) {
	le := binary.LittleEndian
	switch kind {
	case pPtr:
		p, ok := v.(devPtr)
		return le.AppendUint64(b, uint64(p)), ok
	case pI32:
		x, ok := v.(int32)
		return le.AppendUint32(b, uint32(x)), ok
	case pI64:
		x, ok := v.(int64)
		return le.AppendUint64(b, uint64(x)), ok
	case pF32:
		x, ok := v.(float32)
		return le.AppendUint32(b, math.Float32bits(x)), ok
	case pF64:
		x, ok := v.(float64)
		return le.AppendUint64(b, math.Float64bits(x)), ok
	case pU8:
		x, ok := v.(uint8)
		return append(b, x), ok
	case pU32:
		x, ok := v.(uint32)
		return le.AppendUint32(b, x), ok
	case pU64:
		x, ok := v.(uint64)
		return le.AppendUint64(b, x), ok
	case pDims:
		d, ok := v.(*dims)
		if !ok || d == nil {
			return b, false
		}
		return d.put(b), true
	}
	return b, false
}

// unpackArgs reverses packArgs, for the fake driver.
func unpackArgs(k *kernel, b []byte) ([]any, error) {
	le := binary.LittleEndian
	vals := make([]any, len(k.kinds))
	off := 0
	for i, kind := range k.kinds {
		for off%kind.align() != 0 {
			off++
		}
		if off+kind.size() > len(b) {
			return nil, fmt.Errorf("cuda: kernel %s: argument buffer of %d bytes ends before argument %d", k.name, len(b), i)
		}
		switch kind {
		case pPtr:
			vals[i] = devPtr(le.Uint64(b[off:]))
		case pI32:
			vals[i] = int32(le.Uint32(b[off:]))
		case pI64:
			vals[i] = int64(le.Uint64(b[off:]))
		case pF32:
			vals[i] = math.Float32frombits(le.Uint32(b[off:]))
		case pF64:
			vals[i] = math.Float64frombits(le.Uint64(b[off:]))
		case pU8:
			vals[i] = b[off]
		case pU32:
			vals[i] = le.Uint32(b[off:])
		case pU64:
			vals[i] = le.Uint64(b[off:])
		case pDims:
			vals[i] = getDims(b[off:])
		}
		off += kind.size()
	}
	if off != len(b) {
		return nil, fmt.Errorf("cuda: kernel %s: argument buffer has %d bytes, want %d", k.name, len(b), off)
	}
	return vals, nil
}
