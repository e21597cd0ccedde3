package cli_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/internal/pgtest"
)

// nulls lists the paths of JSON nulls in v.
func nulls(path string, v any) []string {
	switch v := v.(type) {
	case nil:
		return []string{path}
	case map[string]any:
		var out []string
		for k, e := range v {
			out = append(out, nulls(path+"."+k, e)...)
		}
		return out
	case []any:
		var out []string
		for i, e := range v {
			out = append(out, nulls(fmt.Sprintf("%s[%d]", path, i), e)...)
		}
		return out
	}
	return nil
}

// TestBadInputJSONHasNoNulls: every --json output is valid JSON without a
// null, on an empty project and database (where lists are empty, not null)
// and on a populated one.
func TestBadInputJSONHasNoNulls(t *testing.T) {
	t.Parallel()
	commands := [][]string{
		{"current", "--json"}, {"heads", "--json"}, {"branches", "--json"}, {"history", "--json"},
		{"history", "-i", "--json"}, {"check", "--json"}, {"config", "--json"}, {"inspect", "--json"},
	}
	for _, populated := range []bool{false, true} {
		t.Run(fmt.Sprintf("populated=%v", populated), func(t *testing.T) {
			t.Parallel()
			dbURL := pgtest.NewDB(t)
			dir := t.TempDir()
			cfgWriteFile(t, filepath.Join(dir, "migrate.toml"), defaultToml+"[target]\nsql = [\"schema.sql\"]\n")
			cfgWriteFile(t, filepath.Join(dir, "schema.sql"), "CREATE TABLE a (id int PRIMARY KEY);\n")
			cmds := commands
			if populated {
				for name, text := range graphFiles() {
					cfgWriteFile(t, filepath.Join(dir, name), text)
				}
				cmds = append(cmds, []string{"show", "head", "--json"}, []string{"show", "aaaa00000001", "--json"})
			} else {
				cfgWriteFile(t, filepath.Join(dir, "versions/.gitkeep"), "")
			}
			env := map[string]string{"DATABASE_URL": dbURL}
			tr := &badTranscript{t: t}
			if populated {
				if r := tr.runIn(context.Background(), "upgrade", dir, env, "upgrade", "head"); r.code != 0 {
					t.Fatalf("upgrade: %s", r.stderr)
				}
			}
			for _, args := range cmds {
				r := tr.runIn(context.Background(), "json", dir, env, args...)
				// check exits 1 when the database is behind the target.
				if r.code != 0 && !(args[0] == "check" && r.code == 1) {
					t.Errorf("migrate %s: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
					continue
				}
				var v any
				if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
					t.Errorf("migrate %s: not JSON: %v\n%s", strings.Join(args, " "), err, r.stdout)
					continue
				}
				if n := nulls("", v); len(n) > 0 {
					t.Errorf("migrate %s: null at %s\n%s", strings.Join(args, " "), strings.Join(n, ", "), r.stdout)
				}
			}
		})
	}
}
