package runner

import (
	"context"
	"strings"
	"time"

	"github.com/migrate-tool/migrate/revision"
)

// The version table holds heads only (Alembic's semantics); the audit table
// says which revisions actually ran. Together they expose two kinds of
// drift between the files and the database: an applied revision whose file
// was edited since, and a revision that the heads imply is applied but that
// never ran (history inserted or re-parented below the applied heads).

// Findings are what the audit table reveals about the revisions the version
// table's rows stand for.
type Findings struct {
	// Edited are applied revisions whose file changed since they ran.
	Edited []Edited
	// Missing are revisions in the ancestry of the rows that never ran,
	// in topological order.
	Missing []Missing
}

// Missing is a revision the version table's rows imply is applied but that
// the audit table says never ran, or was reverted and not applied again.
type Missing struct {
	ID   string
	Path string
	// Reverted is the latest audit row when it undid the revision
	// (downgrade or unstamp); nil when the revision never ran.
	Reverted *Record
}

// Reason says, in words, why the revision counts as missing.
func (m Missing) Reason() string {
	if m.Reverted != nil {
		return m.Reverted.Direction + " on " + m.Reverted.AppliedAt.UTC().Format(time.RFC3339) + " and never applied again"
	}
	return "never ran"
}

// Inspect reads the audit rows of the revisions the version-table rows
// heads stand for and judges them (see Judge). Rows the graph does not know
// are the caller's to report.
func (s *Session) Inspect(ctx context.Context, g *revision.Graph, heads []string) (Findings, error) {
	applied, err := g.Applied(KnownRows(g, heads))
	if err != nil {
		return Findings{}, err
	}
	ids := make([]string, len(applied))
	for i, r := range applied {
		ids[i] = r.ID
	}
	recs, err := s.Records(ctx, ids)
	if err != nil {
		return Findings{}, err
	}
	return Judge(g, heads, recs), nil
}

// Judge compares the revisions the version-table rows heads imply are
// applied with their latest audit rows recs.
//
// An applied revision is edited when a section's checksum differs from the
// one recorded (rows written before both sections were recorded hold the
// upgrade section's only, and only it is judged).
//
// A revision is missing when its latest row does not apply it (none, or a
// downgrade or unstamp) while a descendant is applied. Two cases are not
// judged, for want of evidence: a database whose audit table knows none of
// the applied revisions (tables kept by another tool), and revisions below
// a stamp written before stamps recorded every revision they cover (such a
// stamp recorded only the revision named, vouching for its ancestors).
func Judge(g *revision.Graph, heads []string, recs map[string]Record) Findings {
	var f Findings
	applied, err := g.Applied(KnownRows(g, heads))
	if err != nil || len(applied) == 0 {
		return f
	}
	tracked := false
	for _, r := range applied {
		if _, ok := recs[r.ID]; ok {
			tracked = true
			break
		}
	}
	if !tracked {
		return f
	}
	inSet := make(map[string]bool, len(applied))
	for _, r := range applied {
		inSet[r.ID] = true
	}
	// vouch[id] is the latest old-style stamp row among id's applied
	// descendants: it covers id unless id has a later row of its own.
	vouch := make(map[string]int64, len(applied))
	for i := len(applied) - 1; i >= 0; i-- {
		r := applied[i]
		var v int64
		for _, c := range append(g.Children(r.ID), g.Dependents(r.ID)...) {
			if !inSet[c.ID] {
				continue
			}
			v = max(v, vouch[c.ID])
			if rec, ok := recs[c.ID]; ok && rec.Direction == auditStamp && !bothSections(rec.Checksum) {
				v = max(v, rec.RowID)
			}
		}
		vouch[r.ID] = v
	}
	for _, r := range applied {
		rec, ok := recs[r.ID]
		if ok && rec.Applies() {
			if e, edited := editedRevision(r, rec); edited {
				f.Edited = append(f.Edited, e)
			}
			continue
		}
		if vouch[r.ID] > rec.RowID { // rec.RowID is 0 without a row
			continue
		}
		m := Missing{ID: r.ID, Path: r.File()}
		if ok {
			m.Reverted = &rec
		}
		f.Missing = append(f.Missing, m)
	}
	return f
}

// KnownRows drops the version-table rows the graph does not know (they are
// reported on their own: no versions directory has them).
func KnownRows(g *revision.Graph, heads []string) []string {
	var known []string
	for _, h := range heads {
		if _, ok := g.Revision(h); ok {
			known = append(known, h)
		}
	}
	return known
}

// bothSections reports whether a recorded checksum covers both sections
// (Revision.Checksum) rather than the upgrade section alone.
func bothSections(sum string) bool {
	return strings.HasPrefix(sum, revision.ChecksumUpgradePrefix)
}

// editedRevision compares r's file with the checksum recorded when it was
// applied. Revisions without a recorded checksum (applied by another tool)
// and revisions read without sections are not judged.
func editedRevision(r *revision.Revision, rec Record) (Edited, bool) {
	if rec.Checksum == "" || r.Upgrade == nil {
		return Edited{}, false
	}
	e := Edited{ID: r.ID, Path: r.File(), AppliedChecksum: rec.Checksum, AppliedAt: rec.AppliedAt}
	if !bothSections(rec.Checksum) {
		e.FileChecksum = r.Upgrade.Checksum()
		if e.FileChecksum != rec.Checksum {
			e.Sections = []string{"upgrade"}
		}
		return e, len(e.Sections) > 0
	}
	if r.Downgrade == nil {
		return Edited{}, false
	}
	e.FileChecksum = r.Checksum()
	up, down, _ := strings.Cut(strings.TrimPrefix(rec.Checksum, revision.ChecksumUpgradePrefix), " "+revision.ChecksumDowngradePrefix)
	if up != r.Upgrade.Checksum() {
		e.Sections = append(e.Sections, "upgrade")
	}
	if down != r.Downgrade.Checksum() {
		e.Sections = append(e.Sections, "downgrade")
	}
	return e, len(e.Sections) > 0
}
