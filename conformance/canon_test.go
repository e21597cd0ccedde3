package conformance_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/schema"
)

// canonical turns `migrate inspect --json` output into the text two
// databases are compared by. It keeps everything inspect prints except
// what a migration cannot (or need not) reproduce:
//   - column and composite attribute order: ADD COLUMN appends, so a
//     migrated table and one created from scratch order columns
//     differently;
//   - spellings of the same expression: PostgreSQL does not always print
//     back what it parsed from its own output, so expressions and view
//     queries are compared as normalized parse trees;
//   - whether a child table re-declares a column or constraint it
//     inherits (attislocal, conislocal), which no statement changes.
func canonical(t *testing.T, inspectJSON string) string {
	t.Helper()
	var s schema.Schema
	if err := json.Unmarshal([]byte(inspectJSON), &s); err != nil {
		t.Fatalf("inspect --json output: %v\n%s", err, inspectJSON)
	}
	norm := func(p *string, f func(string, sqlparse.NormalizeOptions) (string, error)) {
		if *p == "" {
			return
		}
		if n, err := f(*p, sqlparse.NormalizeOptions{}); err == nil {
			*p = n
		}
	}
	parents := map[schema.QName]*schema.Table{}
	for i := range s.Tables {
		parents[s.Tables[i].QName] = &s.Tables[i]
	}
	for i := range s.Tables {
		tb := &s.Tables[i]
		slices.SortFunc(tb.Columns, func(a, b schema.Column) int { return strings.Compare(a.Name, b.Name) })
		for j := range tb.Columns {
			c := &tb.Columns[j]
			c.Inherited = false
			norm(&c.Default, sqlparse.NormalizeExpr)
			norm(&c.Generated, sqlparse.NormalizeExpr)
		}
		for j := range tb.Constraints {
			norm(&tb.Constraints[j].Definition, sqlparse.NormalizeConstraint)
		}
		for j := range tb.Indexes {
			norm(&tb.Indexes[j].Definition, sqlparse.NormalizeStatement)
			norm(&tb.Indexes[j].Predicate, sqlparse.NormalizeExpr)
		}
		for j := range tb.Policies {
			norm(&tb.Policies[j].Using, sqlparse.NormalizeExpr)
			norm(&tb.Policies[j].WithCheck, sqlparse.NormalizeExpr)
		}
	}
	for i := range s.Tables {
		tb := &s.Tables[i]
		tb.Constraints = slices.DeleteFunc(tb.Constraints, func(k schema.Constraint) bool {
			for _, pq := range tb.Inherits {
				if p := parents[pq]; p != nil && slices.ContainsFunc(p.Constraints, func(pk schema.Constraint) bool {
					return pk.Name == k.Name && pk.Definition == k.Definition
				}) {
					return true
				}
			}
			return false
		})
	}
	for i := range s.Views {
		// As the differ compares them: PostgreSQL's deparser does not always
		// print back what it parsed from its own output (IN-list casts).
		norm(&s.Views[i].Definition, func(def string, o sqlparse.NormalizeOptions) (string, error) {
			return sqlparse.NormalizeStatement(strings.TrimSuffix(strings.TrimSpace(def), ";"), o)
		})
	}
	for i := range s.Domains {
		d := &s.Domains[i]
		norm(&d.Default, sqlparse.NormalizeExpr)
		for j := range d.Checks {
			norm(&d.Checks[j].Definition, sqlparse.NormalizeConstraint)
		}
	}
	for i := range s.Composites {
		slices.SortFunc(s.Composites[i].Attributes, func(a, b schema.Attribute) int { return strings.Compare(a.Name, b.Name) })
	}
	b, err := json.MarshalIndent(&s, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// firstDiff shows the first differing line of two dumps with some context.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w == g {
			continue
		}
		var sb strings.Builder
		for j := max(0, i-8); j < i; j++ {
			sb.WriteString("  " + wl[j] + "\n")
		}
		sb.WriteString("- " + w + "   (want)\n+ " + g + "   (got)\n")
		return sb.String()
	}
	return ""
}
