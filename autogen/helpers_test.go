package autogen_test

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/introspect"
	"github.com/migrate-tool/migrate/schema"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// corpusSchemas are the schemas corpus cases may use.
var corpusSchemas = []string{"public", "app", "audit"}

// testRoles are created once per server for grant and policy cases.
var testRoles = []string{"app_reader", "app_writer", "app_admin"}

var rolesOnce sync.Once

func ensureRoles(t *testing.T) {
	rolesOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		conn, err := pgx.Connect(ctx, pgtest.AdminURL(t))
		if err != nil {
			t.Fatalf("connect admin: %v", err)
		}
		defer conn.Close(ctx)
		for _, r := range testRoles {
			_, err := conn.Exec(ctx, `DO $$ BEGIN CREATE ROLE `+r+` NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`)
			if err != nil {
				t.Fatalf("create role %s: %v", r, err)
			}
		}
	})
}

// testDB is a fresh database with an open connection.
type testDB struct {
	url  string
	conn *pgx.Conn
}

func newTestDB(t *testing.T) *testDB {
	t.Helper()
	ensureRoles(t)
	url := pgtest.NewDB(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return &testDB{url: url, conn: conn}
}

// exec runs a multi-statement script (simple protocol).
func (db *testDB) exec(sql string) error {
	_, err := db.conn.Exec(context.Background(), sql)
	return err
}

// apply runs rendered statements one by one, inside one transaction when
// possible, as the runner would.
func (db *testDB) apply(stmts []autogen.Statement) (string, error) {
	return db.applyIn(stmts, true)
}

// applyIn is apply in one transaction when tx is set and no statement
// must run outside one; statement by statement otherwise.
func (db *testDB) applyIn(stmts []autogen.Statement, tx bool) (string, error) {
	ctx := context.Background()
	for _, s := range stmts {
		if s.NonTransactional {
			tx = false
		}
	}
	if tx {
		if _, err := db.conn.Exec(ctx, "BEGIN"); err != nil {
			return "", err
		}
	}
	for _, s := range stmts {
		if _, err := db.conn.Exec(ctx, s.SQL); err != nil {
			if tx {
				db.conn.Exec(ctx, "ROLLBACK")
			}
			return s.SQL, err
		}
	}
	if tx {
		if _, err := db.conn.Exec(ctx, "COMMIT"); err != nil {
			return "COMMIT", err
		}
	}
	// Functions may have been created with bodies unchecked; reset for
	// the next script on this connection.
	_, err := db.conn.Exec(ctx, "RESET check_function_bodies")
	return "", err
}

func (db *testDB) inspect(t *testing.T, schemas []string) *schema.Schema {
	t.Helper()
	s, err := introspect.Introspect(context.Background(), db.conn, introspect.Options{Schemas: schemas})
	if err != nil {
		t.Fatalf("introspect: %v", err)
	}
	return s
}

// dump is the canonical dump compared across databases: the introspected
// JSON with every expression replaced by its normalized parse tree
// (PostgreSQL does not always print back what it parses from its own
// output: an IN list's casts move around) and column (and composite
// attribute) order normalized, because autogenerate appends new columns
// rather than rebuilding tables. The create-from-empty test compares exact
// text and order with dumpExact.
func dump(s *schema.Schema) string { return canonical(s, false) }

// dumpOrdered is dump keeping column and attribute order, for schemas
// created from nothing, where order must be exact.
func dumpOrdered(s *schema.Schema) string { return canonical(s, true) }

func canonical(s *schema.Schema, keepOrder bool) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	var c schema.Schema
	if err := json.Unmarshal(b, &c); err != nil {
		panic(err)
	}
	opts := sqlparse.NormalizeOptions{}
	norm := func(p *string, f func(string, sqlparse.NormalizeOptions) (string, error)) {
		if *p == "" {
			return
		}
		if n, err := f(*p, opts); err == nil {
			*p = n
		}
	}
	for i := range c.Tables {
		t := &c.Tables[i]
		if !keepOrder {
			slices.SortFunc(t.Columns, func(a, b schema.Column) int { return strings.Compare(a.Name, b.Name) })
		}
		for j := range t.Columns {
			// attislocal: whether a column inherited from a parent is also
			// declared by the child. No statement changes it, and it only
			// matters to CREATE TABLE.
			t.Columns[j].Inherited = false
			norm(&t.Columns[j].Default, sqlparse.NormalizeExpr)
			norm(&t.Columns[j].Generated, sqlparse.NormalizeExpr)
		}
		for j := range t.Constraints {
			norm(&t.Constraints[j].Definition, sqlparse.NormalizeConstraint)
		}
		for j := range t.Indexes {
			norm(&t.Indexes[j].Definition, sqlparse.NormalizeStatement)
			norm(&t.Indexes[j].Predicate, sqlparse.NormalizeExpr)
		}
		for j := range t.Policies {
			norm(&t.Policies[j].Using, sqlparse.NormalizeExpr)
			norm(&t.Policies[j].WithCheck, sqlparse.NormalizeExpr)
		}
	}
	// A constraint a child shares with its parent (same name and
	// definition) is the parent's: whether the child also declares it
	// (conislocal) cannot be changed by any statement.
	byName := map[schema.QName]*schema.Table{}
	for i := range c.Tables {
		byName[c.Tables[i].QName] = &c.Tables[i]
	}
	for i := range c.Tables {
		t := &c.Tables[i]
		var keep []schema.Constraint
		for _, k := range t.Constraints {
			inherited := false
			for _, pq := range t.Inherits {
				if p := byName[pq]; p != nil {
					for _, pk := range p.Constraints {
						if pk.Name == k.Name && pk.Definition == k.Definition {
							inherited = true
						}
					}
				}
			}
			if !inherited {
				keep = append(keep, k)
			}
		}
		t.Constraints = keep
	}
	for i := range c.Domains {
		norm(&c.Domains[i].Default, sqlparse.NormalizeExpr)
		for j := range c.Domains[i].Checks {
			norm(&c.Domains[i].Checks[j].Definition, sqlparse.NormalizeConstraint)
		}
	}
	for i := range c.Composites {
		if !keepOrder {
			slices.SortFunc(c.Composites[i].Attributes, func(a, b schema.Attribute) int { return strings.Compare(a.Name, b.Name) })
		}
	}
	return dumpExact(&c)
}

func dumpExact(s *schema.Schema) string {
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		panic(err)
	}
	return string(b)
}

// firstDiff returns a few lines around the first difference of two dumps.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			lo := max(0, i-6)
			var sb strings.Builder
			for j := lo; j < i; j++ {
				if j < len(al) {
					sb.WriteString("  " + al[j] + "\n")
				}
			}
			sb.WriteString("- " + x + "\n+ " + y + "\n")
			return sb.String()
		}
	}
	return ""
}
