package config

import (
	"encoding/json"
	"errors"
	"io/fs"
	"reflect"
	"testing"
	"time"
)

const baseAndProd = `
lock_timeout = "1s"

[database]
url = "postgres://app@localhost/app"
version_table = "schema_version"

[versions]
dirs = ["versions", "more"]

[target]
go = "./models"
schemas = ["public", "billing"]

[env.prod]
database.url = "${PROD_DATABASE_URL}"
lock_timeout = "3s"
versions.dirs = ["prod_versions"]

[env.ci.database]
url = "postgres://ci@db/ci"
`

func TestLoad(t *testing.T) {
	tests := []struct {
		name string
		loadCase
		want map[string]any
	}{
		{
			name:     "no file: defaults in the working directory",
			loadCase: loadCase{},
			want: map[string]any{
				"path": "", "dir": "$DIR", "env": "",
				"database.url":            "",
				"database.version_schema": "public",
				"database.version_table":  "migrate_version",
				"database.history_table":  "migrate_history",
				"versions.dirs":           []string{"$DIR/versions"},
				"target.schemas":          []string{"public"},
				"target.go":               "",
				"target.sql":              []string{},
				"lock_timeout":            "",
				"source:database.url":     "default",
			},
		},
		{
			name:     "no file: DATABASE_URL",
			loadCase: loadCase{env: map[string]string{"DATABASE_URL": "postgres://env@h/db"}},
			want:     map[string]any{"database.url": "postgres://env@h/db", "source:database.url": "$DATABASE_URL"},
		},
		{
			name:     "-x DATABASE_URL wins over the environment",
			loadCase: loadCase{vars: map[string]string{"DATABASE_URL": "postgres://x@h/db"}, env: map[string]string{"DATABASE_URL": "postgres://env@h/db"}},
			want: map[string]any{"database.url": "postgres://x@h/db", "source:database.url": "-x DATABASE_URL",
				"vars": map[string]string{"DATABASE_URL": "postgres://x@h/db"}},
		},
		{
			name:     "base settings",
			loadCase: loadCase{toml: baseAndProd, env: map[string]string{"DATABASE_URL": "postgres://ignored@h/db"}},
			want: map[string]any{
				"path": "$DIR/migrate.toml", "dir": "$DIR",
				"database.url":           "postgres://app@localhost/app",
				"source:database.url":    "migrate.toml:5",
				"database.version_table": "schema_version",
				"database.history_table": "migrate_history",
				"versions.dirs":          []string{"$DIR/versions", "$DIR/more"},
				"target.go":              "$DIR/models",
				"target.schemas":         []string{"public", "billing"},
				"lock_timeout":           "1s",
				"source:lock_timeout":    "migrate.toml:2",
			},
		},
		{
			name: "env overlay with dotted keys",
			loadCase: loadCase{toml: baseAndProd, vars: map[string]string{"env": "prod"},
				env: map[string]string{"PROD_DATABASE_URL": "postgres://deploy@prod/app"}},
			want: map[string]any{
				"env":                    "prod",
				"database.url":           "postgres://deploy@prod/app",
				"source:database.url":    "migrate.toml:16 [env.prod]",
				"database.version_table": "schema_version",
				"versions.dirs":          []string{"$DIR/prod_versions"},
				"target.schemas":         []string{"public", "billing"},
				"lock_timeout":           "3s",
				"source:lock_timeout":    "migrate.toml:17 [env.prod]",
			},
		},
		{
			name:     "env overlay with a table header",
			loadCase: loadCase{toml: baseAndProd, vars: map[string]string{"env": "ci"}},
			want: map[string]any{
				"database.url":        "postgres://ci@db/ci",
				"source:database.url": "migrate.toml:21 [env.ci]",
				"lock_timeout":        "1s",
				"versions.dirs":       []string{"$DIR/versions", "$DIR/more"},
			},
		},
		{
			name: "env overlay with an inline table",
			loadCase: loadCase{toml: `
[env.stage]
database = { url = "postgres://stage@h/db", version_schema = "ops" }
autogen = { concurrent_indexes = true }
`, vars: map[string]string{"env": "stage"}},
			want: map[string]any{
				"database.url":               "postgres://stage@h/db",
				"database.version_schema":    "ops",
				"source:database.url":        "migrate.toml:3 [env.stage]",
				"autogen.concurrent_indexes": true,
			},
		},
		{
			name: "overlay clears a base value with an empty string",
			loadCase: loadCase{toml: `
[database]
url = "postgres://base@h/db"
version_table = "v"
[env.dev]
database.url = ""
database.version_table = ""
`, vars: map[string]string{"env": "dev"}, env: map[string]string{"DATABASE_URL": "postgres://env@h/db"}},
			want: map[string]any{
				"database.url":           "postgres://env@h/db",
				"source:database.url":    "$DATABASE_URL",
				"database.version_table": "migrate_version",
			},
		},
		{
			name: "variables of an overlay that is not chosen need not be set",
			loadCase: loadCase{toml: `
[database]
url = "embedded"
[env.prod]
database.url = "${NOT_SET_ANYWHERE}"
`},
			want: map[string]any{"database.url": "embedded"},
		},
		{
			name: "expansion: environment, -x before environment, defaults, $$",
			loadCase: loadCase{toml: `
[database]
url = "postgres://${DB_USER}@${DB_HOST:-localhost}:${DB_PORT:-5432}/${DB_NAME:-app_${env}}"
version_schema = "${SCHEMA:-ops}"
version_table = "${EMPTY:-fallback}"
[target]
schemas = ["${SCHEMA}", "cost$$center", "a$b"]
[env.dev]
`, vars: map[string]string{"env": "dev", "DB_HOST": "from-x", "SCHEMA": "from_x"},
				env: map[string]string{"DB_USER": "u", "DB_HOST": "from-env", "EMPTY": ""}},
			want: map[string]any{
				"database.url":            "postgres://u@from-x:5432/app_dev",
				"database.version_schema": "from_x",
				"database.version_table":  "fallback",
				"target.schemas":          []string{"from_x", "cost$center", "a$b"},
				"vars":                    map[string]string{"DB_HOST": "from-x", "SCHEMA": "from_x"},
			},
		},
		{
			name: "durations",
			loadCase: loadCase{toml: `
lock_timeout = "${LT:-500ms}"
statement_timeout = "1m30s"
lock_wait_timeout = "0"
`},
			want: map[string]any{"lock_timeout": "500ms", "statement_timeout": "1m30s", "lock_wait_timeout": ""},
		},
		{
			name: "paths: relative, absolute, import path, globs",
			loadCase: loadCase{toml: `
[versions]
dirs = ["db/versions", "/abs/versions", "./x/../other"]
[target]
go = "example.com/app/models"
`},
			want: map[string]any{
				"versions.dirs": []string{"$DIR/db/versions", "/abs/versions", "$DIR/other"},
				"target.go":     "example.com/app/models",
			},
		},
		{
			name: "sql target globs are resolved",
			loadCase: loadCase{toml: `
[target]
sql = ["schema/*.sql", "/abs/extra.sql"]
exclude = ["public.legacy_*", "audit.*"]
`},
			want: map[string]any{
				"target.sql":     []string{"$DIR/schema/*.sql", "/abs/extra.sql"},
				"target.exclude": []string{"public.legacy_*", "audit.*"},
			},
		},
		{
			name: "explicit path: Dir is the file's directory",
			loadCase: loadCase{path: "deploy/db.toml", files: map[string]string{"deploy/db.toml": `
[database]
url = "embedded"
`}},
			want: map[string]any{
				"path":                "$DIR/deploy/db.toml",
				"dir":                 "$DIR/deploy",
				"versions.dirs":       []string{"$DIR/deploy/versions"},
				"source:database.url": "deploy/db.toml:3",
			},
		},
		{
			name:     "empty file",
			loadCase: loadCase{toml: "# nothing yet\n"},
			want:     map[string]any{"path": "$DIR/migrate.toml", "versions.dirs": []string{"$DIR/versions"}},
		},
		{
			name: "autogen flags and key=value DSN",
			loadCase: loadCase{toml: `
[database]
url = "host=localhost dbname=app user=app"
[autogen]
concurrent_indexes = true
not_valid_constraints = true
`},
			want: map[string]any{
				"database.url":                  "host=localhost dbname=app user=app",
				"autogen.concurrent_indexes":    true,
				"autogen.not_valid_constraints": true,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, dir, err := tt.run(t)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			assertSettings(t, cfg, dir, tt.want)
		})
	}
}

func TestLoadDurationsAreTyped(t *testing.T) {
	cfg, _, err := loadCase{toml: `
lock_timeout = "3s"
statement_timeout = "1m"
lock_wait_timeout = "2h"
`}.run(t)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.LockTimeout != 3*time.Second || cfg.StatementTimeout != time.Minute || cfg.LockWaitTimeout != 2*time.Hour {
		t.Errorf("timeouts = %v %v %v", cfg.LockTimeout, cfg.StatementTimeout, cfg.LockWaitTimeout)
	}
}

func TestLoadMissingExplicitFile(t *testing.T) {
	_, _, err := loadCase{path: "nope.toml"}.run(t)
	if err == nil {
		t.Fatal("want an error")
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("error %v does not wrap fs.ErrNotExist", err)
	}
	if got, want := err.Error(), "nope.toml: config file does not exist (check --config and $MIGRATE_CONFIG)"; got != want {
		t.Errorf("error = %q, want %q", got, want)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	cfg, _, err := loadCase{toml: baseAndProd, vars: map[string]string{"env": "prod", "k": "v"},
		env: map[string]string{"PROD_DATABASE_URL": "postgres://deploy@prod/app"}}.run(t)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m["lock_timeout"] != "3s" {
		t.Errorf("lock_timeout in JSON = %#v, want \"3s\"", m["lock_timeout"])
	}
	var back Config
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	back.sources = cfg.sources
	if !reflect.DeepEqual(&back, cfg) {
		t.Errorf("round trip:\n got %+v\nwant %+v", back, *cfg)
	}
}

func TestRequireDatabase(t *testing.T) {
	cfg, _, err := loadCase{}.run(t)
	if err != nil {
		t.Fatal(err)
	}
	err = cfg.RequireDatabase()
	if !errors.Is(err, ErrNoDatabase) {
		t.Fatalf("RequireDatabase = %v, want ErrNoDatabase", err)
	}
	want := `no database configured: set database.url in a migrate.toml (run 'migrate init') (a postgres:// URL, or "embedded" for a private local cluster), or set $DATABASE_URL`
	if err.Error() != want {
		t.Errorf("got  %s\nwant %s", err, want)
	}
	cfg.Database.URL = EmbeddedURL
	if err := cfg.RequireDatabase(); err != nil {
		t.Error(err)
	}
}
