package target

import (
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/pgtest"
)

func TestBlankDumpMetaCommands(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CREATE TABLE a (id int);\n", "CREATE TABLE a (id int);\n"},
		{"\\restrict Ab12\n\nSET x = 1;\n\\unrestrict Ab12\n", spaces(len("\\restrict Ab12")) + "\n\nSET x = 1;\n" + spaces(len("\\unrestrict Ab12")) + "\n"},
		{"\\restrict Ab12\r\nSELECT 1;\r\n", spaces(len("\\restrict Ab12")) + "\r\nSELECT 1;\r\n"},
		// Not pg_dump's lines: left for the parser to reject.
		{"\\connect db\n", "\\connect db\n"},
		{"\\restrict\n", "\\restrict\n"},
		{"\\restrict a b\n", "\\restrict a b\n"},
		{"SELECT '\\restrict x';\n", "SELECT '\\restrict x';\n"},
	}
	for _, tt := range tests {
		if got := blankDumpMetaCommands(tt.in); got != tt.want {
			t.Errorf("blankDumpMetaCommands(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func spaces(n int) string { return strings.Repeat(" ", n) }

// A schema-only pg_dump of PostgreSQL 15.14 or later starts with
// \restrict and ends with \unrestrict: it loads as a SQL target, and errors
// still point at the right line.
func TestSQLTargetDumpMetaCommands(t *testing.T) {
	ctx := testContext(t)
	server := pgtest.NewDB(t)
	dump := "--\n-- PostgreSQL database dump\n--\n\n\\restrict k3yK3y\n\nSET statement_timeout = 0;\n" +
		"SELECT pg_catalog.set_config('search_path', '', false);\n\nCREATE TABLE public.a (id integer);\n\n\\unrestrict k3yK3y\n\n"
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"schema.sql": dump})
	cfg := &config.Config{Dir: dir, Target: config.Target{SQL: []string{"schema.sql"}}}
	s, err := Load(ctx, cfg, Options{ServerURL: server, NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Tables) != 1 {
		t.Fatalf("want table public.a, got %d tables", len(s.Tables))
	}

	writeFiles(t, dir, map[string]string{"schema.sql": strings.Replace(dump, "(id integer)", "(id nosuchtype)", 1)})
	_, err = Load(ctx, cfg, Options{ServerURL: server, NoCache: true})
	if err == nil || !strings.Contains(err.Error(), "schema.sql:10:") {
		t.Fatalf("want an error at schema.sql:10, got %v", err)
	}
}
