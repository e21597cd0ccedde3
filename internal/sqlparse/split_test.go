package sqlparse

import (
	"errors"
	"strings"
	"testing"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

func TestSplit(t *testing.T) {
	type want struct {
		sql       string
		line, col int
		notx      string
	}
	for _, tc := range []struct {
		name string
		sql  string
		want []want
	}{
		{"empty", "", nil},
		{"comments only", "-- nothing\n/* here */\n", nil},
		{"positions", "CREATE TABLE t (a int);\n\n  -- why\n  INSERT INTO t VALUES (1);",
			[]want{{"CREATE TABLE t (a int)", 1, 1, ""}, {"INSERT INTO t VALUES (1)", 4, 3, ""}}},
		{"block comment before", "/* a\n b */ SELECT 1;", []want{{"SELECT 1", 2, 7, ""}}},
		{"columns count characters", "SELECT 'é'; SELECT 2;", []want{{"SELECT 'é'", 1, 1, ""}, {"SELECT 2", 1, 13, ""}}},
		{"semicolons in bodies", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\nSELECT ';';",
			[]want{{"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$", 1, 1, ""}, {"SELECT ';'", 2, 1, ""}}},
		{"empty statements", "SELECT 1;;\n;SELECT 2", []want{{"SELECT 1", 1, 1, ""}, {"SELECT 2", 2, 2, ""}}},
		{"concurrently", "create index concurrently i on t (a);\nvacuum t;\nBEGIN;",
			[]want{{"create index concurrently i on t (a)", 1, 1, "CREATE INDEX CONCURRENTLY"}, {"vacuum t", 2, 1, "VACUUM"},
				{"BEGIN", 3, 1, "transaction control (BEGIN)"}}},
		{"gate word in a string only", "SELECT 'CONCURRENTLY DATABASE';", []want{{"SELECT 'CONCURRENTLY DATABASE'", 1, 1, ""}}},
		{"end inside a statement", "SELECT CASE WHEN true THEN 1 END;", []want{{"SELECT CASE WHEN true THEN 1 END", 1, 1, ""}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Split(tc.sql)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d statements %+v, want %d", len(got), got, len(tc.want))
			}
			for i, w := range tc.want {
				g := got[i]
				if g.SQL != w.sql || g.Line != w.line || g.Column != w.col || g.NoTransaction != w.notx {
					t.Errorf("statement %d = %q %d:%d %q, want %q %d:%d %q", i, g.SQL, g.Line, g.Column, g.NoTransaction, w.sql, w.line, w.col, w.notx)
				}
				if !strings.HasPrefix(tc.sql[g.Offset:], g.SQL) {
					t.Errorf("statement %d: offset %d does not point at it", i, g.Offset)
				}
			}
		})
	}
}

func TestSplitRejects(t *testing.T) {
	for _, tc := range []struct {
		name, sql string
		line, col int
		msg       string
	}{
		{"NUL in a comment", "SELECT 1;\n-- a \x00 b\nDROP TABLE t;", 2, 6, "NUL byte"},
		{"NUL in a string", "SELECT 'a\x00';", 1, 10, "NUL byte"},
		{"invalid UTF-8", "SELECT 1;\nSELECT 'caf\xe9';", 2, 12, "invalid UTF-8"},
		{"syntax error", "SELECT 1;\nSELEC 2;", 2, 1, "syntax error"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Split(tc.sql)
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Split = %v, want a SyntaxError", err)
			}
			if se.Line != tc.line || se.Column != tc.col || !strings.Contains(se.Error(), tc.msg) {
				t.Errorf("error %q at %d:%d, want %q at %d:%d", se, se.Line, se.Column, tc.msg, tc.line, tc.col)
			}
		})
	}
}

// TestSplitGateAgreesWithTree: the keyword gate classifies every statement
// of a varied corpus as the full parse tree does.
func TestSplitGateAgreesWithTree(t *testing.T) {
	sql := strings.Join([]string{
		"CREATE INDEX CONCURRENTLY i ON t (a)", "CREATE INDEX i2 ON t (a)", "DROP INDEX CONCURRENTLY i",
		"REINDEX TABLE CONCURRENTLY t", "REINDEX (CONCURRENTLY false) TABLE t", "REINDEX SCHEMA s", "REINDEX TABLE t",
		"VACUUM (ANALYZE) t", "ANALYZE t", "CLUSTER", "CLUSTER t USING i", "CREATE DATABASE d", "DROP DATABASE d",
		"ALTER DATABASE d SET TABLESPACE x", "ALTER DATABASE d SET work_mem = '1MB'", "CREATE TABLESPACE x LOCATION '/x'",
		"ALTER SYSTEM SET work_mem = '1MB'", "DROP SUBSCRIPTION s", "ALTER TABLE p DETACH PARTITION c CONCURRENTLY",
		"ALTER TABLE p DETACH PARTITION c", "start transaction", "Commit", "end", "abort", "savepoint a",
		"release a", "prepare transaction 'x'", "rollback prepared 'x'", "SELECT 1", "PREPARE q AS SELECT 1",
	}, ";\n") + ";"
	got, err := Split(sql)
	if err != nil {
		t.Fatal(err)
	}
	tree, err := pg_query.Parse(sql)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(tree.GetStmts()) {
		t.Fatalf("%d statements, tree has %d", len(got), len(tree.GetStmts()))
	}
	for i, raw := range tree.GetStmts() {
		if want := noTransactionReason(raw.GetStmt()); got[i].NoTransaction != want {
			t.Errorf("%q: NoTransaction %q, tree says %q", got[i].SQL, got[i].NoTransaction, want)
		}
	}
}

func TestPositionCursor(t *testing.T) {
	s := "ab\ncdé\n\nfg"
	c := newCursor(s)
	for _, tc := range []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {7, 2, 4}, {8, 3, 1}, {9, 4, 1}, {11, 4, 3}, {1, 1, 2}, {100, 4, 3},
	} {
		if l, col := c.at(tc.off); l != tc.line || col != tc.col {
			t.Errorf("at(%d) = %d:%d, want %d:%d", tc.off, l, col, tc.line, tc.col)
		}
		if l, col := Position(s, tc.off); l != tc.line || col != tc.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", tc.off, l, col, tc.line, tc.col)
		}
	}
}
