package lint

import (
	"fmt"
	"slices"

	"github.com/migrate-tool/migrate/internal/sqlparse"
)

// hit is a rule firing on a statement, before suppression.
type hit struct {
	rule, msg string
}

// linter lints one section, statement by statement, remembering what the
// statements before the current one did.
type linter struct {
	opts          Options
	file          string
	name          string // "upgrade" or "downgrade", for messages
	lineBase      int    // file line of the section's first line
	transactional bool

	state
	// undo, for a downgrade, is what the upgrade of the same revision
	// created: dropping or renaming it back is the downgrade's job.
	undo *created

	findings []Finding
}

func newLinter(opts Options, file, name string, lineBase int, transactional bool) *linter {
	return &linter{opts: opts, file: file, name: name, lineBase: lineBase, transactional: transactional, state: newState()}
}

// section lints every statement of sql and the directives around them.
func (l *linter) section(sql string) error {
	script, err := sqlparse.ParseScript(sql)
	if err != nil {
		return l.syntaxError(err)
	}
	for i := range script.Statements {
		p := &script.Statements[i]
		acks := l.directives(p.Comments)
		for _, h := range l.statement(p) {
			if l.opts.severity(h.rule) == SeverityOff || acks.covers(h.rule) {
				continue
			}
			l.report(p.Line, p.Column, h.rule, h.msg+" ("+fixOf(h.rule)+")", p.SQL)
		}
		l.unused(acks, p)
	}
	for _, c := range script.Trailing {
		if d, ok, _ := ParseDirective(c.Text); ok && d.Nolint {
			l.report(c.Line, c.Column, Nolint, "-- migrate:nolint is followed by no statement ("+fixOf(Nolint)+")", "")
		}
	}
	return nil
}

// statement returns the rules that fire on p and records what p does for
// the statements after it.
func (l *linter) statement(p *sqlparse.Parsed) []hit {
	var hits []hit
	emit := func(rule, format string, args ...any) {
		hits = append(hits, hit{rule: rule, msg: fmt.Sprintf(format, args...)})
	}
	for _, check := range checks {
		check(l, p, emit)
	}
	l.record(p.Node)
	return hits
}

// report adds a finding at a section-relative position, unless its rule is
// off.
func (l *linter) report(line, col int, rule, msg, stmt string) {
	sev := l.opts.severity(rule)
	if sev == SeverityOff {
		return
	}
	l.findings = append(l.findings, Finding{File: l.file, Line: l.lineBase + line - 1, Column: col,
		Rule: rule, Severity: sev, Message: msg, Statement: stmt})
}

// fixOf returns the safe alternative of a rule.
func fixOf(id string) string {
	r, _ := Lookup(id)
	return r.Fix
}

// acks is what the comments before one statement acknowledge.
type acks struct {
	// nolint maps each rule a nolint line names to whether it was needed,
	// with the comment that named it.
	nolint []*nolintRule
	// rules are the rule ids hazard comments name; kinds the kinds of
	// hazard comments without rule ids.
	rules, kinds []string
}

type nolintRule struct {
	id      string
	comment sqlparse.Comment
	used    bool
}

// covers reports whether rule is suppressed, marking the nolint entry used.
func (a *acks) covers(rule string) bool {
	covered := false
	for _, n := range a.nolint {
		if n.id == rule {
			n.used, covered = true, true
		}
	}
	if covered || slices.Contains(a.rules, rule) {
		return true
	}
	r, _ := Lookup(rule)
	for _, k := range a.kinds {
		if slices.Contains(r.Kinds, k) {
			return true
		}
	}
	return false
}

// directives reads the comments before a statement, reporting malformed
// nolint lines and unknown rule ids.
func (l *linter) directives(comments []sqlparse.Comment) *acks {
	a := &acks{}
	for _, c := range comments {
		d, ok, err := ParseDirective(c.Text)
		if !ok {
			continue
		}
		if err != nil {
			l.report(c.Line, c.Column, Nolint, err.Error(), "")
			continue
		}
		for _, id := range d.Rules {
			if _, known := Lookup(id); !known {
				what := "-- migrate:nolint"
				if !d.Nolint {
					what = "hazard comment"
				}
				l.report(c.Line, c.Column, Nolint, fmt.Sprintf("%s: %v", what, unknownRuleError(id)), "")
				continue
			}
			if d.Nolint {
				a.nolint = append(a.nolint, &nolintRule{id: id, comment: c})
			} else {
				a.rules = append(a.rules, id)
			}
		}
		if !d.Nolint && len(d.Rules) == 0 {
			a.kinds = append(a.kinds, d.Kind)
		}
	}
	return a
}

// unused reports nolint entries that suppressed nothing, for rules that are
// on (a rule turned off in migrate.toml makes its nolint lines moot).
func (l *linter) unused(a *acks, p *sqlparse.Parsed) {
	for _, n := range a.nolint {
		if n.used || l.opts.severity(n.id) == SeverityOff || n.id == Nolint || n.id == UnusedNolint {
			continue
		}
		l.report(n.comment.Line, n.comment.Column, UnusedNolint,
			fmt.Sprintf("-- migrate:nolint %s: the rule does not fire on the statement below (%s)", n.id, fixOf(UnusedNolint)),
			p.SQL)
	}
}
