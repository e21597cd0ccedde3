package schema

import (
	"strconv"
	"unicode/utf8"
)

// MaxIdentifierLength is the longest identifier PostgreSQL keeps, in bytes
// (NAMEDATALEN - 1). Longer names are truncated, never rejected.
const MaxIdentifierLength = 63

// TruncateIdentifier cuts name to MaxIdentifierLength bytes without
// splitting a UTF-8 character, as PostgreSQL does to every identifier.
func TruncateIdentifier(name string) string {
	return clip(name, MaxIdentifierLength)
}

// clip returns the longest prefix of s of at most n bytes that ends on a
// character boundary (pg_mbcliplen).
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// ObjectName builds "name1_name2_label" the way PostgreSQL's makeObjectName
// does, shortening the longer of name1 and name2 first so the result fits
// in 63 bytes. An empty name2 or label is left out with its underscore.
func ObjectName(name1, name2, label string) string {
	overhead := 0
	if name2 != "" {
		overhead++
	}
	if label != "" {
		overhead += len(label) + 1
	}
	avail := MaxIdentifierLength - overhead
	n1, n2 := len(name1), len(name2)
	for n1+n2 > avail {
		if n1 > n2 {
			n1--
		} else {
			n2--
		}
	}
	out := clip(name1, n1)
	if name2 != "" {
		out += "_" + clip(name2, n2)
	}
	if label != "" {
		out += "_" + label
	}
	return out
}

// ChooseName returns the name PostgreSQL picks for an implicit object
// (ChooseRelationName, ChooseConstraintName): ObjectName(name1, name2,
// label), or, while taken reports a name as used, the same with label1,
// label2, ... A nil taken means no collisions.
func ChooseName(name1, name2, label string, taken func(string) bool) string {
	mod := label
	for pass := 1; ; pass++ {
		name := ObjectName(name1, name2, mod)
		if taken == nil || !taken(name) {
			return name
		}
		mod = label + strconv.Itoa(pass)
	}
}

// NameAddition joins column names with "_" for use as name2 of an index,
// unique, exclusion or foreign-key name (ChooseIndexNameAddition), stopping
// once the result reaches 64 bytes as PostgreSQL does.
func NameAddition(columns []string) string {
	buf := ""
	for _, c := range columns {
		if buf != "" {
			buf += "_"
		}
		buf += clip(c, MaxIdentifierLength)
		if len(buf) > MaxIdentifierLength {
			break
		}
	}
	return buf
}

// IndexColumnNames returns the per-column names PostgreSQL uses to name an
// index (ChooseIndexColumnNames): each key's column name, or its figured
// name for an expression ("lower" for lower(email)), "expr" when there is
// none, with duplicates made unique by a numeric suffix. figured[i] is ""
// for an expression without a name.
func IndexColumnNames(figured []string) []string {
	out := make([]string, 0, len(figured))
	used := map[string]bool{}
	for _, orig := range figured {
		if orig == "" {
			orig = "expr"
		}
		cur := orig
		for i := 1; used[cur]; i++ {
			suffix := strconv.Itoa(i)
			cur = clip(orig, MaxIdentifierLength-len(suffix)) + suffix
		}
		used[cur] = true
		out = append(out, cur)
	}
	return out
}
