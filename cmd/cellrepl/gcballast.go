package main

import "os"

// heapFloor is a 64 MiB array that is never written. It raises the
// collector's heap goal to about 128 MiB, so eager scripts, which make
// many short-lived small objects, collect about 20 times less often.
// Its pages are never touched, so it costs no memory, but uncollected
// garbage can grow a small script's resident size to about 100 MB.
// Setting GOGC in the environment turns it off.
var heapFloor []byte

func init() {
	if _, set := os.LookupEnv("GOGC"); !set {
		heapFloor = make([]byte, 64<<20)
	}
}
