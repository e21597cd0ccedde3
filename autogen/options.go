package autogen

import (
	"fmt"
	"strings"
)

// Options tune how a diff is rendered. The zero value renders plain,
// transactional DDL.
type Options struct {
	// Renames turn a drop+add of a table or column into a RENAME. They are
	// never guessed.
	Renames []Rename
	// ConcurrentIndexes renders index creation and removal on existing
	// tables as CREATE/DROP INDEX CONCURRENTLY; the plan is then not
	// transactional (Plan.Transactional reports false).
	ConcurrentIndexes bool
	// NotValidConstraints renders foreign keys and checks added to existing
	// tables as ADD CONSTRAINT ... NOT VALID followed by VALIDATE
	// CONSTRAINT, so the validating scan does not block writes.
	NotValidConstraints bool
	// DefaultSchema is the schema unqualified rename operands and
	// expressions are resolved in ("public" when empty).
	DefaultSchema string
}

// Rename is one --rename old=new instruction. From and To are the dotted
// names as given: "table", "schema.table" or, for a column,
// "table.column" / "schema.table.column". Which of the two a two-part name
// is gets settled against the current schema by Diff.
type Rename struct {
	From, To string
}

// ParseRename parses "old=new".
func ParseRename(s string) (Rename, error) {
	from, to, ok := strings.Cut(s, "=")
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	if !ok || from == "" || to == "" {
		return Rename{}, fmt.Errorf("rename %q: want old=new, e.g. users.name=users.full_name or old_table=new_table", s)
	}
	return Rename{From: from, To: to}, nil
}

func (r Rename) String() string { return r.From + "=" + r.To }

func (o Options) defaultSchema() string {
	if o.DefaultSchema == "" {
		return "public"
	}
	return o.DefaultSchema
}
