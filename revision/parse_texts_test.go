package revision

import (
	"strings"
	"testing"
)

// TestParseTexts: the sections' text is kept without splitting, so a
// CONCURRENTLY statement in a transactional revision (which Parse refuses)
// reaches the linter, and nolint lines are comments, not unknown markers.
func TestParseTexts(t *testing.T) {
	file := "-- migrate:revision 0a0a0a0a0a0a\n-- migrate:upgrade\n" +
		"-- migrate:nolint require-concurrent-index the table is tiny\n" +
		"CREATE INDEX CONCURRENTLY i ON t (a);\n-- migrate:downgrade\nDROP INDEX i;\n"
	r, err := ParseTexts("v.sql", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if r.Upgrade.Statements != nil || !strings.Contains(r.Upgrade.Text, "CONCURRENTLY") || r.Upgrade.Line != 3 {
		t.Errorf("upgrade: %+v", r.Upgrade)
	}
	if _, err := Parse("v.sql", []byte(file)); err == nil || !strings.Contains(err.Error(), "v.sql:4:1: CREATE INDEX CONCURRENTLY cannot run inside a transaction") {
		t.Errorf("Parse: %v", err)
	}
	ok := strings.Replace(file, "-- migrate:upgrade\n", "-- migrate:transaction false\n-- migrate:upgrade\n", 1)
	if _, err := Parse("v.sql", []byte(ok)); err != nil {
		t.Errorf("a nolint line in a section: %v", err)
	}
	if _, err := Parse("v.sql", []byte("-- migrate:revision 0a0a0a0a0a0a\n-- migrate:nolint x y\n-- migrate:upgrade\n-- migrate:downgrade\n")); err == nil {
		t.Error("a nolint line in the header was accepted")
	}
}
