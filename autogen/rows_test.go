package autogen_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/autogen"
)

// rowCase is a schema change tested on a database that holds rows: the
// data-loss classes of autogenerate (truncation, renames resetting
// counters, casts PostgreSQL does not have, churn of untouched objects,
// enum recreation, function identity) each have cases here. Every query
// of a check runs after the step and must return want: rows joined by
// ";", values by "|", NULL as "<nil>".
type rowCase struct {
	name     string
	old, new string
	rows     string // inserted into the old schema before the diff
	opts     autogen.Options
	// upFails, when set, is part of the error the upgrade must stop with;
	// afterUp then checks that nothing changed.
	upFails string
	afterUp []check
	// downFails is upFails for the downgrade.
	downFails string
	// afterDown runs after the downgrade (skipped when upFails is set).
	afterDown []check
	// hazards must each appear in a hazard comment of the upgrade.
	hazards []string
	// absent must not appear in the upgrade or downgrade SQL (churn).
	absent []string
	// present must appear in the upgrade SQL.
	present []string
}

type check struct{ sql, want string }

func runRowCases(t *testing.T, cases []rowCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			runRowCase(t, c)
		})
	}
}

func runRowCase(t *testing.T, c rowCase) {
	a, b := newTestDB(t), newTestDB(t)
	if err := a.exec(c.old); err != nil {
		t.Fatalf("old: %v", err)
	}
	if c.rows != "" {
		if err := a.exec(c.rows); err != nil {
			t.Fatalf("rows: %v", err)
		}
	}
	if err := b.exec(c.new); err != nil {
		t.Fatalf("new: %v", err)
	}
	plan, err := autogen.Diff(a.inspect(t, corpusSchemas), b.inspect(t, corpusSchemas), c.opts)
	if err != nil {
		t.Fatalf("diff: %v", err)
	}
	up, down := plan.Upgrade(), plan.Downgrade()
	upSQL, downSQL := autogen.Render(up), autogen.Render(down)
	for _, h := range c.hazards {
		if !hasHazard(up, h) {
			t.Errorf("upgrade has no hazard mentioning %q:\n%s", h, upSQL)
		}
	}
	for _, s := range c.absent {
		if strings.Contains(upSQL, s) || strings.Contains(downSQL, s) {
			t.Errorf("%q should not be in the revision:\nupgrade:\n%s\ndowngrade:\n%s", s, upSQL, downSQL)
		}
	}
	for _, s := range c.present {
		if !strings.Contains(upSQL, s) {
			t.Errorf("%q should be in the upgrade:\n%s", s, upSQL)
		}
	}
	// A plan that is not transactional is a transaction false revision:
	// both directions run statement by statement, as the runner does.
	tx := plan.Transactional()
	if a.step(t, "upgrade", up, tx, upSQL, c.upFails, c.afterUp) {
		a.step(t, "downgrade", down, tx, downSQL, c.downFails, c.afterDown)
	}
}

// step applies one direction and checks the rows; it reports whether the
// case goes on (the step was expected to succeed and did).
func (db *testDB) step(t *testing.T, name string, stmts []autogen.Statement, tx bool, sql, fails string, checks []check) bool {
	t.Helper()
	stmt, err := db.applyIn(stmts, tx)
	if fails != "" {
		if err == nil || !strings.Contains(err.Error(), fails) {
			t.Fatalf("%s: want an error containing %q, got %v\n%s:\n%s", name, fails, err, name, sql)
		}
		db.checkRows(t, "after the failed "+name, checks)
		return false
	}
	if err != nil {
		t.Fatalf("%s failed at\n  %s\n: %v\n%s:\n%s", name, stmt, err, name, sql)
	}
	db.checkRows(t, "after "+name, checks)
	return true
}

func hasHazard(stmts []autogen.Statement, fragment string) bool {
	for _, s := range stmts {
		for _, h := range s.Hazards {
			if strings.Contains(string(h.Kind)+": "+h.Message, fragment) {
				return true
			}
		}
	}
	return false
}

// checkRows runs each check's query.
func (db *testDB) checkRows(t *testing.T, when string, checks []check) {
	t.Helper()
	for _, c := range checks {
		got, err := db.queryRows(c.sql)
		if err != nil {
			t.Errorf("%s: %s: %v", when, c.sql, err)
			continue
		}
		if got != c.want {
			t.Errorf("%s: %s\n got: %s\nwant: %s", when, c.sql, got, c.want)
		}
	}
}

// queryRows runs a query (or a statement followed by a query, on the
// simple protocol) and renders its result.
func (db *testDB) queryRows(sql string) (string, error) {
	// The simple protocol: a column's type changes between checks, which
	// a cached prepared statement would refuse.
	rows, err := db.conn.Query(context.Background(), sql, pgx.QueryExecModeSimpleProtocol)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			return "", err
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = fmt.Sprint(v)
		}
		out = append(out, strings.Join(parts, "|"))
	}
	return strings.Join(out, ";"), rows.Err()
}
