// Package dbconn turns the configured database into a connection URL for one
// command run: a server URL is validated and passed through; "embedded"
// starts the project's private cluster under <project>/.migrate for the
// duration of the command.
package dbconn

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/pgcluster"
)

// EmbeddedDatabase is the database the embedded cluster keeps the
// project's schema in.
const EmbeddedDatabase = "migrate"

// StateDir is the directory, relative to the project (config) directory,
// that holds the embedded cluster and its locks.
const StateDir = ".migrate"

// ErrNoDatabase is returned when neither database.url nor DATABASE_URL is set.
var ErrNoDatabase = errors.New(`no database configured: set database.url in migrate.toml (a PostgreSQL URL or "embedded") or DATABASE_URL`)

// Open returns the URL of the configured database and a release function
// the caller must call when done (also after ctx is cancelled). For the
// embedded database it starts the cluster (creating it and the migrate
// database on first use); release stops the server unless another process
// is still using it. Errors never contain a password.
//
// The URL works with pgx and with libpq programs alike: `psql URL` reaches
// the embedded cluster over its private unix socket (the only way in: no
// TCP listener, socket directory of mode 0700, so only the project's owner
// and root can connect); keep the cluster up by calling release only after
// psql exits.
func Open(ctx context.Context, cfg *config.Config) (url string, release func(), err error) {
	if cfg.Database.Embedded() {
		return openEmbedded(ctx, cfg.Dir)
	}
	if err := cfg.DatabaseURLError(); err != nil {
		return "", nil, err
	}
	raw := cfg.Database.URL
	if raw == "" {
		return "", nil, ErrNoDatabase
	}
	if _, err := pgx.ParseConfig(raw); err != nil {
		return "", nil, InvalidURLError("database.url", raw, err)
	}
	return raw, func() {}, nil
}

func openEmbedded(ctx context.Context, projectDir string) (string, func(), error) {
	if projectDir == "" {
		projectDir = "."
	}
	c, stop, err := pgcluster.StartEmbedded(ctx, filepath.Join(projectDir, StateDir))
	if err != nil {
		return "", nil, err
	}
	release := func() {
		if err := stop(); err != nil {
			// release runs in a defer on the way out; the command's own
			// result matters more, so the failure is only reported.
			fmt.Fprintf(os.Stderr, "migrate: warning: stopping the embedded database: %v\n", err)
		}
	}
	if err := ensureDatabase(ctx, c.URL("postgres"), EmbeddedDatabase); err != nil {
		release()
		return "", nil, fmt.Errorf("embedded database (log: %s): %w", c.LogPath, err)
	}
	return c.URL(EmbeddedDatabase), release, nil
}

// ensureDatabase creates database name unless it exists. Two processes may
// race to create it; losing the race is fine.
func ensureDatabase(ctx context.Context, adminURL, name string) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return nil
	}
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "42P04" { // duplicate_database
		return nil
	}
	if err != nil {
		return fmt.Errorf("create database %s: %w", name, err)
	}
	return nil
}

// redacted formats an error message with every password removed. The
// underlying error is not wrapped because its text may hold the secret.
func redacted(format string, args ...any) error {
	return errors.New(config.Redact(fmt.Sprintf(format, args...)))
}

// InvalidURLError explains why what (a setting such as "database.url")
// does not parse as a connection string. When raw is a URL, the usual
// cause is a reserved character in the user name or password, which
// breaks the URL apart ("invalid port" for a password holding "/"): the
// message says to percent-encode it. The password never shows.
func InvalidURLError(what, raw string, err error) error {
	if strings.Contains(raw, "://") && brokenURL(err) {
		return redacted("%s is not a valid PostgreSQL URL: %v: percent-encode reserved characters in the user name and password "+
			"(@ as %%40, : as %%3A, / as %%2F, ? as %%3F, # as %%23, %% as %%25), or write key=value pairs instead", what, err)
	}
	return redacted("%s is not a valid PostgreSQL URL or DSN: %v: write postgres://user:password@host:port/dbname or key=value pairs", what, err)
}

// brokenURL reports whether a parse error is about the URL's syntax (a
// character that splits it in the wrong place), rather than a setting.
func brokenURL(err error) bool {
	msg := err.Error()
	for _, s := range []string{"invalid port", "failed to parse as URL", "invalid percent-encoded", "invalid character", "invalid URL escape"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
