package autogen

import "strings"

// Statement is one rendered SQL statement (without the trailing semicolon)
// and the hazards a reviewer should know about before running it.
type Statement struct {
	SQL     string   `json:"sql"`
	Hazards []Hazard `json:"hazards,omitempty"`
	// NonTransactional marks statements that cannot run inside a
	// transaction block (CREATE INDEX CONCURRENTLY): a revision holding one
	// must be marked transaction false.
	NonTransactional bool `json:"non_transactional,omitempty"`
}

// HazardKind is the closed vocabulary of risks attached to statements.
type HazardKind string

// The hazard kinds. Each names a consequence, not a statement type.
const (
	// HazardDataLoss: the statement deletes stored data (a table, a
	// column, a type whose values are lost, an enum value rows may hold).
	HazardDataLoss HazardKind = "data-loss"
	// HazardTableRewrite: PostgreSQL rewrites the whole table (and its
	// indexes) under an ACCESS EXCLUSIVE lock.
	HazardTableRewrite HazardKind = "table-rewrite"
	// HazardAccessExclusive: the statement takes an ACCESS EXCLUSIVE lock,
	// blocking reads and writes of the table while it runs.
	HazardAccessExclusive HazardKind = "access-exclusive-lock"
	// HazardFullScan: the statement scans every existing row to validate it
	// (SET NOT NULL, a validated CHECK or FOREIGN KEY) while holding a lock.
	HazardFullScan HazardKind = "full-scan"
	// HazardIndexBuild: an index is built without CONCURRENTLY, blocking
	// writes to the table for the duration of the build.
	HazardIndexBuild HazardKind = "index-build-blocks-writes"
	// HazardEnumValue: an enum value is added; it cannot be removed later
	// without recreating the type, and it cannot be used in the same
	// transaction that adds it.
	HazardEnumValue HazardKind = "enum-value-irreversible"
	// HazardUnsafeCast: existing values are converted with a cast that can
	// fail at run time (text to integer, removed enum values, ...).
	HazardUnsafeCast HazardKind = "unsafe-cast"
	// HazardNoUpdatePath: ALTER EXTENSION ... UPDATE TO names a version
	// the server's update scripts cannot reach from the installed one
	// (most extensions ship no scripts back to older versions): the
	// statement fails.
	HazardNoUpdatePath HazardKind = "extension-no-update-path"
)

// Hazard is one risk of a statement, with a sentence for the reviewer.
type Hazard struct {
	Kind    HazardKind `json:"kind"`
	Message string     `json:"message"`
}

func hazard(k HazardKind, msg string) Hazard { return Hazard{Kind: k, Message: msg} }

// Render writes statements as a revision section body: hazard comments
// above each risky statement, one statement per paragraph, each ending with
// a semicolon.
func Render(stmts []Statement) string {
	var b strings.Builder
	for i, s := range stmts {
		if i > 0 {
			b.WriteString("\n")
		}
		for _, h := range s.Hazards {
			b.WriteString("-- hazard ")
			b.WriteString(string(h.Kind))
			b.WriteString(": ")
			b.WriteString(strings.ReplaceAll(h.Message, "\n", " "))
			b.WriteString("\n")
		}
		b.WriteString(s.SQL)
		b.WriteString(";\n")
	}
	return b.String()
}

// RenderIrreversible writes the statements of a downgrade that cannot run
// as comments, for the body of a downgrade section marked irreversible: a
// reviewer sees what undoing the revision would take, and can turn it
// into a runnable downgrade by hand.
func RenderIrreversible(stmts []Statement) string {
	if len(stmts) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("-- The downgrade that cannot run, for reference:\n")
	for _, line := range strings.Split(strings.TrimRight(Render(stmts), "\n"), "\n") {
		if line == "" {
			b.WriteString("--\n")
			continue
		}
		b.WriteString("-- " + line + "\n")
	}
	return b.String()
}
