package runner

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/migrate-tool/migrate/internal/pgtest"
)

func TestRunUpAndDown(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	ctx := context.Background()
	revs := chain(t,
		[2]string{"CREATE TABLE a (id int);", "DROP TABLE a;"},
		[2]string{"CREATE TABLE b (id int);\nCREATE TABLE c (id int);", "DROP TABLE c;\nDROP TABLE b;"},
		[2]string{"ALTER TABLE a ADD COLUMN name text;", "ALTER TABLE a DROP COLUMN name;"},
	)
	rec := &recorder{}
	s := session(t, url, Config{ToolVersion: "test", Logger: rec, LockTimeout: time.Second, StatementTimeout: 5 * time.Second})
	c := connect(t, url)

	if err := s.Run(ctx, upPlan(revs...), PerRevision); err != nil {
		t.Fatal(err)
	}
	heads, err := s.Heads(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "heads", heads, []string{"r3"})
	equal(t, "tables", tables(t, c), []string{"a", "b", "c", "migrate_history", "migrate_version"})
	equal(t, "audit", audit(t, c), []string{"r1 upgrade", "r2 upgrade", "r3 upgrade"})

	var started, stmts, done int
	for _, e := range rec.events {
		switch e.(type) {
		case RevisionStarted:
			started++
		case StatementDone:
			stmts++
		case RevisionDone:
			done++
		}
	}
	if started != 3 || stmts != 4 || done != 3 {
		t.Errorf("events: %d started, %d statements, %d done; want 3, 4, 3", started, stmts, done)
	}

	// The audit row carries the checksums of both sections.
	sums := strs(t, c, `SELECT checksum FROM migrate_history WHERE version_num = 'r2'`)
	equal(t, "checksum", sums, []string{"upgrade:" + revs[1].Upgrade.Checksum() + " downgrade:" + revs[1].Downgrade.Checksum()})
	users := strs(t, c, `SELECT db_user || ' ' || tool_version FROM migrate_history WHERE version_num = 'r1'`)
	equal(t, "user and version", users, []string{"postgres test"})

	if err := s.Run(ctx, downPlan(revs...), PerRevision); err != nil {
		t.Fatal(err)
	}
	heads, _ = s.Heads(ctx)
	equal(t, "heads after downgrade", heads, nil)
	equal(t, "tables after downgrade", tables(t, c), []string{"migrate_history", "migrate_version"})
	equal(t, "audit after downgrade", audit(t, c)[3:], []string{"r3 downgrade", "r2 downgrade", "r1 downgrade"})
}

// A failing statement in the third of five revisions leaves the database at
// the second: version table, audit table and catalog agree.
func TestRunFailureLeavesPreviousRevision(t *testing.T) {
	t.Parallel()
	for _, mode := range []TxMode{PerRevision, All} {
		t.Run(mode.String(), func(t *testing.T) {
			t.Parallel()
			url := pgtest.NewDB(t)
			ctx := context.Background()
			revs := chain(t,
				[2]string{"CREATE TABLE a (id int);", "DROP TABLE a;"},
				[2]string{"CREATE TABLE b (id int);", "DROP TABLE b;"},
				[2]string{"CREATE TABLE c (id int);\n\nINSERT INTO c\n  SELECT nosuchcolumn FROM a;", "DROP TABLE c;"},
				[2]string{"CREATE TABLE d (id int);", "DROP TABLE d;"},
				[2]string{"CREATE TABLE e (id int);", "DROP TABLE e;"},
			)
			s := session(t, url, Config{})
			c := connect(t, url)
			err := s.Run(ctx, upPlan(revs...), mode)
			var re *RunError
			var se *StatementError
			if !errors.As(err, &re) || !errors.As(err, &se) {
				t.Fatalf("Run = %v, want a RunError wrapping a StatementError", err)
			}
			if se.RevisionID != "r3" || se.Path != "versions/r3.sql" || se.Index != 2 || se.PgErr == nil || se.PgErr.Code != "42703" {
				t.Errorf("StatementError = %+v", se)
			}
			// "nosuchcolumn" is on the statement's second line, column 10.
			if se.StatementLine != 8 || se.Line != 9 || se.Column != 10 {
				t.Errorf("position = statement line %d, error %d:%d; want 8, 9:10", se.StatementLine, se.Line, se.Column)
			}
			if msg := err.Error(); !strings.Contains(msg, "versions/r3.sql:9:10") || !strings.Contains(msg, "SQLSTATE 42703") || strings.Contains(msg, "\n") {
				t.Errorf("message %q", msg)
			}
			heads, _ := s.Heads(ctx)
			if mode == All {
				if !re.RolledBack || len(re.Heads) != 0 {
					t.Errorf("RunError = %+v, want rolled back at base", re)
				}
				equal(t, "heads", heads, nil)
				equal(t, "tables", tables(t, c), []string{"migrate_history", "migrate_version"})
				equal(t, "audit", audit(t, c), nil)
				return
			}
			equal(t, "RunError.Heads", re.Heads, []string{"r2"})
			equal(t, "RunError.Done", re.Done, []string{"r1", "r2"})
			equal(t, "heads", heads, []string{"r2"})
			equal(t, "tables", tables(t, c), []string{"a", "b", "migrate_history", "migrate_version"})
			equal(t, "audit", audit(t, c), []string{"r1 upgrade", "r2 upgrade"})
		})
	}
}

func TestRunNonTransactional(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	ctx := context.Background()
	r1 := rev(t, "r1", nil, "CREATE TABLE a (id int, name text);", "DROP TABLE a;", true)
	r2 := rev(t, "r2", []string{"r1"},
		"CREATE INDEX CONCURRENTLY a_id ON a (id);\nCREATE INDEX CONCURRENTLY a_name ON a (name);",
		"DROP INDEX CONCURRENTLY a_name;\nDROP INDEX CONCURRENTLY a_id;", false)
	s := session(t, url, Config{LockTimeout: time.Second, StatementTimeout: time.Minute})
	c := connect(t, url)
	indexes := func() []string {
		return strs(t, c, `SELECT indexname::text FROM pg_indexes WHERE tablename = 'a' ORDER BY 1`)
	}
	if err := s.Run(ctx, upPlan(r1, r2), PerRevision); err != nil {
		t.Fatal(err)
	}
	equal(t, "indexes", indexes(), []string{"a_id", "a_name"})
	heads, _ := s.Heads(ctx)
	equal(t, "heads", heads, []string{"r2"})
	// Session timeouts set for the revision were reset afterwards.
	equal(t, "lock_timeout", strs(t, s.conn, "SHOW lock_timeout"), []string{"0"})

	if err := s.Run(ctx, downPlan(r1, r2), PerRevision); err != nil {
		t.Fatal(err)
	}
	equal(t, "indexes after downgrade", indexes(), nil)
	equal(t, "audit", audit(t, c), []string{"r1 upgrade", "r2 upgrade", "r2 downgrade", "r1 downgrade"})

	if err := s.Run(ctx, upPlan(r1, r2), All); err == nil || !strings.Contains(err.Error(), "transaction false") {
		t.Errorf("--transaction=all with a transaction false revision: %v", err)
	}
}

func TestRunNonTransactionalPartialFailure(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	ctx := context.Background()
	r1 := rev(t, "r1", nil, "CREATE TABLE a (id int);", "DROP TABLE a;", true)
	r2 := rev(t, "r2", []string{"r1"},
		"CREATE INDEX CONCURRENTLY a_id ON a (id);\nCREATE INDEX CONCURRENTLY a_x ON a (x);\nCREATE TABLE never (id int);",
		"DROP INDEX CONCURRENTLY a_id;", false)
	s := session(t, url, Config{})
	c := connect(t, url)
	err := s.Run(ctx, upPlan(r1, r2), PerRevision)
	var pe *PartialError
	if !errors.As(err, &pe) {
		t.Fatalf("Run = %v, want a PartialError", err)
	}
	if len(pe.Ran) != 1 || pe.Total != 3 || pe.Err.Index != 2 || pe.Err.Line != 8 {
		t.Errorf("PartialError = %+v (statement error %+v)", pe, pe.Err)
	}
	if msg := err.Error(); !strings.Contains(msg, "statement 1 of 3 (versions/r2.sql line 7) committed before the failure") {
		t.Errorf("message %q", msg)
	}
	heads, _ := s.Heads(ctx)
	equal(t, "heads", heads, []string{"r1"})
	equal(t, "tables", tables(t, c), []string{"a", "migrate_history", "migrate_version"})
	equal(t, "indexes", strs(t, c, `SELECT indexname::text FROM pg_indexes WHERE tablename = 'a'`), []string{"a_id"})
}

func TestRunStatementTimeout(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	r1 := rev(t, "r1", nil, "SELECT pg_sleep(5);", "", true)
	s := session(t, url, Config{StatementTimeout: 100 * time.Millisecond})
	start := time.Now()
	err := s.Run(context.Background(), upPlan(r1), PerRevision)
	var se *StatementError
	if !errors.As(err, &se) || se.PgErr == nil || se.PgErr.Code != "57014" {
		t.Fatalf("Run = %v, want query_canceled", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("statement_timeout not applied: took %s", d)
	}
}

func TestRunCanceled(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	r1 := rev(t, "r1", nil, "CREATE TABLE a (id int);\nSELECT pg_sleep(30);", "", true)
	s := session(t, url, Config{})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	err := s.Run(ctx, upPlan(r1), PerRevision)
	var se *StatementError
	if !errors.As(err, &se) || se.PgErr == nil || se.PgErr.Code != "57014" || se.Index != 2 {
		t.Fatalf("Run = %v, want the sleep canceled by the server", err)
	}
	// The statement was canceled, not the connection: the session goes on.
	if heads, err := s.Heads(context.Background()); err != nil || len(heads) != 0 {
		t.Errorf("Heads after a canceled run = %q, %v", heads, err)
	}
	c := connect(t, url)
	// The server rolls back once it notices the connection is gone.
	deadline := time.Now().Add(10 * time.Second)
	for {
		n := strs(t, c, `SELECT count(*)::text FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`)
		if n[0] == "0" || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	equal(t, "tables", tables(t, c), []string{"migrate_history", "migrate_version"})
	equal(t, "heads", strs(t, c, "SELECT version_num FROM migrate_version"), nil)
}

func TestStamp(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	ctx := context.Background()
	revs := chain(t, [2]string{"CREATE TABLE a (id int);", "DROP TABLE a;"}, [2]string{"CREATE TABLE b (id int);", ""})
	g := graph(t, revs...)
	s := session(t, url, Config{})
	c := connect(t, url)
	if err := s.Stamp(ctx, g, nil, []string{"r2"}); err != nil {
		t.Fatal(err)
	}
	heads, _ := s.Heads(ctx)
	equal(t, "heads", heads, []string{"r2"})
	equal(t, "tables", tables(t, c), []string{"migrate_history", "migrate_version"})
	// Every revision the stamp marks applied gets its own row.
	equal(t, "audit", audit(t, c), []string{"r1 stamp", "r2 stamp"})
	if err := s.Stamp(ctx, g, []string{"r2"}, []string{"r1"}); err != nil {
		t.Fatal(err)
	}
	heads, _ = s.Heads(ctx)
	equal(t, "heads", heads, []string{"r1"})
	equal(t, "audit", audit(t, c), []string{"r1 stamp", "r2 stamp", "r2 unstamp"})

	// A stamped revision's checksums (both sections) are what edits are
	// judged against.
	rec, err := s.Records(ctx, []string{"r1", "r2"})
	if err != nil {
		t.Fatal(err)
	}
	if rec["r1"].Checksum != revs[0].Checksum() || !strings.HasPrefix(rec["r1"].Checksum, "upgrade:") {
		t.Errorf("recorded checksum %q", rec["r1"].Checksum)
	}
	if f := Judge(g, []string{"r1"}, rec); len(f.Edited)+len(f.Missing) != 0 {
		t.Errorf("unchanged revision reported: %+v", f)
	}
	for _, tc := range []struct {
		up, down string
		sections []string
	}{
		{"CREATE TABLE a (id bigint);", "DROP TABLE a;", []string{"upgrade"}},
		{"CREATE TABLE a (id int);", "DROP TABLE a;\nDROP TABLE t1;", []string{"downgrade"}},
		{"CREATE TABLE a (id bigint);", "", []string{"upgrade", "downgrade"}},
	} {
		edited := rev(t, "r1", nil, tc.up, tc.down, true)
		got := Judge(graph(t, edited, revs[1]), []string{"r1"}, rec).Edited
		if len(got) != 1 || got[0].Path != "versions/r1.sql" || strings.Join(got[0].Sections, ",") != strings.Join(tc.sections, ",") {
			t.Errorf("edited %v: %+v", tc.sections, got)
		}
	}
}

func TestTablesCustomNames(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	ctx := context.Background()
	cfg := Config{Tables: Tables{Schema: "Ops", Version: "schema version", History: "log"}}
	s := session(t, url, cfg)
	revs := chain(t, [2]string{"CREATE TABLE a (id int);", "DROP TABLE a;"})
	if err := s.Run(ctx, upPlan(revs...), PerRevision); err != nil {
		t.Fatal(err)
	}
	c := connect(t, url)
	equal(t, "version table", strs(t, c, `SELECT version_num FROM "Ops"."schema version"`), []string{"r1"})
	equal(t, "audit", strs(t, c, `SELECT version_num FROM "Ops".log`), []string{"r1"})
	if err := (Tables{Version: "x", History: "x"}).Validate(); err == nil {
		t.Error("same version and history table accepted")
	}
}

func TestStatementErrorDetailAndHint(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	ctx := context.Background()
	s := session(t, url, Config{})
	for _, tc := range []struct {
		up, want string
	}{
		{"CREATE TABLE a (id int PRIMARY KEY);\nINSERT INTO a VALUES (1), (1);", "detail: Key (id)=(1) already exists."},
		{"SELECT no_such_function(1);", "hint: No function matches the given name and argument types."},
	} {
		r := rev(t, "r1", nil, tc.up, "", true)
		err := s.Run(ctx, upPlan(r), PerRevision)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Run = %v, want %q", err, tc.want)
		}
	}
}
