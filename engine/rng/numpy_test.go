package rng

import (
	"errors"
	"math"
	"testing"
)

type numpyFloatsRef struct {
	Floats map[string]packedFloats `json:"floats"`
}

type numpyStreamsRef struct {
	Streams map[string]floatStream `json:"streams"`
}

var referenceSeeds = []uint32{0, 1, 42, 4294967295}

func TestNumPySeedMatchesReference(t *testing.T) {
	var ref struct {
		Seeding []seedingCase `json:"seeding"`
	}
	loadJSON(t, "numpy.json", &ref)
	for _, c := range ref.Seeding {
		r := &NumPy{}
		if c.Int {
			r.Seed(c.Seed[0])
		} else if err := r.SeedArray(c.Seed); err != nil {
			t.Fatal(err)
		}
		s := r.State()
		want := c.Key.key(t)
		if s.Key != want || s.Pos != c.Pos {
			t.Errorf("seed %v (int %v): state differs from NumPy", c.Seed, c.Int)
		}
	}
}

func TestNumPySeedIntDiffersFromList(t *testing.T) {
	a := NewNumPy(1)
	b := &NumPy{}
	if err := b.SeedArray([]uint32{1}); err != nil {
		t.Fatal(err)
	}
	if a.RandomSample() == b.RandomSample() {
		t.Error("seed(1) and seed([1]) gave the same first draw")
	}
}

func TestNumPyRandomSample(t *testing.T) {
	var ref numpyFloatsRef
	loadJSON(t, "numpy.json", &ref)
	for _, seed := range referenceSeeds {
		want := ref.Floats["random_sample/"+itoa(seed)].decode(t)

		r := NewNumPy(seed)
		got := make([]float64, len(want))
		for i := range got {
			got[i] = r.RandomSample()
		}
		compareFloats(t, "random_sample seed "+itoa(seed), got, want)

		r = NewNumPy(seed)
		r.RandomSampleFill(got)
		compareFloats(t, "RandomSampleFill seed "+itoa(seed), got, want)

		r = NewNumPy(seed)
		got[0] = r.Rand()
		r.RandFill(got[1:])
		compareFloats(t, "Rand seed "+itoa(seed), got, want)
	}
}

func TestNumPyUniform(t *testing.T) {
	var ref numpyFloatsRef
	loadJSON(t, "numpy.json", &ref)
	for _, seed := range referenceSeeds {
		want := ref.Floats["uniform/"+itoa(seed)].decode(t)

		r := NewNumPy(seed)
		got := make([]float64, len(want))
		for i := range got {
			v, err := r.Uniform(-10, 10)
			if err != nil {
				t.Fatal(err)
			}
			got[i] = v
		}
		compareFloats(t, "uniform seed "+itoa(seed), got, want)

		r = NewNumPy(seed)
		if err := r.UniformFill(got, -10, 10); err != nil {
			t.Fatal(err)
		}
		compareFloats(t, "UniformFill seed "+itoa(seed), got, want)
	}

	cases := []struct {
		name      string
		low, high float64
	}{
		{"uniform_reversed/7", 5, 1},
		{"uniform_wide/7", -1e300, 1e300},
	}
	for _, c := range cases {
		want := ref.Floats[c.name].decode(t)
		got := make([]float64, len(want))
		if err := NewNumPy(7).UniformFill(got, c.low, c.high); err != nil {
			t.Fatal(err)
		}
		compareFloats(t, c.name, got, want)
	}
}

func TestNumPyUniformRejectsInfiniteRange(t *testing.T) {
	r := NewNumPy(1)
	for _, c := range [][2]float64{{0, math.Inf(1)}, {math.NaN(), 1}, {-1e308, 1e308}} {
		_, err := r.Uniform(c[0], c[1])
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("Uniform(%v, %v) error = %v, want *Error", c[0], c[1], err)
		}
		if e.Exception != "OverflowError" || e.Message != "Range exceeds valid bounds" {
			t.Errorf("Uniform(%v, %v) = %s: %s, want OverflowError: Range exceeds valid bounds",
				c[0], c[1], e.Exception, e.Message)
		}
		if err := r.UniformFill(make([]float64, 3), c[0], c[1]); err == nil {
			t.Errorf("UniformFill(%v, %v) returned no error", c[0], c[1])
		}
	}
	// A rejected call draws nothing.
	if got, want := r.RandomSample(), NewNumPy(1).RandomSample(); got != want {
		t.Errorf("rejected Uniform advanced the stream")
	}
}

func TestNumPyStandardNormal(t *testing.T) {
	var ref numpyStreamsRef
	loadJSON(t, "numpy.json", &ref)
	for _, seed := range referenceSeeds {
		want, fromCR := ref.Streams["standard_normal/"+itoa(seed)].expected(t)
		t.Logf("seed %d: %d of %d draws use the correctly rounded log", seed, fromCR, len(want))

		r := NewNumPy(seed)
		got := make([]float64, len(want))
		for i := range got {
			got[i] = r.StandardNormal()
		}
		compareFloats(t, "standard_normal seed "+itoa(seed), got, want)

		// An odd first fill leaves a cached value for the second.
		r = NewNumPy(seed)
		r.StandardNormalFill(got[:7])
		r.StandardNormalFill(got[7:])
		compareFloats(t, "StandardNormalFill seed "+itoa(seed), got, want)
	}
}

func TestNumPyNormal(t *testing.T) {
	var ref numpyStreamsRef
	loadJSON(t, "numpy.json", &ref)
	want, _ := ref.Streams["normal_3_2.5/3"].expected(t)

	r := NewNumPy(3)
	got := make([]float64, len(want))
	for i := range got {
		v, err := r.Normal(3, 2.5)
		if err != nil {
			t.Fatal(err)
		}
		got[i] = v
	}
	compareFloats(t, "normal(3, 2.5)", got, want)

	r = NewNumPy(3)
	if err := r.NormalFill(got, 3, 2.5); err != nil {
		t.Fatal(err)
	}
	compareFloats(t, "NormalFill(3, 2.5)", got, want)
}

func TestNumPyScaleChecks(t *testing.T) {
	r := NewNumPy(1)
	for _, scale := range []float64{-1, math.Copysign(0, -1), math.Inf(-1)} {
		_, err := r.Normal(0, scale)
		var e *Error
		if !errors.As(err, &e) || e.Exception != "ValueError" || e.Message != "scale < 0" {
			t.Errorf("Normal(0, %v) error = %v, want ValueError: scale < 0", scale, err)
		}
		if _, err := r.Exponential(scale); err == nil {
			t.Errorf("Exponential(%v) returned no error", scale)
		}
		if err := r.NormalFill(make([]float64, 2), 0, scale); err == nil {
			t.Errorf("NormalFill(0, %v) returned no error", scale)
		}
	}
	if v, err := r.Normal(0, math.NaN()); err != nil || !math.IsNaN(v) {
		t.Errorf("Normal(0, NaN) = %v, %v, want NaN, nil", v, err)
	}
	if v, err := r.Normal(5, 0); err != nil || v != 5 {
		t.Errorf("Normal(5, 0) = %v, %v, want 5, nil", v, err)
	}
}

func TestNumPyStandardExponential(t *testing.T) {
	var ref numpyStreamsRef
	loadJSON(t, "numpy.json", &ref)
	for _, seed := range []uint32{1, 42} {
		want, fromCR := ref.Streams["standard_exponential/"+itoa(seed)].expected(t)
		t.Logf("seed %d: %d of %d draws use the correctly rounded log", seed, fromCR, len(want))

		r := NewNumPy(seed)
		got := make([]float64, len(want))
		r.StandardExponentialFill(got)
		compareFloats(t, "standard_exponential seed "+itoa(seed), got, want)

		r = NewNumPy(seed)
		for i := range got {
			v, err := r.Exponential(2)
			if err != nil {
				t.Fatal(err)
			}
			got[i] = v / 2
		}
		compareFloats(t, "exponential(2)/2 seed "+itoa(seed), got, want)
	}
}

func TestNumPyMixedSequence(t *testing.T) {
	var ref struct {
		Mixed struct {
			floatStream
			Seed   uint32 `json:"seed"`
			Reseed uint32 `json:"reseed"`
			Ops    string `json:"ops"`
		} `json:"mixed"`
	}
	loadJSON(t, "numpy.json", &ref)
	want, _ := ref.Mixed.expected(t)

	r := NewNumPy(ref.Mixed.Seed)
	var got []float64
	for _, op := range ref.Mixed.Ops {
		var v float64
		var err error
		switch op {
		case 'u':
			v, err = r.Uniform(-1, 1)
		case 'n':
			v, err = r.Normal(0, 1)
		case 's':
			r.Seed(ref.Mixed.Reseed)
			continue
		default:
			t.Fatalf("unknown op %q", op)
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	compareFloats(t, "mixed", got, want)
}

func TestNumPySetStateWithCachedGaussian(t *testing.T) {
	var ref struct {
		State struct {
			Key            packedUint32 `json:"key"`
			Pos            int          `json:"pos"`
			HasGauss       bool         `json:"has_gauss"`
			CachedGaussian packedFloats `json:"cached_gaussian"`
			After          packedFloats `json:"after"`
		} `json:"state"`
	}
	loadJSON(t, "numpy.json", &ref)
	s := ref.State
	want := NumPyState{
		Key:            s.Key.key(t),
		Pos:            s.Pos,
		HasGauss:       s.HasGauss,
		CachedGaussian: s.CachedGaussian.decode(t)[0],
	}

	r := NewNumPy(5)
	r.StandardNormal()
	if got := r.State(); got != want {
		t.Errorf("State after one draw: pos %d has_gauss %v cached %v, want pos %d has_gauss %v cached %v",
			got.Pos, got.HasGauss, got.CachedGaussian, want.Pos, want.HasGauss, want.CachedGaussian)
	}

	restored := &NumPy{}
	if err := restored.SetState(want); err != nil {
		t.Fatal(err)
	}
	after := s.After.decode(t)
	got := make([]float64, len(after))
	restored.StandardNormalFill(got)
	compareFloats(t, "draws after SetState", got, after)
}

func TestNumPySeedClearsCachedGaussian(t *testing.T) {
	r := NewNumPy(9)
	r.StandardNormal()
	r.Seed(9)
	if s := r.State(); s.HasGauss || s.CachedGaussian != 0 {
		t.Errorf("after Seed: has_gauss %v, cached %v, want false, 0", s.HasGauss, s.CachedGaussian)
	}
	r.StandardNormal()
	if err := r.SeedArray([]uint32{9, 9}); err != nil {
		t.Fatal(err)
	}
	if s := r.State(); s.HasGauss {
		t.Error("SeedArray left the cached Gaussian set")
	}
}
