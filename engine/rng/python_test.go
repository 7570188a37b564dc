package rng

import (
	"errors"
	"math"
	"math/big"
	"testing"
)

func TestPythonSeedMatchesReference(t *testing.T) {
	var ref struct {
		Seeding []struct {
			Seed string       `json:"seed"`
			Key  packedUint32 `json:"key"`
			Pos  int          `json:"pos"`
		} `json:"seeding"`
	}
	loadJSON(t, "python.json", &ref)
	for _, c := range ref.Seeding {
		seed, ok := new(big.Int).SetString(c.Seed, 10)
		if !ok {
			t.Fatalf("bad seed %q", c.Seed)
		}
		want := c.Key.key(t)

		r := &Python{}
		if err := r.SeedBig(seed); err != nil {
			t.Fatal(err)
		}
		if s := r.State(); s.Key != want || s.Pos != c.Pos {
			t.Errorf("SeedBig(%s): state differs from CPython", c.Seed)
		}

		if seed.IsInt64() {
			r.Seed(seed.Int64())
			if s := r.State(); s.Key != want || s.Pos != c.Pos {
				t.Errorf("Seed(%s): state differs from CPython", c.Seed)
			}
		}
	}
}

func TestPythonSeedBigRejectsNil(t *testing.T) {
	err := (&Python{}).SeedBig(nil)
	var e *Error
	if !errors.As(err, &e) || e.Exception != "TypeError" {
		t.Errorf("SeedBig(nil) error = %v, want TypeError", err)
	}
}

type pythonRef struct {
	Floats  map[string]packedFloats `json:"floats"`
	Streams map[string]floatStream  `json:"streams"`
}

func TestPythonRandomAndUniform(t *testing.T) {
	var ref pythonRef
	loadJSON(t, "python.json", &ref)
	for _, seed := range referenceSeeds {
		want := ref.Floats["random/"+itoa(seed)].decode(t)
		r := NewPython(int64(seed))
		got := make([]float64, len(want))
		for i := range got {
			got[i] = r.Random()
		}
		compareFloats(t, "random seed "+itoa(seed), got, want)

		want = ref.Floats["uniform/"+itoa(seed)].decode(t)
		r = NewPython(int64(seed))
		for i := range got {
			got[i] = r.Uniform(-10, 10)
		}
		compareFloats(t, "uniform seed "+itoa(seed), got, want)
	}
}

func TestPythonGauss(t *testing.T) {
	var ref pythonRef
	loadJSON(t, "python.json", &ref)
	for _, seed := range referenceSeeds {
		want, fromCR := ref.Streams["gauss/"+itoa(seed)].expected(t)
		t.Logf("seed %d: %d of %d draws use correctly rounded log, sin or cos", seed, fromCR, len(want))
		r := NewPython(int64(seed))
		got := make([]float64, len(want))
		for i := range got {
			got[i] = r.Gauss(0, 1)
		}
		compareFloats(t, "gauss seed "+itoa(seed), got, want)
	}
}

func TestPythonNormalVariate(t *testing.T) {
	var ref pythonRef
	loadJSON(t, "python.json", &ref)
	for _, seed := range []uint32{1, 42} {
		want, _ := ref.Streams["normalvariate/"+itoa(seed)].expected(t)
		r := NewPython(int64(seed))
		got := make([]float64, len(want))
		for i := range got {
			got[i] = r.NormalVariate(2, 3)
		}
		compareFloats(t, "normalvariate seed "+itoa(seed), got, want)
	}
}

func TestPythonMixedSequence(t *testing.T) {
	var ref struct {
		Mixed struct {
			floatStream
			Seed   int64  `json:"seed"`
			Reseed int64  `json:"reseed"`
			Ops    string `json:"ops"`
		} `json:"mixed"`
	}
	loadJSON(t, "python.json", &ref)
	want, _ := ref.Mixed.expected(t)

	r := NewPython(ref.Mixed.Seed)
	var got []float64
	for _, op := range ref.Mixed.Ops {
		switch op {
		case 'g':
			got = append(got, r.Gauss(1, 2))
		case 'r':
			got = append(got, r.Random())
		case 'u':
			got = append(got, r.Uniform(3, -3))
		case 's':
			r.Seed(ref.Mixed.Reseed)
		default:
			t.Fatalf("unknown op %q", op)
		}
	}
	compareFloats(t, "mixed", got, want)
}

func TestPythonSetStateWithGaussNext(t *testing.T) {
	var ref struct {
		State struct {
			Key       packedUint32 `json:"key"`
			Pos       int          `json:"pos"`
			GaussNext packedFloats `json:"gauss_next"`
			After     packedFloats `json:"after"`
		} `json:"state"`
	}
	loadJSON(t, "python.json", &ref)
	s := ref.State
	want := PythonState{
		Key:          s.Key.key(t),
		Pos:          s.Pos,
		HasGaussNext: true,
		GaussNext:    s.GaussNext.decode(t)[0],
	}

	r := NewPython(5)
	r.Gauss(0, 1)
	if got := r.State(); got != want {
		t.Errorf("State after one gauss: pos %d gauss_next %v (set %v), want pos %d gauss_next %v",
			got.Pos, got.GaussNext, got.HasGaussNext, want.Pos, want.GaussNext)
	}

	restored := &Python{}
	if err := restored.SetState(want); err != nil {
		t.Fatal(err)
	}
	after := s.After.decode(t)
	got := make([]float64, len(after))
	for i := range got {
		got[i] = restored.Gauss(0, 1)
	}
	compareFloats(t, "gauss after SetState", got, after)

	if err := restored.SetState(PythonState{Pos: 625}); err == nil {
		t.Error("SetState with pos 625 returned no error")
	}
}

func TestPythonSeedClearsGaussNext(t *testing.T) {
	r := NewPython(9)
	r.Gauss(0, 1)
	r.Seed(9)
	if r.State().HasGaussNext {
		t.Error("Seed left gauss_next set")
	}
	r.Gauss(0, 1)
	if err := r.SeedBig(big.NewInt(9)); err != nil {
		t.Fatal(err)
	}
	if r.State().HasGaussNext {
		t.Error("SeedBig left gauss_next set")
	}
}

func TestPythonGaussUsesNoSigmaCheck(t *testing.T) {
	r := NewPython(1)
	if v := r.Gauss(0, -1); math.IsNaN(v) {
		t.Errorf("Gauss(0, -1) = NaN, want a finite value as CPython returns")
	}
}
