package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/internal/suggest"
)

// Severity says what a finding does to the exit status: an error makes
// `migrate lint` exit 1, a warning is reported only.
type Severity string

// The severities. SeverityOff disables a rule.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityOff     Severity = "off"
)

// Hazard kinds: autogen's consequence vocabulary (autogen.HazardKind), which
// the hazard comments of generated revisions start with. autogen's tests
// keep the two lists equal.
const (
	KindDataLoss        = "data-loss"
	KindTableRewrite    = "table-rewrite"
	KindAccessExclusive = "access-exclusive-lock"
	KindFullScan        = "full-scan"
	KindIndexBuild      = "index-build-blocks-writes"
	KindUnsafeCast      = "unsafe-cast"
)

// Rule is one check, identified by a stable id.
type Rule struct {
	// ID names the rule in findings, nolint comments, hazard comments and
	// migrate.toml.
	ID string
	// Severity is the default severity; [lint] in migrate.toml changes it.
	Severity Severity
	// Kind is the hazard kind autogenerate writes for this rule's
	// statements; "" for rules about the schema's design or the revision
	// header, which autogenerate has no hazard for.
	Kind string
	// Kinds are the hazard kinds whose comments, written without a rule id
	// (the format before rules existed), acknowledge this rule.
	Kinds []string
	// Summary says in one line what the rule catches.
	Summary string
	// Fix is the safe alternative, printed in parentheses after a finding.
	Fix string
}

// Rule ids.
const (
	RequireConcurrentIndex       = "require-concurrent-index"
	ConcurrentInTransaction      = "concurrent-in-transaction"
	AddNotNullColumn             = "add-not-null-column"
	ChangeColumnType             = "change-column-type"
	ForeignKeyNotValid           = "foreign-key-not-valid"
	CheckNotValid                = "check-not-valid"
	SetNotNull                   = "set-not-null"
	UniqueConstraintWithoutIndex = "unique-constraint-without-index"
	DropColumn                   = "drop-column"
	DropTable                    = "drop-table"
	RenameColumn                 = "rename-column"
	RenameTable                  = "rename-table"
	VolatileDefault              = "volatile-default"
	PreferTimestamptz            = "prefer-timestamptz"
	PreferBigintIDs              = "prefer-bigint-ids"
	MissingLockTimeout           = "missing-lock-timeout"
	// Nolint reports a malformed suppression: no reason, an unknown rule,
	// or nothing after it to suppress.
	Nolint = "nolint"
	// UnusedNolint reports a suppression whose rule does not fire on the
	// statement it precedes.
	UnusedNolint = "unused-nolint"
)

// rules is the registry, in the order docs/lint.md lists them.
var rules = []Rule{
	{ID: RequireConcurrentIndex, Severity: SeverityError, Kind: KindIndexBuild, Kinds: []string{KindIndexBuild},
		Summary: "CREATE INDEX without CONCURRENTLY on a table that already exists",
		Fix:     "use CREATE INDEX CONCURRENTLY in a revision with -- migrate:transaction false"},
	{ID: ConcurrentInTransaction, Severity: SeverityError,
		Summary: "a statement that cannot run in a transaction block (CREATE INDEX CONCURRENTLY, ...) in a transactional revision",
		Fix:     "add -- migrate:transaction false to the header, and keep the revision to statements that are safe to retry"},
	{ID: AddNotNullColumn, Severity: SeverityError, Kind: KindFullScan, Kinds: []string{KindFullScan},
		Summary: "ADD COLUMN ... NOT NULL without a default on an existing table",
		Fix:     "add the column nullable or with a constant DEFAULT, backfill, then enforce NOT NULL"},
	{ID: ChangeColumnType, Severity: SeverityError, Kind: KindTableRewrite, Kinds: []string{KindTableRewrite, KindUnsafeCast, KindAccessExclusive},
		Summary: "ALTER COLUMN ... TYPE on an existing table",
		Fix:     "add a column of the new type, backfill it in batches, switch the application, then drop the old column"},
	{ID: ForeignKeyNotValid, Severity: SeverityError, Kind: KindFullScan, Kinds: []string{KindFullScan},
		Summary: "ADD FOREIGN KEY without NOT VALID on an existing table",
		Fix:     "add the constraint NOT VALID, then VALIDATE CONSTRAINT in a later statement, which blocks no writes"},
	{ID: CheckNotValid, Severity: SeverityError, Kind: KindFullScan, Kinds: []string{KindFullScan},
		Summary: "ADD CHECK without NOT VALID on an existing table",
		Fix:     "add the constraint NOT VALID, then VALIDATE CONSTRAINT in a later statement, which blocks no writes"},
	{ID: SetNotNull, Severity: SeverityError, Kind: KindFullScan, Kinds: []string{KindFullScan},
		Summary: "ALTER COLUMN ... SET NOT NULL on an existing table",
		Fix:     "add CHECK (col IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, then SET NOT NULL, which then skips the scan"},
	{ID: UniqueConstraintWithoutIndex, Severity: SeverityError, Kind: KindIndexBuild, Kinds: []string{KindIndexBuild},
		Summary: "ADD UNIQUE or PRIMARY KEY that builds its index under an ACCESS EXCLUSIVE lock",
		Fix:     "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE USING INDEX or PRIMARY KEY USING INDEX"},
	{ID: DropColumn, Severity: SeverityError, Kind: KindDataLoss, Kinds: []string{KindDataLoss},
		Summary: "DROP COLUMN: the column's values are deleted",
		Fix:     "stop using the column in the application first, back it up if it may be needed, then drop it in a later revision"},
	{ID: DropTable, Severity: SeverityError, Kind: KindDataLoss, Kinds: []string{KindDataLoss},
		Summary: "DROP TABLE (or DROP SCHEMA ... CASCADE): the rows are deleted",
		Fix:     "stop using the table first, keep a backup or rename it aside, then drop it in a later revision"},
	{ID: RenameColumn, Severity: SeverityError, Kind: KindAccessExclusive, Kinds: []string{},
		Summary: "RENAME COLUMN: application code still using the old name breaks",
		Fix:     "add the new column, write both, backfill, move reads, then drop the old one; or expose the new name through a view"},
	{ID: RenameTable, Severity: SeverityError, Kind: KindAccessExclusive, Kinds: []string{},
		Summary: "RENAME TO or SET SCHEMA on a table: application code still using the old name breaks",
		Fix:     "create the new table and copy, or rename and leave an updatable view under the old name until the application has moved"},
	{ID: VolatileDefault, Severity: SeverityError, Kind: KindTableRewrite, Kinds: []string{KindTableRewrite},
		Summary: "ADD COLUMN whose default must be computed per row (volatile function, serial, identity, stored generated column)",
		Fix:     "add the column without the default, set the default for new rows, backfill existing rows in batches"},
	{ID: PreferTimestamptz, Severity: SeverityWarning,
		Summary: "a column of type timestamp (without time zone)",
		Fix:     "use timestamptz, which stores an instant whatever the session's TimeZone"},
	{ID: PreferBigintIDs, Severity: SeverityWarning,
		Summary: "an id column (primary key, identity or serial) of type integer or smallint",
		Fix:     "use bigint: bigint GENERATED ALWAYS AS IDENTITY, or bigserial"},
	{ID: MissingLockTimeout, Severity: SeverityWarning, Kind: KindAccessExclusive,
		Summary: "an ACCESS EXCLUSIVE lock on an existing table with no lock_timeout in migrate.toml or the revision",
		Fix:     "set lock_timeout in migrate.toml, or SET lock_timeout = '3s' at the top of the section"},
	{ID: Nolint, Severity: SeverityError,
		Summary: "a -- migrate:nolint line without a reason, naming an unknown rule, or followed by no statement",
		Fix:     "write -- migrate:nolint RULE[,RULE] reason right above the statement"},
	{ID: UnusedNolint, Severity: SeverityWarning,
		Summary: "a -- migrate:nolint line whose rule does not fire on the statement below it",
		Fix:     "remove the rule from the line, or move the line above the statement it is meant for"},
}

// Rules returns every rule in documentation order.
func Rules() []Rule {
	out := make([]Rule, len(rules))
	for i, r := range rules {
		r.Kinds = slices.Clone(r.Kinds)
		out[i] = r
	}
	return out
}

// Lookup returns the rule with id.
func Lookup(id string) (Rule, bool) {
	for _, r := range rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// IDs returns every rule id in documentation order.
func IDs() []string {
	out := make([]string, len(rules))
	for i, r := range rules {
		out[i] = r.ID
	}
	return out
}

// unknownRuleError says a rule id is not one of IDs, with the closest id
// when the name looks like a typo.
func unknownRuleError(id string) error {
	if s := suggest.Closest(id, IDs()); s != "" {
		return fmt.Errorf("unknown rule %q (did you mean %s?)", id, s)
	}
	return fmt.Errorf("unknown rule %q (rules: %s)", id, strings.Join(IDs(), ", "))
}
