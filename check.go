package migrate

import (
	"context"
	"errors"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/schema"
)

// CheckResult is what Check found. The database is in sync with the
// declared target when Clean reports true.
type CheckResult struct {
	// Current are the version-table rows; Heads are the revision graph's
	// heads.
	Current, Heads []string
	// Pending is set when the database is not at the heads: revisions are
	// waiting to be applied, and the schema was not compared.
	Pending bool
	// Edited are applied revisions whose file changed since they were
	// applied.
	Edited []Edited
	// Missing are revisions below the applied heads that never ran.
	Missing []Missing
	// Plan takes the live schema to the target; empty when they agree, nil
	// when Pending or Missing (the schema was not compared).
	Plan *autogen.Plan
	// NotManaged is what the declaration holds that the comparison cannot
	// see (schema.NotManaged); it is reported, and does not make the
	// result unclean. nil when Pending.
	NotManaged []schema.NotManaged
}

// Clean reports whether there is nothing to report: the database is at the
// heads, no applied revision was edited or is missing, and the live schema
// matches the declared target.
func (r *CheckResult) Clean() bool {
	return !r.Pending && len(r.Edited) == 0 && len(r.Missing) == 0 && r.Plan != nil && r.Plan.Empty()
}

// Check compares the live database with the declared target, for CI: it
// reports pending revisions, applied revisions edited since, revisions
// below the applied heads that never ran, and the
// schema changes a new revision would need. It writes nothing and takes no
// lock. The live side costs a constant number of catalog queries, whatever
// the size of the schema.
func (m *Migrator) Check(ctx context.Context, o CompareOptions) (*CheckResult, error) {
	// A broken revision graph is reported before anything connects.
	if _, err := m.textGraph(ctx); err != nil {
		return nil, err
	}
	// The comparison starts while the version table is read; a database
	// with pending or missing revisions is the rare case, and it only
	// stops the comparison.
	type checked struct {
		plan       *autogen.Plan
		notManaged []schema.NotManaged
	}
	quick := inBackground(ctx, func(ctx context.Context) (checked, error) {
		plan, nm, err := m.quickCheck(ctx, o)
		return checked{plan, nm}, err
	})
	defer quick.stop()
	st, err := m.Current(ctx)
	if err != nil {
		return nil, err
	}
	res := &CheckResult{Edited: st.Edited, Missing: st.Missing}
	for _, h := range st.Heads {
		res.Current = append(res.Current, h.ID)
	}
	g, err := m.headerGraph()
	if err != nil {
		return nil, err
	}
	// A row no versions directory has (its file was deleted) is an error,
	// as for upgrade, not pending work: upgrading cannot fix it.
	if _, err := g.Applied(res.Current); err != nil {
		return nil, err
	}
	if len(res.Missing) > 0 {
		// The live schema lacks what the missing revisions do: comparing
		// it would only restate them as changes.
		for _, h := range g.Heads() {
			res.Heads = append(res.Heads, h.ID)
		}
		return res, nil
	}
	if _, err := m.checkHeads(res.Current, o); err != nil {
		var nh *NotAtHeadError
		if !errors.As(err, &nh) {
			return nil, err
		}
		res.Pending, res.Heads = true, nh.Heads
		return res, nil
	}
	for _, h := range g.Heads() {
		res.Heads = append(res.Heads, h.ID)
	}
	c, err := quick.wait()
	if err != nil {
		return nil, err
	}
	res.Plan, res.NotManaged = c.plan, c.notManaged
	return res, nil
}
