package rng

import (
	"errors"
	"math"
	"testing"
)

type rangeValues struct {
	Low    int64   `json:"low"`
	High   int64   `json:"high"`
	Values []int64 `json:"values"`
}

type numpyIntsRef struct {
	Ints struct {
		Randint        []rangeValues `json:"randint"`
		RandomIntegers []rangeValues `json:"random_integers"`
		Int32          []rangeValues `json:"int32"`
		Example        struct {
			Seed   uint32  `json:"seed"`
			Values []int64 `json:"values"`
		} `json:"example"`
	} `json:"ints"`
}

func TestNumPyRandint(t *testing.T) {
	var ref numpyIntsRef
	loadJSON(t, "numpy.json", &ref)
	for _, c := range append(ref.Ints.Randint, ref.Ints.Int32...) {
		name := "randint(" + itoa(c.Low) + ", " + itoa(c.High) + ")"

		r := NewNumPy(42)
		got := make([]int64, len(c.Values))
		for i := range got {
			v, err := r.Randint(c.Low, c.High)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			got[i] = v
		}
		compareInts(t, name, got, c.Values)

		r = NewNumPy(42)
		if err := r.RandintFill(got, c.Low, c.High); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		compareInts(t, "RandintFill "+name, got, c.Values)
	}
}

func TestNumPyRandintExample(t *testing.T) {
	var ref numpyIntsRef
	loadJSON(t, "numpy.json", &ref)
	got := make([]int64, 5)
	if err := NewNumPy(ref.Ints.Example.Seed).RandintFill(got, 0, 10); err != nil {
		t.Fatal(err)
	}
	compareInts(t, "np.random.randint(0, 10, size=5)", got, ref.Ints.Example.Values)
}

func TestNumPyRandomIntegers(t *testing.T) {
	var ref numpyIntsRef
	loadJSON(t, "numpy.json", &ref)
	for _, c := range ref.Ints.RandomIntegers {
		name := "random_integers(" + itoa(c.Low) + ", " + itoa(c.High) + ")"
		r := NewNumPy(9)
		got := make([]int64, len(c.Values))
		for i := range got {
			v, err := r.RandomIntegers(c.Low, c.High)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			got[i] = v
		}
		compareInts(t, name, got, c.Values)
	}
}

func TestNumPyRandintRejectsEmptyRange(t *testing.T) {
	r := NewNumPy(1)
	for _, c := range [][2]int64{{5, 5}, {6, 5}} {
		_, err := r.Randint(c[0], c[1])
		var e *Error
		if !errors.As(err, &e) || e.Exception != "ValueError" || e.Message != "low >= high" {
			t.Errorf("Randint(%d, %d) error = %v, want ValueError: low >= high", c[0], c[1], err)
		}
		if err := r.RandintFill(make([]int64, 1), c[0], c[1]); err == nil {
			t.Errorf("RandintFill(%d, %d) returned no error", c[0], c[1])
		}
		if err := r.RandintFill(nil, c[0], c[1]); err != nil {
			t.Errorf("RandintFill(nil, %d, %d) = %v, want nil as for size=0", c[0], c[1], err)
		}
	}
	if _, err := r.RandomIntegers(6, 5); err == nil {
		t.Error("RandomIntegers(6, 5) returned no error")
	}
}

type shuffleCase struct {
	N        int   `json:"n"`
	Values   []int `json:"values"`
	NextDraw int64 `json:"next_randint_1000"`
}

type numpyShufflesRef struct {
	Shuffles struct {
		Shuffle     []shuffleCase `json:"shuffle"`
		Permutation []struct {
			Seed   uint32 `json:"seed"`
			N      int    `json:"n"`
			Values []int  `json:"values"`
		} `json:"permutation"`
		Choice []struct {
			N        int   `json:"n"`
			Size     int   `json:"size"`
			Replace  bool  `json:"replace"`
			Values   []int `json:"values"`
			NextDraw int64 `json:"next_randint_1000"`
		} `json:"choice"`
	} `json:"shuffles"`
}

// checkNextDraw checks that r took exactly as many draws as NumPy did.
func checkNextDraw(t *testing.T, name string, r *NumPy, want int64) {
	t.Helper()
	got, err := r.Randint(0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("%s: next randint(0, 1000) = %d, want %d", name, got, want)
	}
}

func TestNumPyShuffle(t *testing.T) {
	var ref numpyShufflesRef
	loadJSON(t, "numpy.json", &ref)
	for _, c := range ref.Shuffles.Shuffle {
		name := "shuffle n=" + itoa(c.N)
		r := NewNumPy(42)
		x := make([]int, c.N)
		for i := range x {
			x[i] = i
		}
		r.Shuffle(x)
		compareInts(t, name, x, c.Values)
		checkNextDraw(t, name, r, c.NextDraw)
	}
}

func TestNumPyPermutation(t *testing.T) {
	var ref numpyShufflesRef
	loadJSON(t, "numpy.json", &ref)
	for _, c := range ref.Shuffles.Permutation {
		got, err := NewNumPy(c.Seed).Permutation(c.N)
		if err != nil {
			t.Fatal(err)
		}
		compareInts(t, "permutation("+itoa(c.N)+") seed "+itoa(c.Seed), got, c.Values)
	}
	for _, n := range []int{0, -1} {
		if got, err := NewNumPy(1).Permutation(n); err != nil || len(got) != 0 {
			t.Errorf("Permutation(%d) = %v, %v, want empty like np.arange(%d)", n, got, err, n)
		}
	}
}

func TestNumPyChoice(t *testing.T) {
	var ref numpyShufflesRef
	loadJSON(t, "numpy.json", &ref)
	for _, c := range ref.Shuffles.Choice {
		name := "choice(" + itoa(c.N) + ", " + itoa(c.Size) + ")"
		if !c.Replace {
			name += " without replacement"
		}
		r := NewNumPy(42)
		got, err := r.Choice(c.N, c.Size, c.Replace)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		compareInts(t, name, got, c.Values)
		checkNextDraw(t, name, r, c.NextDraw)
	}
}

func TestNumPyChoiceErrors(t *testing.T) {
	cases := []struct {
		n, size int
		replace bool
		message string
	}{
		{0, 1, true, "a must be greater than 0 unless no samples are taken"},
		{-1, 3, false, "a must be greater than 0 unless no samples are taken"},
		{5, -1, true, "negative dimensions are not allowed"},
		{3, 4, false, "Cannot take a larger sample than population when 'replace=False'"},
		{-1, 0, false, "Cannot take a larger sample than population when 'replace=False'"},
	}
	for _, c := range cases {
		_, err := NewNumPy(1).Choice(c.n, c.size, c.replace)
		var e *Error
		if !errors.As(err, &e) || e.Message != c.message {
			t.Errorf("Choice(%d, %d, %v) error = %v, want %q", c.n, c.size, c.replace, err, c.message)
		}
	}
	for _, n := range []int{0, -1} {
		got, err := NewNumPy(1).Choice(n, 0, true)
		if err != nil || len(got) != 0 {
			t.Errorf("Choice(%d, 0, true) = %v, %v, want empty, nil", n, got, err)
		}
	}
}

func TestNumPyHugeSizesReturnMemoryError(t *testing.T) {
	r := NewNumPy(1)
	_, err := r.Permutation(math.MaxInt)
	checkMemoryError(t, "Permutation(MaxInt)", err)
	_, err = r.Choice(5, math.MaxInt, true)
	checkMemoryError(t, "Choice(5, MaxInt, true)", err)
	_, err = r.Choice(math.MaxInt, 3, false)
	checkMemoryError(t, "Choice(MaxInt, 3, false)", err)
}

func checkMemoryError(t *testing.T, call string, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) || e.Exception != "MemoryError" {
		t.Errorf("%s error = %v, want MemoryError", call, err)
	}
}
