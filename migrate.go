// Package migrate is the library API of the migrate tool: it applies a
// graph of revision files to a PostgreSQL database (Upgrade, Downgrade,
// Stamp), reports where the database stands (Current, History) and writes
// offline SQL scripts. The command line is built on this same API, so an
// application can run its migrations at startup from versions embedded in
// its binary:
//
//	//go:embed versions/*.sql
//	var versions embed.FS
//
//	sub, _ := fs.Sub(versions, "versions")
//	m, err := migrate.New(ctx, migrate.Options{
//		DatabaseURL: os.Getenv("DATABASE_URL"),
//		Versions:    []revision.Source{{Dir: "versions", FS: sub}},
//	})
//	...
//	defer m.Close()
//	_, err = m.Upgrade(ctx, "head", migrate.RunOptions{})
//
// The engine prints nothing: progress is reported as typed events to
// Options.Logger, and failures are typed errors (see package runner) that
// name the revision file and line.
package migrate

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/dbconn"
	"github.com/migrate-tool/migrate/revision"
	"github.com/migrate-tool/migrate/runner"
)

// Migrator applies one set of version directories to one database. Each
// method opens its own connection for the duration of the call; a Migrator
// is safe for concurrent use, though concurrent writers simply queue on the
// database's migration lock.
type Migrator struct {
	opts   Options
	tables runner.Tables

	mu       sync.Mutex
	url      string
	resolved bool
	release  func()
	full     *revision.Graph
	texts    *revision.Graph
	headers  *revision.Graph
}

// New validates opts and returns a Migrator. It neither connects nor reads
// the version directories: that happens in the first call that needs them,
// so offline scripts (RunOptions.From) work without a database.
func New(ctx context.Context, opts Options) (*Migrator, error) {
	if len(opts.Versions) == 0 {
		return nil, errors.New("migrate: no versions directory given (Options.Versions)")
	}
	for i, src := range opts.Versions {
		if src.FS == nil {
			return nil, fmt.Errorf("migrate: versions source %d (%q) has no file system", i, src.Dir)
		}
	}
	if opts.LockTimeout < 0 || opts.StatementTimeout < 0 || opts.LockWaitTimeout < 0 {
		return nil, errors.New("migrate: timeouts cannot be negative")
	}
	tables := runner.Tables{Schema: opts.VersionSchema, Version: opts.VersionTable, History: opts.HistoryTable}
	if err := tables.Validate(); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	if opts.DatabaseURL == config.EmbeddedURL && opts.ResolveURL == nil {
		return nil, errors.New(`migrate: database URL "embedded" needs a project directory: build the options with FromConfig`)
	}
	if opts.DatabaseURL != "" && opts.ResolveURL == nil {
		if _, err := pgx.ParseConfig(opts.DatabaseURL); err != nil {
			return nil, fmt.Errorf("migrate: %w", dbconn.InvalidURLError("the database URL", opts.DatabaseURL, err))
		}
	}
	if opts.ToolVersion == "" {
		opts.ToolVersion = toolVersion()
	}
	return &Migrator{opts: opts, tables: tables}, nil
}

// Close releases what the Migrator started (the embedded cluster's
// reference). It does not interrupt calls in progress.
func (m *Migrator) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.release != nil {
		m.release()
		m.release = nil
	}
	m.resolved = false
	return nil
}

// Graph returns the revision graph, read in full (headers and statements)
// on first use and cached.
func (m *Migrator) Graph() (*revision.Graph, error) {
	return m.graph(&m.full, revision.Load)
}

// headerGraph returns the graph with headers only, which is all the
// read-only listings need; the full graph serves when already loaded.
func (m *Migrator) headerGraph() (*revision.Graph, error) {
	return m.graph(&m.headers, revision.LoadHeaders)
}

// textGraph returns the graph with section texts but no statements: what
// checksums need, without the SQL parser's cost on every revision. The
// full graph serves when already loaded.
func (m *Migrator) textGraph(ctx context.Context) (*revision.Graph, error) {
	return m.graphContext(ctx, &m.texts, revision.LoadTexts)
}

// graphContext is graph, returning as soon as ctx ends: an interrupt stops
// a command even while it reads the version directories (a slow or hung
// file system). The read itself cannot be cut short; it finishes, or not,
// in the background.
func (m *Migrator) graphContext(ctx context.Context, slot **revision.Graph, load func([]revision.Source) (*revision.Graph, error)) (*revision.Graph, error) {
	interrupted := func() error {
		return fmt.Errorf("interrupted while reading the versions directories: %w", ctx.Err())
	}
	if ctx.Err() != nil {
		return nil, interrupted()
	}
	type result struct {
		g   *revision.Graph
		err error
	}
	done := make(chan result, 1)
	go func() {
		g, err := m.graph(slot, load)
		done <- result{g, err}
	}()
	select {
	case r := <-done:
		return r.g, r.err
	case <-ctx.Done():
		return nil, interrupted()
	}
}

// graph returns the graph cached in *slot, loading it with load on first
// use. The full graph, once loaded, serves every lighter request too: it
// holds everything they need.
func (m *Migrator) graph(slot **revision.Graph, load func([]revision.Source) (*revision.Graph, error)) (*revision.Graph, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.full != nil {
		return m.full, nil
	}
	if *slot == nil {
		g, err := load(m.opts.Versions)
		if err != nil {
			return nil, err
		}
		*slot = g
	}
	return *slot, nil
}

// connect opens a session, resolving the URL on first use.
func (m *Migrator) connect(ctx context.Context) (*runner.Session, error) {
	url, err := m.databaseURL(ctx)
	if err != nil {
		return nil, err
	}
	return runner.Connect(ctx, url, runner.Config{
		Tables:           m.tables,
		LockTimeout:      m.opts.LockTimeout,
		StatementTimeout: m.opts.StatementTimeout,
		LockWaitTimeout:  m.opts.LockWaitTimeout,
		ToolVersion:      m.opts.ToolVersion,
		Logger:           m.opts.Logger,
	})
}

func (m *Migrator) databaseURL(ctx context.Context) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.resolved {
		return m.url, nil
	}
	if m.opts.ResolveURL != nil {
		url, release, err := m.opts.ResolveURL(ctx)
		if err != nil {
			return "", fmt.Errorf("open the database: %s", config.Redact(err.Error()))
		}
		m.url, m.release, m.resolved = url, release, true
		return url, nil
	}
	if m.opts.DatabaseURL == "" {
		return "", fmt.Errorf("%w; offline scripts from FROM:TO (--sql base:head) need none", dbconn.ErrNoDatabase)
	}
	m.url, m.resolved = m.opts.DatabaseURL, true
	return m.url, nil
}

// closeSession closes s, keeping err when there is one.
func closeSession(ctx context.Context, s *runner.Session, err *error) {
	cerr := s.Close(context.WithoutCancel(ctx))
	if *err == nil && cerr != nil && ctx.Err() == nil {
		*err = fmt.Errorf("close the connection: %w", cerr)
	}
}
