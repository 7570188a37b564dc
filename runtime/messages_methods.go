package runtime

import (
	"fmt"
	"regexp"
)

// methodMessages maps go.starlark.net's messages from str and list
// methods and from chr, ord and int to CPython 3.11's, whose text
// carries no function-name prefix.
//
// NOTE: CPython's list.index message names the value ("5 is not in
// list"), which go.starlark.net's message does not carry, so that one
// keeps the generic wording.
var methodMessages = map[string]string{
	"index: substring not found":                 "substring not found",
	"rindex: substring not found":                "substring not found",
	"split: empty separator":                     "empty separator",
	"rsplit: empty separator":                    "empty separator",
	"partition: empty separator":                 "empty separator",
	"rpartition: empty separator":                "empty separator",
	"index: value not in list":                   "value is not in list",
	"remove: element not found":                  "list.remove(x): x not in list",
	"pop: index -1 out of range: empty list":     "pop from empty list",
	"int: base must be an integer >= 2 && <= 36": "int() base must be >= 2 and <= 36, or 0",
}

// methodMessagePatterns rewrite method and builtin messages that carry
// a value, such as an index or a length.
var methodMessagePatterns = []messageRewrite{
	{regexp.MustCompile(`^pop: (?:list )?index -?\d+ out of range(: empty list)?`), func(m []string) string {
		if m[1] != "" {
			return "pop from empty list"
		}
		return "pop index out of range"
	}},
	{regexp.MustCompile(`^chr: Unicode code point -?\d+ out of range`), func(m []string) string {
		return "chr() arg not in range(0x110000)"
	}},
	{regexp.MustCompile(`^ord: string encodes (\d+) Unicode code points, want 1$`), func(m []string) string {
		return fmt.Sprintf("ord() expected a character, but string of length %s found", m[1])
	}},
}

// pythonMethodMessage returns CPython's message for a go.starlark.net
// method or builtin message, and false when msg has no rewrite.
func pythonMethodMessage(msg string) (string, bool) {
	if s, ok := methodMessages[msg]; ok {
		return s, true
	}
	for _, r := range methodMessagePatterns {
		if m := r.pattern.FindStringSubmatch(msg); m != nil {
			return r.rewrite(m), true
		}
	}
	return "", false
}
