package runner

import (
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// Default names of the tables the runner keeps, used when Tables leaves a
// name empty.
const (
	DefaultSchema       = "public"
	DefaultVersionTable = "migrate_version"
	DefaultHistoryTable = "migrate_history"
)

// lockNamespace seeds the advisory lock key so that it cannot collide with
// keys an application derives from small integers.
const lockNamespace = "migrate-tool/migrate advisory lock v1:"

// Tables names the version table and the audit table, both in Schema.
type Tables struct {
	Schema  string
	Version string
	History string
}

// withDefaults fills empty names with the defaults.
func (t Tables) withDefaults() Tables {
	if t.Schema == "" {
		t.Schema = DefaultSchema
	}
	if t.Version == "" {
		t.Version = DefaultVersionTable
	}
	if t.History == "" {
		t.History = DefaultHistoryTable
	}
	return t
}

// Validate reports names PostgreSQL cannot hold as identifiers.
func (t Tables) Validate() error {
	t = t.withDefaults()
	for _, n := range []struct{ what, name string }{
		{"version schema", t.Schema},
		{"version table", t.Version},
		{"history table", t.History},
	} {
		if len(n.name) > 63 {
			return fmt.Errorf("%s name %q is longer than PostgreSQL's 63-byte identifier limit", n.what, n.name)
		}
		if strings.ContainsRune(n.name, 0) {
			return fmt.Errorf("%s name %q contains a NUL byte", n.what, n.name)
		}
	}
	if t.Version == t.History {
		return fmt.Errorf("version table and history table are both named %q: choose two names", t.Version)
	}
	return nil
}

// VersionName is the version table's schema-qualified name as shown to users.
func (t Tables) VersionName() string {
	t = t.withDefaults()
	return t.Schema + "." + t.Version
}

// HistoryName is the audit table's schema-qualified name as shown to users.
func (t Tables) HistoryName() string {
	t = t.withDefaults()
	return t.Schema + "." + t.History
}

func (t Tables) versionIdent() string {
	t = t.withDefaults()
	return pgx.Identifier{t.Schema, t.Version}.Sanitize()
}

func (t Tables) historyIdent() string {
	t = t.withDefaults()
	return pgx.Identifier{t.Schema, t.History}.Sanitize()
}

func (t Tables) schemaIdent() string {
	return pgx.Identifier{t.withDefaults().Schema}.Sanitize()
}

// LockKey is the pg_advisory_lock key guarding this version table: every
// writer of the same table on the same database takes the same key.
func (t Tables) LockKey() int64 {
	h := fnv.New64a()
	h.Write([]byte(lockNamespace + t.VersionName()))
	return int64(h.Sum64())
}

// createVersionTable and createHistoryTable are the only definitions of the
// two tables: the online runner and the offline script both use them, so a
// database set up either way has the same catalog.
func (t Tables) createVersionTable() string {
	return "CREATE TABLE IF NOT EXISTS " + t.versionIdent() + " (\n" +
		"    version_num text NOT NULL PRIMARY KEY\n" +
		")"
}

func (t Tables) createHistoryTable() string {
	return "CREATE TABLE IF NOT EXISTS " + t.historyIdent() + " (\n" +
		"    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n" +
		"    version_num text NOT NULL,\n" +
		"    direction text NOT NULL CHECK (direction IN ('upgrade', 'downgrade', 'stamp', 'unstamp')),\n" +
		"    started_at timestamptz NOT NULL,\n" +
		"    duration interval NOT NULL,\n" +
		"    checksum text,\n" +
		"    tool_version text NOT NULL,\n" +
		"    db_user text NOT NULL DEFAULT current_user,\n" +
		"    message text\n" +
		")"
}

// Audit directions beyond revision.Direction's two: a stamp moves the
// version table without running SQL.
const (
	auditStamp   = "stamp"
	auditUnstamp = "unstamp"
)
