package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

const (
	devPassword  = "devpass-123"
	prodPassword = "pr0d-S3cret"
)

// projectToml is a project with a base database and a prod overlay reading
// its URL from the environment.
const projectToml = `[database]
url = "postgres://app:` + devPassword + `@localhost:5432/app"

[versions]
dirs = ["versions"]

[target]
go = "./models"
schemas = ["public", "billing"]
exclude = ["public.legacy_*"]

[env.prod]
database.url = "${PROD_DATABASE_URL}"
lock_timeout = "3s"
statement_timeout = "1m"
`

var projectEnv = map[string]string{
	"PROD_DATABASE_URL": "postgres://deploy:" + prodPassword + "@db.prod.internal:5432/app?sslmode=require",
}

func TestConfigCommand(t *testing.T) {
	tests := []struct {
		name   string
		toml   string // "" writes no migrate.toml
		env    map[string]string
		args   []string
		golden string
	}{
		{"prod json", projectToml, projectEnv, []string{"-x", "env=prod", "config", "--json"}, "env_prod.json"},
		{"prod human", projectToml, projectEnv, []string{"-x", "env=prod", "-x", "region=eu", "config"}, "env_prod.txt"},
		{"base human", projectToml, projectEnv, []string{"config"}, "base.txt"},
		{"base json", projectToml, projectEnv, []string{"config", "--json"}, "base.json"},
		{"no file", "", nil, []string{"config"}, "nofile.txt"},
		{"no file, DATABASE_URL", "", map[string]string{"DATABASE_URL": "postgres://u:" + prodPassword + "@h/db"}, []string{"config", "--json"}, "nofile_database_url.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.toml != "" {
				cfgWriteFile(t, filepath.Join(dir, "migrate.toml"), tt.toml)
			}
			r := cfgRun(t, dir, tt.env, tt.args...)
			if r.code != 0 || r.stderr != "" {
				t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
			}
			for _, pw := range []string{devPassword, prodPassword} {
				if strings.Contains(r.stdout, pw) {
					t.Errorf("output shows a password:\n%s", r.stdout)
				}
			}
			if strings.HasSuffix(tt.golden, ".json") && !json.Valid([]byte(r.stdout)) {
				t.Errorf("not JSON:\n%s", r.stdout)
			}
			cfgGolden(t, tt.golden, dir, r.stdout)
		})
	}
}

func TestConfigCommandProdURLRedacted(t *testing.T) {
	dir := t.TempDir()
	cfgWriteFile(t, filepath.Join(dir, "migrate.toml"), projectToml)
	r := cfgRun(t, dir, projectEnv, "-x", "env=prod", "config", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got struct {
		Env      string `json:"env"`
		Database struct {
			URL string `json:"url"`
		} `json:"database"`
		LockTimeout string `json:"lock_timeout"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	want := "postgres://deploy:xxxxx@db.prod.internal:5432/app?sslmode=require"
	if got.Env != "prod" || got.Database.URL != want || got.LockTimeout != "3s" {
		t.Errorf("got env %q url %q lock_timeout %q, want prod %q 3s", got.Env, got.Database.URL, got.LockTimeout, want)
	}
}

func TestConfigCommandErrors(t *testing.T) {
	tests := []struct {
		name   string
		toml   string
		env    map[string]string
		args   []string
		stderr string
	}{
		{
			name:   "unknown env",
			toml:   projectToml,
			args:   []string{"-x", "env=stage", "config"},
			stderr: "migrate: migrate.toml: -x env=stage: no [env.stage] table (defined: prod)\n",
		},
		{
			name:   "unset variable of the chosen env",
			toml:   projectToml,
			args:   []string{"-x", "env=prod", "config"},
			stderr: "migrate: migrate.toml:13: env.prod.database.url: variable PROD_DATABASE_URL is not set (set it in the environment, pass -x PROD_DATABASE_URL=..., or write ${PROD_DATABASE_URL:-default})\n",
		},
		{
			name:   "unknown key",
			toml:   "[target]\nschema = [\"public\"]\n",
			args:   []string{"config"},
			stderr: "migrate: migrate.toml:2: unknown key target.schema (did you mean schemas?)\n",
		},
		{
			name:   "bad -x",
			toml:   projectToml,
			args:   []string{"-x", "env", "config"},
			stderr: "migrate: -x \"env\": want key=value\n",
		},
		{
			name:   "--config that does not exist",
			args:   []string{"--config", "other.toml", "config"},
			stderr: "migrate: other.toml: config file does not exist (check --config and $MIGRATE_CONFIG)\n",
		},
		{
			name:   "$MIGRATE_CONFIG that does not exist",
			env:    map[string]string{"MIGRATE_CONFIG": "deploy/migrate.toml"},
			args:   []string{"config"},
			stderr: "migrate: deploy/migrate.toml: config file does not exist (check --config and $MIGRATE_CONFIG)\n",
		},
		{
			name:   "malformed URL with a password",
			toml:   "[database]\nurl = \"postgres://app:" + prodPassword + "@h:port/db\"\nversion_table = \"postgres://app:" + prodPassword + "@h:port/db\"\n",
			args:   []string{"config"},
			stderr: "migrate: migrate.toml:2: database.url: not a valid URL (check the port, and percent-encode special characters such as @ : / ? # in the user name and password)\n",
		},
		{
			name:   "password in an unknown key",
			toml:   "[database]\n\"postgres://app:" + prodPassword + "@h/db\" = true\n",
			args:   []string{"config"},
			stderr: "migrate: migrate.toml:2: unknown key database.\"postgres://app:xxxxx@h/db\" ([database] holds url, version_schema, version_table, history_table)\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.toml != "" {
				cfgWriteFile(t, filepath.Join(dir, "migrate.toml"), tt.toml)
			}
			r := cfgRun(t, dir, tt.env, tt.args...)
			if r.code != 2 {
				t.Errorf("exit %d, want 2", r.code)
			}
			if r.stdout != "" {
				t.Errorf("stdout %q, want nothing", r.stdout)
			}
			if got := strings.ReplaceAll(r.stderr, dir, "$DIR"); got != tt.stderr {
				t.Errorf("stderr\n got %q\nwant %q", got, tt.stderr)
			}
		})
	}
}

// TestConfigCommandUsesMigrateConfig checks that $MIGRATE_CONFIG chooses the
// file and that its directory becomes the base of relative paths.
func TestConfigCommandUsesMigrateConfig(t *testing.T) {
	dir := t.TempDir()
	cfgWriteFile(t, filepath.Join(dir, "deploy", "db.toml"), "[database]\nurl = \"embedded\"\n")
	r := cfgRun(t, dir, map[string]string{"MIGRATE_CONFIG": "deploy/db.toml"}, "config", "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got struct {
		Path     string `json:"path"`
		Versions struct {
			Dirs []string `json:"dirs"`
		} `json:"versions"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if got.Path != filepath.Join(dir, "deploy", "db.toml") || len(got.Versions.Dirs) != 1 || got.Versions.Dirs[0] != filepath.Join(dir, "deploy", "versions") {
		t.Errorf("got %+v", got)
	}
}
