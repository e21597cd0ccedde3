package migrate

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/pgdial"
	"github.com/migrate-tool/migrate/introspect"
	"github.com/migrate-tool/migrate/runner"
	"github.com/migrate-tool/migrate/schema"
	"github.com/migrate-tool/migrate/target"
)

// The daily path (edit the declaration, check, autogenerate) reads the
// same live schema again and again. A cheap catalog fingerprint
// (introspect.Fingerprint) proves the catalog has not changed since a
// schema was read, so that schema is read from .migrate/cache instead;
// and a comparison found clean is remembered by the fingerprint and the
// declaration's identity, so a no-op check neither reads nor diffs. Both
// only apply with a configuration (the cache lives in its project) and
// without NoCache.

// cacheDir is the project directory whose .migrate/cache o may use, or
// "" when caching is off.
func (o *CompareOptions) cacheDir() string {
	if o.Config == nil || o.NoCache || o.Target != nil {
		return ""
	}
	if o.Config.Dir == "" {
		return "."
	}
	return o.Config.Dir
}

// liveConn connects to the live database, tracing with o.Tracer.
func (m *Migrator) liveConn(ctx context.Context, o CompareOptions) (*pgx.Conn, error) {
	url, err := m.databaseURL(ctx)
	if err != nil {
		return nil, err
	}
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("database URL: %s", config.Redact(err.Error()))
	}
	cfg.Tracer = o.Tracer
	conn, err := pgdial.Connect(ctx, cfg)
	if err != nil {
		return nil, &runner.ConnectError{Err: err}
	}
	return conn, nil
}

// inspectLive reads the live schema (unfiltered) on conn: from the cache
// when the catalog's fingerprint fp (read already, or "" to read it now)
// names a schema read before, else from the catalog, cached for next
// time. It returns the fingerprint the schema goes with.
func (m *Migrator) inspectLive(ctx context.Context, conn *pgx.Conn, o CompareOptions, fp introspect.Fingerprint) (*schema.Schema, introspect.Fingerprint, error) {
	io := m.introspectOptions(o)
	dir := o.cacheDir()
	if dir == "" || o.Target != nil {
		// A target given whole (fleet's, loaded once) has no identity
		// to key a verdict by; comparing it costs only the diff.
		o.logf("reading the live schema (schemas %s)", strings.Join(io.Schemas, ", "))
		s, err := introspect.Introspect(ctx, conn, io)
		return s, "", err
	}
	if fp == "" {
		var err error
		if fp, err = introspect.ReadFingerprint(ctx, conn); err != nil {
			return nil, "", err
		}
	}
	if s := target.CachedLive(dir, fp, io); s != nil {
		o.logf("live schema from cache (catalog unchanged since it was read)")
		return s, fp, nil
	}
	o.logf("reading the live schema (schemas %s)", strings.Join(io.Schemas, ", "))
	s, fp, err := introspect.IntrospectFingerprint(ctx, conn, io)
	if err != nil {
		return nil, "", err
	}
	target.CacheLive(dir, fp, io, s)
	return s, fp, nil
}

// verdictSettings renders everything besides the two schemas that decides
// a comparison's plan.
func (m *Migrator) verdictSettings(o CompareOptions) []byte {
	b, _ := json.Marshal(struct {
		Introspect introspect.Options
		Filter     schema.Filter
		Autogen    autogen.Options
	}{m.introspectOptions(o), o.filter(), o.autogenOptions()})
	return b
}

// quickCheck answers a check from the cache: clean when the live catalog
// and the declaration are those of a comparison found clean before. On a
// miss it compares for real and remembers a clean result. It also returns
// what the declaration holds that the comparison cannot see.
func (m *Migrator) quickCheck(ctx context.Context, o CompareOptions) (*autogen.Plan, []schema.NotManaged, error) {
	dir := o.cacheDir()
	if dir == "" || o.Target != nil {
		// A target given whole (fleet's, loaded once) has no identity
		// to key a verdict by; comparing it costs only the diff.
		cmp, err := m.compare(ctx, o)
		if err != nil {
			return nil, nil, err
		}
		return cmp.Plan, cmp.Target.NotManaged, nil
	}
	// The declaration's identity (building a linked-in one, hashing Go
	// sources) is worked out while this connects and the server computes
	// the fingerprint; neither needs the server version.
	type identified struct {
		decl     *target.Declaration
		identity []byte
	}
	ident := inBackground(ctx, func(ctx context.Context) (identified, error) {
		decl, err := m.prepareTarget(ctx, o, "")
		if err != nil {
			return identified{}, err
		}
		identity, err := decl.Identity(ctx)
		return identified{decl, identity}, err
	})
	conn, err := m.liveConn(ctx, o)
	if err != nil {
		ident.stop()
		return nil, nil, err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	fp, err := introspect.ReadFingerprint(ctx, conn)
	if err != nil {
		ident.stop()
		return nil, nil, err
	}
	id, err := ident.wait()
	if err != nil {
		return nil, nil, err
	}
	decl := id.decl
	decl.SetServerMajor(serverMajorOf(conn))
	key := target.VerdictKey(fp, id.identity, m.verdictSettings(o))
	if nm, ok := target.FoundClean(dir, key); ok {
		o.logf("no changes (the catalog and the declaration are those of a clean check before)")
		return &autogen.Plan{}, nm, nil
	}
	cmp, err := m.compareOn(ctx, conn, o, fp, decl)
	if err != nil {
		return nil, nil, err
	}
	if cmp.Plan.Empty() && cmp.fingerprint == fp {
		target.RecordClean(dir, key, cmp.Target.NotManaged)
	}
	return cmp.Plan, cmp.Target.NotManaged, nil
}
