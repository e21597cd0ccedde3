package decl_test

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/decl"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/introspect"
	"github.com/migrate-tool/migrate/schema"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// roundTrip is the key property of a declaration: rendered by autogen's
// create-from-empty plan, applied to a fresh database and introspected, it
// comes back as the declaration itself. It returns the live schema.
func roundTrip(t *testing.T, want *schema.Schema) *schema.Schema {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())

	plan, err := autogen.Diff(&schema.Schema{}, want, autogen.Options{})
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	for _, st := range plan.Upgrade() {
		if _, err := conn.Exec(ctx, st.SQL); err != nil {
			t.Fatalf("apply %s: %v", st.SQL, err)
		}
	}
	live, err := introspect.Introspect(ctx, conn, introspect.Options{Schemas: schemaNames(want)})
	if err != nil {
		t.Fatalf("introspect: %v", err)
	}
	want = withCatalogBodies(want, live)
	back, err := autogen.Diff(live, want, autogen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !back.Empty() {
		t.Errorf("declared and materialized schemas differ; autogen wants:\n  %s", strings.Join(back.Summary(), "\n  "))
		for _, s := range back.Upgrade() {
			t.Logf("  %s", s.SQL)
		}
	}
	// The fields computed in Go (types, names, constraint and index
	// definitions, sequences, grants) must equal the catalog's text; only
	// expressions kept as written are compared as parse trees above.
	gotJSON, wantJSON := canonicalJSON(live), canonicalJSON(want)
	if gotJSON != wantJSON {
		t.Errorf("canonical fields differ from the catalog:\n%s", lineDiff(wantJSON, gotJSON))
	}
	return live
}

// withCatalogBodies returns want with the texts only PostgreSQL can print
// taken from live: view queries (pg_get_viewdef) and the comment and
// version an extension installs. That is what materializing a
// declaration in a scratch database supplies (see package target);
// everything else must match on its own.
func withCatalogBodies(want, live *schema.Schema) *schema.Schema {
	w := cloneSchema(want)
	for i := range w.Extensions {
		x := &w.Extensions[i]
		for _, l := range live.Extensions {
			if l.Name == x.Name {
				if x.Comment == "" {
					x.Comment = l.Comment
				}
				if x.Version == "" {
					x.Version = l.Version
				}
			}
		}
	}
	for i := range w.Views {
		v := &w.Views[i]
		for _, l := range live.Views {
			if l.QName == v.QName {
				v.Definition = l.Definition
			}
		}
	}
	return w
}

func schemaNames(s *schema.Schema) []string {
	var out []string
	for _, n := range s.Namespaces {
		out = append(out, n.Name)
	}
	return out
}

// canonicalJSON encodes s without the fields that hold expressions as
// written in a declaration (PostgreSQL prints them its own way; autogen
// compares them as normalized parse trees).
func canonicalJSON(s *schema.Schema) string {
	c := cloneSchema(s)
	for i := range c.Extensions {
		c.Extensions[i].Version, c.Extensions[i].Comment = "", ""
	}
	for i := range c.Domains {
		d := &c.Domains[i]
		d.Default = asWritten(d.Default)
		for j := range d.Checks {
			d.Checks[j].Definition = asWritten(d.Checks[j].Definition)
		}
	}
	for i := range c.Tables {
		t := &c.Tables[i]
		for j := range t.Columns {
			col := &t.Columns[j]
			col.Default = asWritten(col.Default)
			col.Generated = asWritten(col.Generated)
		}
		for j := range t.Constraints {
			k := &t.Constraints[j]
			if k.Type == schema.Check || strings.Contains(k.Definition, " WHERE ") {
				k.Definition = asWritten(k.Definition)
			}
			// Which index a foreign key is checked against is a fact
			// only the server knows, not a declared field.
			k.RefIndex = ""
		}
		exprIndexes(t.Indexes)
		for j := range t.Policies {
			p := &t.Policies[j]
			p.Using, p.WithCheck = asWritten(p.Using), asWritten(p.WithCheck)
		}
		t.PartitionBound = asWritten(t.PartitionBound)
		for j := range t.Triggers {
			if strings.Contains(t.Triggers[j].Definition, " WHEN ") {
				t.Triggers[j].Definition = asWritten(t.Triggers[j].Definition)
			}
		}
	}
	for i := range c.Views {
		v := &c.Views[i]
		v.Definition = asWritten(v.Definition)
		v.DependsOn = nil // read from pg_depend, not declared
		exprIndexes(v.Indexes)
	}
	for i := range c.Functions {
		if strings.Contains(c.Functions[i].Definition, " DEFAULT ") {
			c.Functions[i].Definition = asWritten(c.Functions[i].Definition)
		}
	}
	out, _ := json.MarshalIndent(c, "", "  ")
	return string(out)
}

func asWritten(s string) string {
	if s == "" {
		return ""
	}
	return "<expr>"
}

// exprIndexes blanks index texts that contain expressions.
func exprIndexes(ix []schema.Index) {
	for j := range ix {
		x := &ix[j]
		hasExpr := x.Predicate != ""
		for k, key := range x.Keys {
			if strings.ContainsAny(key, "()") {
				hasExpr = true
				x.Keys[k] = asWritten(key)
			}
		}
		if hasExpr {
			x.Definition = asWritten(x.Definition)
			x.Predicate = asWritten(x.Predicate)
		}
	}
}

func cloneSchema(s *schema.Schema) *schema.Schema {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	var c schema.Schema
	if err := json.Unmarshal(b, &c); err != nil {
		panic(err)
	}
	return &c
}

// lineDiff shows the lines of want and got that differ, with context.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := max(len(w), len(g))
	shown := 0
	for i := 0; i < n && shown < 40; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("  line " + itoa(i+1) + ":\n    declared: " + wl + "\n    catalog:  " + gl + "\n")
			shown++
		}
	}
	return b.String()
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// ensureRoles creates cluster-wide roles the grant and policy tests use.
func ensureRoles(t *testing.T, roles ...string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.AdminURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	for _, r := range roles {
		_, err := conn.Exec(ctx, `DO $$ BEGIN CREATE ROLE `+pgx.Identifier{r}.Sanitize()+` NOLOGIN;
			EXCEPTION WHEN duplicate_object THEN NULL; END $$`)
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestRoundTrip applies one declaration per feature and alias family.
func TestRoundTrip(t *testing.T) {
	ensureRoles(t, "decl_reader", "decl_writer")
	for _, tc := range roundTripCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s, err := decl.Build(tc.items...)
			if err != nil {
				t.Fatal(err)
			}
			live := roundTrip(t, s)
			if tc.check != nil {
				tc.check(t, live)
			}
		})
	}
}
