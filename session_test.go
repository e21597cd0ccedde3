package migrate_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/internal/pgtest"
)

// leakyHistory is a history whose revisions leave session state behind:
// settings (search_path, check_function_bodies), a temporary table that
// shadows a later one, a prepared statement a later revision prepares
// again. Later revisions fail, or land in the wrong place, if any of it
// reaches them.
func leakyHistory(nonTx bool) []file {
	return []file{
		{id: "a1", up: "CREATE SCHEMA other;\nSET search_path = other, public;\nCREATE TABLE t_a1 (id int);\n" +
			"SET check_function_bodies = off;\nCREATE TEMP TABLE t_shadow (id int);\nPREPARE q AS SELECT 1;",
			down: "DROP TABLE other.t_a1;\nDROP SCHEMA other;"},
		{id: "b2", parents: "a1", nonTx: nonTx, up: "SET search_path = other, public;\nCREATE TABLE t_b2 (id int);\nSET statement_timeout = '1h';",
			down: "DROP TABLE other.t_b2;"},
		{id: "c3", parents: "b2", up: "CREATE TABLE t_c3 (id int);\nCREATE TABLE t_shadow (id int);\nINSERT INTO t_shadow VALUES (1);\n" +
			"PREPARE q AS SELECT 2;\n" +
			"DO $$ BEGIN\n  IF current_setting('check_function_bodies') <> 'on' OR current_setting('statement_timeout') <> '0' THEN\n" +
			"    RAISE EXCEPTION 'session state leaked into c3';\n  END IF;\nEND $$;",
			down: "DROP TABLE t_shadow;\nDROP TABLE t_c3;"},
	}
}

// TestSessionStateDoesNotLeak: every revision starts from the same session
// state whatever earlier revisions of the run did, so running a history in
// one run, revision by revision, as one transaction or as an offline
// script through psql gives the same catalog and the same rows.
func TestSessionStateDoesNotLeak(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	type mode struct {
		name string
		run  func(t *testing.T, url, project string)
	}
	oneRun := mode{"one run", func(t *testing.T, url, project string) {
		if _, err := newMigrator(t, url, project, nil).Upgrade(ctx, "head", migrate.RunOptions{}); err != nil {
			t.Fatal(err)
		}
	}}
	stepwise := mode{"revision by revision", func(t *testing.T, url, project string) {
		for range 3 {
			// A new Migrator per revision: a new connection each time.
			if _, err := newMigrator(t, url, project, nil).Upgrade(ctx, "+1", migrate.RunOptions{}); err != nil {
				t.Fatal(err)
			}
		}
	}}
	allInOne := mode{"one transaction", func(t *testing.T, url, project string) {
		if _, err := newMigrator(t, url, project, nil).Upgrade(ctx, "head", migrate.RunOptions{Transaction: migrate.AllInOne}); err != nil {
			t.Fatal(err)
		}
	}}
	script := mode{"offline script through psql", func(t *testing.T, url, project string) {
		var sql bytes.Buffer
		if _, err := newMigrator(t, "", project, nil).Upgrade(ctx, "head", migrate.RunOptions{SQL: &sql, From: "base"}); err != nil {
			t.Fatal(err)
		}
		psql(t, url, sql.String())
	}}
	for _, tc := range []struct {
		nonTx bool
		modes []mode
	}{
		{true, []mode{stepwise, oneRun, script}},
		{false, []mode{stepwise, oneRun, allInOne, script}},
	} {
		project := writeVersions(t, leakyHistory(tc.nonTx)...)
		var want string
		for _, m := range tc.modes {
			t.Run(fmt.Sprintf("%s, transaction false %v", m.name, tc.nonTx), func(t *testing.T) {
				url := pgtest.NewDB(t)
				m.run(t, url, project)
				c := connect(t, url)
				equal(t, "tables", strs(t, c, `SELECT relnamespace::regnamespace || '.' || relname FROM pg_class
					WHERE relname LIKE 't\_%' AND relkind = 'r' AND relpersistence = 'p' ORDER BY 1`),
					[]string{"other.t_a1", "other.t_b2", "public.t_c3", "public.t_shadow"})
				equal(t, "rows in public.t_shadow", strs(t, c, "SELECT count(*)::text FROM public.t_shadow"), []string{"1"})
				dump := catalogDump(t, url)
				if want == "" {
					want = dump
				} else if dump != want {
					t.Errorf("catalog differs from the %s one:\n%s\n---\n%s", tc.modes[0].name, dump, want)
				}
			})
		}
	}
}
