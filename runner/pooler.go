package runner

import (
	"context"
	"fmt"
	"time"

	"github.com/migrate-tool/migrate/internal/pgdial"
)

// checkPooler makes sure this session keeps one server backend for its
// whole life, which the migration lock (a session lock) and the session
// state a revision relies on both need. Behind a pooler in transaction or
// statement mode (PgBouncer's pool_mode = transaction or statement) each
// transaction may run on another backend: the lock would be taken on one
// backend and the revisions run on others, so parallel deployers would
// apply the same revision twice.
//
// The probe: a second connection opens a transaction and keeps it open
// while this session asks for its backend's pid again. A direct connection
// or a session-mode pool pins this session to its backend, so the pid is
// the one seen at connect and the probe's is different. A transaction pool
// hands backends out per transaction (PgBouncer reuses the most recently
// released one first), so this session's next transaction lands on another
// backend, or the probe got this session's backend.
func (s *Session) checkPooler(ctx context.Context) error {
	pid, err := s.backendPID(ctx)
	if err != nil {
		return err
	}
	if pid != s.pid {
		return &PoolerError{Detail: fmt.Sprintf("the server backend changed from pid %d to %d between two statements", s.pid, pid)}
	}
	pctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	pc := s.pc.Copy()
	// Named apart, so that monitoring tells the momentary probe from the
	// session that migrates.
	pc.RuntimeParams["application_name"] = "migrate pooler probe"
	probe, err := pgdial.Connect(pctx, pc)
	if err != nil {
		// No second connection (a connection limit): the first check
		// stands alone.
		return nil
	}
	defer probe.Close(context.WithoutCancel(ctx))
	tx, err := probe.Begin(pctx)
	if err != nil {
		if pe := pgError(err); pe != nil && pe.Code == "08P01" {
			return &PoolerError{Detail: "it refuses transaction blocks: " + pe.Message}
		}
		return nil
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	var probePID int
	if err := tx.QueryRow(pctx, "SELECT pg_backend_pid()").Scan(&probePID); err != nil {
		if pe := pgError(err); pe != nil && pe.Code == "08P01" {
			return &PoolerError{Detail: "it refuses transaction blocks: " + pe.Message}
		}
		return nil
	}
	// A pool of one backend makes this statement queue behind the
	// probe's transaction: a direct connection would answer at once.
	actx, acancel := context.WithTimeout(ctx, probeWait)
	defer acancel()
	again, err := s.backendPID(actx)
	if err != nil && ctx.Err() == nil && actx.Err() != nil {
		return &PoolerError{Detail: fmt.Sprintf("a statement of this session waited %s for a server backend while another connection held a transaction", probeWait)}
	}
	if err != nil {
		return err
	}
	switch {
	case probePID == s.pid:
		return &PoolerError{Detail: fmt.Sprintf("two client connections were served by the same server backend, pid %d", s.pid)}
	case again != s.pid:
		return &PoolerError{Detail: fmt.Sprintf("the server backend changed from pid %d to %d between two statements", s.pid, again)}
	}
	return nil
}

// probeWait bounds the pooler probe's second statement.
const probeWait = 10 * time.Second

func (s *Session) backendPID(ctx context.Context) (int, error) {
	var pid int
	if err := s.conn.QueryRow(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
		return 0, fmt.Errorf("read the session's backend pid: %w", explain(err))
	}
	return pid, nil
}
