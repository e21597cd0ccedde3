package lint_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/lint"
)

func TestParseDirective(t *testing.T) {
	tests := []struct {
		comment string
		want    lint.Directive
		ok      bool
		err     string // substring of the error, "" for none
	}{
		{"-- migrate:nolint drop-column unused since 4.2", lint.Directive{Nolint: true, Rules: []string{"drop-column"}, Reason: "unused since 4.2"}, true, ""},
		{"--migrate:nolint drop-column,drop-table  both unused", lint.Directive{Nolint: true, Rules: []string{"drop-column", "drop-table"}, Reason: "both unused"}, true, ""},
		{"-- migrate:nolint drop-column, drop-table both", lint.Directive{Nolint: true, Rules: []string{"drop-column", "drop-table"}, Reason: "both"}, true, ""},
		{"-- migrate:nolint drop-column ,drop-table both", lint.Directive{Nolint: true, Rules: []string{"drop-column", "drop-table"}, Reason: "both"}, true, ""},
		{"-- migrate:nolint\tset-not-null\tsmall table", lint.Directive{Nolint: true, Rules: []string{"set-not-null"}, Reason: "small table"}, true, ""},
		{"-- migrate:nolint drop-column", lint.Directive{Nolint: true, Rules: []string{"drop-column"}}, true, "needs a reason"},
		{"-- migrate:nolint", lint.Directive{Nolint: true}, true, "needs a rule and a reason"},
		{"-- migrate:nolintx drop-column why", lint.Directive{}, false, ""},
		{"-- hazard data-loss: dropping column t.a deletes its data", lint.Directive{Kind: "data-loss", Reason: "dropping column t.a deletes its data"}, true, ""},
		{"-- hazard data-loss (drop-column): dropping column t.a", lint.Directive{Kind: "data-loss", Rules: []string{"drop-column"}, Reason: "dropping column t.a"}, true, ""},
		{"-- hazard table-rewrite (change-column-type, volatile-default): x", lint.Directive{Kind: "table-rewrite", Rules: []string{"change-column-type", "volatile-default"}, Reason: "x"}, true, ""},
		{"-- hazard (drop-column): no kind", lint.Directive{}, false, ""},
		{"-- hazard data-loss (drop-column no colon", lint.Directive{}, false, ""},
		{"-- hazards ahead: not a directive", lint.Directive{}, false, ""},
		{"-- the hazard here is small", lint.Directive{}, false, ""},
		{"/* migrate:nolint drop-column why */", lint.Directive{}, false, ""},
		{"-- plain comment", lint.Directive{}, false, ""},
	}
	for _, tt := range tests {
		d, ok, err := lint.ParseDirective(tt.comment)
		if ok != tt.ok || !reflect.DeepEqual(d, tt.want) {
			t.Errorf("%q: got %+v ok=%v, want %+v ok=%v", tt.comment, d, ok, tt.want, tt.ok)
		}
		if (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%q: error %v, want %q", tt.comment, err, tt.err)
		}
	}
}

// FuzzDirective: any comment text parses without panicking; a directive it
// accepts names rules made of rule-id characters, and a nolint line without
// error has a reason.
func FuzzDirective(f *testing.F) {
	for _, s := range []string{
		"-- migrate:nolint drop-column reason", "-- migrate:nolint a,b, c d", "-- migrate:nolint",
		"-- hazard data-loss (drop-column): m", "-- hazard x: y", "-- hazard x (: y", "--", "/* */",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, comment string) {
		d, ok, err := lint.ParseDirective(comment)
		if !ok {
			return
		}
		if d.Nolint && err == nil && (d.Reason == "" || len(d.Rules) == 0) {
			t.Errorf("%q: nolint without a rule or a reason accepted: %+v", comment, d)
		}
		for _, r := range d.Rules {
			if r == "" || strings.ContainsAny(r, " \t,") {
				t.Errorf("%q: bad rule %q", comment, r)
			}
		}
	})
}

// FuzzSection: linting arbitrary text never panics; it returns findings or
// an error.
func FuzzSection(f *testing.F) {
	for _, s := range []string{
		"ALTER TABLE t ADD COLUMN c int NOT NULL;",
		"-- migrate:nolint drop-table why\nDROP TABLE t;\n-- migrate:nolint x\n",
		"CREATE TABLE t (id serial PRIMARY KEY); CREATE INDEX ON t (id); ALTER TABLE t RENAME TO u;",
		"SET lock_timeout = 0; ALTER TABLE a ALTER COLUMN b TYPE text, ALTER COLUMN c SET NOT NULL;",
		"DROP INDEX i; DROP TRIGGER tr ON s.t; LOCK TABLE t; VACUUM FULL t; TRUNCATE t;",
	} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, sql string, transactional bool) {
		_, _ = lint.Section("f.sql", 1, sql, transactional, lint.Options{})
	})
}
