package introspect_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/introspect"
)

// fingerprintCase is an old/new pair of the autogen or conformance corpus.
type fingerprintCase struct {
	name     string
	old, new string
}

// corpusPairs reads every case of both corpora.
func corpusPairs(t *testing.T) []fingerprintCase {
	t.Helper()
	var out []fingerprintCase
	for _, root := range []string{"../autogen/testdata/cases", "../conformance/testdata/cases"} {
		dirs, err := os.ReadDir(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range dirs {
			if !d.IsDir() {
				continue
			}
			old, err1 := os.ReadFile(filepath.Join(root, d.Name(), "old.sql"))
			nw, err2 := os.ReadFile(filepath.Join(root, d.Name(), "new.sql"))
			if err1 != nil || err2 != nil {
				continue
			}
			out = append(out, fingerprintCase{filepath.Base(root) + "/" + d.Name(), string(old), string(nw)})
		}
	}
	if len(out) < 300 {
		t.Fatalf("found %d corpus cases, expected the whole corpus", len(out))
	}
	return out
}

// fpDB is a test database with the helpers the fingerprint property needs.
type fpDB struct {
	t    *testing.T
	ctx  context.Context
	conn *pgx.Conn
}

func openFPDB(t *testing.T, ctx context.Context) *fpDB {
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return &fpDB{t: t, ctx: ctx, conn: conn}
}

func (d *fpDB) fingerprint() introspect.Fingerprint {
	d.t.Helper()
	fp, err := introspect.ReadFingerprint(d.ctx, d.conn)
	if err != nil {
		d.t.Fatal(err)
	}
	return fp
}

// dump introspects every non-system schema, as canonical JSON.
func (d *fpDB) dump() string {
	d.t.Helper()
	rows, err := d.conn.Query(d.ctx, `SELECT nspname::text FROM pg_namespace
		WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\_%'`)
	if err != nil {
		d.t.Fatal(err)
	}
	schemas, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		d.t.Fatal(err)
	}
	s, err := introspect.Introspect(d.ctx, d.conn, introspect.Options{Schemas: append(schemas, "public")})
	if err != nil {
		d.t.Fatal(err)
	}
	b, err := json.Marshal(s)
	if err != nil {
		d.t.Fatal(err)
	}
	return string(b)
}

// statements splits sql; the corpus only holds valid SQL.
func statements(t *testing.T, sql string) []sqlparse.Statement {
	t.Helper()
	stmts, err := sqlparse.Split(sql)
	if err != nil {
		t.Fatal(err)
	}
	return stmts
}

// fpCounts are totals over the corpus, logged at the end.
type fpCounts struct{ statements, changed, noops, maintenance atomic.Int64 }

// applyChecked runs each statement and checks the property: when the
// introspected schema changed, the fingerprint changed. A statement runs
// in a transaction, where the fingerprint already counts its own rows;
// only when it leaves the fingerprint as it was are the schemas with and
// without it introspected and compared (rolling back to a savepoint), so
// the costly reads happen for no-ops only. It returns false when a
// statement fails (the rest of the case is then skipped).
func (d *fpDB) applyChecked(stmts []sqlparse.Statement, counts *fpCounts) bool {
	d.t.Helper()
	fp := d.fingerprint()
	for _, st := range stmts {
		counts.statements.Add(1)
		if st.NoTransaction != "" {
			before := d.dump()
			if !d.exec(st.SQL) {
				return false
			}
			fp = d.judge(st.SQL, fp, before, d.dump, counts)
			continue
		}
		if !d.exec("BEGIN") || !d.exec("SAVEPOINT fp") || !d.exec(st.SQL) {
			d.exec("ROLLBACK")
			return false
		}
		after := d.fingerprint()
		if after == fp {
			withStmt := d.dump()
			d.exec("ROLLBACK TO SAVEPOINT fp")
			without := d.dump()
			d.exec(st.SQL)
			d.judge(st.SQL, fp, without, func() string { return withStmt }, counts)
		} else {
			counts.changed.Add(1)
		}
		if !d.exec("COMMIT") {
			return false
		}
		if after == fp {
			// The statement ran again in a new subtransaction.
			after = d.fingerprint()
		}
		fp = after
	}
	return true
}

// judge compares the fingerprint after a statement with fp and, when it
// did not change, the schema before and after; it returns the new
// fingerprint.
func (d *fpDB) judge(sql string, fp introspect.Fingerprint, before string, after func() string, counts *fpCounts) introspect.Fingerprint {
	d.t.Helper()
	fp2 := d.fingerprint()
	switch {
	case fp2 != fp:
		counts.changed.Add(1)
	case after() != before:
		d.t.Errorf("the schema changed but the fingerprint did not, after:\n%s", sql)
	default:
		counts.noops.Add(1)
	}
	return fp2
}

// exec runs sql; false (logged) when it fails.
func (d *fpDB) exec(sql string) bool {
	d.t.Helper()
	if _, err := d.conn.Exec(d.ctx, sql, pgx.QueryExecModeSimpleProtocol); err != nil {
		d.t.Logf("statement failed, rest of the case skipped: %v\n%s", err, sql)
		return false
	}
	return true
}

// maintenanceKeeps runs VACUUM and ANALYZE in every form autovacuum uses
// (and FREEZE) and checks that the fingerprint stays.
func (d *fpDB) maintenanceKeeps(counts *fpCounts) {
	d.t.Helper()
	before := d.fingerprint()
	for _, sql := range []string{"ANALYZE", "VACUUM (FREEZE, ANALYZE)"} {
		if _, err := d.conn.Exec(d.ctx, sql); err != nil {
			d.t.Fatal(err)
		}
		counts.maintenance.Add(1)
		if after := d.fingerprint(); after != before {
			d.t.Errorf("%s changed the fingerprint", sql)
		}
	}
}

// TestFingerprintCorpus is the fingerprint's property over every case of
// both corpora (MIGRATE_CORPUS=all; a fixed fourth of them by default): building the old schema statement by statement, then
// upgrading it with autogenerate's plan statement by statement, every
// statement that changes the introspected schema changes the fingerprint;
// VACUUM and ANALYZE (FREEZE included) never do.
func TestFingerprintCorpus(t *testing.T) {
	cases := corpusPairs(t)
	var counts fpCounts
	t.Cleanup(func() {
		t.Logf("%d cases, %d statements: %d changed the fingerprint, %d changed nothing; %d maintenance commands kept it",
			len(cases), counts.statements.Load(), counts.changed.Load(), counts.noops.Load(), counts.maintenance.Load())
	})
	for i, c := range cases {
		// MIGRATE_CORPUS=all runs every case; by default every eighth
		// keeps go test ./... within its budget (CI under 15 minutes).
		if os.Getenv("MIGRATE_CORPUS") != "all" && i%8 != 0 {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			oldDB := openFPDB(t, ctx)
			if !oldDB.applyChecked(statements(t, c.old), &counts) {
				return
			}
			newDB := openFPDB(t, ctx)
			for _, st := range statements(t, c.new) {
				if _, err := newDB.conn.Exec(ctx, st.SQL, pgx.QueryExecModeSimpleProtocol); err != nil {
					t.Logf("new.sql does not apply: %v", err)
					return
				}
			}
			opts := introspect.Options{Schemas: schemasOf(t, ctx, oldDB.conn, newDB.conn)}
			from, err := introspect.Introspect(ctx, oldDB.conn, opts)
			if err != nil {
				t.Fatal(err)
			}
			to, err := introspect.Introspect(ctx, newDB.conn, opts)
			if err != nil {
				t.Fatal(err)
			}
			plan, err := autogen.Diff(from, to, autogen.Options{})
			if err != nil {
				t.Logf("no plan: %v", err)
				return
			}
			var up []sqlparse.Statement
			for _, s := range plan.Upgrade() {
				st := sqlparse.Statement{SQL: s.SQL}
				if s.NonTransactional {
					st.NoTransaction = "non-transactional"
				}
				up = append(up, st)
			}
			if oldDB.applyChecked(up, &counts) {
				oldDB.maintenanceKeeps(&counts)
			}
		})
	}
}

// schemasOf lists the non-system schemas of both databases.
func schemasOf(t *testing.T, ctx context.Context, conns ...*pgx.Conn) []string {
	t.Helper()
	seen := map[string]bool{"public": true}
	for _, c := range conns {
		rows, err := c.Query(ctx, `SELECT nspname::text FROM pg_namespace
			WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\_%'`)
		if err != nil {
			t.Fatal(err)
		}
		names, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			seen[n] = true
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// TestFingerprintDML: rows written to user tables, sequences advanced and
// tables given new files (TRUNCATE, VACUUM FULL) are not schema changes.
func TestFingerprintDML(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d := openFPDB(t, ctx)
	for _, sql := range []string{
		"CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, v text)",
		"CREATE SEQUENCE s",
	} {
		if _, err := d.conn.Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
	}
	before := d.fingerprint()
	for _, sql := range []string{
		"INSERT INTO t (v) SELECT repeat('x', 3000) FROM generate_series(1, 500)",
		"UPDATE t SET v = v || 'y'",
		"DELETE FROM t WHERE id % 2 = 0",
		"SELECT nextval('s')",
		"SELECT setval('s', 100)",
		"VACUUM ANALYZE t",
		"TRUNCATE t",
		"VACUUM FULL t",
	} {
		if _, err := d.conn.Exec(ctx, sql); err != nil {
			t.Fatal(err)
		}
		if after := d.fingerprint(); after != before {
			t.Errorf("%s changed the fingerprint", sql)
		}
	}
	if _, err := d.conn.Exec(ctx, "ALTER TABLE t ALTER COLUMN v SET DEFAULT 'z'"); err != nil {
		t.Fatal(err)
	}
	if d.fingerprint() == before {
		t.Error("SET DEFAULT did not change the fingerprint")
	}
}

// TestFingerprintCatalogsCovered: every per-database catalog of the
// running server is either hashed or deliberately left out, so a catalog
// added by a new PostgreSQL version is not silently ignored.
func TestFingerprintCatalogsCovered(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	d := openFPDB(t, ctx)
	var version int
	if err := d.conn.QueryRow(ctx, "SELECT current_setting('server_version_num')::int").Scan(&version); err != nil {
		t.Fatal(err)
	}
	rows, err := d.conn.Query(ctx, `SELECT relname::text FROM pg_class
		WHERE relnamespace = 'pg_catalog'::regnamespace AND relkind = 'r' AND NOT relisshared ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	covered := introspect.FingerprintCatalogs(version)
	for _, n := range names {
		if !covered[n] {
			t.Errorf("catalog %s is neither in the fingerprint nor excluded with a reason", n)
		}
	}
	if _, err := introspect.ReadFingerprint(ctx, d.conn); err != nil {
		t.Fatal(err)
	}
	// pg_class is hashed by content: every column is hashed or left out
	// on purpose.
	rows, err = d.conn.Query(ctx, `SELECT attname::text FROM pg_attribute
		WHERE attrelid = 'pg_catalog.pg_class'::regclass AND attnum > 0 AND NOT attisdropped`)
	if err != nil {
		t.Fatal(err)
	}
	cols, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	hashed, ignored := introspect.PGClassColumns()
	for _, c := range cols {
		if !strings.Contains(hashed, "x."+c+",") && !strings.HasSuffix(hashed, "x."+c) && !slices.Contains(ignored, c) {
			t.Errorf("pg_class.%s is neither hashed nor left out on purpose", c)
		}
	}
	if got := strings.Count(strings.Join(names, " "), "pg_"); got < 40 {
		t.Fatalf("only %d catalogs listed", got)
	}
}
