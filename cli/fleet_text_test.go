package cli_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
)

// durations are the timings in fleet output, which vary run to run.
var durations = regexp.MustCompile(`\b\d+(\.\d+)?(ns|µs|ms|s|m)\b`)

// serverName is a server as the duplicate-database error names it.
var serverName = regexp.MustCompile(`on \S+ port \d+`)

// TestFleetText runs the fleet commands without --json, as a CI log sees
// them (no terminal: one line per event), and their errors, against a
// golden transcript.
func TestFleetText(t *testing.T) {
	t.Parallel()
	srv := mainServer(t)
	prefix := fmt.Sprintf("fleet_text_%d", os.Getpid())
	dbs := srv.tenants(t, prefix, 3)
	srv.exec(t, dbs[2], fleetPoison)
	var list []string
	env := map[string]string{}
	for i, db := range dbs {
		v := fmt.Sprintf("TENANT_%d", i+1)
		env[v] = srv.url(db)
		list = append(list, fmt.Sprintf(`"${%s}"`, v))
	}
	dir := fleetProject(t, fmt.Sprintf("[fleet]\ndatabases = [%s]\nparallel = 1\n\n[env.dup]\nfleet.databases = [\"${TENANT_1}\", \"${TENANT_1}&application_name=other\"]\n\n[env.both]\nfleet.query = \"SELECT 1\"\n\n[env.unset]\nfleet.databases = [\"${NOT_SET}\"]\n\n[env.badquery]\ndatabase.url = \"${TENANT_1}\"\nfleet.databases = []\nfleet.query = \"SELECT url FROM tenants\"\n",
		strings.Join(list, ", ")))
	var b strings.Builder
	run := func(args ...string) {
		r := cfgRun(t, dir, env, args...)
		out := r.stdout + r.stderr
		for i := len(dbs) - 1; i >= 0; i-- {
			out = strings.ReplaceAll(out, srv.url(dbs[i]), fmt.Sprintf("$TENANT_%d", i+1))
		}
		out = strings.ReplaceAll(out, prefix, "fleet_text")
		out = serverName.ReplaceAllString(out, "on $$SERVER")
		out = durations.ReplaceAllString(out, "T")
		fmt.Fprintf(&b, "$ migrate %s\n%s[exit %d]\n\n", strings.Join(args, " "), out, r.code)
	}
	run("fleet", "upgrade", "head")
	run("fleet", "upgrade", "head", "--continue-on-error")
	srv.exec(t, dbs[2], "DELETE FROM accounts WHERE id = 4")
	run("fleet", "upgrade", "head")
	run("fleet", "current")
	run("fleet", "downgrade", "-1", "--canary", "1")
	run("fleet", "stamp", "head")
	run("fleet", "check")
	run("-x", "env=dup", "fleet", "current")
	run("-x", "env=both", "fleet", "current")
	run("-x", "env=unset", "fleet", "current")
	run("-x", "env=badquery", "fleet", "current")
	run("fleet", "upgrade")
	run("fleet", "current", "--parallel", "-2")
	noFleet := fleetProject(t, "")
	r := cfgRun(t, noFleet, nil, "fleet", "current")
	fmt.Fprintf(&b, "$ migrate fleet current  # no [fleet]\n%s[exit %d]\n", r.stderr, r.code)
	cfgGolden(t, "fleet_text.txt", dir, b.String())
}
