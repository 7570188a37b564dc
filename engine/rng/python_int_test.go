package rng

import (
	"errors"
	"math"
	"math/big"
	"math/bits"
	"testing"
)

type pythonIntsRef struct {
	Ints struct {
		GetRandBits []struct {
			K      int      `json:"k"`
			Values []string `json:"values"`
		} `json:"getrandbits"`
		RandBelow []struct {
			N         int64    `json:"n"`
			Values    []int64  `json:"values"`
			NBig      string   `json:"n_big"`
			ValuesBig []string `json:"values_big"`
		} `json:"randbelow"`
		RandRange []struct {
			Start  int64   `json:"start"`
			Stop   int64   `json:"stop"`
			Step   int64   `json:"step"`
			Values []int64 `json:"values"`
		} `json:"randrange"`
		RandInt []struct {
			A      int64   `json:"a"`
			B      int64   `json:"b"`
			Values []int64 `json:"values"`
		} `json:"randint"`
	} `json:"ints"`
}

func TestPythonGetRandBits(t *testing.T) {
	var ref pythonIntsRef
	loadJSON(t, "python.json", &ref)
	r := NewPython(42)
	for _, c := range ref.Ints.GetRandBits {
		for i, want := range c.Values {
			got, err := r.GetRandBits(c.K)
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != want {
				t.Errorf("getrandbits(%d) call %d = %s, want %s", c.K, i, got, want)
			}
		}
	}
	_, err := r.GetRandBits(-1)
	var e *Error
	if !errors.As(err, &e) || e.Message != "number of bits must be non-negative" {
		t.Errorf("GetRandBits(-1) error = %v, want CPython's ValueError", err)
	}
}

func TestPythonRandBelow(t *testing.T) {
	var ref pythonIntsRef
	loadJSON(t, "python.json", &ref)
	for _, c := range ref.Ints.RandBelow {
		r := NewPython(42)
		if c.NBig != "" {
			n, _ := new(big.Int).SetString(c.NBig, 10)
			for i, want := range c.ValuesBig {
				got, err := r.RandBelowBig(n)
				if err != nil {
					t.Fatal(err)
				}
				if got.String() != want {
					t.Errorf("_randbelow(%s) call %d = %s, want %s", c.NBig, i, got, want)
				}
			}
			continue
		}
		got := make([]int64, len(c.Values))
		for i := range got {
			v, err := r.RandBelow(c.N)
			if err != nil {
				t.Fatal(err)
			}
			got[i] = v
		}
		compareInts(t, "_randbelow("+itoa(c.N)+")", got, c.Values)

		r = NewPython(42)
		for i := range got {
			v, err := r.RandBelowBig(big.NewInt(c.N))
			if err != nil {
				t.Fatal(err)
			}
			got[i] = v.Int64()
		}
		compareInts(t, "RandBelowBig("+itoa(c.N)+")", got, c.Values)
	}
}

func TestPythonRandBelowRejectsNonPositive(t *testing.T) {
	r := NewPython(1)
	for _, n := range []int64{0, -3} {
		if _, err := r.RandBelow(n); err == nil {
			t.Errorf("RandBelow(%d) returned no error", n)
		}
		if _, err := r.RandBelowBig(big.NewInt(n)); err == nil {
			t.Errorf("RandBelowBig(%d) returned no error", n)
		}
	}
	if _, err := r.RandBelowBig(nil); err == nil {
		t.Error("RandBelowBig(nil) returned no error")
	}
}

func TestPythonRandRange(t *testing.T) {
	var ref pythonIntsRef
	loadJSON(t, "python.json", &ref)
	for _, c := range ref.Ints.RandRange {
		name := "randrange(" + itoa(c.Start) + ", " + itoa(c.Stop) + ", " + itoa(c.Step) + ")"
		r := NewPython(42)
		got := make([]int64, len(c.Values))
		for i := range got {
			v, err := r.RandRange(c.Start, c.Stop, c.Step)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			got[i] = v
		}
		compareInts(t, name, got, c.Values)
	}
}

func TestPythonRandRangeErrors(t *testing.T) {
	cases := []struct {
		start, stop, step int64
		message           string
	}{
		{5, 5, 1, "empty range for randrange() (5, 5, 0)"},
		{5, 3, 1, "empty range for randrange() (5, 3, -2)"},
		{0, 10, 0, "zero step for randrange()"},
		{0, 10, -1, "empty range for randrange()"},
		{10, 0, 2, "empty range for randrange()"},
		{-1 << 63, 1<<63 - 1, -1, "empty range for randrange()"},
	}
	for _, c := range cases {
		_, err := NewPython(1).RandRange(c.start, c.stop, c.step)
		var e *Error
		if !errors.As(err, &e) || e.Exception != "ValueError" || e.Message != c.message {
			t.Errorf("RandRange(%d, %d, %d) error = %v, want ValueError %q",
				c.start, c.stop, c.step, err, c.message)
		}
	}
}

func TestPythonRandInt(t *testing.T) {
	var ref pythonIntsRef
	loadJSON(t, "python.json", &ref)
	for _, c := range ref.Ints.RandInt {
		name := "randint(" + itoa(c.A) + ", " + itoa(c.B) + ")"
		r := NewPython(42)
		got := make([]int64, len(c.Values))
		for i := range got {
			v, err := r.RandInt(c.A, c.B)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			got[i] = v
		}
		compareInts(t, name, got, c.Values)
	}
	if _, err := NewPython(1).RandInt(3, 2); err == nil {
		t.Error("RandInt(3, 2) returned no error")
	}
}

type pythonSequencesRef struct {
	Sequences struct {
		Shuffle []struct {
			N          int          `json:"n"`
			Values     []int        `json:"values"`
			NextRandom packedFloats `json:"next_random"`
		} `json:"shuffle"`
		Choice []struct {
			N      int64   `json:"n"`
			Values []int64 `json:"values"`
		} `json:"choice"`
		Sample []struct {
			N          int          `json:"n"`
			K          int          `json:"k"`
			Values     []int        `json:"values"`
			NextRandom packedFloats `json:"next_random"`
		} `json:"sample"`
	} `json:"sequences"`
}

// checkNextRandom checks that r took exactly as many draws as CPython did.
func checkNextRandom(t *testing.T, name string, r *Python, want packedFloats) {
	t.Helper()
	if got, w := r.Random(), want.decode(t)[0]; got != w {
		t.Errorf("%s: next random() = %v, want %v", name, got, w)
	}
}

func TestPythonShuffle(t *testing.T) {
	var ref pythonSequencesRef
	loadJSON(t, "python.json", &ref)
	for _, c := range ref.Sequences.Shuffle {
		name := "shuffle n=" + itoa(c.N)
		r := NewPython(42)
		x := make([]int, c.N)
		for i := range x {
			x[i] = i
		}
		r.Shuffle(x)
		compareInts(t, name, x, c.Values)
		checkNextRandom(t, name, r, c.NextRandom)
	}
}

func TestPythonChoice(t *testing.T) {
	var ref pythonSequencesRef
	loadJSON(t, "python.json", &ref)
	for _, c := range ref.Sequences.Choice {
		if int64(int(c.N)) != c.N {
			t.Logf("skip choice n=%d, which does not fit in int", c.N)
			continue
		}
		r := NewPython(42)
		got := make([]int64, len(c.Values))
		for i := range got {
			v, err := r.Choice(int(c.N))
			if err != nil {
				t.Fatal(err)
			}
			got[i] = int64(v)
		}
		compareInts(t, "choice n="+itoa(c.N), got, c.Values)
	}
	_, err := NewPython(1).Choice(0)
	var e *Error
	if !errors.As(err, &e) || e.Exception != "IndexError" {
		t.Errorf("Choice(0) error = %v, want IndexError", err)
	}
}

func TestPythonSample(t *testing.T) {
	var ref pythonSequencesRef
	loadJSON(t, "python.json", &ref)
	for _, c := range ref.Sequences.Sample {
		name := "sample(range(" + itoa(c.N) + "), " + itoa(c.K) + ")"
		r := NewPython(42)
		got, err := r.Sample(c.N, c.K)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		compareInts(t, name, got, c.Values)
		checkNextRandom(t, name, r, c.NextRandom)
	}
	for _, c := range [][2]int{{3, 4}, {3, -1}} {
		if _, err := NewPython(1).Sample(c[0], c[1]); err == nil {
			t.Errorf("Sample(%d, %d) returned no error", c[0], c[1])
		}
	}
}

func TestSampleSetSize(t *testing.T) {
	cases := []struct {
		k    uint64
		want uint64
	}{
		{0, 21}, {5, 21}, {6, 21 + 64}, {21, 21 + 64}, {22, 21 + 256}, {85, 21 + 256},
		{86, 21 + 1024}, {1 << 40, 21 + 1<<42}, {1<<60 + 1, math.MaxUint64},
	}
	for _, c := range cases {
		if got := sampleSetSize(c.k); got != c.want {
			t.Errorf("sampleSetSize(%d) = %d, want %d", c.k, got, c.want)
		}
	}
}

func TestPythonHugeSizesReturnMemoryError(t *testing.T) {
	r := NewPython(1)
	_, err := r.Sample(math.MaxInt, math.MaxInt)
	checkMemoryError(t, "Sample(MaxInt, MaxInt)", err)
	// On 32-bit platforms getrandbits(MaxInt) needs only 256 MiB.
	if bits.UintSize == 64 {
		_, err = r.GetRandBits(math.MaxInt)
		checkMemoryError(t, "GetRandBits(MaxInt)", err)
	}
}
