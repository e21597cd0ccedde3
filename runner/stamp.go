package runner

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/migrate-tool/migrate/revision"
)

// Stamp replaces the version table rows from with to without running any
// revision SQL, in one transaction, and records a 'stamp' audit row for each
// row added (with the checksum of its upgrade section when loaded, so that a
// stamped revision is checked for edits like an applied one) and an
// 'unstamp' row for each row removed. lookup finds the revisions by id; a
// nil result records no checksum or message. The session must hold the
// lock, the tables must exist and from must be the rows read under the lock.
func (s *Session) Stamp(ctx context.Context, from, to []string, lookup func(id string) *revision.Revision) error {
	if !s.locked {
		return errors.New("runner: Stamp called without the migration lock")
	}
	t := s.cfg.Tables
	del, ins := rowDiff(from, to)
	if len(del) == 0 && len(ins) == 0 {
		s.log.Log(Stamped{From: from, To: to})
		return nil
	}
	b := s.bl.stamp(del, ins, stampAudit(del, ins, lookup))
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

func stampAudit(del, ins []string, lookup func(string) *revision.Revision) []auditEntry {
	var out []auditEntry
	add := func(id, dir string) {
		a := auditEntry{id: id, direction: dir}
		if lookup != nil {
			if r := lookup(id); r != nil {
				a.message = r.Message
				if dir == auditStamp {
					a.checksum = r.Upgrade.Checksum()
				}
			}
		}
		out = append(out, a)
	}
	for _, id := range del {
		add(id, auditUnstamp)
	}
	for _, id := range ins {
		add(id, auditStamp)
	}
	return out
}
