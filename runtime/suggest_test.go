package runtime

import "testing"

func TestNearestName(t *testing.T) {
	names := []string{"check_positive", "HuberLoss", "nn", "ops", "__doc__"}
	cases := []struct{ name, want string }{
		{"check_postive", "check_positive"},
		{"huberloss", "HuberLoss"},
		{"HuberLos", "HuberLoss"},
		{"np", ""},
		{"checkpositive", "check_positive"},
		{"train", ""},
		{"__doc", ""},
		{"", ""},
	}
	for _, c := range cases {
		if got := nearestName(c.name, names); got != c.want {
			t.Errorf("nearestName(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "ab", 2}, {"kitten", "sitting", 3}, {"flaw", "lawn", 2},
	}
	for _, c := range cases {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
