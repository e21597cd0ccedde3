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
