package revision

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
)

// maxIDLen bounds user-given ids so they stay usable as file names and
// version-table values.
const maxIDLen = 64

// NewID returns a fresh revision id: 12 lowercase hex characters from
// crypto/rand.
func NewID() string {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		// crypto/rand does not fail on supported platforms.
		panic(fmt.Sprintf("revision: crypto/rand: %v", err))
	}
	return hex.EncodeToString(b[:])
}

// reserved reports the target keywords, which cannot be ids or labels.
func reserved(name string) bool {
	switch name {
	case "head", "heads", "base", "current":
		return true
	}
	return false
}

// ValidateID reports whether id can be a revision id: 1-64 ASCII letters,
// digits or underscores, and not a keyword (head, heads, base, current).
// '-', '+', '@' and ':' are excluded because target and range syntax use
// them.
func ValidateID(id string) error {
	if id == "" {
		return fmt.Errorf("empty revision id")
	}
	if len(id) > maxIDLen {
		return fmt.Errorf("revision id %q is longer than %d characters", id, maxIDLen)
	}
	for i := 0; i < len(id); i++ {
		if !isWordByte(id[i]) {
			return fmt.Errorf("revision id %q has character %q: use letters, digits and _", id, id[i])
		}
	}
	if reserved(id) {
		return fmt.Errorf("revision id %q is a reserved word", id)
	}
	return nil
}

// ValidateLabel reports whether l can be a branch label: a letter or
// underscore, then letters, digits, '_' or '.', and not a keyword.
func ValidateLabel(l string) error {
	if l == "" {
		return fmt.Errorf("empty branch label")
	}
	if len(l) > maxIDLen {
		return fmt.Errorf("branch label %q is longer than %d characters", l, maxIDLen)
	}
	if c := l[0]; !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return fmt.Errorf("branch label %q must start with a letter or _", l)
	}
	for i := 0; i < len(l); i++ {
		if !isWordByte(l[i]) && l[i] != '.' {
			return fmt.Errorf("branch label %q has character %q: use letters, digits, _ and dots", l, l[i])
		}
	}
	if reserved(l) {
		return fmt.Errorf("branch label %q is a reserved word", l)
	}
	return nil
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
