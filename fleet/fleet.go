// Package fleet rolls one revision history across many PostgreSQL
// databases: a database per tenant, shards of one schema, regional copies.
// Each database gets exactly the single-database path of package migrate
// (its advisory lock, a transaction per revision, audit rows), so a failed
// database stays at the last revision it committed and a rerun continues
// where each database is.
//
// A Fleet bounds how many databases run at once, can run a few canary
// databases alone first, and stops starting new databases after the first
// failure unless told to continue. It prints nothing: progress arrives as
// typed events (Logger) and the outcome as one Result per database.
//
//	f, err := fleet.New(ctx, fleet.Options{
//		Databases: []string{"postgres://app@db1/tenant_a", "postgres://app@db2/tenant_b"},
//		Migrate:   migrate.Options{Versions: []revision.Source{{Dir: "versions", FS: os.DirFS("versions")}}},
//		Parallel:  4,
//	})
//	...
//	defer f.Close()
//	rep, err := f.Upgrade(ctx, "head", migrate.RunOptions{})
//	...
//	if !rep.OK() { return rep.Err() }
package fleet

import (
	"context"
	"errors"
	"fmt"
	"time"

	migrate "github.com/migrate-tool/migrate"
)

// DefaultParallel is how many databases run at once when Options.Parallel
// is zero.
const DefaultParallel = 4

// Options configure a Fleet.
type Options struct {
	// Databases are the connection strings (URLs or key=value DSNs), in
	// the order they run. Two entries reaching the same database (host,
	// port and database name) are an error.
	Databases []string
	// Migrate holds what every database shares: versions, table names,
	// timeouts, tool version. Its DatabaseURL, ResolveURL and Logger are
	// not used.
	Migrate migrate.Options
	// Parallel is how many databases run at once; DefaultParallel when 0.
	Parallel int
	// Canary runs the first Canary databases first, alone (up to Parallel
	// at once); if one of them fails no other database starts, whatever
	// ContinueOnError says.
	Canary int
	// ContinueOnError starts every database even after failures. Without
	// it, after the first failure no new database starts: those running
	// finish, the others end as StatusSkipped.
	ContinueOnError bool
	// Logger receives progress events; nil drops them.
	Logger Logger
	// Stop, when closed, stops starting new databases while those running
	// finish normally: a graceful interrupt. Canceling the context
	// instead also interrupts the running databases, each the way a
	// single-database run is interrupted (its statement canceled, its
	// revision rolled back).
	Stop <-chan struct{}
}

// Fleet runs operations across a list of databases. It holds no
// connection between operations; each database's connections are closed
// as soon as that database is done.
type Fleet struct {
	opts  Options
	conns []string
	names []string
	base  *migrate.Migrator
	log   *serialLogger
}

// New validates opts and returns a Fleet. It connects to nothing; the
// revision files are read by the first operation.
func New(ctx context.Context, opts Options) (*Fleet, error) {
	switch {
	case opts.Parallel < 0:
		return nil, fmt.Errorf("fleet: parallel must be 1 or more, got %d", opts.Parallel)
	case opts.Parallel == 0:
		opts.Parallel = DefaultParallel
	}
	if opts.Canary < 0 {
		return nil, fmt.Errorf("fleet: canary must be 0 or more, got %d", opts.Canary)
	}
	names, err := identify(opts.Databases)
	if err != nil {
		return nil, fmt.Errorf("fleet: %w", err)
	}
	mo := opts.Migrate
	mo.DatabaseURL, mo.ResolveURL, mo.Logger = "", nil, nil
	base, err := migrate.New(ctx, mo)
	if err != nil {
		return nil, err
	}
	return &Fleet{
		opts:  opts,
		conns: append([]string(nil), opts.Databases...),
		names: names,
		base:  base,
		log:   &serialLogger{l: opts.Logger},
	}, nil
}

// Close releases the Fleet. Databases close their connections as they
// finish, so there is nothing left open between operations.
func (f *Fleet) Close() error { return f.base.Close() }

// Databases returns the databases' connection strings with passwords
// redacted, in fleet order: how events and results name them.
func (f *Fleet) Databases() []string { return append([]string(nil), f.names...) }

// Upgrade upgrades every database to target ("head", "heads", a revision,
// "label@head", "+N") as migrate.Migrator.Upgrade does. Per-database
// failures are in the Report; the error is for problems with the whole
// fleet (unreadable revision files, offline options).
func (f *Fleet) Upgrade(ctx context.Context, target string, o migrate.RunOptions) (*Report, error) {
	return f.run(ctx, target, o, (*migrate.Migrator).Upgrade)
}

// Downgrade reverts every database to target ("-1", "base", a revision)
// as migrate.Migrator.Downgrade does; results as in Upgrade.
func (f *Fleet) Downgrade(ctx context.Context, target string, o migrate.RunOptions) (*Report, error) {
	return f.run(ctx, target, o, (*migrate.Migrator).Downgrade)
}

// Stamp sets every database's version table to revs without running
// revision SQL, as migrate.Migrator.Stamp does. A database whose rows
// change ends as StatusApplied, one already there as StatusUpToDate.
func (f *Fleet) Stamp(ctx context.Context, revs []string, o migrate.StampOptions) (*Report, error) {
	if o.SQL != nil || o.From != "" {
		return nil, errOffline
	}
	return f.each(ctx, func(ctx context.Context, m *migrate.Migrator, stamped *migrate.Stamped) Result {
		to, err := m.Stamp(ctx, revs, o)
		if err != nil {
			return Result{Status: StatusFailed, Err: err}
		}
		r := Result{Status: StatusUpToDate, From: stamped.From, To: to}
		if !sameSet(stamped.From, to) {
			r.Status = StatusApplied
		}
		return r
	})
}

// Current reads every database's version table and checks the applied
// revisions' checksums, as migrate.Migrator.Current does. A database at
// the graph's heads is StatusUpToDate, one elsewhere StatusPending.
func (f *Fleet) Current(ctx context.Context) (*Report, error) {
	g, err := f.base.Graph()
	if err != nil {
		return nil, err
	}
	var heads []string
	for _, h := range g.Heads() {
		heads = append(heads, h.ID)
	}
	return f.each(ctx, func(ctx context.Context, m *migrate.Migrator, _ *migrate.Stamped) Result {
		st, err := m.Current(ctx)
		if err != nil {
			return Result{Status: StatusFailed, Err: err}
		}
		var rows []string
		for _, h := range st.Heads {
			rows = append(rows, h.ID)
		}
		r := Result{Status: StatusPending, From: rows, To: rows, Current: st}
		if sameSet(rows, heads) {
			r.Status = StatusUpToDate
		}
		return r
	})
}

// Check compares every database with the declared target, as
// migrate.Migrator.Check does. The declaration is loaded once (on the
// first database's server, or from o.Target) and shared. A database with
// nothing to report is StatusClean, one with pending revisions, edited
// revisions or schema changes StatusDrift.
func (f *Fleet) Check(ctx context.Context, o migrate.CompareOptions) (*Report, error) {
	if _, err := f.base.Graph(); err != nil {
		return nil, err
	}
	if o.Target == nil && len(f.conns) > 0 {
		first, err := f.base.ForDatabase(ctx, f.conns[0], nil)
		if err != nil {
			return nil, err
		}
		tgt, err := first.LoadTarget(ctx, o)
		first.Close()
		if err != nil {
			return nil, fmt.Errorf("load the declared target (on %s): %w", f.names[0], err)
		}
		o.Target = tgt
	}
	return f.each(ctx, func(ctx context.Context, m *migrate.Migrator, _ *migrate.Stamped) Result {
		res, err := m.Check(ctx, o)
		if err != nil {
			return Result{Status: StatusFailed, Err: err}
		}
		r := Result{Status: StatusDrift, From: res.Current, To: res.Current, Check: res}
		if res.Clean() {
			r.Status = StatusClean
		}
		return r
	})
}

// errOffline refuses offline scripts, which are about one database.
var errOffline = errors.New("fleet: offline scripts (SQL, From) are for one database: use migrate.Migrator")

// runFunc is Migrator.Upgrade or Migrator.Downgrade.
type runFunc func(m *migrate.Migrator, ctx context.Context, target string, o migrate.RunOptions) (*migrate.Result, error)

func (f *Fleet) run(ctx context.Context, target string, o migrate.RunOptions, fn runFunc) (*Report, error) {
	if o.SQL != nil || o.From != "" {
		return nil, errOffline
	}
	return f.each(ctx, func(ctx context.Context, m *migrate.Migrator, _ *migrate.Stamped) Result {
		res, err := fn(m, ctx, target, o)
		var r Result
		if res != nil && res.Plan != nil {
			r.From, r.To, r.Steps = res.Plan.From, res.Plan.To, len(res.Plan.Steps)
		}
		if err != nil {
			r.Status, r.Err, r.To = StatusFailed, err, r.From
			var re *migrate.RunError
			if errors.As(err, &re) {
				r.To, r.Steps = re.Heads, len(re.Done)
			}
			return r
		}
		r.Status = StatusApplied
		if r.Steps == 0 {
			r.Status = StatusUpToDate
		}
		return r
	})
}

// dbFunc does one operation on one database's Migrator. stamped holds the
// rows of the last Stamped event the database reported.
type dbFunc func(ctx context.Context, m *migrate.Migrator, stamped *migrate.Stamped) Result

// each loads the revision graph once, then runs fn on every database as
// the schedule decides, each with its own Migrator (sharing the graph)
// closed as soon as it is done.
func (f *Fleet) each(ctx context.Context, fn dbFunc) (*Report, error) {
	if _, err := f.base.Graph(); err != nil {
		return nil, err
	}
	s := &schedule{
		names:           f.names,
		parallel:        f.opts.Parallel,
		canary:          f.opts.Canary,
		continueOnError: f.opts.ContinueOnError,
		stop:            f.opts.Stop,
		log:             f.log,
	}
	rep := &Report{}
	start := time.Now()
	rep.Results = s.run(ctx, func(ctx context.Context, i int) Result {
		var stamped migrate.Stamped
		logger := migrate.LoggerFunc(func(e migrate.Event) {
			if st, ok := e.(migrate.Stamped); ok {
				stamped = st
			}
			f.log.Log(DatabaseProgress{Index: i, Database: f.names[i], Event: e})
		})
		m, err := f.base.ForDatabase(ctx, f.conns[i], logger)
		if err != nil {
			return Result{Status: StatusFailed, Err: err}
		}
		defer m.Close()
		r := fn(ctx, m, &stamped)
		if r.Status == StatusFailed && ctx.Err() != nil && !errors.Is(r.Err, ctx.Err()) {
			// The server's "canceling statement due to user request" is
			// the interrupt's doing: say so, and let errors.Is see it.
			r.Err = fmt.Errorf("%w: %w", ctx.Err(), r.Err)
		}
		return r
	})
	rep.Duration = time.Since(start)
	return rep, nil
}

// sameSet reports whether a and b hold the same ids.
func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	in := make(map[string]bool, len(a))
	for _, x := range a {
		in[x] = true
	}
	for _, x := range b {
		if !in[x] {
			return false
		}
	}
	return true
}
