package config

import (
	"path/filepath"
	"strings"
	"testing"
)

// With DeferDatabaseURL an unset variable in database.url is reported by
// DatabaseURLError instead of Load, and never replaced by $DATABASE_URL.
func TestDeferDatabaseURL(t *testing.T) {
	const want = "migrate.toml:4: env.prod.database.url: variable PROD_URL is not set (set it in the environment, pass -x PROD_URL=..., or write ${PROD_URL:-default})"
	toml := "[database]\nurl = \"embedded\"\n[env.prod]\ndatabase.url = \"${PROD_URL}\"\n"
	for _, tc := range []struct {
		name string
		env  map[string]string
		toml string
		err  string // DatabaseURLError
		url  string
	}{
		{name: "unset", toml: toml, err: want},
		{name: "unset with DATABASE_URL set", toml: toml, env: map[string]string{"DATABASE_URL": "postgres://other/db"}, err: want},
		{name: "set", toml: toml, env: map[string]string{"PROD_URL": "postgres://prod/db"}, url: "postgres://prod/db"},
		{name: "no url at all falls back", toml: "[env.prod]\n", env: map[string]string{"DATABASE_URL": "postgres://other/db"}, url: "postgres://other/db"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, FileName), tc.toml)
			cfg, err := Load(Options{Vars: map[string]string{"env": "prod"}, Getenv: mapEnv(tc.env), WorkDir: dir, DeferDatabaseURL: true})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			got := ""
			if e := cfg.DatabaseURLError(); e != nil {
				got = e.Error()
			}
			if got != tc.err {
				t.Errorf("DatabaseURLError = %q, want %q", got, tc.err)
			}
			if cfg.Database.URL != tc.url {
				t.Errorf("Database.URL = %q, want %q", cfg.Database.URL, tc.url)
			}
		})
	}
	// Without the option the error stays Load's, and other keys are never
	// deferred.
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, FileName), toml)
	if _, err := Load(Options{Vars: map[string]string{"env": "prod"}, Getenv: mapEnv(nil), WorkDir: dir}); err == nil || err.Error() != want {
		t.Errorf("Load without DeferDatabaseURL = %v, want %q", err, want)
	}
	writeFile(t, filepath.Join(dir, FileName), "[versions]\ndirs = [\"${VDIR}\"]\n")
	if _, err := Load(Options{Getenv: mapEnv(nil), WorkDir: dir, DeferDatabaseURL: true}); err == nil || !strings.Contains(err.Error(), "VDIR") {
		t.Errorf("Load with an unset variable in versions.dirs = %v, want an error", err)
	}
}

// A TOML error about a line break is placed on the line the break ends.
func TestTOMLNewlineErrorLine(t *testing.T) {
	for _, tc := range []struct{ toml, want string }{
		{"[versions\ndirs = [\"versions\"]\n", "migrate.toml:1:10: invalid TOML: "},
		{"[database]\nurl = \"x\n", "migrate.toml:2:9: invalid TOML: strings cannot contain newlines"},
	} {
		_, _, err := loadCase{toml: tc.toml}.run(t)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want it to start with %q", tc.toml, err, tc.want)
		}
	}
}
