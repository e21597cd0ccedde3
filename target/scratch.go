package target

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/pgcluster"
	"github.com/migrate-tool/migrate/internal/pgdial"
)

// ScratchPrefix starts the name of every scratch database, so leftovers of
// a killed process are easy to recognize (and drop).
const ScratchPrefix = "migrate_scratch_"

// Where a scratch database was created.
const (
	ScratchFromConfig   = "scratch.url"
	ScratchOnTarget     = "target server"
	ScratchOnEmbedded   = "embedded cluster"
	scratchDropDeadline = time.Minute
)

// Scratch is a temporary database for materializing declarations and
// verifying revisions. Close drops it.
type Scratch struct {
	// URL connects to the scratch database.
	URL string
	// Name is the database name (migrate_scratch_<random>).
	Name string
	// Source says where it lives: ScratchFromConfig, ScratchOnTarget or
	// ScratchOnEmbedded.
	Source string
	// ServerVersion is the server's server_version_num (150004 for 15.4).
	ServerVersion int

	admin   string // URL of the database the scratch one is created from
	release func()
}

// OpenScratch creates a scratch database: on the [scratch] url server
// when configured, else on the server of serverURL (the target database)
// when its role may create databases, else on the project's embedded
// cluster. The caller must Close it.
func OpenScratch(ctx context.Context, cfg *config.Config, serverURL string) (*Scratch, error) {
	if cfg.Scratch.URL != "" {
		if cfg.Scratch.URL == config.EmbeddedURL {
			return openEmbeddedScratch(ctx, cfg)
		}
		s, err := createScratch(ctx, cfg.Scratch.URL, ScratchFromConfig)
		if err != nil {
			return nil, fmt.Errorf("scratch database on scratch.url: %w", err)
		}
		return s, nil
	}
	if serverURL != "" && serverURL != config.EmbeddedURL {
		ok, err := mayCreateDatabase(ctx, serverURL)
		if err != nil {
			return nil, fmt.Errorf("scratch database: %w", err)
		}
		if ok {
			source := ScratchOnTarget
			if cfg.Database.URL == config.EmbeddedURL {
				// serverURL is the embedded cluster, resolved: private to
				// the project, so roles may be created there too.
				source = ScratchOnEmbedded
			}
			s, err := createScratch(ctx, serverURL, source)
			if err == nil {
				return s, nil
			}
			// The role may lack privileges we cannot see from pg_roles
			// (a pooler, a managed service): the embedded cluster still
			// works.
		}
	}
	return openEmbeddedScratch(ctx, cfg)
}

// mayCreateDatabase reports whether the role of url may CREATE DATABASE.
func mayCreateDatabase(ctx context.Context, url string) (bool, error) {
	conn, err := connect(ctx, url)
	if err != nil {
		return false, err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var ok bool
	err = conn.QueryRow(ctx, "SELECT rolcreatedb OR rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user").Scan(&ok)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	return ok, err
}

func openEmbeddedScratch(ctx context.Context, cfg *config.Config) (*Scratch, error) {
	url, release, err := openScratchCluster(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("scratch database on the embedded cluster: %w", err)
	}
	s, err := createScratch(ctx, url, ScratchOnEmbedded)
	if err != nil {
		release()
		return nil, fmt.Errorf("scratch database on the embedded cluster: %w", err)
	}
	s.release = release
	return s, nil
}

// createScratch creates a uniquely named database from the server of
// adminURL.
func createScratch(ctx context.Context, adminURL, source string) (*Scratch, error) {
	conn, err := connect(ctx, adminURL)
	if err != nil {
		return nil, err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var version string
	if err := conn.QueryRow(ctx, "SHOW server_version_num").Scan(&version); err != nil {
		return nil, redact(err)
	}
	num, _ := strconv.Atoi(version)
	name, err := scratchName()
	if err != nil {
		return nil, err
	}
	create := "CREATE DATABASE " + pgx.Identifier{name}.Sanitize() + " TEMPLATE template0"
	if isScratchCluster(ctx, conn) {
		create += pgcluster.CreateDatabaseStrategy(num)
	}
	if _, err := conn.Exec(ctx, create); err != nil {
		return nil, fmt.Errorf("create database %s: %w", name, redact(err))
	}
	scratchURL, err := withDatabase(adminURL, name)
	if err != nil {
		dropDatabase(ctx, adminURL, name)
		return nil, err
	}
	return &Scratch{URL: scratchURL, Name: name, Source: source, ServerVersion: num, admin: adminURL}, nil
}

// Close drops the scratch database (terminating any session still in it)
// and releases the embedded cluster. It works after ctx is cancelled.
func (s *Scratch) Close(ctx context.Context) error {
	if s == nil || s.admin == "" {
		return nil
	}
	err := dropDatabase(ctx, s.admin, s.Name)
	s.admin = ""
	if s.release != nil {
		s.release()
		s.release = nil
	}
	return err
}

func dropDatabase(ctx context.Context, adminURL, name string) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), scratchDropDeadline)
	defer cancel()
	conn, err := connect(ctx, adminURL)
	if err != nil {
		return fmt.Errorf("drop scratch database %s: %w", name, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
		return fmt.Errorf("drop scratch database %s: %w", name, redact(err))
	}
	return nil
}

func scratchName() (string, error) {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return ScratchPrefix + hex.EncodeToString(b), nil
}

// withDatabase returns the connection string raw pointing at database
// name instead, for URLs and key=value DSNs alike.
func withDatabase(raw, name string) (string, error) {
	if strings.HasPrefix(raw, "postgres://") || strings.HasPrefix(raw, "postgresql://") {
		u, err := url.Parse(raw)
		if err != nil {
			return "", errors.New(config.Redact(fmt.Sprintf("database URL: %v", err)))
		}
		u.Path = "/" + name
		u.RawPath = ""
		q := u.Query()
		if q.Has("dbname") {
			q.Set("dbname", name)
			u.RawQuery = q.Encode()
		}
		return u.String(), nil
	}
	// In a key=value DSN a later key overrides an earlier one.
	return strings.TrimSpace(raw) + " dbname='" + strings.ReplaceAll(name, `'`, `\'`) + "'", nil
}

// connect opens one connection; its errors carry no password.
func connect(ctx context.Context, url string) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, errors.New(config.Redact(fmt.Sprintf("invalid database URL: %v", err)))
	}
	conn, err := pgdial.Connect(ctx, cfg)
	if err != nil {
		return nil, redact(err)
	}
	return conn, nil
}

// redact rewrites an error's text without passwords, keeping PostgreSQL
// errors (which carry none) as they are so callers can inspect them.
func redact(err error) error {
	if err == nil {
		return nil
	}
	var pg interface{ SQLState() string }
	if errors.As(err, &pg) {
		return err
	}
	return errors.New(config.Redact(err.Error()))
}
