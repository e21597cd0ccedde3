package runner

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/internal/pgdial"
)

// A statement that times out waiting for a lock gets only "canceling
// statement due to lock timeout" from PostgreSQL, and once it is canceled
// it no longer waits, so nothing can say any more who blocked it. While a
// statement runs longer than a moment, a second connection samples what the
// session's backend waits for (pg_locks) and who holds it up
// (pg_blocking_pids, pg_stat_activity); a timeout is then reported with the
// last sample.

// Backend is another session of the server, as pg_stat_activity shows it.
type Backend struct {
	PID             int
	ApplicationName string
	// State is pg_stat_activity.state: active, idle in transaction, ...
	State string
	// QueryStart is when its current or last query started; zero when the
	// server does not say (another user's session without the privilege
	// to see it).
	QueryStart time.Time
	// Query is the start of its current or last query.
	Query string
}

func (b Backend) String() string {
	var parts []string
	if b.ApplicationName != "" {
		parts = append(parts, fmt.Sprintf("application_name %q", b.ApplicationName))
	}
	if b.State != "" {
		parts = append(parts, fmt.Sprintf("state %q", b.State))
	}
	if !b.QueryStart.IsZero() {
		parts = append(parts, "query started "+b.QueryStart.UTC().Format(time.RFC3339))
	}
	if b.Query != "" {
		parts = append(parts, fmt.Sprintf("query %q", b.Query))
	}
	s := fmt.Sprintf("backend pid %d", b.PID)
	if len(parts) > 0 {
		s += " (" + strings.Join(parts, ", ") + ")"
	}
	return s
}

// LockWait is a lock a statement waited for, and the sessions it waited on.
type LockWait struct {
	// Relation is the table, index or sequence, schema-qualified when not
	// on the search path; empty when the lock is on something else
	// (LockType says what, e.g. transactionid for a row lock).
	Relation string
	LockType string
	// Mode is the lock mode asked for, e.g. AccessExclusiveLock.
	Mode     string
	Blockers []Backend
}

func (w *LockWait) String() string {
	on := w.LockType
	if w.Relation != "" {
		on = "relation " + w.Relation
	}
	bs := make([]string, len(w.Blockers))
	pids := make([]string, len(w.Blockers))
	for i, b := range w.Blockers {
		bs[i] = b.String()
		pids[i] = fmt.Sprint(b.PID)
	}
	return fmt.Sprintf("it was waiting for %s on %s, blocked by %s: retry when that is done, or end it (SELECT pg_terminate_backend(pid) for pid %s)",
		w.Mode, on, strings.Join(bs, " and "), strings.Join(pids, ", "))
}

// lockWatch samples the session's lock waits from a monitor connection,
// opened on first need and kept for the session's life. Only one
// statement runs at a time on a session, so one watch runs at a time.
type lockWatch struct {
	s            *Session
	conn         *pgx.Conn
	delay, every time.Duration
}

func newLockWatch(s *Session) *lockWatch {
	w := &lockWatch{s: s, delay: 200 * time.Millisecond, every: 100 * time.Millisecond}
	if lt := s.cfg.LockTimeout; lt > 0 {
		// Sample well within a configured lock_timeout.
		w.delay = max(min(w.delay, lt/2), 5*time.Millisecond)
		w.every = max(min(w.every, lt/4), 5*time.Millisecond)
	}
	return w
}

// start watches until the returned stop is called; stop returns the last
// lock wait seen, or nil.
func (w *lockWatch) start(ctx context.Context) (stop func() *LockWait) {
	done := make(chan struct{})
	result := make(chan *LockWait, 1)
	wctx, cancel := context.WithCancel(ctx)
	go func() {
		var last *LockWait
		defer func() { result <- last }()
		timer := time.NewTimer(w.delay)
		defer timer.Stop()
		for {
			select {
			case <-done:
				return
			case <-timer.C:
			}
			if lw := w.sample(wctx); lw != nil {
				last = lw
			}
			timer.Reset(w.every)
		}
	}()
	return func() *LockWait {
		close(done)
		cancel()
		return <-result
	}
}

// sample returns what the session's backend waits for now, or nil. Errors
// are not reported: the sample only explains a failure, it is never one.
func (w *lockWatch) sample(ctx context.Context) *LockWait {
	if w.conn == nil || w.conn.IsClosed() {
		pc := w.s.pc.Copy()
		pc.RuntimeParams["application_name"] = "migrate lock monitor"
		conn, err := pgdial.Connect(ctx, pc)
		if err != nil {
			return nil
		}
		w.conn = conn
	}
	rows, err := w.conn.Query(ctx, `SELECT coalesce(w.relation::regclass::text, ''), w.locktype, w.mode,
			b.pid, coalesce(b.application_name, ''), coalesce(b.state, ''), b.query_start,
			left(regexp_replace(coalesce(b.query, ''), '\s+', ' ', 'g'), 80)
		FROM pg_locks w
		CROSS JOIN LATERAL unnest(pg_blocking_pids(w.pid)) AS bp(pid)
		JOIN pg_stat_activity b ON b.pid = bp.pid
		WHERE w.pid = $1 AND NOT w.granted
		ORDER BY b.pid`, w.s.pid)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var lw *LockWait
	for rows.Next() {
		var rel, typ, mode string
		var b Backend
		var start *time.Time
		if err := rows.Scan(&rel, &typ, &mode, &b.PID, &b.ApplicationName, &b.State, &start, &b.Query); err != nil {
			return nil
		}
		if start != nil {
			b.QueryStart = *start
		}
		if lw == nil {
			lw = &LockWait{Relation: rel, LockType: typ, Mode: mode}
		}
		lw.Blockers = append(lw.Blockers, b)
	}
	if rows.Err() != nil {
		return nil
	}
	return lw
}

// close closes the monitor connection, if one was opened.
func (w *lockWatch) close() {
	if w.conn != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		w.conn.Close(ctx)
		w.conn = nil
	}
}
