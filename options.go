package migrate

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/revision"
	"github.com/migrate-tool/migrate/runner"
)

// Options configures a Migrator.
type Options struct {
	// DatabaseURL is a PostgreSQL URL or key=value DSN. It may be empty for
	// a Migrator that only writes offline scripts from FROM:TO.
	DatabaseURL string
	// ResolveURL, when set, is called once on first connection instead of
	// using DatabaseURL, and the returned release runs at Close. FromConfig
	// sets it for the embedded cluster.
	ResolveURL func(ctx context.Context) (url string, release func(), err error)

	// VersionSchema, VersionTable and HistoryTable name the version table
	// and the audit table (defaults public, migrate_version,
	// migrate_history).
	VersionSchema string
	VersionTable  string
	HistoryTable  string

	// Versions are the version directories, e.g. os.DirFS("versions") or
	// fs.Sub of an embed.FS.
	Versions []revision.Source

	// LockTimeout and StatementTimeout are set as lock_timeout and
	// statement_timeout for every migration transaction; zero keeps the
	// server's. LockWaitTimeout bounds the wait for another deployer's
	// migration lock; zero waits until the context ends.
	LockTimeout      time.Duration
	StatementTimeout time.Duration
	LockWaitTimeout  time.Duration

	// Logger receives progress events; nil drops them.
	Logger Logger
	// ToolVersion is recorded in the audit table; the module version of
	// this package when empty.
	ToolVersion string
}

// FromConfig builds Options from a loaded configuration: the database URL
// (the embedded cluster is started on first connection and released by
// Close), table names, version directories relative to cfg.Dir, and
// timeouts. Set Logger and ToolVersion on the result as needed.
func FromConfig(cfg *config.Config) Options {
	o := Options{
		DatabaseURL:      cfg.Database.URL,
		VersionSchema:    cfg.Database.VersionSchema,
		VersionTable:     cfg.Database.VersionTable,
		HistoryTable:     cfg.Database.HistoryTable,
		LockTimeout:      cfg.LockTimeout,
		StatementTimeout: cfg.StatementTimeout,
		LockWaitTimeout:  cfg.LockWaitTimeout,
	}
	for _, d := range cfg.Versions.Dirs {
		abs := d
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(cfg.Dir, d)
		}
		o.Versions = append(o.Versions, revision.Source{Dir: shortDir(cfg.Dir, abs), FS: os.DirFS(abs)})
	}
	if cfg.Database.Embedded() || cfg.DatabaseURLError() != nil {
		// dbconn starts the embedded cluster, or reports the database.url
		// that could not be expanded once a connection is needed.
		o.ResolveURL = embeddedResolver(cfg)
	}
	return o
}

// shortDir is how messages show a versions directory: relative to the
// project directory when inside it ("versions"), else as given.
func shortDir(project, dir string) string {
	if project == "" {
		return dir
	}
	rel, err := filepath.Rel(project, dir)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return dir
	}
	return rel
}

// RunOptions modify an Upgrade or Downgrade.
type RunOptions struct {
	// SQL, when set, receives the offline script instead of the run: the
	// database is only read (for its current heads), never written.
	SQL io.Writer
	// From, with SQL, is where the script starts ("base", "head", a
	// revision...) instead of the database's heads: no connection at all.
	From string
	// AllowEdited runs even when applied revisions were edited since.
	AllowEdited bool
	// ApplyMissing applies, before the pending revisions, the revisions
	// below the applied heads that never ran (history inserted or
	// re-parented after its descendants were applied); without it such
	// revisions make Upgrade refuse with a *MissingError. Downgrade
	// ignores it.
	ApplyMissing bool
	// Transaction is PerRevision (default) or All.
	Transaction TxMode
}

// StampOptions modify a Stamp.
type StampOptions struct {
	// Purge empties the version table first, whatever it holds (even rows
	// the graph does not know).
	Purge bool
	// SQL and From work as in RunOptions.
	SQL  io.Writer
	From string
}

// TxMode says how a run is split into transactions.
type TxMode = runner.TxMode

// Transaction modes.
const (
	// PerRevision runs each revision and its version-table update in its
	// own transaction.
	PerRevision = runner.PerRevision
	// AllInOne runs the whole plan in one transaction.
	AllInOne = runner.All
)

// ParseTxMode parses "revision" or "all".
func ParseTxMode(s string) (TxMode, error) { return runner.ParseTxMode(s) }

// toolVersion is this module's version as recorded by the Go toolchain:
// the dependency version inside an application, "(devel)" in a checkout.
func toolVersion() string {
	const path = "github.com/migrate-tool/migrate"
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	if bi.Main.Path == path {
		return "migrate " + bi.Main.Version
	}
	for _, d := range bi.Deps {
		if d.Path == path {
			return "migrate " + d.Version
		}
	}
	return "unknown"
}
