// Package revision owns everything about versions/ that needs no database:
// the revision file format (parse and write), the revision graph (heads,
// bases, branches, merges, depends-on, labels), target resolution and
// upgrade/downgrade plans with their version-table row changes. It reads
// files only through fs.FS and never touches a database.
//
// docs/revision-format.md is the reference for the file format, target
// specs, version-table semantics and the JSON shapes built from Info.
//
// The parser's fuzz target is not part of the normal test run; run it by
// hand for a minute with
//
//	go test -run '^$' -fuzz FuzzParse -fuzztime 60s ./revision/
package revision

import "time"

// Revision is one revision file.
type Revision struct {
	// ID is the revision id from the header (12 lowercase hex characters
	// unless user-given); the file name does not define identity.
	ID string
	// Parents are the revisions this one follows: none for a base, two or
	// more for a merge.
	Parents []string
	// DependsOn are revisions that must be applied before this one without
	// being its parents (cross-branch dependencies).
	DependsOn []string
	// BranchLabels name the branch this revision starts or belongs to.
	BranchLabels []string
	Message      string
	Created      time.Time
	// Transactional is false when the header says "transaction false": the
	// statements run outside a transaction (CREATE INDEX CONCURRENTLY...).
	Transactional bool

	// Path is the file's path inside its fs.FS (or on disk for writers).
	Path string
	// Dir is the version directory the file was read from.
	Dir string

	// Upgrade and Downgrade are nil when only the header was read.
	Upgrade   *Section
	Downgrade *Section

	// Lines locates header fields and section markers in the file for
	// error messages: "revision", "parents", "depends-on", "upgrade",
	// "downgrade", ... -> 1-based line.
	Lines map[string]int

	// src is the index of the Source the file came from (-1 when parsed
	// directly), so ReadFull can find the file again.
	src int
}

// Section is the upgrade or downgrade part of a revision file.
type Section struct {
	// Text is the raw SQL of the section as written, used for checksums and
	// for offline scripts.
	Text string
	// Line is the 1-based file line where Text starts.
	Line int
	// Statements are the section's statements, split by pg_query, with
	// file-relative line numbers.
	Statements []Statement
	// Irreversible marks a downgrade that must refuse to run; Reason is the
	// text after "-- migrate:irreversible".
	Irreversible bool
	Reason       string
}

// Statement is one SQL statement of a section.
type Statement struct {
	SQL string
	// Line and Column are 1-based positions in the revision file.
	Line, Column int
	// NoTransaction names why the statement cannot run inside a
	// transaction block (e.g. "CREATE INDEX CONCURRENTLY"); empty for most
	// statements. Parse accepts such statements only in revisions whose
	// header says "transaction false".
	NoTransaction string
}
