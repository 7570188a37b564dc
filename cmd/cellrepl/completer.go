package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// indentUnit is the indentation that Tab inserts at the start of a line.
const indentUnit = "    "

// completer adapts runtime.Complete to readline.AutoCompleter.
type completer struct {
	s *session
}

// Do returns the text each candidate adds after the cursor and the
// length in runes of the word it completes. Tab in leading whitespace
// indents, as in IPython.
func (c *completer) Do(line []rune, pos int) ([][]rune, int) {
	text := string(line[:pos])
	if strings.TrimSpace(text) == "" {
		return [][]rune{[]rune(indentUnit)}, 0
	}
	start, candidates := c.candidates(string(line), text)
	typed := text[start:]
	var out [][]rune
	for _, cand := range candidates {
		if suffix, ok := strings.CutPrefix(cand, typed); ok {
			out = append(out, []rune(suffix))
		}
	}
	return out, utf8.RuneCountInString(typed)
}

// candidates returns the start of the word before the cursor and its
// completions: command names, file names after %run, or what the
// runtime offers.
func (c *completer) candidates(line, text string) (int, []string) {
	trimmed := strings.TrimLeft(text, " ")
	lead := len(text) - len(trimmed)
	if strings.HasPrefix(trimmed, "%") {
		if rest, ok := strings.CutPrefix(trimmed, "%run "); ok {
			word := rest[strings.LastIndex(rest, " ")+1:]
			return len(text) - len(word), fileNames(word)
		}
		if !strings.Contains(trimmed, " ") {
			return lead, commandNames(trimmed)
		}
		return len(text), nil
	}
	comp := c.s.rt.Complete(c.s.globals, line, len(text))
	return comp.Start, comp.Candidates
}

func commandNames(prefix string) []string {
	var out []string
	for _, name := range commands {
		if strings.HasPrefix(name, prefix) {
			out = append(out, name)
		}
	}
	return out
}

// fileNames lists the directories and .py files whose path starts with
// prefix, directories with a trailing slash.
func fileNames(prefix string) []string {
	dir, base := filepath.Split(prefix)
	readDir := dir
	if readDir == "" {
		readDir = "."
	}
	entries, err := os.ReadDir(readDir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, base) || strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		switch {
		case e.IsDir():
			out = append(out, dir+name+"/")
		case strings.HasSuffix(name, ".py"):
			out = append(out, dir+name)
		}
	}
	sort.Strings(out)
	return out
}
