package rowgen

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/schema"
)

// Case is one data-carrying run: a database holding Old (and nothing
// else in Schemas), the change's statements, and the schema it leads to.
type Case struct {
	// Name seeds the generator (SeedFor).
	Name     string
	Old, New *schema.Schema
	// Upgrade and Downgrade are the change's sections, with hazards.
	Upgrade, Downgrade []autogen.Statement
	// Schemas are the schemas whose sequences are snapshotted.
	Schemas []string
	// Rows per table (0: DefaultRows).
	Rows int
	// NoDowngrade skips the downgrade half.
	NoDowngrade bool
}

// Migrator runs a case's change on the database the harness filled: by
// applying statements, or through the command line. A failing step
// returns an error that wraps a *StepError or a *pgconn.PgError when it
// can, so the harness can tell a refusal of the rows from a broken
// statement.
type Migrator interface {
	Upgrade(ctx context.Context) error
	Downgrade(ctx context.Context) error
}

// StepError is a failed statement of a section.
type StepError struct {
	// Index is the statement's 0-based position in its section; -1 when
	// unknown.
	Index int
	// Code is the SQLSTATE ("" when unknown).
	Code string
	Err  error
}

// Error is the underlying error's text.
func (e *StepError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *StepError) Unwrap() error { return e.Err }

// Report is the outcome of Run.
type Report struct {
	// Problems are rows that did not survive; empty means the case passes.
	Problems []Problem
	// Notes say what happened on the way: fill counts, a refusal of the
	// hostile rows, and so on.
	Notes []string
	// Tables is the number of tables filled (0: the old schema stores no
	// rows, and the case checks nothing).
	Tables int
	// Refused is set when the change refused even compatible rows with a
	// hazard saying it might: the rows were kept (checked), the rest of
	// the run skipped.
	Refused string
}

// Run fills the database with hostile rows, upgrades, compares, downgrades
// and compares again; see the package documentation for the rules. When
// the upgrade refuses the hostile rows (and a hazard warned that it
// might), the rows are checked untouched, replaced by compatible rows and
// the upgrade tried again. The error is for harness failures (a fill that
// breaks, a snapshot that cannot be read); what the change does to the
// rows is in the report.
func Run(ctx context.Context, db DB, c Case, m Migrator) (*Report, error) {
	rep := &Report{}
	up, err := Analyze(c.Upgrade, c.Old)
	if err != nil {
		return nil, err
	}
	down, err := Analyze(c.Downgrade, c.New)
	if err != nil {
		return nil, err
	}
	for _, u := range up.Unmapped {
		rep.Notes = append(rep.Notes, "data-loss hazard on an object the harness cannot name: "+u)
	}
	facts, err := Facts(ctx, db)
	if err != nil {
		return nil, err
	}
	opts := Options{Seed: SeedFor(c.Name), Rows: c.Rows, Facts: facts}
	before, after := ReadSpecs(c.Old, c.New, up.Mapping)

	plan := NewPlan(c.Old, opts)
	rep.Tables = len(plan.Tables)
	s0, err := fillAndTake(ctx, db, plan, before, c.Schemas, "hostile", rep)
	if err != nil {
		return nil, err
	}
	if uerr := m.Upgrade(ctx); uerr != nil {
		ok, err := refusal(ctx, db, c, c.Upgrade, uerr, "upgrade", s0, before, false, rep)
		if err != nil || !ok {
			return rep, err
		}
		rep.Notes = append(rep.Notes, "upgrade refused the hostile rows: "+oneLine(uerr))
		if err := Truncate(ctx, db, plan); err != nil {
			return nil, err
		}
		opts.Target, opts.Mapping = c.New, up.Mapping
		if s0, err = fillAndTake(ctx, db, NewPlan(c.Old, opts), before, c.Schemas, "compatible", rep); err != nil {
			return nil, err
		}
		if uerr := m.Upgrade(ctx); uerr != nil {
			ok, err := refusal(ctx, db, c, c.Upgrade, uerr, "upgrade", s0, before, true, rep)
			if err == nil && ok {
				rep.Refused = "upgrade refused compatible rows (warned): " + oneLine(uerr)
			}
			return rep, err
		}
	}
	s1, err := Take(ctx, db, after, c.Schemas)
	if err != nil {
		return nil, err
	}
	rep.Problems = append(rep.Problems, Compare(Comparison{Phase: "upgrade", Before: s0, After: s1,
		Mapping: up.Mapping, Covered: up.Covered, Old: c.Old})...)
	if c.NoDowngrade {
		return rep, nil
	}
	// A refused downgrade must leave the upgraded rows as they are: read
	// them as the new schema holds them (not cast back to the old types,
	// which a covered conversion may have made impossible).
	mid, _ := ReadSpecs(c.New, nil, Mapping{})
	s1m, err := Take(ctx, db, mid, c.Schemas)
	if err != nil {
		return nil, err
	}
	if derr := m.Downgrade(ctx); derr != nil {
		s1b, err := Take(ctx, db, mid, c.Schemas)
		if err != nil {
			return nil, err
		}
		ok, err := refusal(ctx, db, c, c.Downgrade, derr, "downgrade", s1, nil, true, rep)
		if err == nil && ok {
			rep.Problems = append(rep.Problems, Compare(Comparison{Phase: "refused downgrade", Before: s1m, After: s1b, Old: c.New})...)
			rep.Refused = "downgrade refused the rows (warned): " + oneLine(derr)
		}
		return rep, err
	}
	s2, err := Take(ctx, db, before, c.Schemas)
	if err != nil {
		return nil, err
	}
	downCov := up.Covered.union(down.Covered).union(down.Covered.renamed(up.Mapping))
	rep.Problems = append(rep.Problems, Compare(Comparison{Phase: "downgrade", Before: s0, After: s2,
		Covered: downCov, Old: c.Old})...)
	return rep, nil
}

func fillAndTake(ctx context.Context, db DB, p *Plan, reads []TableRead, schemas []string, kind string, rep *Report) (*Snapshot, error) {
	fr, err := Fill(ctx, db, p)
	if err != nil {
		return nil, err
	}
	rep.Notes = append(rep.Notes, kind+" rows: "+fr.String())
	return Take(ctx, db, reads, schemas)
}

// refusal decides whether a failed step refused the rows in an
// acceptable way, leaving them as they were. A strict refusal is the
// database rejecting values (SQLSTATE class 22 or 23) in a statement that
// carries a hazard (the reviewer was told it touches existing rows); with
// strict false (the hostile rows, which the catalog-only run has shown the
// change accepts without them) any failure that keeps the rows is one: an
// extension's input function may report bad input as an internal error.
// Otherwise it records a problem and returns false. With reads nil, the
// untouched check is left to the caller.
func refusal(ctx context.Context, db DB, c Case, section []autogen.Statement, stepErr error, phase string, snap *Snapshot, reads []TableRead, strict bool, rep *Report) (bool, error) {
	idx, code := -1, ""
	var se *StepError
	var pe *pgconn.PgError
	if errors.As(stepErr, &se) {
		idx, code = se.Index, se.Code
	}
	if code == "" && errors.As(stepErr, &pe) {
		code = pe.Code
	}
	problem := func(msg string) {
		rep.Problems = append(rep.Problems, Problem{Phase: phase, Object: "revision", Message: msg})
	}
	if strict && !strings.HasPrefix(code, "22") && !strings.HasPrefix(code, "23") {
		problem("failed with rows in the tables: " + oneLine(stepErr))
		return false, nil
	}
	warned := false
	switch {
	case idx >= 0 && idx < len(section):
		warned = len(section[idx].Hazards) > 0
	default:
		for _, st := range section {
			warned = warned || len(st.Hazards) > 0
		}
	}
	if !warned && strict {
		problem("refused the rows without a hazard saying it might: " + oneLine(stepErr))
		return false, nil
	}
	if reads != nil {
		now, err := Take(ctx, db, reads, c.Schemas)
		if err != nil {
			return false, err
		}
		if ps := Compare(Comparison{Phase: "refused " + phase, Before: snap, After: now, Old: c.Old}); len(ps) > 0 {
			rep.Problems = append(rep.Problems, ps...)
			return false, nil
		}
	}
	return true, nil
}

// renamed is c with every name also given under its new name through m's
// inverse: a downgrade's hazards name objects as the upgrade left them.
func (c Coverage) renamed(m Mapping) Coverage {
	out := newCoverage()
	for old, nw := range m.Tables {
		if c.Tables[nw] {
			out.Tables[old] = true
		}
	}
	for ref := range c.Columns {
		for old, nw := range m.Tables {
			if nw == ref.Table {
				out.Columns[ColumnRef{old, ref.Column}] = true
			}
		}
	}
	for oref, ncol := range m.Columns {
		if c.Columns[ColumnRef{m.Table(oref.Table), ncol}] {
			out.Columns[oref] = true
		}
	}
	for old, nw := range m.Sequences {
		if c.Sequences[nw] {
			out.Sequences[old] = true
		}
	}
	return out
}

func oneLine(err error) string {
	s := strings.Join(strings.Fields(err.Error()), " ")
	if len(s) > 400 {
		s = s[:400] + "…"
	}
	return s
}

// Summary is the report in a few lines, for test logs.
func (r *Report) Summary() string {
	var b strings.Builder
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "  note: %s\n", n)
	}
	if r.Refused != "" {
		fmt.Fprintf(&b, "  refused: %s\n", r.Refused)
	}
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "  %s\n", p)
	}
	return b.String()
}
