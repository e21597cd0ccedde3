package runner

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/migrate-tool/migrate/revision"
)

// TestJudgeMissing: which revisions below the version-table rows count as
// never applied, given their latest audit rows.
func TestJudgeMissing(t *testing.T) {
	// a1 <- b2 <- c3 <- d4, and x9 inserted between b2 and c3 later.
	revs := chain(t, [2]string{"SELECT 1;", ""}, [2]string{"SELECT 2;", ""}, [2]string{"SELECT 3;", ""}, [2]string{"SELECT 4;", ""})
	linear := graph(t, revs...)
	x9 := rev(t, "x9", []string{"r2"}, "SELECT 9;", "", true)
	c3 := rev(t, "r3", []string{"x9"}, "SELECT 3;", "", true)
	inserted := graph(t, revs[0], revs[1], x9, c3, revs[3])

	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	row := func(id int64, dir string, r *revision.Revision) Record {
		return Record{RowID: id, Direction: dir, Checksum: r.Checksum(), AppliedAt: at}
	}
	legacy := func(id int64, dir string, r *revision.Revision) Record {
		return Record{RowID: id, Direction: dir, Checksum: r.Upgrade.Checksum(), AppliedAt: at}
	}
	upgraded := map[string]Record{"r1": row(1, "upgrade", revs[0]), "r2": row(2, "upgrade", revs[1]),
		"r3": row(3, "upgrade", revs[2]), "r4": row(4, "upgrade", revs[3])}
	with := func(base map[string]Record, id string, r Record) map[string]Record {
		out := map[string]Record{}
		for k, v := range base {
			out[k] = v
		}
		out[id] = r
		return out
	}
	for _, tc := range []struct {
		name  string
		g     *revision.Graph
		heads []string
		recs  map[string]Record
		want  string
	}{
		{"all upgraded", linear, []string{"r4"}, upgraded, ""},
		{"inserted below upgraded", inserted, []string{"r4"}, upgraded, "x9 never ran"},
		{"inserted below the rows, not yet reached", inserted, []string{"r2"}, upgraded, ""},
		{"reverted then left below", linear, []string{"r4"}, with(upgraded, "r2", row(9, "downgrade", revs[1])),
			"r2 downgrade on 2026-01-01T00:00:00Z and never applied again"},
		{"audit table knows nothing", inserted, []string{"r4"}, map[string]Record{}, ""},
		{"new-style stamp of every revision", inserted, []string{"r4"},
			map[string]Record{"r1": row(1, "stamp", revs[0]), "r2": row(1, "stamp", revs[1]), "r3": row(1, "stamp", revs[2]), "r4": row(1, "stamp", revs[3])},
			"x9 never ran"},
		{"old-style stamp vouches for its ancestors", inserted, []string{"r4"}, map[string]Record{"r4": legacy(5, "stamp", revs[3])}, ""},
		{"old-style stamp covers a later downgrade only if later", linear, []string{"r4"},
			map[string]Record{"r2": row(7, "downgrade", revs[1]), "r4": legacy(5, "stamp", revs[3])}, "r2 downgrade on 2026-01-01T00:00:00Z and never applied again"},
		{"old-style stamp after a downgrade", linear, []string{"r4"},
			map[string]Record{"r2": row(3, "downgrade", revs[1]), "r4": legacy(5, "stamp", revs[3])}, ""},
		{"unknown row ignored", linear, []string{"r4", "zz"}, upgraded, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, m := range Judge(tc.g, tc.heads, tc.recs).Missing {
				got = append(got, m.ID+" "+m.Reason())
			}
			if strings.Join(got, "; ") != tc.want {
				t.Errorf("missing = %q, want %q", strings.Join(got, "; "), tc.want)
			}
		})
	}
}

// TestJudgeEdited: both sections are judged against rows that recorded
// both; older rows recorded the upgrade section only, which alone is
// judged.
func TestJudgeEdited(t *testing.T) {
	orig := rev(t, "r1", nil, "CREATE TABLE a (id int);", "DROP TABLE a;", true)
	for _, tc := range []struct {
		name     string
		up, down string
		legacy   bool
		want     string
	}{
		{"unchanged", "CREATE TABLE a (id int);", "DROP TABLE a;", false, ""},
		{"whitespace only", "CREATE TABLE a (id int);\n\n", "DROP TABLE a;", false, ""},
		{"upgrade", "CREATE TABLE a (id bigint);", "DROP TABLE a;", false, "upgrade"},
		{"downgrade", "CREATE TABLE a (id int);", "DROP TABLE a;\nDROP TABLE t1;", false, "downgrade"},
		{"both", "CREATE TABLE a (id bigint);", "", false, "upgrade,downgrade"},
		{"old row, downgrade edited", "CREATE TABLE a (id int);", "DROP TABLE t1;", true, ""},
		{"old row, upgrade edited", "CREATE TABLE a (x int);", "DROP TABLE a;", true, "upgrade"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sum := orig.Checksum()
			if tc.legacy {
				sum = orig.Upgrade.Checksum()
			}
			now := rev(t, "r1", nil, tc.up, tc.down, true)
			f := Judge(graph(t, now), []string{"r1"}, map[string]Record{"r1": {RowID: 1, Direction: "upgrade", Checksum: sum}})
			var got []string
			for _, e := range f.Edited {
				got = append(got, strings.Join(e.Sections, ","))
			}
			if fmt.Sprint(strings.Join(got, ";")) != tc.want {
				t.Errorf("edited sections %q, want %q", got, tc.want)
			}
		})
	}
}
