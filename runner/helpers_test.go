package runner

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/revision"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// rev parses a revision file made of the given header fields and sections.
func rev(t testing.TB, id string, parents []string, up, down string, transactional bool) *revision.Revision {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "-- migrate:revision %s\n", id)
	if len(parents) > 0 {
		fmt.Fprintf(&b, "-- migrate:parents %s\n", strings.Join(parents, " "))
	}
	fmt.Fprintf(&b, "-- migrate:message revision %s\n", id)
	if !transactional {
		b.WriteString("-- migrate:transaction false\n")
	}
	fmt.Fprintf(&b, "\n-- migrate:upgrade\n%s\n\n-- migrate:downgrade\n%s\n", up, down)
	r, err := revision.Parse("versions/"+id+".sql", []byte(b.String()))
	if err != nil {
		t.Fatalf("parse revision %s: %v", id, err)
	}
	return r
}

// chain builds a linear history from (up, down) pairs with ids r1, r2, ...
func chain(t testing.TB, sections ...[2]string) []*revision.Revision {
	t.Helper()
	var out []*revision.Revision
	for i, s := range sections {
		var parents []string
		if i > 0 {
			parents = []string{out[i-1].ID}
		}
		out = append(out, rev(t, fmt.Sprintf("r%d", i+1), parents, s[0], s[1], true))
	}
	return out
}

// graph builds the revision graph of revs.
func graph(t testing.TB, revs ...*revision.Revision) *revision.Graph {
	t.Helper()
	g, err := revision.NewGraph(revs)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// upPlan is the plan applying a linear list of revisions from base.
func upPlan(revs ...*revision.Revision) *revision.Plan {
	p := &revision.Plan{Direction: revision.Up}
	var heads []string
	for _, r := range revs {
		st := revision.Step{Revision: r, Direction: revision.Up, Delete: r.Parents, Insert: []string{r.ID}}
		p.Steps = append(p.Steps, st)
		heads = moveRows(heads, st.Delete, st.Insert)
	}
	p.To = heads
	return p
}

// downPlan reverts a linear list of revisions, last first.
func downPlan(revs ...*revision.Revision) *revision.Plan {
	p := &revision.Plan{Direction: revision.Down, From: []string{revs[len(revs)-1].ID}}
	heads := slices.Clone(p.From)
	for i := len(revs) - 1; i >= 0; i-- {
		r := revs[i]
		st := revision.Step{Revision: r, Direction: revision.Down, Delete: []string{r.ID}, Insert: r.Parents}
		p.Steps = append(p.Steps, st)
		heads = moveRows(heads, st.Delete, st.Insert)
	}
	p.To = heads
	return p
}

type recorder struct{ events []Event }

func (r *recorder) Log(e Event) { r.events = append(r.events, e) }

// session connects to url with the lock held and the tables created.
func session(t testing.TB, url string, cfg Config) *Session {
	t.Helper()
	ctx := context.Background()
	s, err := Connect(ctx, url, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	if err := s.Lock(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureTables(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

func connect(t testing.TB, url string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

// strs runs a query returning one text column.
func strs(t testing.TB, c *pgx.Conn, sql string, args ...any) []string {
	t.Helper()
	rows, err := c.Query(context.Background(), sql, args...)
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return out
}

// tables lists the user tables of schema public, sorted.
func tables(t testing.TB, c *pgx.Conn) []string {
	return strs(t, c, `SELECT relname::text FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') ORDER BY 1`)
}

func audit(t testing.TB, c *pgx.Conn) []string {
	return strs(t, c, `SELECT version_num || ' ' || direction FROM public.migrate_history ORDER BY id`)
}

func equal(t testing.TB, what string, got, want []string) {
	t.Helper()
	if got == nil {
		got = []string{}
	}
	if want == nil {
		want = []string{}
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}
