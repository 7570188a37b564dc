package runtime

import (
	"strings"
	"unicode/utf8"

	"github.com/cellscript/cellscript/builtins/pyobj"
	"go.starlark.net/starlark"
)

// strFinder returns str.find, rfind, index or rindex, which count
// positions in characters (code points), as Python does, where
// go.starlark.net counts UTF-8 bytes. With reverse the search starts
// from the right. With raise a missing substring raises ValueError
// instead of returning -1.
func strFinder(name string, reverse, raise bool) stringMethod {
	return func(_ *starlark.Thread, s string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var sub string
		var start, end starlark.Value = starlark.None, starlark.None
		if err := starlark.UnpackPositionalArgs(name, args, kwargs, 1, &sub, &start, &end); err != nil {
			return nil, err
		}
		n := utf8.RuneCountInString(s)
		lo, err := searchBound(name, start, 0, n)
		if start != starlark.None && lo > n {
			return starlark.MakeInt(-1), nil
		}
		if err != nil {
			return nil, err
		}
		hi, err := searchBound(name, end, n, n)
		if err != nil {
			return nil, err
		}
		hi = min(hi, n)
		k := findInRange(s, sub, lo, hi, reverse)
		if k < 0 && raise {
			return nil, pyobj.ValueErrorf("substring not found")
		}
		return starlark.MakeInt(k), nil
	}
}

// searchBound converts the start or end argument of str.find to a
// character position: a negative one counts from the end, clamped at
// 0, and None gives fallback.
func searchBound(name string, v starlark.Value, fallback, n int) (int, error) {
	if v == starlark.None {
		return fallback, nil
	}
	var k int
	if err := starlark.AsInt(boolAsInt(v), &k); err != nil {
		return 0, pyobj.TypeErrorf("slice indices must be integers or None or have an __index__ method")
	}
	if k < 0 {
		k += n
		if k < 0 {
			k = 0
		}
	}
	return k, nil
}

// findInRange returns the character position of the first (or, when
// reverse, the last) occurrence of sub in the characters [lo, hi) of s,
// or -1.
func findInRange(s, sub string, lo, hi int, reverse bool) int {
	if hi-lo < utf8.RuneCountInString(sub) {
		return -1
	}
	from := byteOffset(s, lo)
	window := s[from:byteOffset(s, hi)]
	var k int
	if reverse {
		k = strings.LastIndex(window, sub)
	} else {
		k = strings.Index(window, sub)
	}
	if k < 0 {
		return -1
	}
	return lo + utf8.RuneCountInString(window[:k])
}

// byteOffset returns the byte offset of character position k in s.
func byteOffset(s string, k int) int {
	for i := range s {
		if k == 0 {
			return i
		}
		k--
	}
	return len(s)
}
