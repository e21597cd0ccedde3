package autogen_test

import (
	"context"
	"flag"
	"strconv"
	"testing"

	"github.com/migrate-tool/migrate/schema"
)

// dbPool hands out empty databases and takes them back after resetting
// them, because creating a database costs far more than emptying one: the
// corpus would otherwise spend most of its time in CREATE DATABASE.
type dbPool struct {
	free     chan *testDB
	pristine string // dump of a fresh database
}

// newDBPool creates n databases on behalf of t (they are dropped when t
// ends). Call it from t's own goroutine, before starting parallel subtests.
func newDBPool(t *testing.T, n int) *dbPool {
	t.Helper()
	p := &dbPool{free: make(chan *testDB, n)}
	for i := 0; i < n; i++ {
		db := newTestDB(t)
		if i == 0 {
			p.pristine = dump(db.inspectAll(t))
		}
		p.free <- db
	}
	return p
}

// poolSize is enough databases for every parallel subtest to hold two.
func poolSize() int {
	n := 2
	if f := flag.Lookup("test.parallel"); f != nil {
		if v, err := strconv.Atoi(f.Value.String()); err == nil && v > 0 {
			n = v
		}
	}
	return 2 * n
}

// get takes an empty database; put gives it back after the test (t) ends.
func (p *dbPool) get(t *testing.T) *testDB {
	t.Helper()
	db := <-p.free
	t.Cleanup(func() { p.put(t, db) })
	return db
}

func (p *dbPool) put(t *testing.T, db *testDB) {
	if err := resetDB(db); err != nil {
		t.Errorf("reset database: %v", err)
	} else if got := dump(db.inspectAll(t)); got != p.pristine {
		t.Errorf("reset database is not pristine:\n%s", firstDiff(p.pristine, got))
	}
	p.free <- db
}

// resetDB drops every user schema and extension and recreates public as
// initdb makes it (owner pg_database_owner, USAGE for PUBLIC, its comment).
func resetDB(db *testDB) error {
	ctx := context.Background()
	c := db.conn
	if _, err := c.Exec(ctx, "ROLLBACK; RESET ALL"); err != nil {
		return err
	}
	// Schemas first, each in its own transaction, then what is left of the
	// extensions: dropping an extension's operator classes in the same
	// transaction as the indexes using them trips "cache lookup failed".
	var drops []string
	rows, err := c.Query(ctx, `SELECT format('DROP SCHEMA %I CASCADE', nspname) FROM pg_namespace
		WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
		  AND nspname NOT LIKE 'pg\_temp\_%' AND nspname NOT LIKE 'pg\_toast\_temp\_%'
		UNION ALL
		SELECT format('DROP EXTENSION IF EXISTS %I CASCADE', extname) FROM pg_extension WHERE extname <> 'plpgsql'`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return err
		}
		drops = append(drops, s)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, s := range drops {
		if _, err := c.Exec(ctx, s); err != nil {
			return err
		}
	}
	_, err = c.Exec(ctx, `CREATE SCHEMA public AUTHORIZATION pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
COMMENT ON SCHEMA public IS 'standard public schema'`)
	return err
}

// inspectAll introspects every user schema, to check a reset.
func (db *testDB) inspectAll(t *testing.T) *schema.Schema {
	t.Helper()
	var names []string
	rows, err := db.conn.Query(context.Background(), `SELECT nspname::text FROM pg_namespace
		WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
		  AND nspname NOT LIKE 'pg\_temp\_%' AND nspname NOT LIKE 'pg\_toast\_temp\_%'`)
	if err != nil {
		t.Fatalf("list schemas: %v", err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return db.inspect(t, names)
}
