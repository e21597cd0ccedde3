package config

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFleet: [fleet] loads from the base or an overlay, expands variables,
// defaults parallel to 4, and reports bad values at their line without
// quoting a connection string.
func TestFleet(t *testing.T) {
	const secret = "fl33t-pw"
	tests := []struct {
		name string
		loadCase
		want    Fleet
		wantErr string
	}{
		{name: "no [fleet]", loadCase: loadCase{toml: "[database]\nurl = \"embedded\"\n"},
			want: Fleet{Parallel: 4}},
		{name: "a list with variables",
			loadCase: loadCase{toml: "[fleet]\ndatabases = [\"postgres://app@db1/a\", \"${TENANT_B}\"]\nparallel = 8\n",
				env: map[string]string{"TENANT_B": "postgres://app:" + secret + "@db2/b"}},
			want: Fleet{Databases: []string{"postgres://app@db1/a", "postgres://app:" + secret + "@db2/b"}, Parallel: 8}},
		{name: "a query",
			loadCase: loadCase{toml: "[fleet]\nquery = \"SELECT url FROM tenants\"\n"},
			want:     Fleet{Query: "SELECT url FROM tenants", Parallel: 4}},
		{name: "an overlay swaps the list for a query",
			loadCase: loadCase{toml: "[fleet]\ndatabases = [\"postgres://h/a\"]\n[env.prod]\nfleet.databases = []\nfleet.query = \"SELECT url FROM tenants\"\nfleet.parallel = 16\n",
				vars: map[string]string{"env": "prod"}},
			want: Fleet{Databases: []string{}, Query: "SELECT url FROM tenants", Parallel: 16}},
		{name: "both", loadCase: loadCase{toml: "[fleet]\ndatabases = [\"postgres://h/a\"]\nquery = \"SELECT 1\"\n"},
			wantErr: "migrate.toml:3: fleet.databases and fleet.query are both set: list the databases or query them, not both"},
		{name: "both through an overlay",
			loadCase: loadCase{toml: "[fleet]\ndatabases = [\"postgres://h/a\"]\n[env.prod.fleet]\nquery = \"SELECT 1\"\n", vars: map[string]string{"env": "prod"}},
			wantErr:  "migrate.toml:4: fleet.databases and env.prod.fleet.query are both set"},
		{name: "parallel zero", loadCase: loadCase{toml: "[fleet]\nparallel = 0\n"},
			wantErr: "migrate.toml:2: fleet.parallel: 0 is not a number of databases: want 1 or more"},
		{name: "parallel as a string", loadCase: loadCase{toml: "[fleet]\nparallel = \"4\"\n"},
			wantErr: "migrate.toml:2: fleet.parallel: want an integer, got string"},
		{name: "misspelled key", loadCase: loadCase{toml: "[fleet]\ndatabase = [\"postgres://h/a\"]\n"},
			wantErr: "migrate.toml:2: unknown key fleet.database (did you mean databases?)"},
		{name: "unknown key", loadCase: loadCase{toml: "\n[fleet]\nshards = 3\n"},
			wantErr: "migrate.toml:3: unknown key fleet.shards ([fleet] holds databases, query, parallel)"},
		{name: "databases as a string", loadCase: loadCase{toml: "[fleet]\ndatabases = \"postgres://h/a\"\n"},
			wantErr: `migrate.toml:2: fleet.databases: want an array of strings, got string (write databases = ["..."])`},
		{name: "an invalid entry is named by position",
			loadCase: loadCase{toml: "[fleet]\ndatabases = [\"postgres://h/a\", \"mysql://u:" + secret + "@h/b\"]\n"},
			wantErr:  `migrate.toml:2: fleet.databases element 2: unsupported scheme "mysql": want postgres:// or postgresql://`},
		{name: "an empty entry", loadCase: loadCase{toml: "[fleet]\ndatabases = [\"postgres://h/a\", \"\"]\n"},
			wantErr: "migrate.toml:2: fleet.databases element 2 is empty"},
		{name: "embedded", loadCase: loadCase{toml: "[fleet]\ndatabases = [\"embedded\"]\n"},
			wantErr: `migrate.toml:2: fleet.databases element 1: "embedded" is one private database, not a fleet member: list server URLs`},
		{name: "a repeated entry",
			loadCase: loadCase{toml: "[fleet]\ndatabases = [\"postgres://u:" + secret + "@h/a\", \"postgres://h/b\", \"postgres://u:" + secret + "@h/a\"]\n"},
			wantErr:  "migrate.toml:2: fleet.databases element 3 repeats element 1: list each database once"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, _, err := tc.run(t)
			if tc.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
					t.Fatalf("error = %v\nwant   %s", err, tc.wantErr)
				}
				if strings.Contains(err.Error(), secret) {
					t.Errorf("the error shows the password: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(cfg.Fleet.Databases, tc.want.Databases) || cfg.Fleet.Query != tc.want.Query || cfg.Fleet.Parallel != tc.want.Parallel {
				t.Errorf("Fleet = %+v, want %+v", cfg.Fleet, tc.want)
			}
		})
	}
}

// TestRequireFleet: the fleet commands get a deferred unset variable of
// fleet.databases, or what to set when there is no fleet; other commands
// load without the variable.
func TestRequireFleet(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, FileName), "[database]\nurl = \"embedded\"\n\n[fleet]\ndatabases = [\"postgres://h/a\", \"${TENANT_B}\"]\n")
	cfg, err := Load(Options{Getenv: mapEnv(nil), WorkDir: dir, DeferDatabaseURL: true})
	if err != nil {
		t.Fatalf("Load with an unset fleet variable: %v", err)
	}
	const want = "migrate.toml:5: fleet.databases: variable TENANT_B is not set"
	if err := cfg.RequireFleet(); err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("RequireFleet = %v, want %q", err, want)
	}
	if _, err := Load(Options{Getenv: mapEnv(nil), WorkDir: dir}); err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Load without DeferDatabaseURL = %v, want %q", err, want)
	}

	writeFile(t, filepath.Join(dir, FileName), "[database]\nurl = \"embedded\"\n")
	cfg, err = Load(Options{Getenv: mapEnv(nil), WorkDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.RequireFleet(); !errors.Is(err, ErrNoFleet) || !strings.Contains(err.Error(), "[fleet] query") {
		t.Errorf("RequireFleet without [fleet] = %v", err)
	}
}

// TestFleetRedacted: migrate config shows the fleet's databases without
// their passwords, and knows them as secrets.
func TestFleetRedacted(t *testing.T) {
	c := &Config{Fleet: Fleet{Databases: []string{"postgres://app:fl33t-pw@db1/a", "host=db2 password=other-pw dbname=b"}},
		Vars: map[string]string{"pw": "fl33t-pw"}}
	r := c.Redacted()
	want := []string{"postgres://app:xxxxx@db1/a", "host=db2 password=xxxxx dbname=b"}
	if !slices.Equal(r.Fleet.Databases, want) {
		t.Errorf("redacted databases = %q, want %q", r.Fleet.Databases, want)
	}
	if c.Fleet.Databases[0] != "postgres://app:fl33t-pw@db1/a" {
		t.Error("Redacted changed the original")
	}
	for _, s := range r.Settings() {
		if v := fmt.Sprint(s.Value); strings.Contains(v, "fl33t-pw") || strings.Contains(v, "other-pw") {
			t.Errorf("%s shows a password: %v", s.Key, v)
		}
	}
	if r.Vars["pw"] != "xxxxx" {
		t.Errorf("a -x variable holding a fleet password shows as %q", r.Vars["pw"])
	}
}
