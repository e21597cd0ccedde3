package target

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

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
	// ServerMajor is the major version of ServerURL's server ("15") when
	// the caller knows it already (pgx reports server_version on every
	// connection); empty: Load connects to ask.
	ServerMajor string
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
// scratch server again, and a changed one is materialized incrementally
// from the previous one when the edit allows (see incremental.go).
func Load(ctx context.Context, cfg *config.Config, opts Options) (*schema.Schema, error) {
	d, err := Prepare(ctx, cfg, opts)
	if err != nil {
		return nil, err
	}
	return d.Load(ctx)
}

// Declaration is a resolved declaration, not materialized yet: Identity
// tells which declaration it is without materializing it.
type Declaration struct {
	l *loadRun
}

// Prepare resolves the declaration Load would materialize: it reads the
// SQL files, builds the linked-in metadata, or finds the Go target package
// (whose loading waits until Identity or Load needs it).
func Prepare(ctx context.Context, cfg *config.Config, opts Options) (*Declaration, error) {
	l, err := newLoadRun(ctx, cfg, opts)
	if err != nil {
		return nil, err
	}
	return &Declaration{l: l}, nil
}

// Identity is a digest of the declaration: equal identities materialize
// to equal schemas (with the same tool build, options and server
// version, which callers key by themselves). For a [target] go package
// whose source can be hashed it is that hash, so no toolchain runs.
func (d *Declaration) Identity(ctx context.Context) ([]byte, error) {
	if d.l.goPkg != "" {
		if key, ok := d.l.goSourceKey(); ok {
			return append([]byte("go-source:"), key...), nil
		}
	}
	if err := d.l.resolve(ctx); err != nil {
		return nil, err
	}
	return d.l.what, nil
}

// Start begins loading a [target] go package whose source changed since
// it was last loaded (evaluating it, or running the toolchain) in the
// background: it needs no server, so a caller starts it before it
// connects. Identity and Load take its result; Abandon stops it when
// neither will be called. Call SetLogf first: the loading logs to the
// function set at Start.
func (d *Declaration) Start(ctx context.Context) {
	l := d.l
	if l.goPkg == "" || l.loading != nil {
		return
	}
	key, ok := l.goSourceKey()
	if ok && !l.opts.NoCache {
		if _, err := os.Stat(goCachePath(l.dir, key)); err == nil {
			return // reading the cache is cheap enough in line
		}
	}
	l.loading = startGoLoading(ctx, l.dir, l.goPkg, key, ok, l.trees, l.opts)
}

// Abandon stops what Start began, when the declaration will not be
// loaded after all.
func (d *Declaration) Abandon() {
	if d.l.loading != nil {
		d.l.loading.stop()
		d.l.loading = nil
	}
}

// SetServerMajor gives the compared server's major version when it was not
// known at Prepare (Options.ServerMajor): preparing, and Identity, do not
// need it, so a caller can prepare while it connects. Call it before Load,
// not concurrently with Identity.
func (d *Declaration) SetServerMajor(major string) {
	d.l.opts.ServerMajor = major
}

// SetLogf sends the declaration's progress lines to logf from now on.
func (d *Declaration) SetLogf(logf func(format string, args ...any)) {
	d.l.opts.Logf = logf
}

// Load materializes the declaration (see the package function Load).
func (d *Declaration) Load(ctx context.Context) (*schema.Schema, error) {
	l := d.l
	defer func() {
		l.kept.discard(ctx)
		d.Abandon() // an early return leaves Start's loading behind
	}()
	if l.goPkg != "" && !l.opts.NoCache {
		if key, ok := l.goSourceKey(); ok {
			if _, err := os.Stat(goCachePath(l.dir, key)); err != nil {
				// The Go source changed since it was last evaluated.
				major, err := l.serverMajor(ctx)
				if err != nil {
					return nil, err
				}
				l.openKeptEarly(ctx, major)
			}
		}
	}
	if err := l.resolve(ctx); err != nil {
		return nil, err
	}
	return l.load(ctx)
}

// loadRun is one Load: the resolved declaration and where it caches.
type loadRun struct {
	cfg   *config.Config
	opts  Options
	dir   string
	label string
	kind  string         // "go" or "sql", for the state
	goPkg string         // [target] go, until resolved
	decl  *schema.Schema // Go declarations
	srcs  []*source      // SQL targets
	what  []byte         // content hash of the declaration
	kept  *keptOpening   // the kept scratch database, being opened
	early *earlyState    // the state, being read
	trees treeDigests    // Go trees hashed so far
	// loading is the [target] go package being loaded since Start; it
	// owns trees until resolve takes its result.
	loading *goLoading

	major, srcKey   string // memoized serverMajor and goSourceKey
	majorOK, srcSet bool
	srcOK           bool
}

// serverMajor is the package function serverMajor for the compared server,
// asked once (or given by Options.ServerMajor).
func (l *loadRun) serverMajor(ctx context.Context) (string, error) {
	if l.majorOK {
		return l.major, nil
	}
	major := l.opts.ServerMajor
	if major == "" || l.opts.ServerURL == "" || l.opts.ServerURL == config.EmbeddedURL {
		var err error
		if major, err = serverMajor(ctx, l.opts.ServerURL); err != nil {
			return "", fmt.Errorf("%s: %w", l.label, err)
		}
	}
	l.major, l.majorOK = major, true
	return major, nil
}

// goSourceKey is the package function goSourceKey for the [target] go
// package, hashed once.
func (l *loadRun) goSourceKey() ([]byte, bool) {
	if !l.srcSet {
		if l.trees == nil {
			l.trees = treeDigests{}
		}
		key, ok := goSourceKey(l.goPkg, l.trees)
		l.srcKey, l.srcOK, l.srcSet = string(key), ok, true
	}
	return []byte(l.srcKey), l.srcOK
}

func (l *loadRun) statePath(major string) string {
	ioJSON, _ := json.Marshal(l.opts.Introspect)
	return statePath(l.dir, l.kind, major, ioJSON)
}

// openKeptEarly starts opening the kept scratch database and reading the
// state when an edit of a declaration materialized before will replay in
// it, so the round trips and the decoding overlap with planning (and
// with evaluating a Go target).
func (l *loadRun) openKeptEarly(ctx context.Context, major string) {
	if l.kept != nil || l.opts.NoCache || major == "" {
		return
	}
	path := l.statePath(major)
	if _, err := os.Stat(path); err != nil {
		return
	}
	l.kept = startKept(ctx, l.cfg, l.opts.ServerURL)
	l.early = readStateEarly(l.dir, path)
}

func newLoadRun(ctx context.Context, cfg *config.Config, opts Options) (*loadRun, error) {
	l := &loadRun{cfg: cfg, opts: opts, dir: projectDir(cfg), kind: "go"}
	switch {
	case opts.Declared != nil:
		// A linked-in declaration parses its SQL fragments as it builds:
		// the parser's one-time set-up overlaps the first tables.
		go sqlparse.Warm()
		s, err := opts.Declared()
		if err != nil {
			return nil, fmt.Errorf("declared schema: %w", err)
		}
		if s == nil {
			return nil, fmt.Errorf("declared schema: Schema() returned nil")
		}
		l.decl, l.label = s, "linked-in declaration"
	case cfg.Target.Go != "" && len(cfg.Target.SQL) > 0:
		return nil, fmt.Errorf("[target] sets both go and sql: choose one")
	case cfg.Target.Go != "":
		l.goPkg, l.label = cfg.Target.Go, "target.go "+cfg.Target.Go
		return l, nil
	case len(cfg.Target.SQL) > 0:
		var err error
		if l.srcs, err = sqlSources(l.dir, cfg.Target.SQL); err != nil {
			return nil, err
		}
		l.what, l.label, l.kind = hashSources(l.srcs), "target.sql", "sql"
		return l, nil
	default:
		return nil, ErrNoTarget
	}
	return l, l.hashDecl()
}

// resolve loads a [target] go package's declaration, or takes it from
// the loading Start began.
func (l *loadRun) resolve(ctx context.Context) error {
	if l.goPkg == "" {
		return nil
	}
	var s *schema.Schema
	var err error
	if l.loading != nil {
		s, err = l.loading.wait(ctx)
		l.loading = nil
	} else {
		key, ok := l.goSourceKey()
		s, err = loadGoCached(ctx, l.dir, l.goPkg, key, ok, l.trees, l.opts)
	}
	if err != nil {
		return err
	}
	l.decl, l.goPkg = s, ""
	return l.hashDecl()
}

func (l *loadRun) hashDecl() error {
	l.decl.Sort()
	d, err := declarationDigest(l.decl)
	if err != nil {
		return err
	}
	l.what = d
	return nil
}

func (l *loadRun) load(ctx context.Context) (*schema.Schema, error) {
	major, err := l.serverMajor(ctx)
	if err != nil {
		return nil, err
	}
	key := cacheKey(l.what, major, l.opts.Introspect)
	cached := !l.opts.NoCache && major != ""
	if cached {
		if s := readCache(l.dir, key); s != nil {
			l.opts.logf("%s: materialized schema from cache", l.label)
			return s, nil
		}
	}
	stPath := l.statePath(major)
	var st *incrState
	if cached {
		l.openKeptEarly(ctx, major)
		if l.early != nil {
			st = l.early.state()
		} else {
			st = readState(stPath)
		}
	}
	var next []declStmt
	if l.decl != nil {
		next, err = goStatements(l.decl)
	} else {
		next, err = sqlStatements(l.srcs, st)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", l.label, err)
	}
	if cached {
		s, err := incremental(ctx, l, st, next)
		l.kept.discard(ctx) // before a rebuild needs the server
		if err == nil {
			l.opts.logf("%s: materialized incrementally", l.label)
			writeCache(l.dir, key, s)
			writeState(stPath, newState(key, l.srcs, next))
			return s, nil
		}
		l.opts.logf("%s: materializing all of it (%v)", l.label, err)
	}
	s, err := l.materializeAll(ctx, next)
	if err != nil {
		return nil, err
	}
	if cached {
		writeCache(l.dir, key, s)
		if analyzeAll(next, stateKnown(st)) == nil {
			writeState(stPath, newState(key, l.srcs, next))
		}
	}
	return s, nil
}

func stateKnown(st *incrState) analyses {
	if st == nil {
		return analyses{}
	}
	return st.known()
}

// materializeAll applies every statement to a new scratch database and
// reads it back.
func (l *loadRun) materializeAll(ctx context.Context, next []declStmt) (*schema.Schema, error) {
	scratch, err := OpenScratch(ctx, l.cfg, l.opts.ServerURL)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", l.label, err)
	}
	defer scratch.Close(ctx)
	l.opts.logf("%s: materializing in scratch database %s (%s)", l.label, scratch.Name, scratch.Source)
	stmts := make([]statement, len(next))
	var roles []string
	for i, d := range next {
		stmts[i] = d.statement
		r, err := l.rolesOf(d)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", l.label, err)
		}
		roles = append(roles, r...)
	}
	s, err := materialize(ctx, scratch, stmts, roles, l.opts.Introspect)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", l.label, err)
	}
	if err := scratch.Close(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// roleWords are the words of every statement that can name a role (GRANT,
// REVOKE, CREATE POLICY ... TO, OWNER TO, AUTHORIZATION, ...): statements
// without one are not parsed for roles.
var roleWords = []string{"grant", "revoke", "policy", "owner", "authorization", "role", "user", "owned", "privileges"}

// rolesOf returns the roles a statement names: for a Go declaration, the
// declaration's roles (with its first statement); for a SQL target, the
// roles the statement grants to, creates policies for or hands ownership
// to.
func (l *loadRun) rolesOf(d declStmt) ([]string, error) {
	if l.decl != nil {
		return l.decl.Roles(), nil
	}
	lower := strings.ToLower(d.sql)
	mentions := false
	for _, w := range roleWords {
		if strings.Contains(lower, w) {
			mentions = true
			break
		}
	}
	if !mentions {
		return nil, nil
	}
	r, err := sqlparse.ReferencedRoles(d.sql)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.source.name, err)
	}
	return r, nil
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

// materialize applies stmts to the scratch database and reads it back.
func materialize(ctx context.Context, scratch *Scratch, stmts []statement, roles []string, io introspect.Options) (*schema.Schema, error) {
	conn, err := connectReplay(ctx, scratch.URL)
	if err != nil {
		return nil, err
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

// emptyDiff renders what creates decl from nothing.
func emptyDiff(decl *schema.Schema) ([]autogen.Statement, error) {
	plan, err := autogen.Diff(&schema.Schema{}, decl, autogen.Options{})
	if err != nil {
		return nil, err
	}
	return plan.Upgrade(), nil
}

// loadGoCached returns the Go target's declared schema, from the source
// cache when no Go file it can depend on changed since the last run. key
// is the package's goSourceKey (ok false: its source could not be hashed).
func loadGoCached(ctx context.Context, dir, pkg string, key []byte, ok bool, trees treeDigests, opts Options) (*schema.Schema, error) {
	if ok && !opts.NoCache {
		if s := readGoCache(dir, key); s != nil {
			opts.logf("target.go %s: declaration from cache (no Go source changed)", pkg)
			return s, nil
		}
	}
	if ok && !opts.NoCache {
		s, evaluated, err := loadGoEvaluated(ctx, dir, pkg, trees, opts)
		if err != nil {
			return nil, err
		}
		if evaluated {
			writeGoCache(dir, key, s)
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
