package migrate

import (
	"context"

	"github.com/migrate-tool/migrate/revision"
	"github.com/migrate-tool/migrate/runner"
)

// Status is where the database stands.
type Status struct {
	// Heads are the rows of the version table, sorted; none at base.
	Heads []Head
	// Edited are applied revisions whose file changed since they were
	// applied.
	Edited []Edited
	// Missing are revisions below the applied heads that never ran
	// (history inserted or re-parented after its descendants were
	// applied), in topological order.
	Missing []Missing
}

// Head is one row of the version table.
type Head struct {
	ID string
	// Revision is nil when no versions directory has this revision.
	Revision *revision.Revision
	// IsGraphHead is true when no revision follows this one: the database
	// is up to date on that branch.
	IsGraphHead bool
}

// Current reads the version table, checks the applied revisions'
// checksums (both sections) and finds revisions below the applied heads
// that never ran. It takes no lock and writes nothing.
func (m *Migrator) Current(ctx context.Context) (st *Status, err error) {
	g, err := m.textGraph(ctx)
	if err != nil {
		return nil, err
	}
	s, err := m.connect(ctx)
	if err != nil {
		return nil, err
	}
	defer closeSession(ctx, s, &err)
	heads, err := s.Heads(ctx)
	if err != nil {
		return nil, err
	}
	st = &Status{}
	for _, id := range heads {
		h := Head{ID: id}
		if r, ok := g.Revision(id); ok {
			h.Revision = r
			h.IsGraphHead = g.IsHead(id)
		}
		st.Heads = append(st.Heads, h)
	}
	found, err := s.Inspect(ctx, g, heads)
	if err != nil {
		return nil, err
	}
	st.Edited, st.Missing = found.Edited, found.Missing
	return st, nil
}

// Heads returns the rows of the version table, sorted; none at base.
func (m *Migrator) Heads(ctx context.Context) (heads []string, err error) {
	s, err := m.connect(ctx)
	if err != nil {
		return nil, err
	}
	defer closeSession(ctx, s, &err)
	return s.Heads(ctx)
}

// HistoryEntry is one revision of the graph and its state in the database.
type HistoryEntry struct {
	Revision *revision.Revision
	// Current is true for a row of the version table.
	Current bool
	// Applied is true for a current revision and its ancestors, except
	// Missing ones.
	Applied bool
	// Missing is true for an ancestor of a current revision that never ran
	// (see Status.Missing).
	Missing bool
}

// History returns every revision in topological order (bases first) with
// whether it is current and applied in the database.
func (m *Migrator) History(ctx context.Context) (out []HistoryEntry, err error) {
	g, err := m.graphContext(ctx, &m.headers, revision.LoadHeaders)
	if err != nil {
		return nil, err
	}
	s, err := m.connect(ctx)
	if err != nil {
		return nil, err
	}
	defer closeSession(ctx, s, &err)
	heads, err := s.Heads(ctx)
	if err != nil {
		return nil, err
	}
	current := make(map[string]bool, len(heads))
	for _, h := range heads {
		current[h] = true
	}
	found, err := s.Inspect(ctx, g, heads)
	if err != nil {
		return nil, err
	}
	missing := make(map[string]bool, len(found.Missing))
	for _, ms := range found.Missing {
		missing[ms.ID] = true
	}
	applied, err := g.Applied(runner.KnownRows(g, heads))
	if err != nil {
		return nil, err
	}
	isApplied := make(map[string]bool, len(applied))
	for _, r := range applied {
		isApplied[r.ID] = !missing[r.ID]
	}
	for _, r := range g.Revisions() {
		out = append(out, HistoryEntry{Revision: r, Current: current[r.ID], Applied: isApplied[r.ID], Missing: missing[r.ID]})
	}
	return out, nil
}

// AuditRow is one row of the audit table.
type AuditRow = runner.HistoryRow

// Audit returns the audit table, oldest first.
func (m *Migrator) Audit(ctx context.Context) (rows []AuditRow, err error) {
	s, err := m.connect(ctx)
	if err != nil {
		return nil, err
	}
	defer closeSession(ctx, s, &err)
	return s.AuditRows(ctx)
}
