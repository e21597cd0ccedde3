package config

import (
	"errors"
	"strings"
	"testing"
)

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		loadCase
		want string // the exact message, $DIR for the directory
	}{
		{
			name: "unknown key with a close spelling",
			loadCase: loadCase{toml: `[database]
url = "embedded"

[target]
go = "./models"

schema = ["public"]
`},
			want: "migrate.toml:7: unknown key target.schema (did you mean schemas?)",
		},
		{
			name:     "unknown table",
			loadCase: loadCase{toml: "\n[databse]\nurl = \"embedded\"\n"},
			want:     "migrate.toml:2: unknown key databse (did you mean database?)",
		},
		{
			name:     "top-level setting written inside a table",
			loadCase: loadCase{toml: "[database]\nurl = \"embedded\"\nlock_timeout = \"3s\"\n"},
			want:     "migrate.toml:3: unknown key database.lock_timeout (lock_timeout is a top-level setting: write it above the first [table] header)",
		},
		{
			name:     "table key written at the top",
			loadCase: loadCase{toml: "url = \"embedded\"\n"},
			want:     "migrate.toml:1: unknown key url (did you mean database.url or scratch.url?)",
		},
		{
			name:     "unknown key with nothing close lists the table",
			loadCase: loadCase{toml: "[scratch]\nhost = \"x\"\n"},
			want:     "migrate.toml:2: unknown key scratch.host ([scratch] holds url)",
		},
		{
			name: "unknown dotted key in an overlay",
			loadCase: loadCase{toml: `[database]
url = "embedded"
[env.prod]
lock_timeout = "3s"
database.uri = "postgres://h/db"
`},
			want: "migrate.toml:5: unknown key env.prod.database.uri (did you mean url?)",
		},
		{
			name: "unknown key inside an inline table",
			loadCase: loadCase{toml: `[env.prod]
database = { url = "postgres://h/db",
  versiontable = "v" }
`},
			want: "migrate.toml:3: unknown key env.prod.database.versiontable (did you mean version_table?)",
		},
		{
			name:     "unknown key in an overlay table header",
			loadCase: loadCase{toml: "[env.prod.versions]\ndir = [\"v\"]\n"},
			want:     "migrate.toml:2: unknown key env.prod.versions.dir (did you mean dirs?)",
		},
		{
			name:     "nested overlay",
			loadCase: loadCase{toml: "[env.prod.env.x]\nlock_timeout = \"1s\"\n"},
			want:     "migrate.toml:1: unknown key env.prod.env (overlays cannot be nested: [env.NAME] tables belong at the top of the file)",
		},
		{
			name:     "errors in overlays not chosen are still reported",
			loadCase: loadCase{toml: "[database]\nurl = \"embedded\"\n[env.other]\ntarget.shemas = []\n"},
			want:     "migrate.toml:4: unknown key env.other.target.shemas (did you mean schemas?)",
		},
		{
			name:     "the earliest problem is reported",
			loadCase: loadCase{toml: "[versions]\ndirs = \"versions\"\n[database]\nurl = 1\n"},
			want:     `migrate.toml:2: versions.dirs: want an array of strings, got string (write dirs = ["..."])`,
		},
		{
			name:     "wrong type: string wanted",
			loadCase: loadCase{toml: "\n\n[database]\nurl = 5432\n"},
			want:     "migrate.toml:4: database.url: want a string, got integer",
		},
		{
			name:     "wrong type: array element",
			loadCase: loadCase{toml: "[target]\nschemas = [\n  \"public\",\n  2,\n]\n"},
			want:     "migrate.toml:2: target.schemas: want an array of strings, element 2 is integer",
		},
		{
			name:     "wrong type: boolean wanted",
			loadCase: loadCase{toml: "[autogen]\nconcurrent_indexes = \"yes\"\n"},
			want:     "migrate.toml:2: autogen.concurrent_indexes: want a boolean (true or false), got string",
		},
		{
			name:     "wrong type: duration as integer",
			loadCase: loadCase{toml: "lock_timeout = 3000\n"},
			want:     `migrate.toml:1: lock_timeout: want a duration string such as "500ms", "3s" or "1m", got integer`,
		},
		{
			name:     "wrong type: table wanted",
			loadCase: loadCase{toml: "database = \"postgres://h/db\"\n"},
			want:     "migrate.toml:1: database: want a table ([database]), got string",
		},
		{
			name:     "wrong type: table given for a value",
			loadCase: loadCase{toml: "[database.url]\nhost = \"h\"\n"},
			want:     "migrate.toml:1: database.url: want a string, got table",
		},
		{
			name:     "wrong type: env is not a table",
			loadCase: loadCase{toml: "env = \"prod\"\n"},
			want:     "migrate.toml:1: env: want a table of overlays ([env.NAME]), got string",
		},
		{
			name:     "wrong type: array of tables",
			loadCase: loadCase{toml: "[[database]]\nurl = \"x\"\n"},
			want:     "migrate.toml:1: database: want a table ([database]), got array of tables",
		},
		{
			name:     "bad duration with a PostgreSQL unit",
			loadCase: loadCase{toml: "\nstatement_timeout = \"1min\"\n"},
			want:     `migrate.toml:2: statement_timeout: "1min" is not a duration (write "1m": minutes are m in Go durations)`,
		},
		{
			name:     "bad duration",
			loadCase: loadCase{toml: "lock_wait_timeout = \"soon\"\n"},
			want:     `migrate.toml:1: lock_wait_timeout: "soon" is not a duration (use a Go duration such as "500ms", "3s", "1m" or "1h30m")`,
		},
		{
			name:     "negative duration",
			loadCase: loadCase{toml: "lock_timeout = \"-1s\"\n"},
			want:     `migrate.toml:1: lock_timeout: "-1s" is negative (use "0" for no timeout)`,
		},
		{
			name:     "sub-millisecond server timeout",
			loadCase: loadCase{toml: "lock_timeout = \"1500us\"\n"},
			want:     `migrate.toml:1: lock_timeout: "1500us" is not a whole number of milliseconds, which PostgreSQL needs`,
		},
		{
			name:     "unknown env lists the defined ones",
			loadCase: loadCase{toml: "[env.prod]\n[env.dev]\n[env.ci]\n", vars: map[string]string{"env": "stage"}},
			want:     "migrate.toml: -x env=stage: no [env.stage] table (defined: ci, dev, prod)",
		},
		{
			name:     "unknown env with none defined",
			loadCase: loadCase{toml: "[database]\nurl = \"embedded\"\n", vars: map[string]string{"env": "prod"}},
			want:     "migrate.toml: -x env=prod: no [env.prod] table (the file defines no [env.NAME] overlays)",
		},
		{
			name:     "env without a file",
			loadCase: loadCase{vars: map[string]string{"env": "prod"}},
			want:     "-x env=prod: no migrate.toml in $DIR to hold [env.prod] (run 'migrate init' or pass --config)",
		},
		{
			name:     "unset variable names key and line",
			loadCase: loadCase{toml: "[database]\nurl = \"embedded\"\n[env.prod]\ndatabase.url = \"${PROD_URL}\"\n", vars: map[string]string{"env": "prod"}},
			want:     "migrate.toml:4: env.prod.database.url: variable PROD_URL is not set (set it in the environment, pass -x PROD_URL=..., or write ${PROD_URL:-default})",
		},
		{
			name:     "unset variable in an array",
			loadCase: loadCase{toml: "[versions]\ndirs = [\"a\", \"${VDIR}\"]\n"},
			want:     "migrate.toml:2: versions.dirs: variable VDIR is not set (set it in the environment, pass -x VDIR=..., or write ${VDIR:-default})",
		},
		{
			name:     "empty environment variable counts as unset",
			loadCase: loadCase{toml: "[database]\nurl = \"${DB}\"\n", env: map[string]string{"DB": ""}},
			want:     "migrate.toml:2: database.url: variable DB is not set (set it in the environment, pass -x DB=..., or write ${DB:-default})",
		},
		{
			name:     "unterminated reference",
			loadCase: loadCase{toml: "[database]\nurl = \"postgres://u:${PW@h/db\"\n"},
			want:     "migrate.toml:2: database.url: unterminated ${ (write $$ for a literal $)",
		},
		{
			name:     "invalid reference",
			loadCase: loadCase{toml: "[database]\nurl = \"${DB-x}\"\n"},
			want:     "migrate.toml:2: database.url: invalid variable reference: want ${NAME} or ${NAME:-default} with NAME made of letters, digits and _ (write $$ for a literal $)",
		},
		{
			name:     "TOML syntax error",
			loadCase: loadCase{toml: "[database]\nurl = \"embedded\"\nurl = \"again\"\n"},
			want:     "migrate.toml:3: invalid TOML: Key 'database.url' has already been defined.",
		},
		{
			name:     "TOML syntax error with a column",
			loadCase: loadCase{toml: "[database]\nurl = embedded\n"},
			want:     `migrate.toml:2:7: invalid TOML: expected value but found "embedded" instead`,
		},
		{
			name:     "version table is not a plain name",
			loadCase: loadCase{toml: "[database]\nversion_table = \"ops.Versions\"\n"},
			want:     `migrate.toml:2: database.version_table: "ops.Versions" is not a plain lowercase name: use a-z, 0-9 and _, starting with a letter or _, at most 63 bytes (set the schema with database.version_schema)`,
		},
		{
			name:     "history table equals version table",
			loadCase: loadCase{toml: "[database]\nversion_table = \"v\"\nhistory_table = \"v\"\n"},
			want:     `migrate.toml:3: database.history_table: "v" is also the version table; give the audit table another name`,
		},
		{
			name:     "invalid name in an overlay names the overlay key",
			loadCase: loadCase{toml: "[env.prod]\ndatabase.version_schema = \"1ops\"\n", vars: map[string]string{"env": "prod"}},
			want:     `migrate.toml:2: env.prod.database.version_schema: "1ops" is not a plain lowercase name: use a-z, 0-9 and _, starting with a letter or _, at most 63 bytes`,
		},
		{
			name:     "go and sql targets",
			loadCase: loadCase{toml: "[target]\ngo = \"./models\"\nsql = [\"schema/*.sql\"]\n"},
			want:     `migrate.toml:3: target.go and target.sql are both set: declare the schema in one place (an overlay can clear the other with go = "" or sql = [])`,
		},
		{
			name:     "bad glob",
			loadCase: loadCase{toml: "[target]\nexclude = [\"public.[x\"]\n"},
			want:     `migrate.toml:2: target.exclude: "public.[x" is not a valid glob pattern`,
		},
		{
			name:     "no versions dir",
			loadCase: loadCase{toml: "[versions]\ndirs = []\n"},
			want:     `migrate.toml:2: versions.dirs: name at least a versions directory`,
		},
		{
			name:     "duplicate schema",
			loadCase: loadCase{toml: "[target]\nschemas = [\"a\", \"b\", \"a\"]\n"},
			want:     `migrate.toml:2: target.schemas: "a" is listed twice`,
		},
		{
			name:     "every schema and a name",
			loadCase: loadCase{toml: "[target]\nschemas = [\"*\", \"public\"]\n"},
			want:     `migrate.toml:2: target.schemas: "*" stands for every schema and must be the only element: write schemas = ["*"] or list the schemas`,
		},
		{
			name:     "scratch is the database",
			loadCase: loadCase{toml: "[database]\nurl = \"postgres://h/app\"\n[scratch]\nurl = \"postgres://h/app\"\n"},
			want:     `migrate.toml:4: scratch.url is the same as database.url: a scratch database is dropped and recreated, so point it at a throwaway database (or leave it unset)`,
		},
		{
			name:     "unsupported scheme",
			loadCase: loadCase{toml: "[database]\nurl = \"mysql://root:hunter22@h/app\"\n"},
			want:     `migrate.toml:2: database.url: unsupported scheme "mysql": want postgres:// or postgresql://`,
		},
		{
			name:     "not a connection string",
			loadCase: loadCase{toml: "[database]\nurl = \"embeded\"\n"},
			want:     `migrate.toml:2: database.url: want a PostgreSQL URL (postgres://user@host/dbname), a key=value DSN (host=... dbname=...) or "embedded" (did you mean "embedded"?)`,
		},
		{
			name:     "bad DATABASE_URL names its source",
			loadCase: loadCase{env: map[string]string{"DATABASE_URL": "postgres://u:hunter22@h:port/db"}},
			want:     `$DATABASE_URL: database.url: not a valid URL (check the port, and percent-encode special characters such as @ : / ? # in the user name and password)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, dir, err := tt.run(t)
			if err == nil {
				t.Fatalf("Load succeeded, want %q", tt.want)
			}
			got := strings.ReplaceAll(err.Error(), dir, "$DIR")
			if got != tt.want {
				t.Errorf("error\n got: %s\nwant: %s", got, tt.want)
			}
			var ce *Error
			if !errors.As(err, &ce) {
				t.Errorf("error is %T, want *config.Error", err)
			}
			if strings.Contains(got, "hunter22") {
				t.Errorf("error shows the password: %s", got)
			}
		})
	}
}
