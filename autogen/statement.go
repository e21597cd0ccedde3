package autogen

import (
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/lint"
)

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
	Kind HazardKind `json:"kind"`
	// Rule is the lint rule (docs/lint.md) this hazard acknowledges, so that
	// `migrate lint` accepts the statement it precedes; "" when no rule is
	// about this risk. Annotate sets it.
	Rule    string `json:"rule,omitempty"`
	Message string `json:"message"`
}

func hazard(k HazardKind, msg string) Hazard { return Hazard{Kind: k, Message: msg} }

// Render writes statements as a revision section body: hazard comments
// above each risky statement, one statement per paragraph, each ending with
// a semicolon. Hazards are annotated with lint rules first (Annotate), and
// a hazard that names a rule is written "-- hazard KIND (RULE): message".
func Render(stmts []Statement) string {
	var b strings.Builder
	for i, s := range Annotate(stmts) {
		if i > 0 {
			b.WriteString("\n")
		}
		for _, h := range s.Hazards {
			b.WriteString("-- hazard ")
			b.WriteString(string(h.Kind))
			if h.Rule != "" {
				b.WriteString(" (" + h.Rule + ")")
			}
			b.WriteString(": ")
			b.WriteString(strings.ReplaceAll(h.Message, "\n", " "))
			b.WriteString("\n")
		}
		b.WriteString(s.SQL)
		b.WriteString(";\n")
	}
	return b.String()
}

// Annotate returns a copy of stmts, a section in order, in which every lint
// rule that fires on a statement is acknowledged by one of its hazards: the
// first hazard of a kind the rule accepts gets the rule id, or a hazard of
// the rule's kind with the rule's message is added. What autogenerate
// writes therefore passes `migrate lint`, and the comments say which rule
// each risk is. Rules about the schema's design (prefer-timestamptz, ...)
// and the lock_timeout setting are left to lint. Hazards that already name
// a rule are kept as they are.
func Annotate(stmts []Statement) []Statement {
	out := slices.Clone(stmts)
	sqls := make([]string, len(stmts))
	transactional := true
	for i, s := range stmts {
		sqls[i] = s.SQL
		transactional = transactional && !s.NonTransactional
	}
	matches, err := lint.Classify(sqls, transactional)
	if err != nil {
		// Every rendered statement parses (the corpus tests prove it); if
		// one did not, the revision fails to load with a clear error
		// anyway, and its hazards are still written, without rule ids.
		return out
	}
	for i, ms := range matches {
		if len(ms) == 0 {
			continue
		}
		hz := slices.Clone(out[i].Hazards)
		for _, m := range ms {
			hz = acknowledge(hz, m)
		}
		out[i].Hazards = hz
	}
	return out
}

// acknowledge makes hz cover lint match m.
func acknowledge(hz []Hazard, m lint.Match) []Hazard {
	r, _ := lint.Lookup(m.Rule)
	if slices.ContainsFunc(hz, func(h Hazard) bool { return h.Rule == m.Rule }) {
		return hz
	}
	for i, h := range hz {
		if h.Rule == "" && slices.Contains(r.Kinds, string(h.Kind)) {
			hz[i].Rule = m.Rule
			return hz
		}
	}
	return append(hz, Hazard{Kind: HazardKind(r.Kind), Rule: m.Rule, Message: m.Message})
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
