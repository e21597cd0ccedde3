package target

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// sqlSources expands the [target] sql patterns (relative to dir) into
// files: each pattern's matches sorted by name, patterns in order, every
// file once. A pattern matching nothing is an error, so a typo does not
// silently declare an empty schema.
func sqlSources(dir string, patterns []string) ([]*source, error) {
	var out []*source
	seen := map[string]bool{}
	for _, p := range patterns {
		full := p
		if !filepath.IsAbs(full) {
			full = filepath.Join(dir, p)
		}
		matches, err := filepath.Glob(full)
		if err != nil {
			return nil, fmt.Errorf("target.sql pattern %q: %w", p, err)
		}
		if len(matches) == 0 {
			return nil, fmt.Errorf("target.sql pattern %q matches no file (relative to %s)", p, dir)
		}
		slices.Sort(matches)
		for _, m := range matches {
			if seen[m] {
				continue
			}
			seen[m] = true
			st, err := os.Stat(m)
			if err != nil {
				return nil, err
			}
			if st.IsDir() {
				continue
			}
			b, err := os.ReadFile(m)
			if err != nil {
				return nil, err
			}
			out = append(out, &source{name: displayPath(dir, m), text: blankDumpMetaCommands(string(b))})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("target.sql matches only directories")
	}
	return out, nil
}

// blankDumpMetaCommands replaces the psql meta-commands pg_dump writes
// around a dump (\restrict KEY and \unrestrict KEY, since PostgreSQL
// 17.6, 16.10, 15.14, ...) with spaces, so a schema-only dump works as a
// SQL target; every other byte keeps its offset, so error positions still
// point into the file. Other meta-commands are left for the parser to
// reject with their line.
func blankDumpMetaCommands(text string) string {
	if !strings.Contains(text, "\\restrict") && !strings.Contains(text, "\\unrestrict") {
		return text
	}
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		body := strings.TrimRight(l, "\r\n")
		cmd, key, ok := strings.Cut(body, " ")
		if !ok || (cmd != "\\restrict" && cmd != "\\unrestrict") || key == "" || strings.ContainsAny(strings.TrimSpace(key), " \t") {
			continue
		}
		lines[i] = strings.Repeat(" ", len(body)) + l[len(body):]
	}
	return strings.Join(lines, "")
}

// displayPath is path relative to dir when it lies inside it.
func displayPath(dir, path string) string {
	if rel, err := filepath.Rel(dir, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}

// hashSources is the content hash of a SQL target: names and texts.
func hashSources(srcs []*source) []byte {
	h := sha256.New()
	for _, s := range srcs {
		fmt.Fprintf(h, "%s\x00%d\x00", s.name, len(s.text))
		h.Write([]byte(s.text))
	}
	return h.Sum(nil)
}
