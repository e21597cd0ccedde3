package sqlparse

import (
	"strings"
	"testing"
)

func TestNeedsNoTransaction(t *testing.T) {
	tests := []struct {
		sql, want string
	}{
		{"CREATE INDEX CONCURRENTLY i ON t (a)", "CREATE INDEX CONCURRENTLY"},
		{"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a)", "CREATE INDEX CONCURRENTLY"},
		{"CREATE INDEX i ON t (a)", ""},
		{"DROP INDEX CONCURRENTLY i", "DROP INDEX CONCURRENTLY"},
		{"DROP INDEX i", ""},
		{"REINDEX INDEX CONCURRENTLY i", "REINDEX CONCURRENTLY"},
		{"REINDEX (CONCURRENTLY) TABLE t", "REINDEX CONCURRENTLY"},
		{"REINDEX (CONCURRENTLY false) TABLE t", ""},
		{"REINDEX TABLE t", ""},
		{"REINDEX SCHEMA public", "REINDEX SCHEMA"},
		{"REINDEX DATABASE app", "REINDEX DATABASE"},
		{"REINDEX SYSTEM app", "REINDEX SYSTEM"},
		{"VACUUM", "VACUUM"},
		{"VACUUM (ANALYZE) t", "VACUUM"},
		{"ANALYZE t", ""},
		{"CLUSTER", "CLUSTER without a table"},
		{"CLUSTER t USING i", ""},
		{"CREATE DATABASE app", "CREATE DATABASE"},
		{"DROP DATABASE IF EXISTS app", "DROP DATABASE"},
		{"ALTER DATABASE app SET TABLESPACE fast", "ALTER DATABASE SET TABLESPACE"},
		{"ALTER DATABASE app SET work_mem = '1MB'", ""},
		{"CREATE TABLESPACE fast LOCATION '/x'", "CREATE TABLESPACE"},
		{"DROP TABLESPACE fast", "DROP TABLESPACE"},
		{"ALTER SYSTEM SET work_mem = '1MB'", "ALTER SYSTEM"},
		{"CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p", "CREATE SUBSCRIPTION with a replication slot"},
		{"CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p WITH (connect = false)", ""},
		{"CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p WITH (create_slot = off)", ""},
		{"ALTER SUBSCRIPTION s REFRESH PUBLICATION", "ALTER SUBSCRIPTION REFRESH PUBLICATION"},
		{"ALTER SUBSCRIPTION s SET PUBLICATION p", "ALTER SUBSCRIPTION ... PUBLICATION with refresh"},
		{"ALTER SUBSCRIPTION s SET PUBLICATION p WITH (refresh = false)", ""},
		{"ALTER SUBSCRIPTION s DISABLE", ""},
		{"DROP SUBSCRIPTION s", "DROP SUBSCRIPTION"},
		{"ALTER TABLE p DETACH PARTITION c CONCURRENTLY", "ALTER TABLE ... DETACH PARTITION CONCURRENTLY"},
		{"ALTER TABLE p DETACH PARTITION c", ""},
		{"COMMIT", "transaction control (COMMIT)"},
		{"ALTER TYPE mood ADD VALUE 'meh'", ""},
		{"CREATE TABLE t (a int); SELECT 1", ""},
		{"-- just a comment", ""},
	}
	for _, tt := range tests {
		need, reason, err := NeedsNoTransaction(tt.sql)
		if err != nil {
			t.Errorf("%s: %v", tt.sql, err)
			continue
		}
		if need != (tt.want != "") || reason != tt.want {
			t.Errorf("NeedsNoTransaction(%q) = %v, %q; want %q", tt.sql, need, reason, tt.want)
		}
	}
}

func TestNoTransactionStatementsPositions(t *testing.T) {
	sql := "CREATE TABLE t (a int);\n\n  CREATE INDEX CONCURRENTLY i ON t (a);\nVACUUM t;\n"
	got, err := NoTransactionStatements(sql)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Line != 3 || got[0].Column != 3 || got[1].Line != 4 || got[1].NoTransaction != "VACUUM" {
		t.Errorf("got %+v", got)
	}
	if _, _, err := NeedsNoTransaction("CREATE INDEX CONCURRENTLY ON"); err == nil {
		t.Error("syntax error not reported")
	}
}

// FuzzNeedsNoTransaction: classification never panics, and a statement it
// flags is one Split returns.
//
//	go test -run '^$' -fuzz FuzzNeedsNoTransaction -fuzztime 30s ./internal/sqlparse/
func FuzzNeedsNoTransaction(f *testing.F) {
	for _, s := range []string{
		"CREATE INDEX CONCURRENTLY i ON t (a); VACUUM",
		"REINDEX (CONCURRENTLY off, VERBOSE) TABLE t",
		"CREATE SUBSCRIPTION s CONNECTION '' PUBLICATION p WITH (create_slot = 0)",
		"ALTER TABLE p DETACH PARTITION c CONCURRENTLY; COMMIT;",
		"SELECT $$;$$; -- x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sql string) {
		need, reason, err := NeedsNoTransaction(sql)
		if err != nil {
			return
		}
		if need != (reason != "") {
			t.Fatalf("need=%v reason=%q", need, reason)
		}
		stmts, _ := Split(sql)
		found := false
		for _, s := range stmts {
			if s.NoTransaction == reason {
				found = true
			}
		}
		if need && !found {
			t.Fatalf("reason %q not on any statement of %q", reason, sql)
		}
		if strings.Contains(reason, "\n") {
			t.Fatalf("multi-line reason %q", reason)
		}
	})
}
