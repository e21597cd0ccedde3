package target

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/introspect"
	"github.com/migrate-tool/migrate/schema"
)

// Options tune Load.
type Options struct {
	// ServerURL is the database the target will be compared with (already
	// resolved: a real URL, not "embedded"). Its server's major version is
	// part of the cache key, and scratch databases are created on that
	// server when [scratch] url is not set and the role may create
	// databases. Empty: the embedded cluster serves as scratch and the
	// cache is not used (there is no server version to key it by).
	ServerURL string
	// Declared is metadata linked into the binary (cli.MainWithTarget).
	// When set it is the target, whatever [target] says.
	Declared Func
	// Introspect are the options the live side is read with: the same
	// schemas and exclusions apply to the materialized target.
	Introspect introspect.Options
	// NoCache neither reads nor writes the cache.
	NoCache bool
	// Logf, when set, receives progress lines for --verbose.
	Logf func(format string, args ...any)
}

func (o *Options) logf(format string, args ...any) {
	if o.Logf != nil {
		o.Logf(format, args...)
	}
}

// ErrNoTarget means the configuration declares no target.
var ErrNoTarget = errors.New("no target declared: set [target] go (a Go package exporting " +
	"func Schema() (*schema.Schema, error)) or [target] sql (SQL files) in migrate.toml")

// Load returns the declared target schema in catalog-canonical form: the
// declaration (linked-in Go metadata, the [target] go package, or the
// [target] sql files) materialized in a scratch database and introspected
// with opts.Introspect. The result is cached by content under
// <cfg.Dir>/.migrate/cache, so unchanged declarations do not touch the
// scratch server again.
func Load(ctx context.Context, cfg *config.Config, opts Options) (*schema.Schema, error) {
	var (
		decl  *schema.Schema
		srcs  []*source
		what  []byte
		label string
	)
	switch {
	case opts.Declared != nil:
		s, err := opts.Declared()
		if err != nil {
			return nil, fmt.Errorf("declared schema: %w", err)
		}
		if s == nil {
			return nil, fmt.Errorf("declared schema: Schema() returned nil")
		}
		decl, label = s, "linked-in declaration"
	case cfg.Target.Go != "" && len(cfg.Target.SQL) > 0:
		return nil, fmt.Errorf("[target] sets both go and sql: choose one")
	case cfg.Target.Go != "":
		s, err := loadGoCached(ctx, projectDir(cfg), cfg.Target.Go, opts)
		if err != nil {
			return nil, err
		}
		decl, label = s, "target.go "+cfg.Target.Go
	case len(cfg.Target.SQL) > 0:
		var err error
		if srcs, err = sqlSources(projectDir(cfg), cfg.Target.SQL); err != nil {
			return nil, err
		}
		what, label = hashSources(srcs), "target.sql"
	default:
		return nil, ErrNoTarget
	}
	if decl != nil {
		decl.Sort()
		b, err := json.Marshal(decl)
		if err != nil {
			return nil, err
		}
		h := sha256.Sum256(b)
		what = h[:]
	}

	major, err := serverMajor(ctx, opts.ServerURL)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", label, err)
	}
	key := cacheKey(what, major, opts.Introspect)
	if !opts.NoCache && major != "" {
		if s := readCache(projectDir(cfg), key); s != nil {
			opts.logf("%s: materialized schema from cache", label)
			return s, nil
		}
	}

	scratch, err := OpenScratch(ctx, cfg, opts.ServerURL)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", label, err)
	}
	defer scratch.Close(ctx)
	opts.logf("%s: materializing in scratch database %s (%s)", label, scratch.Name, scratch.Source)
	s, err := materialize(ctx, scratch, decl, srcs, opts.Introspect)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", label, err)
	}
	if err := scratch.Close(ctx); err != nil {
		return nil, err
	}
	if !opts.NoCache && major != "" {
		writeCache(projectDir(cfg), key, s)
	}
	return s, nil
}

func projectDir(cfg *config.Config) string {
	if cfg.Dir == "" {
		return "."
	}
	return cfg.Dir
}

// cacheKey hashes everything a materialized target depends on.
func cacheKey(what []byte, major string, io introspect.Options) []byte {
	h := sha256.New()
	opts, _ := json.Marshal(io)
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", cacheFormat, toolBuild(), major, opts)
	h.Write(what)
	return h.Sum(nil)
}

// serverMajor returns the major version of url's server ("15"), or "" when
// there is no server URL.
func serverMajor(ctx context.Context, url string) (string, error) {
	if url == "" || url == config.EmbeddedURL {
		return "", nil
	}
	conn, err := connect(ctx, url)
	if err != nil {
		return "", err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var v string
	if err := conn.QueryRow(ctx, "SHOW server_version_num").Scan(&v); err != nil {
		return "", redact(err)
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return "", fmt.Errorf("server_version_num %q: %w", v, err)
	}
	return strconv.Itoa(n / 10000), nil
}

// materialize applies the declaration to the scratch database and reads
// it back.
func materialize(ctx context.Context, scratch *Scratch, decl *schema.Schema, srcs []*source, io introspect.Options) (*schema.Schema, error) {
	var stmts []statement
	var roles []string
	if decl != nil {
		plan, err := autogen.Diff(&schema.Schema{}, decl, autogen.Options{})
		if err != nil {
			return nil, fmt.Errorf("render declaration: %w", err)
		}
		_, stmts = declarationSource(plan.Upgrade())
		roles = decl.Roles()
	}
	for _, src := range srcs {
		s, err := splitSource(src)
		if err != nil {
			return nil, err
		}
		stmts = append(stmts, s...)
		r, err := sqlparse.ReferencedRoles(src.text)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", src.name, err)
		}
		roles = append(roles, r...)
	}
	cfg, err := pgx.ParseConfig(scratch.URL)
	if err != nil {
		return nil, redact(err)
	}
	// One unnamed statement per command, pipelined: no statement cache to
	// invalidate while DDL changes the schema under it.
	cfg.DefaultQueryExecMode = pgx.QueryExecModeExec
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, redact(err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if err := scratch.EnsureRoles(ctx, conn, roles); err != nil {
		return nil, err
	}
	size, err := batchSize(ctx, conn)
	if err != nil {
		return nil, redact(err)
	}
	if err := applyStatements(ctx, conn, stmts, size); err != nil {
		return nil, err
	}
	// Everything in the scratch database was declared: what the model
	// cannot hold is listed, to be reported rather than silently dropped.
	io.NotManaged = true
	s, err := introspect.Introspect(ctx, conn, io)
	if err != nil {
		return nil, fmt.Errorf("read back the scratch database: %w", err)
	}
	return s, nil
}

// loadGoCached returns the Go target's declared schema, from the source
// cache when no Go file it can depend on changed since the last run.
func loadGoCached(ctx context.Context, dir, pkg string, opts Options) (*schema.Schema, error) {
	key, ok := goSourceKey(pkg)
	if ok && !opts.NoCache {
		if s := readGoCache(dir, key); s != nil {
			opts.logf("target.go %s: declaration from cache (no Go source changed)", pkg)
			return s, nil
		}
	}
	opts.logf("loading Go target %s", pkg)
	s, err := loadGo(ctx, dir, pkg)
	if err != nil {
		return nil, err
	}
	if ok && !opts.NoCache {
		writeGoCache(dir, key, s)
	}
	return s, nil
}
