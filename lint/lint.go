package lint

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/revision"
)

// Finding is one rule that fires on one statement.
type Finding struct {
	// File is the revision file as shown to the user (versions/x.sql).
	File string `json:"file"`
	// Line and Column locate the statement's first token (or the directive
	// comment, for nolint findings), 1-based.
	Line   int `json:"line"`
	Column int `json:"column"`
	// Rule is the rule id; Severity its effective severity.
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	// Message says what hurts and, in parentheses, the safe alternative.
	Message string `json:"message"`
	// Statement is the SQL the finding is about ("" for a directive that
	// precedes no statement).
	Statement string `json:"statement"`
}

// String renders the finding the way `migrate lint` prints it:
// "file:line:col: rule: message (safe alternative)".
func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", f.File, f.Line, f.Column, f.Rule, f.Message)
}

// Options say how to judge revisions.
type Options struct {
	// Severity overrides rules' default severities by rule id;
	// SeverityOff turns a rule off. Build it with ParseSettings.
	Severity map[string]Severity
	// LockTimeout is true when the configuration sets lock_timeout for
	// migrations, so missing-lock-timeout has nothing to report.
	LockTimeout bool
}

// severity returns the effective severity of rule id.
func (o Options) severity(id string) Severity {
	if s, ok := o.Severity[id]; ok {
		return s
	}
	r, _ := Lookup(id)
	return r.Severity
}

// HasErrors reports whether any finding has error severity.
func HasErrors(fs []Finding) bool {
	return slices.ContainsFunc(fs, func(f Finding) bool { return f.Severity == SeverityError })
}

// Revision lints both sections of r, which must hold its sections' text
// (revision.LoadTexts or ParseTexts is enough: statements are split here).
// A downgrade that only undoes what the upgrade created (drops a table or
// column the upgrade added, renames back what it renamed) is not a
// finding. A section that does not parse is an error naming file:line:col.
func Revision(r *revision.Revision, opts Options) ([]Finding, error) {
	if r.Upgrade == nil {
		return nil, fmt.Errorf("%s: revision %s was read without its sections", r.File(), r.ID)
	}
	up := newLinter(opts, r.File(), "upgrade", r.Upgrade.Line, r.Transactional)
	if err := up.section(r.Upgrade.Text); err != nil {
		return nil, err
	}
	out := up.findings
	if d := r.Downgrade; d != nil && !d.Irreversible {
		down := newLinter(opts, r.File(), "downgrade", d.Line, r.Transactional)
		down.undo = up.created()
		if err := down.section(d.Text); err != nil {
			return nil, err
		}
		out = append(out, down.findings...)
	}
	sortFindings(out)
	return out, nil
}

// Section lints one section of SQL that starts at line startLine of file,
// in a revision that runs in a transaction when transactional is true.
func Section(file string, startLine int, sql string, transactional bool, opts Options) ([]Finding, error) {
	l := newLinter(opts, file, "SQL", startLine, transactional)
	if err := l.section(sql); err != nil {
		return nil, err
	}
	sortFindings(l.findings)
	return l.findings, nil
}

// Match is a rule that applies to a statement, before any suppression.
type Match struct {
	Rule    string
	Message string
}

// Classify returns, for each statement of stmts (one statement each, as
// autogen renders them, without the semicolon), the rules that apply to it
// in the context of the statements before it: a table created earlier in
// the list is new. Only rules that autogenerate writes hazards for (Rule.Kind
// set) are returned, and lock_timeout is taken as configured. The messages
// carry no safe alternative.
func Classify(stmts []string, transactional bool) ([][]Match, error) {
	var text []byte
	starts := make([]int, len(stmts))
	for i, s := range stmts {
		starts[i] = len(text)
		text = append(text, s...)
		text = append(text, ";\n"...)
	}
	l := newLinter(Options{LockTimeout: true}, "", "SQL", 1, transactional)
	parsed, err := sqlparse.ParseStatements(string(text))
	if err != nil {
		return nil, err
	}
	out := make([][]Match, len(stmts))
	for _, p := range parsed {
		i, _ := slices.BinarySearch(starts, p.Offset)
		if i == len(starts) || starts[i] != p.Offset {
			i-- // a statement that starts after leading white space
		}
		for _, h := range l.statement(&p) {
			if r, _ := Lookup(h.rule); r.Kind != "" {
				out[i] = append(out[i], Match{Rule: h.rule, Message: h.msg})
			}
		}
	}
	return out, nil
}

// sortFindings orders findings by position, then rule.
func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column), cmp.Compare(a.Rule, b.Rule))
	})
}

// syntaxError positions a parse failure of a section in its file.
func (l *linter) syntaxError(err error) error {
	var se *sqlparse.SyntaxError
	if errors.As(err, &se) && se.Line > 0 {
		return &revision.FileError{Path: l.file, Line: l.lineBase + se.Line - 1, Column: se.Column,
			Err: fmt.Errorf("%s section: %s", l.name, se.Msg)}
	}
	return &revision.FileError{Path: l.file, Line: l.lineBase, Err: fmt.Errorf("%s section: %w", l.name, err)}
}
