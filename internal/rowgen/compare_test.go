package rowgen

import (
	"slices"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/schema"
)

// TestCompareCoveredKey: when a data-loss hazard covers a key column its
// values may change, so the rows are no longer found by it; the other
// columns are compared as sorted values, which still catch a change.
func TestCompareCoveredKey(t *testing.T) {
	q := schema.QName{Schema: "public", Name: "o"}
	old := &schema.Schema{Tables: []schema.Table{{QName: q,
		Columns:     []schema.Column{{Name: "id", Type: "bigint", NotNull: true}, {Name: "name", Type: "text"}},
		Constraints: []schema.Constraint{{Name: "o_pkey", Type: schema.PrimaryKey, Columns: []string{"id"}}}}}}
	// snap is table o keyed by id holding rows (id, name).
	snap := func(rows ...[2]string) *Snapshot {
		ids := &ColSnap{ByKey: map[string]string{}}
		names := &ColSnap{ByKey: map[string]string{}}
		for _, r := range rows {
			ids.ByKey[r[0]], names.ByKey[r[0]] = r[0], r[1]
			ids.Sorted, names.Sorted = append(ids.Sorted, r[0]), append(names.Sorted, r[1])
			ids.Hash, names.Hash = ids.Hash+r[0]+";", names.Hash+r[0]+"="+r[1]+";"
		}
		slices.Sort(ids.Sorted)
		slices.Sort(names.Sorted)
		return &Snapshot{Tables: map[schema.QName]*TableSnap{q: {Count: len(rows), Keyed: true,
			Cols: map[string]*ColSnap{"id": ids, "name": names}}}}
	}
	covered := newCoverage()
	covered.Columns[ColumnRef{q, "id"}] = true
	before := snap([2]string{"1", "ann"}, [2]string{"2", "bob"})
	tests := []struct {
		name    string
		after   *Snapshot
		covered Coverage
		want    string // "" : no problem
	}{
		{"uncovered key: rows are lost by their key", snap([2]string{"7", "ann"}, [2]string{"8", "bob"}), newCoverage(), "no longer found by their key"},
		{"covered key: the same values pass", snap([2]string{"7", "bob"}, [2]string{"8", "ann"}), covered, ""},
		{"covered key: a changed value is caught", snap([2]string{"7", "ann"}, [2]string{"8", "BOB"}), covered, "values changed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			found := false
			for _, p := range Compare(Comparison{Phase: "upgrade", Before: before, After: tt.after, Covered: tt.covered, Old: old}) {
				got = append(got, p.String())
				found = found || p.Object == "column public.o.name" && strings.Contains(p.Message, tt.want)
			}
			switch {
			case tt.want == "" && len(got) > 0:
				t.Errorf("problems %q, want none", got)
			case tt.want != "" && !found:
				t.Errorf("problems %q, want one on public.o.name mentioning %q", got, tt.want)
			}
		})
	}
}
