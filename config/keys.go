package config

import "strings"

// kind is the TOML shape a key accepts.
type kind int

const (
	kindString   kind = iota // a string
	kindStrings              // an array of strings
	kindBool                 // a boolean
	kindDuration             // a string holding a Go duration ("3s")
	kindInt                  // an integer, kept as decimal text
)

// want describes a kind in error messages.
func (k kind) want() string {
	switch k {
	case kindStrings:
		return "an array of strings"
	case kindBool:
		return "a boolean (true or false)"
	case kindDuration:
		return `a duration string such as "500ms", "3s" or "1m"`
	case kindInt:
		return "an integer"
	default:
		return "a string"
	}
}

// keySpec is one setting of migrate.toml. The same keys are valid at the top
// of the file and inside every [env.NAME] overlay.
type keySpec struct {
	name string // dotted name relative to the file top or the overlay
	kind kind
}

// keySpecs lists every setting in the order `migrate config` prints them.
var keySpecs = append([]keySpec{
	{"database.url", kindString},
	{"database.version_schema", kindString},
	{"database.version_table", kindString},
	{"database.history_table", kindString},
	{"versions.dirs", kindStrings},
	{"target.go", kindString},
	{"target.sql", kindStrings},
	{"target.schemas", kindStrings},
	{"target.exclude", kindStrings},
	{"scratch.url", kindString},
	{"autogen.concurrent_indexes", kindBool},
	{"autogen.not_valid_constraints", kindBool},
	{"fleet.databases", kindStrings},
	{"fleet.query", kindString},
	{"fleet.parallel", kindInt},
	{"lock_timeout", kindDuration},
	{"statement_timeout", kindDuration},
	{"lock_wait_timeout", kindDuration},
}, lintKeys...)

// envTable is the top-level table holding the overlays.
const envTable = "env"

// lookupSpec finds the spec for a dotted name.
func lookupSpec(name string) (keySpec, bool) {
	for _, s := range keySpecs {
		if s.name == name {
			return s, true
		}
	}
	return keySpec{}, false
}

// isTable reports whether name is one of the tables ([database], ...).
func isTable(name string) bool {
	for _, s := range keySpecs {
		if t, _, ok := strings.Cut(s.name, "."); ok && t == name {
			return true
		}
	}
	return false
}

// childrenOf returns the key names directly under scope ("" for the top):
// table names and top-level settings for the top, setting names for a table.
func childrenOf(scope string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range keySpecs {
		var child string
		if scope == "" {
			child, _, _ = strings.Cut(s.name, ".")
		} else if rest, ok := strings.CutPrefix(s.name, scope+"."); ok {
			child = rest
		} else {
			continue
		}
		if !seen[child] {
			seen[child] = true
			out = append(out, child)
		}
	}
	return out
}
