package cli_test

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/internal/pgtest"
)

// fleetOut is fleet --json for the run commands (upgrade, downgrade,
// stamp) and, with its extra fields, current and check.
type fleetOut struct {
	Databases []struct {
		Database string   `json:"database"`
		Status   string   `json:"status"`
		From     []string `json:"from"`
		To       []string `json:"to"`
		Error    string   `json:"error"`
		Seconds  *float64 `json:"seconds"`
		Pending  bool     `json:"pending"`
		Changes  []any    `json:"changes"`
	} `json:"databases"`
	Summary map[string]int `json:"summary"`
}

// fleetRun runs migrate in dir and decodes its --json output.
func fleetRun(t *testing.T, dir string, env map[string]string, wantCode int, args ...string) (fleetOut, cfgResult) {
	t.Helper()
	r := cfgRun(t, dir, env, args...)
	if r.code != wantCode {
		t.Fatalf("migrate %s: exit %d, want %d\nstderr:\n%s", strings.Join(args, " "), r.code, wantCode, r.stderr)
	}
	var out fleetOut
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("migrate %s: not JSON: %v\n%s", strings.Join(args, " "), err, r.stdout)
	}
	if n := nulls("", mustDecode(t, r.stdout)); len(n) > 0 {
		t.Errorf("migrate %s: null at %s", strings.Join(args, " "), strings.Join(n, ", "))
	}
	return out, r
}

func mustDecode(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestFleetAcceptance is issue 19's acceptance story: 50 tenant databases
// on one server and two on a second cluster (one reached as a password
// role), two of them poisoned so that the second revision fails there.
// A failed canary stops everything; without --continue-on-error nothing
// new starts after a failure; with it every other database reaches head
// and the failed one stays at its previous revision, named in the JSON
// with the error a single run prints; URLs come from a query; a rerun
// continues where each database is; no password is ever printed.
func TestFleetAcceptance(t *testing.T) {
	t.Parallel()
	const password = "Fl33t-s3cret-pw"
	one, two := mainServer(t), secondServer(t)
	onDBs := one.tenants(t, fmt.Sprintf("fleet_%d", os.Getpid()), 50)
	twoDBs := two.tenants(t, "fleet_two", 2)
	pwURL := two.passwordRole(t, "fleet_pw", password, twoDBs[1])
	one.exec(t, onDBs[0], fleetPoison)
	one.exec(t, onDBs[5], fleetPoison)

	// The directory of tenants the query reads: server one's, then two's.
	directory := pgtest.NewDB(t)
	execSQL(t, directory, "CREATE TABLE tenants (id serial PRIMARY KEY, url text NOT NULL)")
	var urls []string
	for _, db := range onDBs {
		urls = append(urls, one.url(db))
	}
	urls = append(urls, two.url(twoDBs[0]), pwURL)
	for _, u := range urls {
		execSQL(t, directory, fmt.Sprintf("INSERT INTO tenants (url) VALUES ('%s')", u))
	}

	// The base lists server one's databases (the first from a variable);
	// [env.all] queries the directory instead.
	quoted := []string{`"${FIRST_TENANT}"`}
	for _, u := range urls[1:50] {
		quoted = append(quoted, fmt.Sprintf("%q", u))
	}
	dir := fleetProject(t, fmt.Sprintf(`[database]
url = "${DIRECTORY_URL}"

[fleet]
databases = [%s]
parallel = 4

[env.all]
fleet.databases = []
fleet.query = "SELECT url FROM tenants ORDER BY id"
`, strings.Join(quoted, ",\n  ")))
	env := map[string]string{"DIRECTORY_URL": directory, "FIRST_TENANT": urls[0]}
	noSecret := func(name string, r cfgResult) {
		t.Helper()
		if strings.Contains(r.stdout+r.stderr, password) {
			t.Errorf("%s: the password is printed", name)
		}
	}
	state := func(i int) (string, string) {
		t.Helper()
		return fleetState(t, urls[i])
	}

	t.Run("failed canary stops everything", func(t *testing.T) {
		out, r := fleetRun(t, dir, env, 2, "fleet", "upgrade", "head", "--canary", "1", "--continue-on-error", "--json")
		noSecret("canary", r)
		if got := out.Summary; got["failed"] != 1 || got["skipped"] != 49 || got["applied"] != 0 {
			t.Fatalf("summary %v, want 1 failed, 49 skipped", got)
		}
		if d := out.Databases[0]; d.Status != "failed" || !slices.Equal(d.To, []string{fleetRev1}) {
			t.Errorf("canary: %s to %v, want failed at %s", d.Status, d.To, fleetRev1)
		}
		for i := 1; i < 50; i++ {
			if rows, _ := state(i); rows != "none" || out.Databases[i].Status != "skipped" {
				t.Errorf("database %d: %s with version rows %s, want skipped and untouched", i, out.Databases[i].Status, rows)
			}
		}
		if !strings.Contains(r.stderr, "fleet: canary "+strings.Split(out.Databases[0].Database, "?")[0]) {
			t.Errorf("stderr does not say the canary stopped the run:\n%s", r.stderr)
		}
	})
	one.exec(t, onDBs[0], "UPDATE accounts SET balance = 5 WHERE id = 4")

	t.Run("nothing new starts after a failure", func(t *testing.T) {
		out, r := fleetRun(t, dir, env, 2, "fleet", "upgrade", "head", "--json")
		noSecret("stop", r)
		if d := out.Databases[5]; d.Status != "failed" || !slices.Equal(d.To, []string{fleetRev1}) {
			t.Errorf("poisoned: %s to %v, want failed at %s", d.Status, d.To, fleetRev1)
		}
		// The databases that ran are a prefix of the list; every other one
		// is skipped and untouched.
		ran := 0
		for ran < 50 && out.Databases[ran].Status != "skipped" {
			ran++
		}
		if ran <= 5 || ran > 5+4+4 || out.Summary["skipped"] != 50-ran {
			t.Fatalf("%d databases ran, summary %v: want the first 6 to about 9 (parallel 4), then all skipped", ran, out.Summary)
		}
		for i := ran; i < 50; i++ {
			if rows, _ := state(i); rows != "none" {
				t.Errorf("skipped database %d has version rows %s", i, rows)
			}
		}
		// Progress on stderr: no database starts after the stop.
		stop := strings.Index(r.stderr, "failed: starting no new database")
		if stop < 0 {
			t.Fatalf("no stop line on stderr:\n%s", r.stderr)
		}
		if after := r.stderr[stop:]; strings.Contains(after, ": started\n") {
			t.Errorf("a database started after the stop:\n%s", after)
		}
	})

	// What a single run prints for the poisoned database.
	single := cfgRun(t, dir, map[string]string{"DIRECTORY_URL": urls[5]}, "upgrade", "head")
	// The error is the last line (the database line comes first).
	lines := strings.Split(strings.TrimSpace(single.stderr), "\n")
	wantErr, ok := strings.CutPrefix(lines[len(lines)-1], "migrate: ")
	if single.code != 2 || !ok || !strings.Contains(wantErr, "SQLSTATE 23514") {
		t.Fatalf("single upgrade of the poisoned database: exit %d\n%s", single.code, single.stderr)
	}

	t.Run("continue on error across two clusters from a query", func(t *testing.T) {
		out, r := fleetRun(t, dir, env, 2, "-x", "env=all", "fleet", "upgrade", "head", "--continue-on-error", "--parallel", "8", "--json")
		noSecret("continue", r)
		if len(out.Databases) != 52 {
			t.Fatalf("%d databases, want the query's 52", len(out.Databases))
		}
		if got := out.Summary; got["failed"] != 1 || got["skipped"] != 0 || got["applied"]+got["up-to-date"] != 51 {
			t.Fatalf("summary %v", got)
		}
		for i, d := range out.Databases {
			rows, accounts := state(i)
			want := fleetRows
			if i == 0 {
				want += " 4:5"
			}
			if i == 5 {
				want += " 4:-5"
			}
			if accounts != want {
				t.Errorf("database %d: accounts %s, want %s", i, accounts, want)
			}
			if i == 5 {
				if d.Status != "failed" || d.Error != wantErr || !slices.Equal(d.To, []string{fleetRev1}) || rows != fleetRev1 {
					t.Errorf("poisoned database: %s at %s (JSON to %v)\nerror %q\nwant  %q", d.Status, rows, d.To, d.Error, wantErr)
				}
				continue
			}
			if d.Status == "failed" || rows != fleetRev2 || !slices.Equal(d.To, []string{fleetRev2}) || d.Error != "" || d.Seconds == nil {
				t.Errorf("database %d: %s at %s (JSON to %v, error %q)", i, d.Status, rows, d.To, d.Error)
			}
		}
		if got := out.Databases[51].Database; !strings.Contains(got, "fleet_pw:xxxxx@/") {
			t.Errorf("the password database is shown as %s", got)
		}
	})

	t.Run("current", func(t *testing.T) {
		out, r := fleetRun(t, dir, env, 0, "-x", "env=all", "fleet", "current", "--json")
		noSecret("current", r)
		if got := out.Summary; got["up-to-date"] != 51 || got["pending"] != 1 || out.Databases[5].Status != "pending" {
			t.Errorf("summary %v, database 5 %s", got, out.Databases[5].Status)
		}
		text := cfgRun(t, dir, env, "-x", "env=all", "fleet", "current")
		noSecret("current text", text)
		if text.code != 0 || !strings.Contains(text.stdout, "fleet_pw:xxxxx@") || !strings.Contains(text.stdout, fleetRev1+" (pending: not at the head)") {
			t.Errorf("fleet current: exit %d\n%s%s", text.code, text.stdout, text.stderr)
		}
	})

	one.exec(t, onDBs[5], "UPDATE accounts SET balance = 5 WHERE id = 4")
	t.Run("rerun continues where each database is", func(t *testing.T) {
		out, r := fleetRun(t, dir, env, 0, "-x", "env=all", "fleet", "upgrade", "head", "--json")
		noSecret("rerun", r)
		if got := out.Summary; got["applied"] != 1 || got["up-to-date"] != 51 {
			t.Errorf("summary %v, want 1 applied, 51 up-to-date", got)
		}
		if d := out.Databases[5]; d.Status != "applied" || !slices.Equal(d.From, []string{fleetRev1}) {
			t.Errorf("database 5: %s from %v", d.Status, d.From)
		}
	})

	t.Run("check", func(t *testing.T) {
		out, r := fleetRun(t, dir, env, 0, "-x", "env=all", "fleet", "check", "--json")
		noSecret("check", r)
		if out.Summary["clean"] != 52 {
			t.Fatalf("summary %v, want 52 clean\n%s", out.Summary, r.stderr)
		}
		two.exec(t, twoDBs[0], "ALTER TABLE accounts ADD COLUMN note text")
		out, r = fleetRun(t, dir, env, 1, "-x", "env=all", "fleet", "check", "--json")
		noSecret("check drift", r)
		if d := out.Databases[50]; out.Summary["drift"] != 1 || d.Status != "drift" || len(d.Changes) != 1 {
			t.Errorf("summary %v; database 50: %s with %d changes", out.Summary, d.Status, len(d.Changes))
		}
	})

	t.Run("a wrong password is reported without it", func(t *testing.T) {
		wrong := strings.Replace(pwURL, password, "Wr0ng-s3cret-pw", 1)
		dir := fleetProject(t, fmt.Sprintf("[fleet]\ndatabases = [%q]\n", wrong))
		out, r := fleetRun(t, dir, nil, 2, "fleet", "current", "--json")
		if strings.Contains(r.stdout+r.stderr, "Wr0ng-s3cret-pw") {
			t.Errorf("the password is printed:\n%s\n%s", r.stdout, r.stderr)
		}
		if d := out.Databases[0]; d.Status != "failed" || !strings.Contains(d.Error, "password") {
			t.Errorf("%s: %s", d.Status, d.Error)
		}
	})
}
