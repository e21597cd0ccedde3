package runner

import (
	"context"

	"github.com/migrate-tool/migrate/revision"
)

// EditedRevisions compares the upgrade section of each applied revision
// with the checksum recorded when it was applied. Revisions without a
// recorded checksum (applied before the audit table existed, or by another
// tool) and revisions loaded without sections are not judged.
func EditedRevisions(applied []*revision.Revision, recorded map[string]Record) []Edited {
	var out []Edited
	for _, r := range applied {
		rec, ok := recorded[r.ID]
		if !ok || rec.Checksum == "" || r.Upgrade == nil {
			continue
		}
		if sum := r.Upgrade.Checksum(); sum != rec.Checksum {
			out = append(out, Edited{ID: r.ID, Path: r.File(), AppliedChecksum: rec.Checksum, FileChecksum: sum, AppliedAt: rec.AppliedAt})
		}
	}
	return out
}

// Edited loads the audit records of the revisions the heads stand for and
// returns those whose file changed since.
func (s *Session) Edited(ctx context.Context, g *revision.Graph, heads []string) ([]Edited, error) {
	// Rows the graph does not know are reported by the caller, not here.
	var known []string
	for _, h := range heads {
		if _, ok := g.Revision(h); ok {
			known = append(known, h)
		}
	}
	applied, err := g.Applied(known)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(applied))
	for i, r := range applied {
		ids[i] = r.ID
	}
	rec, err := s.Applied(ctx, ids)
	if err != nil {
		return nil, err
	}
	return EditedRevisions(applied, rec), nil
}
