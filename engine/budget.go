package engine

// CheckAllocation returns a MemoryError *Error when n elements of
// elemBytes bytes each do not fit: more than MaxElements, or more bytes
// than the memory limit (SetMemoryLimit) leaves free now. It reserves
// nothing. Code that builds a large Go slice outside tensor storage,
// such as the index list of a gather or the values of an initializer,
// calls it before allocating, because a failed Go allocation ends the
// process instead of raising.
//
// NOTE: without a memory limit only MaxElements bounds n, so a request
// that passes it can still exceed the machine's memory.
func CheckAllocation(op string, n, elemBytes int) (err error) {
	defer catch(&err)
	if n < 0 || n > MaxElements {
		raise("MemoryError", op, "%d elements are more than the limit of %d; request fewer", n, MaxElements)
	}
	limit := MemoryLimit()
	if limit <= 0 {
		return nil
	}
	size := int64(n) * int64(elemBytes)
	if size > limit-LiveBytes() {
		raise("MemoryError", op, "%d elements of %d bytes (%d bytes) do not fit in the tensor memory limit of %d bytes beside the live tensors; request fewer", n, elemBytes, size, limit)
	}
	return nil
}

// CheckedProduct returns a*b for non-negative a and b, or MaxElements+1
// when the product exceeds MaxElements, so that a caller can reject it
// before the multiplication overflows. It returns -1 for a negative a or
// b.
func CheckedProduct(a, b int) int {
	if a < 0 || b < 0 {
		return -1
	}
	if a != 0 && b > MaxElements/a {
		return MaxElements + 1
	}
	return a * b
}
