package target

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/pgdial"
	"github.com/migrate-tool/migrate/introspect"
)

// KeptPrefix starts the name of the scratch database incremental
// materialization keeps on the scratch server between runs. It never
// holds anything between runs: every replay is rolled back.
const KeptPrefix = "migrate_scratch_kept_"

// keptScratch is a connection to the kept scratch database, empty as a
// database fresh from template0 (checked by its catalog fingerprint).
type keptScratch struct {
	conn    *pgx.Conn
	name    string
	source  string
	record  string // the project's record of it
	release func()
}

// rerecord remembers the database's fingerprint as it is now: after roles
// were created for a replay (roles belong to the whole cluster, and the
// fingerprint covers their names), the database is still as it was made.
func (k *keptScratch) rerecord(ctx context.Context) {
	fp, err := introspect.ReadFingerprint(ctx, k.conn)
	if err != nil {
		return
	}
	if b, err := json.Marshal(keptRecord{Name: k.name, Fingerprint: fp}); err == nil {
		writeFileAtomic(filepath.Dir(k.record), k.record, b)
	}
}

func (k *keptScratch) Close(ctx context.Context) {
	if k.conn != nil {
		k.conn.Close(context.WithoutCancel(ctx))
	}
	if k.release != nil {
		k.release()
	}
}

// keptRecord is what the project remembers about its kept database: its
// name and its fingerprint when it was empty.
type keptRecord struct {
	Name        string                 `json:"name"`
	Fingerprint introspect.Fingerprint `json:"fingerprint"`
}

// openKept connects to the project's kept scratch database on the server
// OpenScratch would choose, creating it when missing and creating it
// again when its fingerprint shows it is not as it was made (someone
// wrote to it, the server restarted).
func openKept(ctx context.Context, cfg *config.Config, serverURL string) (*keptScratch, error) {
	if k := reopenKeptOnTarget(ctx, cfg, serverURL); k != nil {
		return k, nil
	}
	admin, source, release, err := scratchServer(ctx, cfg, serverURL)
	if err != nil {
		return nil, err
	}
	k, err := openKeptOn(ctx, cfg, admin)
	if err != nil {
		release()
		return nil, err
	}
	k.source, k.release = source, release
	return k, nil
}

// reopenKeptOnTarget connects to the kept database an earlier run made on
// the compared server itself, without asking first whether the role may
// create databases: the record says it could, and using the database
// needs no such right. Anything short of the recorded, untouched database
// returns nil, and openKept takes the long way.
func reopenKeptOnTarget(ctx context.Context, cfg *config.Config, serverURL string) *keptScratch {
	if cfg.Scratch.URL != "" || serverURL == "" || serverURL == config.EmbeddedURL {
		return nil
	}
	k := findKept(ctx, cfg, serverURL)
	if k == nil {
		return nil
	}
	k.source, k.release = ScratchOnTarget, func() {}
	if cfg.Database.URL == config.EmbeddedURL {
		k.source = ScratchOnEmbedded
	}
	return k
}

// keptOpening is openKept running while the caller plans the replay.
type keptOpening struct {
	done chan struct{}
	k    *keptScratch
	err  error
}

// startKept opens the kept database in the background: connecting and
// checking its fingerprint costs round trips the planning can hide.
func startKept(ctx context.Context, cfg *config.Config, serverURL string) *keptOpening {
	o := &keptOpening{done: make(chan struct{})}
	go func() {
		defer close(o.done)
		o.k, o.err = openKept(ctx, cfg, serverURL)
	}()
	return o
}

// take waits for the database; the caller closes it.
func (o *keptOpening) take() (*keptScratch, error) {
	<-o.done
	k, err := o.k, o.err
	o.k = nil
	return k, err
}

// discard waits for the opening and closes what it opened, unless take
// had it. A nil opening has nothing to discard.
func (o *keptOpening) discard(ctx context.Context) {
	if o == nil {
		return
	}
	<-o.done
	if o.k != nil {
		o.k.Close(ctx)
		o.k = nil
	}
}

// scratchServer returns the admin URL of the server OpenScratch would
// create scratch databases on.
func scratchServer(ctx context.Context, cfg *config.Config, serverURL string) (admin, source string, release func(), err error) {
	none := func() {}
	if cfg.Scratch.URL != "" && cfg.Scratch.URL != config.EmbeddedURL {
		return cfg.Scratch.URL, ScratchFromConfig, none, nil
	}
	if cfg.Scratch.URL == "" && serverURL != "" && serverURL != config.EmbeddedURL {
		ok, err := mayCreateDatabase(ctx, serverURL)
		if err != nil {
			return "", "", nil, err
		}
		if ok {
			source := ScratchOnTarget
			if cfg.Database.URL == config.EmbeddedURL {
				source = ScratchOnEmbedded
			}
			return serverURL, source, none, nil
		}
	}
	url, rel, err := openScratchCluster(ctx, cfg)
	if err != nil {
		return "", "", nil, err
	}
	return url, ScratchOnEmbedded, rel, nil
}

func keptRecordPath(cfg *config.Config, admin string) string {
	h := sha256.Sum256([]byte(config.Redact(admin)))
	return filepath.Join(projectDir(cfg), CacheDir, "kept-"+hex.EncodeToString(h[:8])+".json")
}

func keptName(cfg *config.Config) string {
	dir, err := filepath.Abs(projectDir(cfg))
	if err != nil {
		dir = projectDir(cfg)
	}
	h := sha256.Sum256([]byte(dir))
	return KeptPrefix + hex.EncodeToString(h[:6])
}

func openKeptOn(ctx context.Context, cfg *config.Config, admin string) (*keptScratch, error) {
	if k := findKept(ctx, cfg, admin); k != nil {
		return k, nil
	}
	// Missing, unknown or not as made: make it again.
	name := keptName(cfg)
	url, err := withDatabase(admin, name)
	if err != nil {
		return nil, err
	}
	if err := dropDatabase(ctx, admin, name); err != nil {
		return nil, err
	}
	if err := createDatabase(ctx, admin, name); err != nil {
		return nil, err
	}
	conn, err := connectReplay(ctx, url)
	if err != nil {
		return nil, err
	}
	k := &keptScratch{conn: conn, name: name, record: keptRecordPath(cfg, admin)}
	k.rerecord(ctx)
	return k, nil
}

// findKept connects to the kept database on admin's server when the
// project's record names it and its fingerprint is the recorded one (it
// is as it was made), else returns nil.
func findKept(ctx context.Context, cfg *config.Config, admin string) *keptScratch {
	path := keptRecordPath(cfg, admin)
	var rec keptRecord
	b, err := os.ReadFile(path)
	if err != nil || json.Unmarshal(b, &rec) != nil {
		return nil
	}
	name := keptName(cfg)
	if rec.Name != name || rec.Fingerprint == "" {
		return nil
	}
	url, err := withDatabase(admin, name)
	if err != nil {
		return nil
	}
	conn, err := connectReplay(ctx, url)
	if err != nil {
		return nil
	}
	fp, err := introspect.ReadFingerprint(ctx, conn)
	if err != nil || fp != rec.Fingerprint {
		conn.Close(context.WithoutCancel(ctx))
		return nil
	}
	return &keptScratch{conn: conn, name: name, record: path}
}

// connectReplay connects for replaying DDL: one unnamed statement per
// command, so no prepared statement outlives the schema it was planned on.
func connectReplay(ctx context.Context, url string) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, redact(err)
	}
	cfg.DefaultQueryExecMode = pgx.QueryExecModeExec
	conn, err := pgdial.Connect(ctx, cfg)
	if err != nil {
		return nil, redact(err)
	}
	return conn, nil
}

func createDatabase(ctx context.Context, admin, name string) error {
	conn, err := connect(ctx, admin)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" TEMPLATE template0")
	var pg *pgconn.PgError
	if errors.As(err, &pg) && pg.Code == "42P04" { // another process made it first
		return nil
	}
	if err != nil {
		return fmt.Errorf("create database %s: %w", name, redact(err))
	}
	return nil
}
