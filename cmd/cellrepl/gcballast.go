package main

import "os"

// heapFloor keeps the garbage collector from running while the live heap
// is small. Eager scripts allocate many small objects (a tensor header,
// a graph node and a closure per op) and keep few, so with a heap of a
// few megabytes Go collects every few thousand ops and allocation pays
// for marking. A 64 MiB array that is never written raises the heap
// goal to about 128 MiB without using memory: the kernel maps its pages
// only when they are touched, and the collector does not scan an array
// of bytes. The cost is garbage left uncollected up to that goal, so a
// small script's resident memory grows to about 100 MB. Scripts with
// large tensors are unaffected, because their live heap sets a higher
// goal anyway. Setting GOGC in the environment turns the floor off and
// leaves the collector to it.
var heapFloor []byte

func init() {
	if _, set := os.LookupEnv("GOGC"); !set {
		heapFloor = make([]byte, 64<<20)
	}
}
