package runner

import (
	"context"
	"fmt"
	"time"
)

// Lock takes the migration lock: a session-level pg_advisory_lock whose key
// is derived from the version table's name, so every writer of that table
// queues on it. When another session holds it, Lock reports LockWaiting and
// waits, up to Config.LockWaitTimeout when set (then *LockTimeoutError), or
// until ctx ends.
func (s *Session) Lock(ctx context.Context) error {
	if s.locked {
		return nil
	}
	t := s.cfg.Tables
	key := t.LockKey()
	var ok bool
	if err := s.conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1)", key).Scan(&ok); err != nil {
		return fmt.Errorf("take the migration lock on %s: %w", t.VersionName(), err)
	}
	if ok {
		s.locked = true
		s.log.Log(LockAcquired{Table: t.VersionName(), Key: key})
		return nil
	}
	start := time.Now()
	timeout := s.cfg.LockWaitTimeout
	s.log.Log(LockWaiting{Table: t.VersionName(), Key: key, HolderPID: s.lockHolder(ctx, key), Timeout: timeout})

	// A blocking pg_advisory_lock wakes up as soon as the holder is done;
	// lock_timeout bounds it, and a canceled ctx interrupts it.
	ms := int64(0)
	if timeout > 0 {
		ms = max(1, timeout.Milliseconds())
	}
	if _, err := s.conn.Exec(ctx, fmt.Sprintf("SET lock_timeout = %d", ms)); err != nil {
		return fmt.Errorf("wait for the migration lock on %s: %w", t.VersionName(), err)
	}
	_, err := s.conn.Exec(ctx, "SELECT pg_advisory_lock($1)", key)
	waited := time.Since(start)
	if err != nil {
		if pe := pgError(err); pe != nil && pe.Code == "55P03" { // lock_not_available
			holder := s.lockHolder(ctx, key)
			s.conn.Exec(ctx, "RESET lock_timeout")
			return &LockTimeoutError{Table: t.VersionName(), Key: key, Waited: waited, HolderPID: holder}
		}
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted after %s waiting for the migration lock on %s: %w",
				waited.Round(time.Millisecond), t.VersionName(), ctx.Err())
		}
		return fmt.Errorf("wait for the migration lock on %s: %w", t.VersionName(), err)
	}
	s.locked = true
	if _, err := s.conn.Exec(ctx, "RESET lock_timeout"); err != nil {
		return fmt.Errorf("reset lock_timeout after taking the migration lock: %w", err)
	}
	s.log.Log(LockAcquired{Table: t.VersionName(), Key: key, Waited: waited})
	return nil
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

// lockHolder returns the pid of the backend holding the advisory lock key in
// this database, or 0. A bigint advisory key is stored in pg_locks as its
// high half in classid and its low half in objid, with objsubid 1.
func (s *Session) lockHolder(ctx context.Context, key int64) int {
	var pid int
	err := s.conn.QueryRow(ctx, `SELECT pid FROM pg_locks
		WHERE locktype = 'advisory' AND granted AND objsubid = 1
		  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
		  AND classid::bigint = $1 AND objid::bigint = $2
		LIMIT 1`, int64(uint64(key)>>32), int64(uint32(key))).Scan(&pid)
	if err != nil {
		return 0
	}
	return pid
}
