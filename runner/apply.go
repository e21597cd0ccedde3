package runner

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/migrate-tool/migrate/revision"
)

// TxMode says how a run is split into transactions.
type TxMode int

const (
	// PerRevision runs each revision, with its version-table and audit
	// updates, in its own transaction (the default): a failure leaves the
	// database at the previous revision.
	PerRevision TxMode = iota
	// All runs the whole plan in one transaction: a failure leaves the
	// database where the run started. Revisions marked "transaction false"
	// cannot run this way.
	All
)

func (m TxMode) String() string {
	if m == All {
		return "all"
	}
	return "revision"
}

// ParseTxMode parses the --transaction flag: "revision" (or "") or "all".
func ParseTxMode(s string) (TxMode, error) {
	switch s {
	case "", "revision":
		return PerRevision, nil
	case "all":
		return All, nil
	}
	return 0, fmt.Errorf("--transaction=%s: want revision or all", s)
}

// CheckPlan reports steps the plan cannot run before anything is touched:
// a section that was not loaded, an irreversible downgrade, a revision
// marked "transaction false" under mode All.
func CheckPlan(plan *revision.Plan, mode TxMode) error {
	for _, st := range plan.Steps {
		r := st.Revision
		sec := st.Section()
		if sec == nil {
			return fmt.Errorf("revision %s (%s): its %s section was not loaded", r.ID, r.File(), st.Direction)
		}
		if st.Direction == revision.Down && sec.Irreversible {
			return fmt.Errorf("revision %s (%s) cannot be downgraded: its downgrade is marked irreversible", r.ID, r.File())
		}
		if mode == All && !r.Transactional {
			return fmt.Errorf("revision %s (%s) is marked transaction false and cannot run inside --transaction=all: use the default per-revision transactions",
				r.ID, r.File())
		}
	}
	return nil
}

// Run applies plan. The session must hold the migration lock and the tables
// must exist (EnsureTables); plan.From must be what the version table holds
// now, read under the lock. On failure the error is a *RunError wrapping a
// *StatementError or *PartialError, and the version table holds RunError.Heads.
//
// A transactional step is sent as one message (BEGIN, timeouts, its
// statements, its version-table and audit rows, COMMIT): one round trip per
// revision, the same SQL an offline script holds.
func (s *Session) Run(ctx context.Context, plan *revision.Plan, mode TxMode) error {
	if !s.locked {
		return errors.New("runner: Run called without the migration lock")
	}
	if err := CheckPlan(plan, mode); err != nil {
		return err
	}
	heads := slices.Clone(plan.From)
	var done []string
	fail := func(err error, rolledBack bool) error {
		at := heads
		if rolledBack {
			at, done = plan.From, nil
		}
		return &RunError{Direction: plan.Direction, Done: done, Total: len(plan.Steps), RolledBack: rolledBack, Heads: at, Err: err}
	}
	all := mode == All && len(plan.Steps) > 0
	if all {
		if _, err := s.send(ctx, s.bl.begin(), nil); err != nil {
			s.rollback(ctx)
			return fail(fmt.Errorf("begin the run's transaction: %w", err), true)
		}
	}
	for i, st := range plan.Steps {
		s.log.Log(RevisionStarted{Step: st, Index: i + 1, Total: len(plan.Steps)})
		start := time.Now()
		var err error
		first := i == 0
		switch {
		case all:
			err = s.runBatch(ctx, st, s.bl.inRun(st, first))
		case st.Revision.Transactional:
			err = s.runBatch(ctx, st, s.bl.transactional(st, first))
		default:
			err = s.runAutocommit(ctx, st, first)
		}
		if err != nil {
			s.log.Log(RevisionFailed{Step: st, Err: err})
			return fail(err, all)
		}
		heads = moveRows(heads, st.Delete, st.Insert)
		done = append(done, st.Revision.ID)
		s.log.Log(RevisionDone{Step: st, Duration: time.Since(start)})
	}
	if all {
		if _, err := s.conn.Exec(ctx, "COMMIT"); err != nil {
			return fail(fmt.Errorf("commit the run: %w", err), true)
		}
	}
	return nil
}

// runBatch sends a step's batch and turns a failure into a StatementError
// when a statement of the revision failed. Any open transaction is rolled
// back.
func (s *Session) runBatch(ctx context.Context, st revision.Step, b batch) error {
	// The server replies to a batch when all of it has run, so per-part
	// times measured here would be noise: report none.
	failed, err := s.send(ctx, b, func(p part, _ time.Duration) {
		if p.kind == partStatement {
			stmt := st.Section().Statements[p.stmt]
			s.log.Log(StatementDone{Step: st, Statement: stmt, Index: p.stmt + 1})
		}
	})
	if err == nil {
		return nil
	}
	s.rollback(ctx)
	return s.stepError(st, b, failed, err)
}

// runAutocommit runs a "transaction false" step: each statement commits on
// its own, then the version table moves in a transaction of its own. A
// CREATE INDEX CONCURRENTLY that an interrupted run left INVALID is dropped
// first and built again (see dropInvalidLeftover).
func (s *Session) runAutocommit(ctx context.Context, st revision.Step, first bool) error {
	setup := append(s.bl.reset(first), s.bl.autocommitSetup()...)
	if _, err := s.send(ctx, setup, nil); err != nil {
		return fmt.Errorf("%s %s (%s): set up the session: %w", st.Direction, st.Revision.ID, st.Revision.File(), explain(err))
	}
	if reset := s.bl.autocommitReset(); len(reset) > 0 {
		defer s.send(context.WithoutCancel(ctx), reset, nil)
	}
	sec := st.Section()
	for i, p := range statements(st) {
		stmt := sec.Statements[i]
		if err := s.dropInvalidLeftover(ctx, st, stmt); err != nil {
			return err
		}
		t0 := time.Now()
		b := batch{p}
		if _, err := s.send(ctx, b, nil); err != nil {
			err = s.stepError(st, b, 0, err)
			var se *StatementError
			if !errors.As(err, &se) {
				return err
			}
			pe := &PartialError{
				RevisionID: st.Revision.ID, Direction: st.Direction, Path: st.Revision.File(),
				Ran: sec.Statements[:i], Total: len(sec.Statements), Err: se, Unknown: se.PgErr == nil,
			}
			pe.Leftovers = s.leftovers(ctx, stmt)
			return pe
		}
		s.log.Log(StatementDone{Step: st, Statement: stmt, Index: i + 1, Duration: time.Since(t0)})
		if s.conn.PgConn().TxStatus() != 'I' {
			s.rollback(ctx)
			return fmt.Errorf("%s %s (%s:%d): the statement left a transaction open, which a \"transaction false\" revision must not do: "+
				"remove its BEGIN, or end the transaction in the revision; it was rolled back", st.Direction, st.Revision.ID, st.Revision.File(), stmt.Line)
		}
	}
	rec := s.bl.autocommitRecord(st)
	if failed, err := s.send(ctx, rec, nil); err != nil {
		s.rollback(ctx)
		return s.stepError(st, rec, failed, err)
	}
	return nil
}

// send runs a batch as one simple-protocol message, reporting each part as
// its result arrives. On failure it returns the index of the part that
// failed: the parts before it completed, those after it were skipped.
func (s *Session) send(ctx context.Context, b batch, each func(part, time.Duration)) (failed int, err error) {
	text, _ := b.render()
	stop := s.watch.start(ctx)
	defer func() {
		if lw := stop(); lw != nil && err != nil {
			err = &lockWaitError{wait: lw, err: err}
		}
	}()
	mrr := s.conn.PgConn().Exec(ctx, text)
	i := 0
	last := time.Now()
	for mrr.NextResult() {
		if _, err := mrr.ResultReader().Close(); err != nil {
			break
		}
		if each != nil && i < len(b) {
			each(b[i], time.Since(last))
		}
		last = time.Now()
		i++
	}
	if err := mrr.Close(); err != nil {
		return i, err
	}
	return -1, nil
}

// stepError explains the failure of part failed of a step's batch: a
// StatementError for a revision statement, with the server's error position
// traced back to the file; otherwise what the runner was doing.
func (s *Session) stepError(st revision.Step, b batch, failed int, err error) error {
	if failed < 0 || failed >= len(b) || b[failed].kind != partStatement {
		what := "update " + s.cfg.Tables.VersionName() + " and " + s.cfg.Tables.HistoryName()
		if failed >= 0 && failed < len(b) && b[failed].kind == partSetup {
			what = "begin the transaction"
		}
		if failed >= 0 && failed < len(b) && b[failed].sql == "COMMIT" {
			what = "commit"
		}
		return fmt.Errorf("%s %s (%s): %s: %w", st.Direction, st.Revision.ID, st.Revision.File(), what, explain(err))
	}
	p := b[failed]
	stmt := st.Section().Statements[p.stmt]
	se := &StatementError{
		RevisionID: st.Revision.ID, Direction: st.Direction, Path: st.Revision.File(),
		Index: p.stmt + 1, Line: stmt.Line, Column: stmt.Column, StatementLine: stmt.Line, SQL: stmt.SQL,
		Err: err,
	}
	if pe := pgError(err); pe != nil {
		se.PgErr = pe
		_, offsets := b.render()
		se.Line, se.Column = errorPosition(stmt, int(pe.Position)-offsets[failed])
	}
	se.LockWait = lockWaitOf(err)
	return se
}

// lockWaitError carries the lock wait sampled while a failed batch ran.
// It explains only a timeout: another failure shows the cause alone.
type lockWaitError struct {
	wait *LockWait
	err  error
}

func (e *lockWaitError) Error() string { return e.err.Error() }
func (e *lockWaitError) Unwrap() error { return e.err }

// lockWaitOf returns the lock wait behind a lock_timeout or
// statement_timeout failure, if one was seen.
func lockWaitOf(err error) *LockWait {
	var lw *lockWaitError
	pe := pgError(err)
	if !errors.As(err, &lw) || pe == nil || pe.Code != "55P03" && pe.Code != "57014" {
		return nil
	}
	return lw.wait
}

// rollback ends a failed transaction, if one is open. It runs even when ctx
// was canceled; if the connection is gone the server rolls back on its own.
func (s *Session) rollback(ctx context.Context) {
	if s.conn.IsClosed() || s.conn.PgConn().TxStatus() == 'I' {
		return
	}
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	s.conn.Exec(rctx, "ROLLBACK")
}

// timeoutCommands renders lock_timeout and statement_timeout settings
// (verb SET or SET LOCAL); none for a zero duration.
func timeoutCommands(verb string, lock, stmt time.Duration) []string {
	var out []string
	if lock > 0 {
		out = append(out, fmt.Sprintf("%s lock_timeout = '%dms'", verb, max(1, lock.Milliseconds())))
	}
	if stmt > 0 {
		out = append(out, fmt.Sprintf("%s statement_timeout = '%dms'", verb, max(1, stmt.Milliseconds())))
	}
	return out
}

// moveRows applies a step's version-table change to heads.
func moveRows(heads, del, ins []string) []string {
	out := make([]string, 0, len(heads)+len(ins))
	for _, h := range heads {
		if !slices.Contains(del, h) {
			out = append(out, h)
		}
	}
	for _, h := range ins {
		if !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	sort.Strings(out)
	return out
}
