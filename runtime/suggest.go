package runtime

import "strings"

// nearestName returns the candidate closest to name by edit distance,
// or "" when none is within half of name's length. It ignores case and
// underscores, as the "did you mean" hints of go.starlark.net's
// resolver do, and never suggests a dunder name.
func nearestName(name string, candidates []string) string {
	folded := foldName(name)
	best, bestDistance := "", (len(folded)+1)/2
	for _, c := range candidates {
		if c == name || strings.HasPrefix(c, "__") {
			continue
		}
		if d := editDistance(folded, foldName(c)); d < bestDistance {
			best, bestDistance = c, d
		}
	}
	return best
}

// foldName lower-cases s and drops its underscores.
func foldName(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, "_", ""))
}

// editDistance returns the Levenshtein distance between a and b,
// counted in bytes.
func editDistance(a, b string) int {
	previous := make([]int, len(b)+1)
	current := make([]int, len(b)+1)
	for j := range previous {
		previous[j] = j
	}
	for i := 1; i <= len(a); i++ {
		current[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			current[j] = min(previous[j]+1, current[j-1]+1, previous[j-1]+cost)
		}
		previous, current = current, previous
	}
	return previous[len(b)]
}
