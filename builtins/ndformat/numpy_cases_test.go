package ndformat

import (
	"encoding/json"
	"os"
	"sort"
	"strconv"
	"testing"
)

// numpyCase is one entry of testdata/numpy_cases.json, written by
// testdata/gen.py from NumPy 1.24.2.
type numpyCase struct {
	Name    string            `json:"name"`
	DType   string            `json:"dtype"`
	Shape   []int             `json:"shape"`
	Values  []json.RawMessage `json:"values"`
	Options *struct {
		Precision int  `json:"precision"`
		Threshold int  `json:"threshold"`
		EdgeItems int  `json:"edgeitems"`
		LineWidth int  `json:"linewidth"`
		Suppress  bool `json:"suppress"`
	} `json:"options"`
	Want map[string]string `json:"want"`
}

func loadNumpyCases(t *testing.T) []numpyCase {
	t.Helper()
	data, err := os.ReadFile("testdata/numpy_cases.json")
	if err != nil {
		t.Fatalf("read expected NumPy output: %v", err)
	}
	var cases []numpyCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("parse testdata/numpy_cases.json: %v", err)
	}
	return cases
}

// array decodes the case's values into an Array.
func (c *numpyCase) array(t *testing.T) Array {
	t.Helper()
	a := Array{Shape: c.Shape, DType: c.DType}
	kind, err := DTypeKind(c.DType)
	if err != nil {
		t.Fatalf("%s: %v", c.Name, err)
	}
	for _, raw := range c.Values {
		switch kind {
		case Bool:
			var b bool
			if err := json.Unmarshal(raw, &b); err != nil {
				t.Fatalf("%s: bool value %s: %v", c.Name, raw, err)
			}
			a.Bool = append(a.Bool, b)
		case Int:
			a.Int = append(a.Int, c.parseInt(t, raw))
		case Float:
			var text string
			if err := json.Unmarshal(raw, &text); err != nil {
				t.Fatalf("%s: float value %s: %v", c.Name, raw, err)
			}
			v, err := strconv.ParseFloat(text, 64)
			if err != nil {
				t.Fatalf("%s: float value %s: %v", c.Name, text, err)
			}
			a.Float = append(a.Float, v)
		}
	}
	return a
}

func (c *numpyCase) parseInt(t *testing.T, raw json.RawMessage) int64 {
	t.Helper()
	var text string
	if err := json.Unmarshal(raw, &text); err != nil {
		t.Fatalf("%s: int value %s: %v", c.Name, raw, err)
	}
	if c.DType == "uint64" {
		u, err := strconv.ParseUint(text, 10, 64)
		if err != nil {
			t.Fatalf("%s: uint64 value %s: %v", c.Name, text, err)
		}
		return int64(u)
	}
	v, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		t.Fatalf("%s: int value %s: %v", c.Name, text, err)
	}
	return v
}

func (c *numpyCase) options() Options {
	if c.Options == nil {
		return DefaultOptions()
	}
	return Options{
		Precision: c.Options.Precision,
		Threshold: c.Options.Threshold,
		EdgeItems: c.Options.EdgeItems,
		LineWidth: c.Options.LineWidth,
		Suppress:  c.Options.Suppress,
	}
}

// scalarValue returns the single value of a scalar case as ScalarStr takes it.
func (c *numpyCase) scalarValue(a Array) float64 {
	switch {
	case len(a.Float) == 1:
		return a.Float[0]
	case len(a.Int) == 1:
		return float64(a.Int[0])
	case len(a.Bool) == 1 && a.Bool[0]:
		return 1
	}
	return 0
}

func TestMatchesNumpy(t *testing.T) {
	cases := loadNumpyCases(t)
	if len(cases) < 300 {
		t.Fatalf("testdata/numpy_cases.json has %d cases, want at least 300", len(cases))
	}
	for _, c := range cases {
		a := c.array(t)
		ops := make([]string, 0, len(c.Want))
		for op := range c.Want {
			ops = append(ops, op)
		}
		sort.Strings(ops)
		for _, op := range ops {
			t.Run(c.Name+"/"+op, func(t *testing.T) {
				got, err := c.run(op, a)
				if err != nil {
					t.Fatalf("%s failed: %v", op, err)
				}
				if want := c.Want[op]; got != want {
					t.Errorf("%s of %s %v:\ngot:\n%s\nwant (NumPy 1.24.2):\n%s", op, c.DType, c.Shape, got, want)
				}
			})
		}
	}
}

func (c *numpyCase) run(op string, a Array) (string, error) {
	switch op {
	case "str":
		return StrWith(a, c.options())
	case "repr":
		return ReprWith(a, c.options())
	case "scalar_str":
		return ScalarStr(c.DType, c.scalarValue(a))
	case "scalar_repr":
		return ScalarRepr(c.DType, c.scalarValue(a))
	}
	panic("unknown operation " + op + " in testdata/numpy_cases.json")
}
