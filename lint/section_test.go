package lint_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/lint"
	"github.com/migrate-tool/migrate/revision"
)

// rulesOf returns the rule ids of findings, in order.
func rulesOf(fs []lint.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return out
}

// TestSectionContext checks what the statements before one change about
// it: new objects, lock_timeout, proven NOT NULL, and which locks count.
func TestSectionContext(t *testing.T) {
	tests := []struct {
		name, sql   string
		lockTimeout bool // as if migrate.toml set lock_timeout
		want        []string
	}{
		{"qualified and unqualified names meet", "CREATE TABLE public.t (id bigint);\nCREATE INDEX t_idx ON t (id);", true, nil},
		{"a new table keeps being new after a rename", "CREATE TABLE t (id bigint);\nALTER TABLE t RENAME TO u;\nCREATE INDEX ON u (id);\nALTER TABLE u ALTER COLUMN id SET NOT NULL;", true, nil},
		{"CREATE TABLE AS is new", "CREATE TABLE t AS SELECT 1 AS id;\nCREATE INDEX ON t (id);", true, nil},
		{"a dropped new table is gone", "CREATE TABLE t (id bigint);\nDROP TABLE t;\nCREATE TABLE t2 (id bigint);", true, nil},
		{"another schema's table of the same name is not new", "CREATE TABLE a.t (id bigint);\nCREATE INDEX ON b.t (id);", true, []string{lint.RequireConcurrentIndex}},
		{"SET NOT NULL after validating a constraint of another revision", "ALTER TABLE t VALIDATE CONSTRAINT t_c_not_null;\nALTER TABLE t ALTER COLUMN c SET NOT NULL;", true, nil},
		{"SET NOT NULL after a not-null check on another column", "ALTER TABLE t ADD CONSTRAINT k CHECK (b IS NOT NULL) NOT VALID;\nALTER TABLE t VALIDATE CONSTRAINT k;\nALTER TABLE t ALTER COLUMN c SET NOT NULL;", true, []string{lint.SetNotNull}},
		{"SET lock_timeout = 0 bounds nothing", "SET lock_timeout = 0;\nALTER TABLE t ADD COLUMN c text;", false, []string{lint.MissingLockTimeout}},
		{"RESET lock_timeout lifts the bound", "SET lock_timeout TO '1s';\nRESET lock_timeout;\nALTER TABLE t ADD COLUMN c text;", false, []string{lint.MissingLockTimeout}},
		{"lock_timeout in milliseconds", "SET lock_timeout = 500;\nALTER TABLE t ADD COLUMN c text;", false, nil},
		{"one finding per section", "ALTER TABLE t ADD COLUMN c text;\nALTER TABLE u ADD COLUMN c text;", false, []string{lint.MissingLockTimeout}},
		{"weaker locks do not count", "ALTER TABLE t VALIDATE CONSTRAINT k;\nALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id) NOT VALID;\nALTER TABLE t SET (fillfactor = 70);\nDROP INDEX CONCURRENTLY i;", false, []string{lint.ConcurrentInTransaction}},
		{"dropping a new index locks nothing in use", "CREATE INDEX CONCURRENTLY i ON t (a);\nDROP INDEX i;", false, []string{lint.ConcurrentInTransaction}},
		{"the locks lint knows", "LOCK TABLE t;", false, []string{lint.MissingLockTimeout}},
		{"DROP TRIGGER locks its table", "DROP TRIGGER tr ON s.t;", false, []string{lint.MissingLockTimeout}},
		{"REFRESH without CONCURRENTLY", "REFRESH MATERIALIZED VIEW mv;", false, []string{lint.MissingLockTimeout}},
		{"a volatile function created here", "CREATE FUNCTION f() RETURNS int LANGUAGE sql VOLATILE AS 'SELECT 1';\nALTER TABLE t ADD COLUMN c int DEFAULT f();", true, []string{lint.VolatileDefault}},
		{"a stable default", "ALTER TABLE t ADD COLUMN c timestamptz DEFAULT now(), ADD COLUMN d text DEFAULT lower('X'), ADD COLUMN e date DEFAULT CURRENT_DATE;", true, nil},
		{"ADD COLUMN PRIMARY KEY", "ALTER TABLE t ADD COLUMN id bigint PRIMARY KEY;", true, []string{lint.AddNotNullColumn, lint.UniqueConstraintWithoutIndex}},
		{"composite type attributes are not columns", "ALTER TYPE pair ADD ATTRIBUTE at timestamp;", true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := lint.Section("s.sql", 1, tt.sql, true, lint.Options{LockTimeout: tt.lockTimeout})
			if err != nil {
				t.Fatal(err)
			}
			want := tt.want
			if want == nil {
				want = []string{}
			}
			got := rulesOf(fs)
			slices.Sort(got)
			slices.Sort(want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %v, want %v:\n%s", got, want, render(fs))
			}
		})
	}
}

// TestDowngradeUndoesUpgrade: a downgrade that drops what its upgrade
// created, or renames back what it renamed, is the revision's own inverse.
func TestDowngradeUndoesUpgrade(t *testing.T) {
	file := `-- migrate:revision 0a0a0a0a0a0a
-- migrate:upgrade
SET lock_timeout = '2s';
CREATE SCHEMA s;
CREATE TABLE s.t (id bigint);
ALTER TABLE users ADD COLUMN nick text;
ALTER TABLE accounts RENAME COLUMN name TO full_name;
-- migrate:nolint rename-table the application reads clients through a view
ALTER TABLE customers RENAME TO clients;
-- migrate:downgrade
SET lock_timeout = '2s';
ALTER TABLE clients RENAME TO customers;
ALTER TABLE accounts RENAME COLUMN full_name TO name;
ALTER TABLE users DROP COLUMN nick;
DROP TABLE s.t;
DROP SCHEMA s CASCADE;
ALTER TABLE users DROP COLUMN email;
`
	r, err := revision.ParseTexts("v.sql", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	fs, err := lint.Revision(r, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := rulesOf(fs)
	want := []string{lint.RenameColumn, lint.DropColumn}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v (the upgrade's rename, the downgrade's drop of email):\n%s", got, want, render(fs))
	}
}

// TestSeverity: [lint] settings change severities and turn rules off, and a
// nolint line for a rule that is off is not reported as unused.
func TestSeverity(t *testing.T) {
	sev, err := lint.Settings([]string{"drop-table"}, []string{"prefer-timestamptz"}, []string{"drop-column"})
	if err != nil {
		t.Fatal(err)
	}
	sql := "CREATE TABLE e (at timestamp);\nALTER TABLE t DROP COLUMN c;\n-- migrate:nolint drop-table gone\nALTER TABLE t ADD COLUMN d text;"
	fs, err := lint.Section("s.sql", 1, sql, true, lint.Options{Severity: sev, LockTimeout: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := render(fs); got != "s.sql:1:1: prefer-timestamptz: column e.at is timestamp without time zone: its values mean different instants to sessions in different time zones (use timestamptz, which stores an instant whatever the session's TimeZone) [error]\n"+
		"s.sql:2:1: drop-column: dropping column t.c deletes its values (stop using the column in the application first, back it up if it may be needed, then drop it in a later revision) [warning]\n" {
		t.Errorf("findings:\n%s", got)
	}
	if lint.HasErrors(fs[1:]) || !lint.HasErrors(fs) {
		t.Error("HasErrors")
	}
	for _, bad := range [][3][]string{{{"drop-colum"}, nil, nil}, {nil, {"drop-table"}, {"drop-table"}}} {
		if _, err := lint.Settings(bad[0], bad[1], bad[2]); err == nil {
			t.Errorf("Settings(%v) accepted", bad)
		} else if !strings.HasPrefix(err.Error(), "lint.") {
			t.Errorf("Settings error does not name the key: %v", err)
		}
	}
}

// TestClassify maps rules back to autogen's statements, with context.
func TestClassify(t *testing.T) {
	got, err := lint.Classify([]string{
		"CREATE TABLE t (id int PRIMARY KEY, at timestamp)",
		"CREATE INDEX ON t (at)",
		"ALTER TABLE u DROP COLUMN c",
		"  ALTER TABLE u RENAME TO v",
		"SET lock_timeout = 0; ALTER TABLE v ALTER COLUMN a TYPE bigint",
	}, true)
	if err != nil {
		t.Fatal(err)
	}
	var rules [][]string
	for _, ms := range got {
		var r []string
		for _, m := range ms {
			if m.Message == "" {
				t.Errorf("%s without a message", m.Rule)
			}
			r = append(r, m.Rule)
		}
		rules = append(rules, r)
	}
	want := [][]string{nil, nil, {lint.DropColumn}, {lint.RenameTable}, {lint.ChangeColumnType}}
	if !reflect.DeepEqual(rules, want) {
		t.Errorf("got %v, want %v", rules, want)
	}
}
