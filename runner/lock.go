package runner

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"
)

// Lock takes the migration lock: a session-level advisory lock whose key is
// derived from the version table's name, so every writer of that table
// queues on it.
//
// Waiting holds nothing: instead of blocking in pg_advisory_lock (a
// statement whose snapshot a CREATE INDEX CONCURRENTLY in the holder's run
// would wait for, while the waiter waits for the holder: a deadlock), Lock
// polls pg_try_advisory_lock with backoff and leaves the connection idle
// between polls. When another session holds the lock, Lock reports
// LockWaiting (with the holder's pid and application_name) and waits, up
// to Config.LockWaitTimeout when set (then *LockTimeoutError), or until
// ctx ends.
//
// Before anything, Lock makes sure the connection is not pooled per
// transaction, where a session lock protects nothing (*PoolerError).
func (s *Session) Lock(ctx context.Context) error {
	if s.locked {
		return nil
	}
	if err := s.checkPooler(ctx); err != nil {
		return err
	}
	t := s.cfg.Tables
	key := t.LockKey()
	start := time.Now()
	timeout := s.cfg.LockWaitTimeout
	backoff := 20 * time.Millisecond
	var reported int
	for {
		ok, err := s.tryLock(ctx, key)
		if err != nil {
			if ctx.Err() != nil {
				return s.interrupted(ctx, start)
			}
			return fmt.Errorf("take the migration lock on %s: %w", t.VersionName(), explain(err))
		}
		waited := time.Since(start)
		if ok {
			s.locked = true
			if reported == 0 {
				waited = 0
			}
			s.log.Log(LockAcquired{Table: t.VersionName(), Key: key, Waited: waited})
			return nil
		}
		holder := s.lockHolder(ctx, key)
		if timeout > 0 && waited >= timeout {
			lt := &LockTimeoutError{Table: t.VersionName(), Key: key, Waited: waited, Holder: holder}
			if holder != nil {
				lt.HolderPID = holder.PID
			}
			return lt
		}
		// Report the wait once per holder: a queue of deployers shows
		// who is in front.
		if pid := holderPID(holder); reported == 0 || pid != 0 && pid != reported {
			reported = max(pid, 1)
			s.log.Log(LockWaiting{Table: t.VersionName(), Key: key, HolderPID: pid, Holder: holder, Timeout: timeout})
		}
		pause := backoff/2 + rand.N(backoff/2+1) // jitter keeps deployers from polling in step
		if timeout > 0 {
			pause = min(pause, timeout-waited)
		}
		select {
		case <-ctx.Done():
			return s.interrupted(ctx, start)
		case <-time.After(pause):
		}
		backoff = min(2*backoff, time.Second)
	}
}

func (s *Session) interrupted(ctx context.Context, start time.Time) error {
	return fmt.Errorf("interrupted after %s waiting for the migration lock on %s: %w",
		time.Since(start).Round(time.Millisecond), s.cfg.Tables.VersionName(), ctx.Err())
}

// tryLock makes one attempt, in a statement of its own: its snapshot ends
// with it.
func (s *Session) tryLock(ctx context.Context, key int64) (bool, error) {
	var ok bool
	err := s.conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1)", key).Scan(&ok)
	return ok, err
}

// Unlock releases the migration lock. Closing the session releases it too.
func (s *Session) Unlock(ctx context.Context) error {
	if !s.locked {
		return nil
	}
	s.locked = false
	if _, err := s.conn.Exec(ctx, "SELECT pg_advisory_unlock($1)", s.cfg.Tables.LockKey()); err != nil {
		return fmt.Errorf("release the migration lock: %w", err)
	}
	return nil
}

// Locked reports whether this session holds the migration lock.
func (s *Session) Locked() bool { return s.locked }

func holderPID(b *Backend) int {
	if b == nil {
		return 0
	}
	return b.PID
}

// lockHolder describes the backend holding the advisory lock key in this
// database, or returns nil. A bigint advisory key is stored in pg_locks as
// its high half in classid and its low half in objid, with objsubid 1.
func (s *Session) lockHolder(ctx context.Context, key int64) *Backend {
	var b Backend
	var start *time.Time
	err := s.conn.QueryRow(ctx, `SELECT l.pid, coalesce(a.application_name, ''), coalesce(a.state, ''), a.query_start,
			left(regexp_replace(coalesce(a.query, ''), '\s+', ' ', 'g'), 80)
		FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
		WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
		  AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
		  AND l.classid::bigint = $1 AND l.objid::bigint = $2
		LIMIT 1`, int64(uint64(key)>>32), int64(uint32(key))).Scan(&b.PID, &b.ApplicationName, &b.State, &start, &b.Query)
	if err != nil {
		return nil
	}
	if start != nil {
		b.QueryStart = *start
	}
	return &b
}
