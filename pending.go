package migrate

import (
	"context"

	"github.com/migrate-tool/migrate/revision"
)

// Pending returns the revisions the database has not applied (those that
// are neither a row of the version table nor an ancestor of one), in the
// order an upgrade to the heads applies them, with their sections' text
// read but not split into statements: what `migrate lint --pending` and
// `check` (with [lint] in_check) judge before they run. It takes no lock
// and writes nothing.
func (m *Migrator) Pending(ctx context.Context) ([]*revision.Revision, error) {
	g, err := m.textGraph(ctx)
	if err != nil {
		return nil, err
	}
	heads, err := m.Heads(ctx)
	if err != nil {
		return nil, err
	}
	applied, err := g.Applied(heads)
	if err != nil {
		return nil, err
	}
	done := make(map[string]bool, len(applied))
	for _, r := range applied {
		done[r.ID] = true
	}
	var out []*revision.Revision
	for _, r := range g.Revisions() {
		if !done[r.ID] {
			out = append(out, r)
		}
	}
	return out, nil
}
