package migrate

import (
	"context"
	"errors"
	"fmt"

	"github.com/migrate-tool/migrate/revision"
	"github.com/migrate-tool/migrate/runner"
)

// Result describes a run.
type Result struct {
	// Plan is what ran (or, offline, what the script does); no steps when
	// the database was already at the target.
	Plan *revision.Plan
}

// Upgrade applies revisions up to target: "head", "heads", a revision id or
// prefix, "label@head", "+N", "REV+N". It takes the migration lock for the
// whole run, creates the version and audit tables on first use, refuses to
// run when applied revisions were edited (unless AllowEdited: *EditedError)
// or when revisions below the applied heads never ran (unless ApplyMissing:
// *MissingError), and stops at the first failing statement with a
// *RunError saying where the database was left. Every revision starts from
// the same session state, whatever an earlier one SET. With RunOptions.SQL
// it writes the script instead.
func (m *Migrator) Upgrade(ctx context.Context, target string, o RunOptions) (*Result, error) {
	return m.run(ctx, revision.Up, target, o)
}

// Downgrade reverts revisions down to target: "base", "-N", a revision,
// "REV-N", "label@..." Other behaviour is as in Upgrade.
func (m *Migrator) Downgrade(ctx context.Context, target string, o RunOptions) (*Result, error) {
	return m.run(ctx, revision.Down, target, o)
}

func (m *Migrator) run(ctx context.Context, dir revision.Direction, target string, o RunOptions) (res *Result, err error) {
	g, err := m.graphContext(ctx, &m.full, revision.Load)
	if err != nil {
		return nil, err
	}
	plan := func(current []string) (*revision.Plan, error) {
		if dir == revision.Down {
			return g.DowngradePlan(current, target)
		}
		return g.UpgradePlan(current, target)
	}
	if o.From != "" {
		if o.SQL == nil {
			return nil, errors.New("a start revision (FROM:TO) is only for offline scripts (--sql)")
		}
		from, err := resolveIDs(g, o.From)
		if err != nil {
			return nil, err
		}
		p, err := plan(from)
		if err != nil {
			return nil, err
		}
		if dir == revision.Up && len(p.Steps) == 0 {
			// Online, upgrading to an applied revision is a no-op; an
			// explicit range that goes down is a mistake worth saying.
			if down, err := g.DowngradePlan(from, target); err == nil && len(down.Steps) > 0 {
				return nil, fmt.Errorf("upgrade %s:%s goes down (%s is below %s), so the script would be empty: for a downgrade script use migrate downgrade --sql %s:%s",
					o.From, target, target, o.From, o.From, target)
			}
		}
		return &Result{Plan: p}, runner.WriteScript(o.SQL, p, m.scriptOptions(o.Transaction))
	}

	s, err := m.connect(ctx)
	if err != nil {
		return nil, err
	}
	defer closeSession(ctx, s, &err)
	if o.SQL == nil {
		if err := s.Lock(ctx); err != nil {
			return nil, err
		}
		if err := s.EnsureTables(ctx); err != nil {
			return nil, err
		}
	}
	// Read under the lock: a deployer that waited sees what the previous
	// one applied and finds nothing left to do.
	heads, err := s.Heads(ctx)
	if err != nil {
		return nil, err
	}
	found, err := s.Inspect(ctx, g, heads)
	if err != nil {
		return nil, err
	}
	if len(found.Edited) > 0 && !o.AllowEdited {
		return nil, &runner.EditedError{Revisions: found.Edited}
	}
	p, err := plan(heads)
	if err != nil {
		return nil, err
	}
	if p, err = withMissing(g, p, found.Missing, o.ApplyMissing); err != nil {
		return nil, err
	}
	if o.SQL != nil {
		return &Result{Plan: p}, runner.WriteScript(o.SQL, p, m.scriptOptions(o.Transaction))
	}
	if err := s.Run(ctx, p, o.Transaction); err != nil {
		return &Result{Plan: p}, err
	}
	return &Result{Plan: p}, s.Unlock(ctx)
}

// withMissing deals with revisions below the applied heads that never ran.
// An upgrade refuses unless told to apply them, then runs them first (their
// steps move no version-table row: the heads already stand for them). A
// downgrade refuses only when its plan would revert one of them.
func withMissing(g *revision.Graph, p *revision.Plan, missing []runner.Missing, apply bool) (*revision.Plan, error) {
	if len(missing) == 0 {
		return p, nil
	}
	if p.Direction == revision.Down {
		var inPlan []runner.Missing
		for _, st := range p.Steps {
			for _, ms := range missing {
				if ms.ID == st.Revision.ID {
					inPlan = append(inPlan, ms)
				}
			}
		}
		if len(inPlan) > 0 {
			return nil, &runner.MissingError{Direction: revision.Down, Revisions: inPlan}
		}
		return p, nil
	}
	if !apply {
		return nil, &runner.MissingError{Direction: revision.Up, Revisions: missing}
	}
	out := *p
	out.Steps = nil
	for _, ms := range missing {
		r, _ := g.Revision(ms.ID)
		out.Steps = append(out.Steps, revision.Step{Revision: r, Direction: revision.Up})
	}
	out.Steps = append(out.Steps, p.Steps...)
	return &out, nil
}

// Stamp sets the version table to what it would hold after applying (or
// reverting to) revs, without running any revision SQL: Alembic's stamp.
// With Purge the table is emptied first. It returns the new rows.
func (m *Migrator) Stamp(ctx context.Context, revs []string, o StampOptions) (to []string, err error) {
	if len(revs) == 0 {
		return nil, errors.New("stamp: no revision given (use base to empty the version table)")
	}
	g, err := m.graphContext(ctx, &m.full, revision.Load)
	if err != nil {
		return nil, err
	}
	if o.From != "" {
		if o.SQL == nil {
			return nil, errors.New("a start revision (FROM:TO) is only for offline scripts (--sql)")
		}
		from, err := resolveIDs(g, o.From)
		if err != nil {
			return nil, err
		}
		to, err := stampHeads(g, from, revs, o.Purge)
		if err != nil {
			return nil, err
		}
		return to, runner.WriteStampScript(o.SQL, g, from, to, m.scriptOptions(runner.PerRevision))
	}
	s, err := m.connect(ctx)
	if err != nil {
		return nil, err
	}
	defer closeSession(ctx, s, &err)
	if o.SQL == nil {
		if err := s.Lock(ctx); err != nil {
			return nil, err
		}
		if err := s.EnsureTables(ctx); err != nil {
			return nil, err
		}
	}
	heads, err := s.Heads(ctx)
	if err != nil {
		return nil, err
	}
	to, err = stampHeads(g, heads, revs, o.Purge)
	if err != nil {
		return nil, err
	}
	if o.SQL != nil {
		return to, runner.WriteStampScript(o.SQL, g, heads, to, m.scriptOptions(runner.PerRevision))
	}
	if err := s.Stamp(ctx, g, heads, to); err != nil {
		return nil, err
	}
	return to, s.Unlock(ctx)
}

// stampHeads computes the rows after a stamp. A purge does not look at the
// current rows, so it works even when they name revisions no versions
// directory has, which is what purge is for.
func stampHeads(g *revision.Graph, current, revs []string, purge bool) ([]string, error) {
	if purge {
		current = nil
	}
	return g.StampHeads(current, revs, purge)
}

func (m *Migrator) scriptOptions(mode TxMode) runner.ScriptOptions {
	return runner.ScriptOptions{
		Tables:           m.tables,
		Mode:             mode,
		LockTimeout:      m.opts.LockTimeout,
		StatementTimeout: m.opts.StatementTimeout,
		ToolVersion:      m.opts.ToolVersion,
	}
}

// resolveIDs resolves the start of an offline script: "base" is the empty
// version table, anything else what Graph.Resolve says.
func resolveIDs(g *revision.Graph, spec string) ([]string, error) {
	revs, err := g.Resolve(spec)
	if err != nil {
		return nil, fmt.Errorf("start of the script: %w", err)
	}
	ids := make([]string, len(revs))
	for i, r := range revs {
		ids[i] = r.ID
	}
	return ids, nil
}
