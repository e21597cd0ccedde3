package migrate

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/introspect"
	"github.com/migrate-tool/migrate/runner"
	"github.com/migrate-tool/migrate/schema"
	"github.com/migrate-tool/migrate/target"
)

// CompareOptions configure the operations that compare the live database
// with the declared target: Autogenerate, Check, InspectLive and Verify.
type CompareOptions struct {
	// Config supplies [target] (the declaration: go or sql), target.schemas
	// and target.exclude (what is compared), [scratch] and [autogen]. It is
	// required unless Target is set.
	Config *config.Config
	// Declared is metadata linked into the binary; it replaces [target].
	Declared target.Func
	// Target, when set, is the target schema already in canonical form
	// (introspected from a database): no declaration is loaded.
	Target *schema.Schema
	// Renames turn drops and adds into renames (--rename old=new).
	Renames []autogen.Rename
	// ConcurrentIndexes and NotValidConstraints add to [autogen].
	ConcurrentIndexes   bool
	NotValidConstraints bool
	// AllowPending compares even when the database is not at the head of
	// the revision graph (the pending revisions then show up as changes).
	AllowPending bool
	// NoCache neither reads nor writes the materialized-target cache.
	NoCache bool
	// Logf receives progress lines (--verbose); nil drops them.
	Logf func(format string, args ...any)
	// Tracer observes the queries sent to the live database (tests,
	// diagnostics).
	Tracer pgx.QueryTracer
}

func (o *CompareOptions) logf(format string, args ...any) {
	if o.Logf != nil {
		o.Logf(format, args...)
	}
}

// filter is what target.schemas and target.exclude select.
func (o *CompareOptions) filter() schema.Filter {
	if o.Config == nil {
		return schema.Filter{Schemas: []string{"public"}}
	}
	return schema.Filter{Schemas: o.Config.Target.Schemas, Exclude: o.Config.Target.Exclude}
}

func (o *CompareOptions) autogenOptions() autogen.Options {
	ao := autogen.Options{
		Renames:             o.Renames,
		ConcurrentIndexes:   o.ConcurrentIndexes,
		NotValidConstraints: o.NotValidConstraints,
	}
	if o.Config != nil {
		ao.ConcurrentIndexes = ao.ConcurrentIndexes || o.Config.Autogen.ConcurrentIndexes
		ao.NotValidConstraints = ao.NotValidConstraints || o.Config.Autogen.NotValidConstraints
	}
	if f := o.filter(); len(f.Schemas) > 0 && f.Schemas[0] != config.AllSchemas {
		ao.DefaultSchema = f.Schemas[0]
	}
	return ao
}

// Comparison is the live schema, the target schema (both filtered) and the
// plan that takes the first to the second.
type Comparison struct {
	Live, Target *schema.Schema
	Plan         *autogen.Plan
	// Heads are the version-table rows the database had when it was read.
	Heads []string

	fingerprint introspect.Fingerprint // of the live catalog, when cached
	// Parts are the revisions the plan is written as: one, or with
	// --concurrent-indexes the CONCURRENTLY statements apart from the
	// transactional ones (see Part). Set by Autogenerate.
	Parts []Part
	// Whole, when set, says why a plan with CONCURRENTLY statements stays
	// one revision that runs outside a transaction.
	Whole string
}

// NotAtHeadError means the database has revisions left to apply, so its
// schema cannot be compared with the target: the pending revisions would
// show up as changes to make again.
type NotAtHeadError struct {
	Current []string // version-table rows
	Heads   []string // heads of the revision graph
}

func (e *NotAtHeadError) Error() string {
	cur := "base"
	if len(e.Current) > 0 {
		cur = strings.Join(e.Current, ", ")
	}
	if len(e.Heads) > 1 {
		return fmt.Sprintf("the database is not up to date (at %s; the heads are %s): %s first",
			cur, strings.Join(e.Heads, ", "), UpgradeHint(e.Heads))
	}
	return fmt.Sprintf("the database is not up to date (at %s; head is %s): %s first",
		cur, strings.Join(e.Heads, ", "), UpgradeHint(e.Heads))
}

// UpgradeHint says how to bring a database to the graph's heads: "run
// migrate upgrade head" for one head; with several, "upgrade head" refuses,
// so it names "upgrade heads" and "merge heads" instead.
func UpgradeHint(heads []string) string {
	if len(heads) > 1 {
		return "run migrate upgrade heads (or join the branches with migrate merge heads -m \"merge\", then migrate upgrade head)"
	}
	return "run migrate upgrade head"
}

// Autogenerate reads the live schema and the declared target and returns
// the plan between them, for a new revision. It refuses (NotAtHeadError)
// when revisions are pending, unless o.AllowPending.
func (m *Migrator) Autogenerate(ctx context.Context, o CompareOptions) (*Comparison, error) {
	// The comparison starts while the version table is read: a database
	// behind its heads is the rare case, and it only stops the comparison.
	compared := inBackground(ctx, func(ctx context.Context) (*Comparison, error) { return m.compare(ctx, o) })
	heads, err := m.checkAtHead(ctx, o)
	if err != nil {
		compared.stop()
		return nil, err
	}
	cmp, err := compared.wait()
	if err != nil {
		return nil, err
	}
	cmp.Heads = heads
	cmp.Parts = []Part{{Role: "main", Plan: cmp.Plan}}
	if o.autogenOptions().ConcurrentIndexes {
		cmp.Parts, cmp.Whole = splitConcurrent(cmp.Plan)
	}
	return cmp, nil
}

// compare reads both sides and diffs them.
func (m *Migrator) compare(ctx context.Context, o CompareOptions) (*Comparison, error) {
	if o.Target != nil {
		conn, err := m.liveConn(ctx, o)
		if err != nil {
			return nil, err
		}
		defer conn.Close(context.WithoutCancel(ctx))
		return m.compareOn(ctx, conn, o, "", nil)
	}
	// Preparing the declaration (building a linked-in one, reading SQL
	// files) and loading a changed Go target need no server: they run
	// while this connects. A connection error still comes first. A
	// comparison parses SQL (the target's statements, the plan's
	// analysis): the parser's one-time set-up starts now too.
	go sqlparse.Warm()
	held := &heldLines{out: o.Logf}
	defer held.release()
	prepared := inBackground(ctx, func(bctx context.Context) (*target.Declaration, error) {
		decl, err := m.prepareTarget(bctx, o, "")
		if err != nil {
			return nil, err
		}
		if o.Logf != nil {
			decl.SetLogf(held.logf)
		}
		decl.Start(ctx) // outlives this function, unlike bctx
		return decl, nil
	})
	conn, err := m.liveConn(ctx, o)
	if err != nil {
		if decl, perr := prepared.wait(); perr == nil {
			decl.Abandon()
		}
		return nil, err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	decl, err := prepared.wait()
	if err != nil {
		return nil, err
	}
	decl.SetServerMajor(serverMajorOf(conn))
	return m.compareOnHeld(ctx, conn, o, "", decl, held)
}

// compareOn is compare on a live connection, with the catalog fingerprint
// when it was read already and the prepared declaration (nil when
// o.Target is set).
func (m *Migrator) compareOn(ctx context.Context, conn *pgx.Conn, o CompareOptions, fp introspect.Fingerprint, decl *target.Declaration) (*Comparison, error) {
	var held *heldLines
	if decl != nil {
		held = &heldLines{out: o.Logf}
		defer held.release()
		if o.Logf != nil {
			decl.SetLogf(held.logf)
		}
	}
	return m.compareOnHeld(ctx, conn, o, fp, decl, held)
}

// compareOnHeld is compareOn with the declaration's progress lines already
// going to held.
func (m *Migrator) compareOnHeld(ctx context.Context, conn *pgx.Conn, o CompareOptions, fp introspect.Fingerprint, decl *target.Declaration, held *heldLines) (*Comparison, error) {
	var loading *background[*schema.Schema]
	if o.Target == nil {
		// The two sides need different servers and files: materializing
		// the declaration runs while the live side is read. Its progress
		// lines wait (held), so --verbose prints the live side's first, as
		// when the two ran one after the other.
		loading = inBackground(ctx, decl.Load)
	}
	live, fp, err := m.inspectLive(ctx, conn, o, fp)
	tgt := o.Target
	if loading != nil {
		if err != nil {
			loading.stop()
			return nil, err
		}
		if tgt, err = loading.wait(); err != nil {
			return nil, err
		}
	}
	if err != nil {
		return nil, err
	}
	live = o.filter().Apply(live)
	tgt = o.filter().Apply(tgt)
	plan, err := autogen.Diff(live, tgt, o.autogenOptions())
	if err != nil {
		return nil, err
	}
	return &Comparison{Live: live, Target: tgt, Plan: plan, fingerprint: fp}, nil
}

// checkAtHead returns the version-table rows, or NotAtHeadError when they
// are not the graph's heads.
func (m *Migrator) checkAtHead(ctx context.Context, o CompareOptions) ([]string, error) {
	cur, err := m.Heads(ctx)
	if err != nil {
		return nil, err
	}
	return m.checkHeads(cur, o)
}

// checkHeads is checkAtHead with the version-table rows read already.
func (m *Migrator) checkHeads(cur []string, o CompareOptions) ([]string, error) {
	g, err := m.headerGraph()
	if err != nil {
		return nil, err
	}
	if o.AllowPending {
		return cur, nil
	}
	var want []string
	for _, h := range g.Heads() {
		want = append(want, h.ID)
	}
	if !sameIDs(cur, want) {
		return nil, &NotAtHeadError{Current: cur, Heads: want}
	}
	return cur, nil
}

func sameIDs(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]bool{}
	for _, x := range a {
		seen[x] = true
	}
	for _, x := range b {
		if !seen[x] {
			return false
		}
	}
	return true
}

// introspectOptions are the live side's introspection options: the
// configured schemas minus wholly excluded ones, without the tool's own
// tables.
func (m *Migrator) introspectOptions(o CompareOptions) introspect.Options {
	f := o.filter()
	schemas := f.Schemas
	if len(schemas) == 0 {
		schemas = []string{"public"}
	}
	return introspect.Options{
		Schemas:        schemas,
		ExcludeSchemas: f.ExcludedSchemas(),
		SkipTables:     m.ownTables(),
	}
}

// ownTables are the version and audit tables, which are never compared.
func (m *Migrator) ownTables() []schema.QName {
	or := func(s, def string) string {
		if s == "" {
			return def
		}
		return s
	}
	sch := or(m.tables.Schema, runner.DefaultSchema)
	return []schema.QName{
		{Schema: sch, Name: or(m.tables.Version, runner.DefaultVersionTable)},
		{Schema: sch, Name: or(m.tables.History, runner.DefaultHistoryTable)},
	}
}

// InspectLive reads the live schema as autogenerate compares it: the
// configured schemas, filtered by target.exclude, without the tool's own
// tables. It costs a constant number of catalog queries, or one when the
// catalog's fingerprint shows nothing changed since the schema was read
// and cached.
func (m *Migrator) InspectLive(ctx context.Context, o CompareOptions) (*schema.Schema, error) {
	conn, err := m.liveConn(ctx, o)
	if err != nil {
		return nil, err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	s, _, err := m.inspectLive(ctx, conn, o, "")
	if err != nil {
		return nil, err
	}
	return o.filter().Apply(s), nil
}

// prepareTarget resolves the declared target (o.Config's [target], or
// o.Declared). serverMajor is the compared server's major version when the caller has a
// connection to it already ("" when not), which saves the target a
// connection of its own to ask.
func (m *Migrator) prepareTarget(ctx context.Context, o CompareOptions, serverMajor string) (*target.Declaration, error) {
	if o.Config == nil {
		return nil, errors.New("no target: pass CompareOptions.Config (with [target]) or CompareOptions.Target")
	}
	url, err := m.databaseURL(ctx)
	if err != nil {
		return nil, err
	}
	return target.Prepare(ctx, o.Config, target.Options{
		ServerURL:   url,
		Declared:    o.Declared,
		Introspect:  m.introspectOptions(o),
		NoCache:     o.NoCache,
		Logf:        o.Logf,
		ServerMajor: serverMajor,
	})
}
