package runner

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/migrate-tool/migrate/revision"
)

// Stamp replaces the version table rows from with to without running any
// revision SQL, in one transaction. The audit table gets a 'stamp' row for
// every revision the stamp marks applied (the rows of to and the ancestors
// they add, each with its checksum, so that stamped revisions are checked
// for edits and missing history like applied ones) and an 'unstamp' row
// for every revision it marks unapplied. g knows the revisions; rows it
// does not know (a purge) get an 'unstamp' row of their own. The session
// must hold the lock, the tables must exist and from must be the rows read
// under the lock.
func (s *Session) Stamp(ctx context.Context, g *revision.Graph, from, to []string) error {
	if !s.locked {
		return errors.New("runner: Stamp called without the migration lock")
	}
	t := s.cfg.Tables
	del, ins := rowDiff(from, to)
	audits := stampAudit(g, from, to)
	if len(del) == 0 && len(ins) == 0 && len(audits) == 0 {
		s.log.Log(Stamped{From: from, To: to})
		return nil
	}
	b := s.bl.stamp(del, ins, audits)
	if _, err := s.send(ctx, b, nil); err != nil {
		s.rollback(ctx)
		return fmt.Errorf("stamp %s: %w", t.VersionName(), err)
	}
	s.log.Log(Stamped{From: from, To: to})
	return nil
}

// rowDiff returns the rows of from missing in to, and of to missing in from.
func rowDiff(from, to []string) (del, ins []string) {
	for _, f := range from {
		if !slices.Contains(to, f) {
			del = append(del, f)
		}
	}
	for _, x := range to {
		if !slices.Contains(from, x) {
			ins = append(ins, x)
		}
	}
	return del, ins
}

type auditEntry struct {
	id, direction, checksum, message string
}

// stampAudit returns the audit rows of a stamp from rows from to rows to:
// 'unstamp' for the revisions no longer applied (latest first), then
// 'stamp' for the revisions newly applied (in topological order).
func stampAudit(g *revision.Graph, from, to []string) []auditEntry {
	before, after := appliedSet(g, from), appliedSet(g, to)
	var out []auditEntry
	for _, id := range from {
		if _, known := g.Revision(id); !known && !slices.Contains(to, id) {
			out = append(out, auditEntry{id: id, direction: auditUnstamp})
		}
	}
	revs := g.Revisions()
	for i := len(revs) - 1; i >= 0; i-- {
		if r := revs[i]; before[r.ID] && !after[r.ID] {
			out = append(out, auditEntry{id: r.ID, direction: auditUnstamp, message: r.Message})
		}
	}
	for _, r := range revs {
		if after[r.ID] && !before[r.ID] {
			out = append(out, auditEntry{id: r.ID, direction: auditStamp, checksum: r.Checksum(), message: r.Message})
		}
	}
	return out
}

// appliedSet is the set of revisions the known rows of heads imply are
// applied.
func appliedSet(g *revision.Graph, heads []string) map[string]bool {
	applied, _ := g.Applied(KnownRows(g, heads))
	set := make(map[string]bool, len(applied))
	for _, r := range applied {
		set[r.ID] = true
	}
	return set
}
