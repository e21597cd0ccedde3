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

// Current reads the version table and checks the applied revisions'
// checksums. It takes no lock and writes nothing.
func (m *Migrator) Current(ctx context.Context) (st *Status, err error) {
	g, err := m.textGraph()
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
	if st.Edited, err = s.Edited(ctx, g, heads); err != nil {
		return nil, err
	}
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
	// Applied is true for a current revision and all its ancestors.
	Applied bool
}

// History returns every revision in topological order (bases first) with
// whether it is current and applied in the database.
func (m *Migrator) History(ctx context.Context) ([]HistoryEntry, error) {
	g, err := m.headerGraph()
	if err != nil {
		return nil, err
	}
	heads, err := m.Heads(ctx)
	if err != nil {
		return nil, err
	}
	current := make(map[string]bool, len(heads))
	var known []string
	for _, h := range heads {
		current[h] = true
		if _, ok := g.Revision(h); ok {
			known = append(known, h)
		}
	}
	applied, err := g.Applied(known)
	if err != nil {
		return nil, err
	}
	isApplied := make(map[string]bool, len(applied))
	for _, r := range applied {
		isApplied[r.ID] = true
	}
	var out []HistoryEntry
	for _, r := range g.Revisions() {
		out = append(out, HistoryEntry{Revision: r, Current: current[r.ID], Applied: isApplied[r.ID]})
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
