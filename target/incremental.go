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
	"strings"

	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/introspect"
	"github.com/migrate-tool/migrate/schema"
)

// Incremental materialization. A developer edits a declaration a little
// at a time, and materializing all of it again (a scratch database, every
// statement, a full read) costs seconds. After every materialization the
// statements of the declaration are remembered with what each defines
// (the state); the next one diffs the new statements against them,
// replays only the units the edit touches and what those need, in a
// transaction of the kept scratch database that is rolled back, reads
// that small schema and puts its objects in place of the previous
// target's. Whatever it cannot prove equal to a rebuild (an unsupported
// statement, a context object that comes out differently, a name clash,
// an error), it leaves to the rebuild.

// stateFormat changes whenever the state files change meaning.
const stateFormat = "migrate-target-state-v1"

// incrState is the remembered statement list of the last materialized
// declaration of one kind (Go or SQL) and options.
type incrState struct {
	Format string `json:"format"`
	// Target is the cache key (hex) of the materialized schema.
	Target  string       `json:"target"`
	Sources []incrSource `json:"sources,omitempty"`
	Stmts   []incrStmt   `json:"stmts"`
}

// incrSource is a SQL target file as it was split.
type incrSource struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

type incrStmt struct {
	Hash string `json:"hash"`
	// Source, Offset, Start and Len locate the statement in its file
	// (SQL targets; Go declarations are rendered again each time).
	Source int                    `json:"source"`
	Offset int                    `json:"offset"`
	Start  int                    `json:"start"`
	Len    int                    `json:"len"`
	NoTx   string                 `json:"no_tx,omitempty"`
	Role   sqlparse.ScriptRole    `json:"role,omitempty"`
	Info   sqlparse.DeclStatement `json:"info"`
}

func statePath(projectDir, kind, major string, opts []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s", stateFormat, toolBuild(), kind, major, opts)
	return filepath.Join(projectDir, CacheDir, "state-"+hex.EncodeToString(h.Sum(nil)[:12])+".json")
}

func readState(path string) *incrState {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var st incrState
	if json.Unmarshal(b, &st) != nil || st.Format != stateFormat {
		return nil
	}
	return &st
}

// earlyState is a state file and the schema it names, read in the
// background while the new declaration is split or evaluated.
type earlyState struct {
	read, decoded chan struct{}
	st            *incrState
	prev          *schema.Schema
}

func readStateEarly(dir, path string) *earlyState {
	e := &earlyState{read: make(chan struct{}), decoded: make(chan struct{})}
	go func() {
		defer close(e.decoded)
		e.st = readState(path)
		close(e.read)
		if e.st == nil {
			return
		}
		if key, err := hex.DecodeString(e.st.Target); err == nil {
			e.prev = readEntry(cachePath(dir, key))
		}
	}()
	return e
}

// state waits for the state file (nil when unreadable).
func (e *earlyState) state() *incrState {
	<-e.read
	return e.st
}

// schema waits for the materialized schema the state names (nil when
// unreadable).
func (e *earlyState) schema() *schema.Schema {
	<-e.decoded
	return e.prev
}

// newState records stmts (analysed) as the declaration materialized under
// key.
func newState(key []byte, srcs []*source, stmts []declStmt) *incrState {
	st := &incrState{Format: stateFormat, Target: hex.EncodeToString(key)}
	index := map[*source]int{}
	for i, s := range srcs {
		index[s] = i
		st.Sources = append(st.Sources, incrSource{Name: s.name, Text: s.text})
	}
	for _, d := range stmts {
		src, ok := index[d.source]
		if !ok {
			src = -1
		}
		st.Stmts = append(st.Stmts, incrStmt{Hash: d.hash, Source: src, Offset: d.offset, Start: d.start,
			Len: len(d.sql), NoTx: d.noTx, Role: d.role, Info: d.info})
	}
	return st
}

func writeState(path string, st *incrState) {
	b, err := json.Marshal(st)
	if err != nil {
		return
	}
	writeFileAtomic(filepath.Dir(path), path, b)
}

// known returns the analyses the state holds.
func (st *incrState) known() analyses {
	a := analyses{}
	for _, s := range st.Stmts {
		a[s.Hash] = s.Info
	}
	return a
}

// prevStatements rebuilds the remembered statements; for SQL targets their
// text comes from the remembered files.
func (st *incrState) prevStatements() ([]declStmt, []*source, error) {
	srcs := make([]*source, len(st.Sources))
	for i, s := range st.Sources {
		srcs[i] = &source{name: s.Name, text: s.Text}
	}
	out := make([]declStmt, 0, len(st.Stmts))
	for _, s := range st.Stmts {
		d := declStmt{hash: s.Hash, start: s.Start, info: s.Info,
			statement: statement{offset: s.Offset, noTx: s.NoTx, role: s.Role}}
		if s.Source >= 0 {
			if s.Source >= len(srcs) || s.Offset+s.Len > len(srcs[s.Source].text) {
				return nil, nil, errors.New("state does not match its files")
			}
			d.source = srcs[s.Source]
			d.sql = d.source.text[s.Offset : s.Offset+s.Len]
		}
		out = append(out, d)
	}
	return out, srcs, nil
}

// sqlStatements splits the SQL target files, reusing what the state knows
// about files (or parts of files) that did not change. A syntax error is
// returned as the whole-file split reports it.
func sqlStatements(srcs []*source, st *incrState) ([]declStmt, error) {
	var prev []declStmt
	var prevSrcs []*source
	if st != nil {
		if p, ps, err := st.prevStatements(); err == nil {
			prev, prevSrcs = p, ps
		}
	}
	var out []declStmt
	for _, src := range srcs {
		var old []declStmt
		oldText, found := "", false
		for _, ps := range prevSrcs {
			if ps.name == src.name {
				oldText, found = ps.text, true
				for _, d := range prev {
					if d.source == ps {
						old = append(old, d)
					}
				}
			}
		}
		if found {
			if stmts, ok := resplit(src, oldText, old); ok {
				out = append(out, stmts...)
				continue
			}
		}
		stmts, err := splitDecl(src)
		if err != nil {
			var se *sqlparse.SyntaxError
			if errors.As(err, &se) && se.Line > 0 {
				return nil, fmt.Errorf("%s:%d:%d: syntax error: %s", src.name, se.Line, se.Column, se.Msg)
			}
			return nil, fmt.Errorf("%s: %w", src.name, err)
		}
		out = append(out, stmts...)
	}
	return out, nil
}

// goStatements renders a Go declaration as the statements that create it.
func goStatements(decl *schema.Schema) ([]declStmt, error) {
	plan, err := emptyDiff(decl)
	if err != nil {
		return nil, fmt.Errorf("render declaration: %w", err)
	}
	_, stmts := declarationSource(plan)
	out := make([]declStmt, len(stmts))
	for i, s := range stmts {
		out[i] = declStmt{statement: s, hash: stmtHash(s.sql)}
	}
	return out, nil
}

// analyzeAll fills in the analysis of every statement.
func analyzeAll(stmts []declStmt, known analyses) error {
	for i := range stmts {
		if err := known.analyze(&stmts[i]); err != nil {
			return err
		}
	}
	return nil
}

// errNoIncrement says the previous materialization is not there to build
// on.
var errNoIncrement = errors.New("no previous materialization to build on")

// incremental materializes next from the state's declaration, or says why
// it cannot (the caller then rebuilds).
func incremental(ctx context.Context, l *loadRun, st *incrState, next []declStmt) (*schema.Schema, error) {
	if st == nil {
		return nil, errNoIncrement
	}
	prevKey, err := hex.DecodeString(st.Target)
	if err != nil {
		return nil, errNoIncrement
	}
	var prevSchema *schema.Schema
	if l.early != nil && l.early.state() == st {
		prevSchema = l.early.schema()
	} else {
		prevSchema = readEntry(cachePath(l.dir, prevKey))
	}
	if prevSchema == nil {
		return nil, errNoIncrement
	}
	prev, _, err := st.prevStatements()
	if err != nil {
		return nil, err
	}
	if err := analyzeAll(next, st.known()); err != nil {
		return nil, err
	}
	prevHashes := make([]string, len(prev))
	for i, d := range prev {
		prevHashes[i] = d.hash
	}
	nextHashes := make([]string, len(next))
	for i, d := range next {
		nextHashes[i] = d.hash
	}
	hunks, ok := diffSeq(prevHashes, nextHashes, max(minReplayCap, len(next)/maxReplayShare))
	if !ok {
		return nil, errors.New("too many statements changed")
	}
	plan, err := planReplay(prev, next, hunks, prevSchema)
	if err != nil {
		return nil, err
	}
	if l.kept == nil {
		return nil, errNoIncrement
	}
	replayed, err := replay(ctx, l, l.kept, plan.stmts)
	if err != nil {
		return nil, err
	}
	return merge(prevSchema, replayed, plan)
}

// replay runs stmts in a transaction of the kept scratch database, reads
// the schema they make and rolls everything back.
func replay(ctx context.Context, l *loadRun, kept *keptOpening, stmts []declStmt) (*schema.Schema, error) {
	k, err := kept.take()
	if err != nil {
		return nil, err
	}
	defer k.Close(ctx)
	var roles []string
	for _, d := range stmts {
		r, err := l.rolesOf(d)
		if err != nil {
			return nil, err
		}
		roles = append(roles, r...)
	}
	scratch := &Scratch{Name: k.name, Source: k.source}
	if err := scratch.EnsureRoles(ctx, k.conn, roles); err != nil {
		return nil, err
	}
	run := make([]statement, 0, len(stmts)+1)
	run = append(run, statement{sql: "BEGIN", source: &source{name: "<replay>"}})
	for _, d := range stmts {
		run = append(run, d.statement)
	}
	failed, err := execBatch(ctx, k.conn, run)
	var s *schema.Schema
	if err == nil {
		s, err = introspect.Introspect(ctx, k.conn, l.opts.Introspect)
	} else {
		err = fmt.Errorf("replay %q: %w", firstLine(run[failed].sql), err)
	}
	if len(roles) == 0 {
		// Closing the connection rolls the transaction back on the
		// server, without this process waiting for it: later runs see
		// only committed catalog rows, and one replaying the same names
		// meanwhile waits on them until the rollback is done.
		return s, err
	}
	if _, rerr := k.conn.Exec(ctx, "ROLLBACK"); rerr != nil && err == nil {
		err = rerr
	}
	k.rerecord(ctx)
	return s, err
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
