package autogen

import (
	"errors"
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// Plan is the result of Diff: the changes of the upgrade and of the
// downgrade (the inverse diff), each in execution order.
type Plan struct {
	// Changes take the current schema to the target, in order.
	Changes []Change
	// Inverse take the target back to the current schema, in order.
	Inverse []Change
	// Irreversible says why the downgrade cannot run on this server (an
	// extension updated to a version it has no update scripts back from);
	// empty when it can. A revision written from the plan marks its
	// downgrade irreversible with these reasons.
	Irreversible []string
	// Unrunnable says why the upgrade itself cannot run on this server;
	// the statements concerned carry a hazard too.
	Unrunnable []string
}

// Empty reports whether the two schemas compare equal.
func (p *Plan) Empty() bool { return len(p.Changes) == 0 }

// Upgrade renders the changes as SQL statements.
func (p *Plan) Upgrade() []Statement { return renderChanges(p.Changes, p.Transactional()) }

// Downgrade renders the inverse changes as SQL statements.
func (p *Plan) Downgrade() []Statement { return renderChanges(p.Inverse, p.Transactional()) }

// Transactional reports whether both directions can run inside a
// transaction block; false when a statement needs to run outside one
// (CREATE INDEX CONCURRENTLY).
func (p *Plan) Transactional() bool {
	for _, cs := range [][]Change{p.Changes, p.Inverse} {
		if slices.ContainsFunc(renderChanges(cs, true), func(s Statement) bool { return s.NonTransactional }) {
			return false
		}
	}
	return true
}

// Summary describes each upgrade change in one line, for check and for
// "No changes detected" decisions.
func (p *Plan) Summary() []string {
	out := make([]string, 0, len(p.Changes))
	for _, c := range p.Changes {
		out = append(out, c.Describe())
	}
	return out
}

// Diff compares current with target and returns the plan that takes a
// database holding current to target, and back. Both schemas must be in
// canonical form (see package schema); they are not modified.
func Diff(current, target *schema.Schema, opts Options) (*Plan, error) {
	if current == nil {
		current = &schema.Schema{}
	}
	if target == nil {
		target = &schema.Schema{}
	}
	renames, err := resolveRenames(current, target, opts)
	if err != nil {
		return nil, err
	}
	up := newDiffer(current, target, opts, renames)
	up.run()
	down := newDiffer(target, current, opts, renames.inverse())
	down.run()
	var errs []error
	for _, r := range up.refusals {
		errs = append(errs, &RefusalError{Direction: "upgrade", Reason: r})
	}
	for _, r := range down.refusals {
		errs = append(errs, &RefusalError{Direction: "downgrade", Reason: r})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &Plan{Changes: up.changes(), Inverse: down.changes(), Irreversible: down.unrunnable, Unrunnable: up.unrunnable}, nil
}

// renderChanges renders one direction. inTx is false when the revision
// runs outside a transaction (a statement of either direction needs it):
// the checks that must stop it before anything changes then come first,
// and session settings are made session-wide.
func renderChanges(cs []Change, inTx bool) []Statement {
	var out []Statement
	if !inTx {
		for _, c := range cs {
			if ac, ok := c.(*AlterColumnType); ok && ac.removed != nil {
				out = append(out, ac.removed.statement())
			}
		}
	}
	bodiesOff := -1 // index of the SET check_function_bodies statement
	type added struct {
		at  int    // index of the ADD VALUE statement in out
		lit string // how later statements spell the value: 'v'::schema.type
	}
	var values []added
	for _, c := range cs {
		if needsBodiesOff(c) && bodiesOff < 0 {
			bodiesOff = len(out)
			// Function bodies may name tables created later in the same
			// script; pg_dump does the same. The setting is local to the
			// revision's transaction so it cannot reach later revisions
			// (made session-wide below only when there is no transaction).
			out = append(out, Statement{SQL: "SET LOCAL check_function_bodies = off"})
		}
		if av, ok := c.(*AddEnumValue); ok {
			values = append(values, added{at: len(out), lit: literal(av.Value) + "::" + qname(av.Type)})
		}
		out = append(out, c.statements()...)
	}
	// PostgreSQL refuses to use an enum value in the transaction that added
	// it. When a later statement uses it (a default, a check, a view), the
	// value is added outside the transaction and the revision runs
	// statement by statement (transaction false).
	for _, v := range values {
		for _, s := range out[v.at+1:] {
			if strings.Contains(s.SQL, v.lit) {
				out[v.at].NonTransactional = true
				break
			}
		}
	}
	if bodiesOff >= 0 && (!inTx || slices.ContainsFunc(out, func(s Statement) bool { return s.NonTransactional })) {
		// Statement by statement, SET LOCAL would end with its own
		// statement; the runner resets the session after the revision.
		out[bodiesOff].SQL = "SET check_function_bodies = off"
	}
	return out
}

// Step is one upgrade change with its description and rendered
// statements, for listings (check --json).
type Step struct {
	Change      Change      `json:"-"`
	Description string      `json:"description"`
	Statements  []Statement `json:"statements"`
}

// Steps lists the upgrade changes one by one. (Upgrade renders the same
// statements as one script, adding the session settings a script needs.)
func (p *Plan) Steps() []Step {
	out := make([]Step, 0, len(p.Changes))
	for _, c := range p.Changes {
		out = append(out, Step{Change: c, Description: c.Describe(), Statements: c.statements()})
	}
	return out
}
