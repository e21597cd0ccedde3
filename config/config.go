// Package config owns migrate.toml: loading, ${VAR} expansion, [env.NAME]
// overlays chosen with -x env=NAME, -x variables, defaults and validation.
// Every message it produces has passwords redacted (see Redact).
package config

import "time"

// Config is the resolved configuration for one command run: the base file
// with the chosen env overlay applied, variables expanded and defaults filled.
type Config struct {
	// Path is the file that was loaded; empty when running without a file.
	Path string `json:"path,omitempty"`
	// Dir is the directory relative paths (versions dirs, target paths, the
	// embedded cluster) are resolved against: the config file's directory.
	Dir string `json:"dir"`
	// Env is the overlay chosen with -x env=NAME; empty for the base.
	Env string `json:"env,omitempty"`
	// Vars are the -x key=value pairs other than env.
	Vars map[string]string `json:"vars,omitempty"`

	Database Database `json:"database"`
	Versions Versions `json:"versions"`
	Target   Target   `json:"target"`
	Scratch  Scratch  `json:"scratch"`
	Autogen  Autogen  `json:"autogen"`
	Lint     Lint     `json:"lint"`
	Fleet    Fleet    `json:"fleet"`

	// LockTimeout and StatementTimeout are set as PostgreSQL's lock_timeout
	// and statement_timeout for every migration transaction; zero leaves the
	// server default.
	LockTimeout      time.Duration `json:"lock_timeout,omitempty"`
	StatementTimeout time.Duration `json:"statement_timeout,omitempty"`
	// LockWaitTimeout bounds how long a writing command waits for another
	// deployer's advisory lock; zero waits forever.
	LockWaitTimeout time.Duration `json:"lock_wait_timeout,omitempty"`

	// sources records where each setting's value came from ("default",
	// "migrate.toml:12 [env.prod]", "$DATABASE_URL"), for `migrate config`.
	sources map[string]string
	// urlErr is the deferred database.url error (Options.DeferDatabaseURL).
	urlErr error
	// fleetErr is the deferred fleet.databases error, likewise.
	fleetErr error
}

// DatabaseURLError returns the error that database.url could not be
// expanded (a ${VAR} without a value), when Load was asked to defer it;
// Database.URL is then empty and must not be used.
func (c *Config) DatabaseURLError() error { return c.urlErr }

// Database is the [database] table.
type Database struct {
	// URL is a PostgreSQL URL or key=value DSN, or "embedded" for the private
	// cluster under <Dir>/.migrate. Falls back to $DATABASE_URL.
	URL string `json:"url"`
	// VersionSchema and VersionTable name the version table
	// (default public.migrate_version); HistoryTable names the audit table
	// in the same schema (default migrate_history).
	VersionSchema string `json:"version_schema"`
	VersionTable  string `json:"version_table"`
	HistoryTable  string `json:"history_table"`
}

// Embedded reports whether the database is the private embedded cluster.
func (d Database) Embedded() bool { return d.URL == EmbeddedURL }

// EmbeddedURL is the database.url value that selects the embedded cluster.
const EmbeddedURL = "embedded"

// Versions is the [versions] table.
type Versions struct {
	// Dirs are the version directories. Load makes them absolute, resolving
	// relative entries against Config.Dir. New revisions go to the first one
	// unless --version-path.
	Dirs []string `json:"dirs"`
}

// Target is the [target] table: what the declared schema is and which part
// of the database autogenerate compares.
type Target struct {
	// Go is the Go package exposing the declared metadata: a directory
	// (./models, made absolute against Config.Dir by Load) or an import path
	// (example.com/app/models, kept as written).
	Go string `json:"go,omitempty"`
	// SQL are glob patterns of SQL files that declare the schema, made
	// absolute against Config.Dir by Load. Exclusive with Go.
	SQL []string `json:"sql,omitempty"`
	// Schemas limits comparison to these schemas (default ["public"]);
	// ["*"] (AllSchemas) compares every schema but the system ones.
	Schemas []string `json:"schemas"`
	// Exclude lists glob patterns of objects left out of comparison on both
	// sides: "schema.table", "table" (any included schema) or "schema.*".
	Exclude []string `json:"exclude,omitempty"`
}

// AllSchemas, as the only element of target.schemas, compares every
// schema except PostgreSQL's own (pg_catalog, information_schema, pg_toast
// and the temporary schemas).
const AllSchemas = "*"

// AllSchemas reports whether target.schemas is ["*"].
func (t Target) AllSchemas() bool { return len(t.Schemas) == 1 && t.Schemas[0] == AllSchemas }

// Scratch is the [scratch] table: where SQL targets are materialized and
// revisions verified. Empty URL means a temporary database on the target
// server when allowed, else the embedded cluster.
type Scratch struct {
	URL string `json:"url,omitempty"`
}

// Autogen is the [autogen] table: rendering choices for generated revisions.
type Autogen struct {
	// ConcurrentIndexes renders new indexes as CREATE INDEX CONCURRENTLY in
	// a revision marked transaction false.
	ConcurrentIndexes bool `json:"concurrent_indexes,omitempty"`
	// NotValidConstraints renders new foreign keys and checks as NOT VALID
	// followed by VALIDATE CONSTRAINT.
	NotValidConstraints bool `json:"not_valid_constraints,omitempty"`
}
