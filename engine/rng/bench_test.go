package rng

import "testing"

var benchSink float64

func BenchmarkMT19937Uint32(b *testing.B) {
	m := NewMT19937(1)
	var sum uint32
	for b.Loop() {
		sum += m.Uint32()
	}
	benchSink = float64(sum)
}

func BenchmarkNumPyUniform(b *testing.B) {
	r := NewNumPy(1)
	for b.Loop() {
		v, _ := r.Uniform(-10, 10)
		benchSink += v
	}
}

func BenchmarkNumPyUniformFill(b *testing.B) {
	r := NewNumPy(1)
	dst := make([]float64, 1024)
	for b.Loop() {
		_ = r.UniformFill(dst, -10, 10)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(dst)), "ns/value")
}

func BenchmarkNumPyNormal(b *testing.B) {
	r := NewNumPy(1)
	for b.Loop() {
		v, _ := r.Normal(0, 1)
		benchSink += v
	}
}

func BenchmarkNumPyStandardExponential(b *testing.B) {
	r := NewNumPy(1)
	for b.Loop() {
		benchSink += r.StandardExponential()
	}
}

func BenchmarkPythonGauss(b *testing.B) {
	r := NewPython(1)
	for b.Loop() {
		benchSink += r.Gauss(0, 1)
	}
}

func BenchmarkPythonRandInt(b *testing.B) {
	r := NewPython(1)
	for b.Loop() {
		v, _ := r.RandInt(1, 6)
		benchSink += float64(v)
	}
}

func BenchmarkCrLog(b *testing.B) {
	r := NewNumPy(1)
	xs := make([]float64, 1024)
	r.RandomSampleFill(xs)
	i := 0
	for b.Loop() {
		benchSink += crLog(1 - xs[i&1023])
		i++
	}
}

func BenchmarkCrSinCos(b *testing.B) {
	r := NewNumPy(1)
	xs := make([]float64, 1024)
	r.UniformFill(xs, 0, 6.283185307179586)
	i := 0
	for b.Loop() {
		s, c := crSinCos(xs[i&1023])
		benchSink += s + c
		i++
	}
}
