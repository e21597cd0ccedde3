package migrate

import (
	"slices"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/schema"
)

// TestSplitConcurrent: which revisions a --concurrent-indexes plan is
// written as, and what each holds. (The CLI test runs them on a database
// with rows; this one covers the shapes.)
func TestSplitConcurrent(t *testing.T) {
	users := func(cols []string, idx ...schema.Index) schema.Table {
		t := schema.Table{QName: schema.QName{Schema: "public", Name: "users"}}
		for _, c := range cols {
			t.Columns = append(t.Columns, schema.Column{Name: c, Type: "text"})
		}
		t.Indexes = idx
		return t
	}
	index := func(name, col string, unique bool) schema.Index {
		def := "CREATE INDEX " + name + " ON public.users USING btree (" + col + ")"
		if unique {
			def = "CREATE UNIQUE INDEX " + name + " ON public.users USING btree (" + col + ")"
		}
		return schema.Index{Name: name, Definition: def, Unique: unique, Method: "btree", Keys: []string{col}}
	}
	orders := schema.Table{
		QName:   schema.QName{Schema: "public", Name: "orders"},
		Columns: []schema.Column{{Name: "email", Type: "text"}},
		Constraints: []schema.Constraint{{Name: "orders_email_fkey", Type: schema.ForeignKey,
			Definition: "FOREIGN KEY (email) REFERENCES public.users(email)", Columns: []string{"email"},
			RefTable: &schema.QName{Schema: "public", Name: "users"}, RefColumns: []string{"email"}}},
	}
	tests := []struct {
		name     string
		from, to []schema.Table
		// roles of the parts, and for each the SQL each direction holds
		// (statements joined by "; ").
		roles []string
		up    []string
		down  []string
		whole bool
	}{
		{
			name:  "column and its index",
			from:  []schema.Table{users([]string{"id"})},
			to:    []schema.Table{users([]string{"id", "email"}, index("users_email_idx", "email", false))},
			roles: []string{"main", "build-indexes"},
			up: []string{
				"ALTER TABLE public.users ADD COLUMN email text",
				"CREATE INDEX CONCURRENTLY users_email_idx ON public.users USING btree (email)",
			},
			down: []string{
				"ALTER TABLE public.users DROP COLUMN email",
				"DROP INDEX CONCURRENTLY public.users_email_idx",
			},
		},
		{
			name:  "column dropped with its index",
			from:  []schema.Table{users([]string{"id", "email"}, index("users_email_idx", "email", false))},
			to:    []schema.Table{users([]string{"id"})},
			roles: []string{"drop-indexes", "main"},
			up: []string{
				"DROP INDEX CONCURRENTLY public.users_email_idx",
				"ALTER TABLE public.users DROP COLUMN email",
			},
			down: []string{
				"CREATE INDEX CONCURRENTLY users_email_idx ON public.users USING btree (email)",
				"ALTER TABLE public.users ADD COLUMN email text",
			},
		},
		{
			name:  "only an index",
			from:  []schema.Table{users([]string{"id", "email"})},
			to:    []schema.Table{users([]string{"id", "email"}, index("users_email_idx", "email", false))},
			roles: []string{"main"},
			up:    []string{"CREATE INDEX CONCURRENTLY users_email_idx ON public.users USING btree (email)"},
			down:  []string{"DROP INDEX CONCURRENTLY public.users_email_idx"},
		},
		{
			name:  "a foreign key needs the unique index",
			from:  []schema.Table{users([]string{"id", "email"})},
			to:    []schema.Table{orders, users([]string{"id", "email"}, index("users_email_key", "email", true))},
			roles: []string{"main"},
			whole: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := autogen.Diff(&schema.Schema{Tables: tt.from}, &schema.Schema{Tables: tt.to}, autogen.Options{ConcurrentIndexes: true})
			if err != nil {
				t.Fatal(err)
			}
			parts, why := splitConcurrent(p)
			var roles []string
			for _, pt := range parts {
				roles = append(roles, pt.Role)
			}
			if !slices.Equal(roles, tt.roles) {
				t.Fatalf("parts %v, want %v", roles, tt.roles)
			}
			if (why != "") != tt.whole {
				t.Errorf("reason to stay whole %q, want one: %v", why, tt.whole)
			}
			if tt.whole {
				return
			}
			for i, pt := range parts {
				if got := sqlOf(pt.Plan.Upgrade()); got != tt.up[i] {
					t.Errorf("part %d upgrade:\n got %s\nwant %s", i, got, tt.up[i])
				}
				if got := sqlOf(pt.Plan.Downgrade()); got != tt.down[i] {
					t.Errorf("part %d downgrade:\n got %s\nwant %s", i, got, tt.down[i])
				}
				conc := strings.Contains(tt.up[i], "CONCURRENTLY")
				if pt.Transactional() == conc {
					t.Errorf("part %d: transactional = %v with CONCURRENTLY = %v", i, pt.Transactional(), conc)
				}
			}
		})
	}
}

func sqlOf(stmts []autogen.Statement) string {
	var out []string
	for _, s := range stmts {
		out = append(out, s.SQL)
	}
	return strings.Join(out, "; ")
}
