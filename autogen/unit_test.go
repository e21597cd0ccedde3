package autogen_test

import (
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/schema"
)

// These tests need no database: they check rendering decisions on small
// hand-built schemas. The corpus (TestCorpus) checks behaviour on
// PostgreSQL.

func users(cols ...schema.Column) schema.Table {
	return schema.Table{
		QName:   schema.QName{Schema: "public", Name: "users"},
		Columns: append([]schema.Column{{Name: "id", Type: "bigint", NotNull: true}}, cols...),
		Constraints: []schema.Constraint{{Name: "users_pkey", Type: schema.PrimaryKey,
			Definition: "PRIMARY KEY (id)", Columns: []string{"id"}}},
	}
}

func sqlOf(stmts []autogen.Statement) string {
	var parts []string
	for _, s := range stmts {
		parts = append(parts, s.SQL)
	}
	return strings.Join(parts, ";\n")
}

func TestDiffEmpty(t *testing.T) {
	p, err := autogen.Diff(nil, nil, autogen.Options{})
	if err != nil || !p.Empty() || len(p.Upgrade()) != 0 || len(p.Downgrade()) != 0 {
		t.Fatalf("nil vs nil: %v %v", p, err)
	}
	s := &schema.Schema{Tables: []schema.Table{users()}}
	if p, _ := autogen.Diff(s, s, autogen.Options{}); !p.Empty() {
		t.Errorf("same schema: %v", p.Summary())
	}
}

func TestParseRename(t *testing.T) {
	if r, err := autogen.ParseRename(" users.name = users.full_name "); err != nil || r.From != "users.name" || r.To != "users.full_name" {
		t.Errorf("got %+v, %v", r, err)
	}
	for _, bad := range []string{"", "a", "=b", "a="} {
		if _, err := autogen.ParseRename(bad); err == nil {
			t.Errorf("ParseRename(%q): no error", bad)
		}
	}
}

func TestRenameErrors(t *testing.T) {
	cur := &schema.Schema{Tables: []schema.Table{users(schema.Column{Name: "name", Type: "text"})}}
	tgt := &schema.Schema{Tables: []schema.Table{users(schema.Column{Name: "full_name", Type: "text"})}}
	tests := []struct{ rename, want string }{
		{"users.nope=users.full_name", "not in the current schema"},
		{"users.name=users.other", "not in the target schema"},
		{"users.name=people.full_name", "stays in one table"},
		{"ghosts=people", "neither a table"},
		{"users=people", "not in the target schema"},
	}
	for _, tt := range tests {
		r, _ := autogen.ParseRename(tt.rename)
		_, err := autogen.Diff(cur, tgt, autogen.Options{Renames: []autogen.Rename{r}})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("--rename %s: error %v, want it to mention %q", tt.rename, err, tt.want)
		}
	}
	r, _ := autogen.ParseRename("users.name=users.full_name")
	p, err := autogen.Diff(cur, tgt, autogen.Options{Renames: []autogen.Rename{r}})
	if err != nil {
		t.Fatal(err)
	}
	if got := sqlOf(p.Upgrade()); got != `ALTER TABLE public.users RENAME COLUMN name TO full_name` {
		t.Errorf("upgrade:\n%s", got)
	}
	if got := sqlOf(p.Downgrade()); got != `ALTER TABLE public.users RENAME COLUMN full_name TO name` {
		t.Errorf("downgrade:\n%s", got)
	}
}

func TestConcurrentIndexes(t *testing.T) {
	ix := schema.Index{Name: "users_email_idx", Definition: "CREATE INDEX users_email_idx ON public.users USING btree (email)"}
	withIx := users(schema.Column{Name: "email", Type: "text"})
	withIx.Indexes = []schema.Index{ix}
	cur := &schema.Schema{Tables: []schema.Table{users(schema.Column{Name: "email", Type: "text"})}}
	tgt := &schema.Schema{Tables: []schema.Table{withIx}}

	p, _ := autogen.Diff(cur, tgt, autogen.Options{ConcurrentIndexes: true})
	up := p.Upgrade()
	if len(up) != 1 || up[0].SQL != "CREATE INDEX CONCURRENTLY users_email_idx ON public.users USING btree (email)" || !up[0].NonTransactional {
		t.Errorf("upgrade: %+v", up)
	}
	if p.Transactional() {
		t.Error("a concurrent index build is not transactional")
	}
	if down := p.Downgrade(); len(down) != 1 || down[0].SQL != "DROP INDEX CONCURRENTLY public.users_email_idx" {
		t.Errorf("downgrade: %+v", down)
	}

	// A new table's index needs no CONCURRENTLY: nobody writes to it yet.
	p, _ = autogen.Diff(&schema.Schema{}, tgt, autogen.Options{ConcurrentIndexes: true})
	if !p.Transactional() || strings.Contains(sqlOf(p.Upgrade()), "CONCURRENTLY") {
		t.Errorf("new table:\n%s", sqlOf(p.Upgrade()))
	}

	// Without the option the build carries a hazard.
	p, _ = autogen.Diff(cur, tgt, autogen.Options{})
	if up := p.Upgrade(); len(up[0].Hazards) != 1 || up[0].Hazards[0].Kind != autogen.HazardIndexBuild {
		t.Errorf("hazards: %+v", up[0].Hazards)
	}
}

func TestNotValidConstraints(t *testing.T) {
	posts := func(fk bool) schema.Table {
		t := schema.Table{QName: schema.QName{Schema: "public", Name: "posts"},
			Columns: []schema.Column{{Name: "user_id", Type: "bigint"}}}
		if fk {
			ref := schema.QName{Schema: "public", Name: "users"}
			t.Constraints = []schema.Constraint{{Name: "posts_user_id_fkey", Type: schema.ForeignKey,
				Definition: "FOREIGN KEY (user_id) REFERENCES public.users(id)", Columns: []string{"user_id"},
				RefTable: &ref, RefColumns: []string{"id"}}}
		}
		return t
	}
	cur := &schema.Schema{Tables: []schema.Table{posts(false), users()}}
	tgt := &schema.Schema{Tables: []schema.Table{posts(true), users()}}
	p, _ := autogen.Diff(cur, tgt, autogen.Options{NotValidConstraints: true})
	want := "ALTER TABLE public.posts ADD CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) NOT VALID;\n" +
		"ALTER TABLE public.posts VALIDATE CONSTRAINT posts_user_id_fkey"
	if got := sqlOf(p.Upgrade()); got != want {
		t.Errorf("upgrade:\n%s\nwant:\n%s", got, want)
	}
}

func TestHazardsAndRender(t *testing.T) {
	cur := &schema.Schema{Tables: []schema.Table{users(schema.Column{Name: "bio", Type: "text"})}}
	tgt := &schema.Schema{Tables: []schema.Table{users()}}
	p, _ := autogen.Diff(cur, tgt, autogen.Options{})
	got := autogen.Render(p.Upgrade())
	want := "-- hazard data-loss (drop-column): dropping column public.users.bio deletes its data\n" +
		"ALTER TABLE public.users DROP COLUMN bio;\n"
	if got != want {
		t.Errorf("render:\n%s\nwant:\n%s", got, want)
	}
	if got := p.Summary(); len(got) != 1 || got[0] != "drop column public.users.bio" {
		t.Errorf("summary: %v", got)
	}
	steps := p.Steps()
	if len(steps) != 1 || steps[0].Description != "drop column public.users.bio" || len(steps[0].Statements) != 1 {
		t.Errorf("steps: %+v", steps)
	}
}

func TestTypeChangeUsing(t *testing.T) {
	cur := &schema.Schema{Tables: []schema.Table{users(schema.Column{Name: "n", Type: "text", Default: "'0'::text"})}}
	tgt := &schema.Schema{Tables: []schema.Table{users(schema.Column{Name: "n", Type: "integer", Default: "0"})}}
	p, _ := autogen.Diff(cur, tgt, autogen.Options{})
	want := "ALTER TABLE public.users ALTER COLUMN n DROP DEFAULT;\n" +
		"ALTER TABLE public.users ALTER COLUMN n TYPE integer USING n::integer;\n" +
		"ALTER TABLE public.users ALTER COLUMN n SET DEFAULT 0"
	if got := sqlOf(p.Upgrade()); got != want {
		t.Errorf("upgrade:\n%s\nwant:\n%s", got, want)
	}
	kinds := map[autogen.HazardKind]bool{}
	for _, h := range p.Upgrade()[1].Hazards {
		kinds[h.Kind] = true
	}
	if !kinds[autogen.HazardTableRewrite] || !kinds[autogen.HazardUnsafeCast] {
		t.Errorf("hazards: %+v", p.Upgrade()[1].Hazards)
	}
}

func TestExpressionsNormalized(t *testing.T) {
	cur := &schema.Schema{Tables: []schema.Table{users(schema.Column{Name: "at", Type: "timestamp with time zone", Default: "now()"})}}
	tgt := &schema.Schema{Tables: []schema.Table{users(schema.Column{Name: "at", Type: "timestamp with time zone", Default: "CURRENT_TIMESTAMP"})}}
	if p, _ := autogen.Diff(cur, tgt, autogen.Options{}); !p.Empty() {
		t.Errorf("now() vs CURRENT_TIMESTAMP: %v", p.Summary())
	}
}

func TestCreateOrderFunctionsFirst(t *testing.T) {
	fn := schema.Function{QName: schema.QName{Schema: "public", Name: "f"}, Kind: "function", Result: "integer",
		Language: "sql", Definition: "CREATE OR REPLACE FUNCTION public.f()\n RETURNS integer\n LANGUAGE sql\nAS $function$SELECT count(*)::int FROM public.users$function$\n"}
	s := &schema.Schema{Tables: []schema.Table{users(schema.Column{Name: "n", Type: "integer", Default: "public.f()"})},
		Functions: []schema.Function{fn}}
	p, _ := autogen.Diff(&schema.Schema{}, s, autogen.Options{})
	up := p.Upgrade()
	if up[0].SQL != "SET LOCAL check_function_bodies = off" || !strings.HasPrefix(up[1].SQL, "CREATE OR REPLACE FUNCTION public.f()") ||
		!strings.HasPrefix(up[2].SQL, "CREATE TABLE public.users") {
		t.Errorf("order:\n%s", sqlOf(up))
	}
}
