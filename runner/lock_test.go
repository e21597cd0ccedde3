package runner

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/migrate-tool/migrate/internal/pgtest"
)

func TestLockWaitTimeout(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	ctx := context.Background()
	holder := session(t, url, Config{})
	var holderPID int
	if err := holder.conn.QueryRow(ctx, "SELECT pg_backend_pid()").Scan(&holderPID); err != nil {
		t.Fatal(err)
	}

	rec := &recorder{}
	waiter, err := Connect(ctx, url, Config{LockWaitTimeout: 300 * time.Millisecond, Logger: rec})
	if err != nil {
		t.Fatal(err)
	}
	defer waiter.Close(ctx)
	start := time.Now()
	err = waiter.Lock(ctx)
	var lt *LockTimeoutError
	if !errors.As(err, &lt) {
		t.Fatalf("Lock = %v, want LockTimeoutError", err)
	}
	if d := time.Since(start); d < 250*time.Millisecond || d > 5*time.Second {
		t.Errorf("waited %s", d)
	}
	if lt.HolderPID != holderPID || !strings.Contains(err.Error(), "public.migrate_version") || !strings.Contains(err.Error(), "lock_wait_timeout") {
		t.Errorf("error %q (holder %d)", err, holderPID)
	}
	if len(rec.events) != 1 {
		t.Fatalf("events %#v", rec.events)
	}
	if w, ok := rec.events[0].(LockWaiting); !ok || w.HolderPID != holderPID {
		t.Errorf("event %#v", rec.events[0])
	}

	// Canceling the context interrupts an unbounded wait.
	w2, err := Connect(ctx, url, Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer w2.Close(ctx)
	cctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if err := w2.Lock(cctx); err == nil || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Lock with a canceled context = %v", err)
	}

	// Once the holder is done, a waiter gets the lock right away.
	w3, err := Connect(ctx, url, Config{})
	if err != nil {
		t.Fatal(err)
	}
	defer w3.Close(ctx)
	unlocked := make(chan struct{})
	go func() {
		defer close(unlocked)
		time.Sleep(200 * time.Millisecond)
		holder.Unlock(ctx)
	}()
	// The holder's connection is closed at cleanup: not while Unlock
	// still reads its reply.
	defer func() { <-unlocked }()
	if err := w3.Lock(ctx); err != nil {
		t.Fatal(err)
	}
	if !w3.Locked() {
		t.Error("not locked")
	}
}

func TestLockKeyDependsOnTable(t *testing.T) {
	a := Tables{}.withDefaults().LockKey()
	b := Tables{Schema: "other"}.withDefaults().LockKey()
	if a == b {
		t.Error("two version tables share a lock key")
	}
	if a != (Tables{Schema: "public", Version: "migrate_version"}).LockKey() {
		t.Error("defaults change the key")
	}
}

// TestLockWaitHoldsNothing: a deployer waiting for the migration lock sits
// idle between polls, with no snapshot (backend_xmin) and no lock anything
// else could queue behind, so a CREATE INDEX CONCURRENTLY in the holder's
// run does not wait for it.
func TestLockWaitHoldsNothing(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	ctx := context.Background()
	holder := session(t, url, Config{})
	rec := &recorder{}
	waiter, err := Connect(ctx, url, Config{Logger: rec})
	if err != nil {
		t.Fatal(err)
	}
	defer waiter.Close(ctx)
	locked := make(chan error, 1)
	go func() { locked <- waiter.Lock(ctx) }()

	c := connect(t, url)
	if _, err := c.Exec(ctx, "CREATE TABLE big AS SELECT g AS x FROM generate_series(1, 50000) g"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond) // the waiter is polling by now
	samples := 0
	for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); time.Sleep(7 * time.Millisecond) {
		var state string
		var xmin, waiting bool
		err := c.QueryRow(ctx, `SELECT coalesce(state, ''), backend_xmin IS NOT NULL,
				EXISTS (SELECT FROM pg_locks WHERE pid = $1 AND NOT granted)
			FROM pg_stat_activity WHERE pid = $1`, waiter.PID()).Scan(&state, &xmin, &waiting)
		if err != nil {
			t.Fatal(err)
		}
		if state == "idle" {
			samples++
		}
		if waiting {
			t.Fatalf("the waiter waits on a lock (state %q)", state)
		}
		if xmin && state == "idle" {
			t.Fatal("the idle waiter holds a snapshot")
		}
	}
	if samples == 0 {
		t.Error("the waiter was never seen idle between polls")
	}
	// The holder's concurrent index build does not wait for the waiter.
	start := time.Now()
	if _, err := holder.conn.Exec(ctx, "CREATE INDEX CONCURRENTLY big_x ON big (x)"); err != nil {
		t.Fatal(err)
	}
	t.Logf("CREATE INDEX CONCURRENTLY took %s while a deployer waited", time.Since(start).Round(time.Millisecond))
	select {
	case err := <-locked:
		t.Fatalf("the waiter got the lock while it was held: %v", err)
	default:
	}
	if err := holder.Unlock(ctx); err != nil {
		t.Fatal(err)
	}
	if err := <-locked; err != nil {
		t.Fatal(err)
	}
	if w, ok := rec.events[0].(LockWaiting); !ok || w.Holder == nil || w.Holder.PID != holder.PID() || w.Holder.ApplicationName != "migrate" {
		t.Errorf("first event %#v, want LockWaiting naming the holder", rec.events[0])
	}
}
