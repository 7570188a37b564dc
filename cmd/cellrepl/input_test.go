package main

import (
	"testing"
	"time"
)

func TestInputBufferContinuation(t *testing.T) {
	cases := []struct {
		name  string
		lines []string
		// complete[i] is whether the input is complete after line i.
		complete []bool
	}{
		{"expression", []string{"1 + 2"}, []bool{true}},
		{"open bracket", []string{"x = [1,", "2]"}, []bool{false, true}},
		{"backslash", []string{"x = 1 + \\", "2"}, []bool{false, true}},
		{"def until blank line", []string{"def f(x):", "    return x", ""}, []bool{false, false, true}},
		{"class with two methods", []string{
			"class A:",
			"    def f(self):",
			"        return 1",
			"    def g(self):",
			"        return 2",
			"",
		}, []bool{false, false, false, false, false, true}},
		{"triple-quoted string", []string{`s = """a`, `b"""`}, []bool{false, true}},
		{"syntax error is complete", []string{"x = = 1"}, []bool{true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b inputBuffer
			for i, line := range c.lines {
				if got := b.add(line); got != c.complete[i] {
					t.Fatalf("after line %d %q: complete = %v, want %v", i, line, got, c.complete[i])
				}
			}
		})
	}
}

func TestIsDefinition(t *testing.T) {
	cases := []struct {
		src  string
		want bool
	}{
		{"class A:\n    pass\n\n", true},
		{"def f():\n    return 1\n\n", true},
		{"@staticmethod\ndef f():\n    return 1\n\n", true},
		{"async def f():\n    return 1\n\n", true},
		{"class A:\n    pass\nclass B:\n    pass\n\n", false},
		{"class A:\n    pass\nx = 1\n", false},
		{"for i in range(3):\n    print(i)\n\n", false},
		{"x = 1\n", false},
		{"classic = 1\n", false},
	}
	for _, c := range cases {
		if got := isDefinition(c.src); got != c.want {
			t.Errorf("isDefinition(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}

func TestContinuesDefinition(t *testing.T) {
	cases := map[string]bool{
		"    def g(self):": true,
		"\treturn 1":       true,
		"x = 1":            false,
		"    ":             false,
		"":                 false,
	}
	for line, want := range cases {
		if got := continuesDefinition(line); got != want {
			t.Errorf("continuesDefinition(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestHelpQuery(t *testing.T) {
	cases := []struct {
		input, name string
		ok          bool
	}{
		{"nn.Dense?", "nn.Dense", true},
		{"nn.Dense??", "nn.Dense", true},
		{"?print", "print", true},
		{"x ? y", "", false},
		{"a.b()?", "", false},
		{"print", "", false},
	}
	for _, c := range cases {
		name, ok := helpQuery(c.input)
		if name != c.name || ok != c.ok {
			t.Errorf("helpQuery(%q) = %q, %v, want %q, %v", c.input, name, ok, c.name, c.ok)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	cases := []struct {
		d    time.Duration
		want string
	}{
		{2030 * time.Millisecond, "2.03 s"},
		{15100 * time.Microsecond, "15.1 ms"},
		{812 * time.Microsecond, "812 µs"},
		{999700 * time.Microsecond, "1000 ms"},
		{450 * time.Nanosecond, "450 ns"},
		{0, "0 ns"},
		{75 * time.Second, "1min 15s"},
	}
	for _, c := range cases {
		if got := formatDuration(c.d); got != c.want {
			t.Errorf("formatDuration(%v) = %q, want %q", c.d, got, c.want)
		}
	}
}
