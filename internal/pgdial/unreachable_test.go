package pgdial

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const secret = "s3cret-pw"

// A port nothing listens on is dialed once, not once more for the
// plaintext fallback, and the error names the address but not the password.
func TestUnreachable(t *testing.T) {
	port := closedPort(t)
	for _, sslmode := range []string{"prefer", "require", "disable"} {
		t.Run(sslmode, func(t *testing.T) {
			url := fmt.Sprintf("postgres://postgres:%s@127.0.0.1:%d/postgres?sslmode=%s&connect_timeout=10", secret, port, sslmode)
			dials, elapsed, err := connectFails(t, url, "a closed port")
			msg := err.Error()
			if !strings.HasPrefix(msg, "failed to connect to") || !strings.Contains(msg, fmt.Sprintf("127.0.0.1:%d", port)) {
				t.Errorf("error does not name the address in pgx's form: %v", err)
			}
			if strings.Contains(msg, secret) {
				t.Errorf("error contains the password: %v", err)
			}
			if n := dials.Load(); n != 1 {
				t.Errorf("%d dials, want 1", n)
			}
			// A refused connection fails at once; connect_timeout is 10s.
			if elapsed > 3*time.Second {
				t.Errorf("took %v", elapsed)
			}
		})
	}
}

// A host that accepts TCP but never answers is dialed once and costs one
// connect_timeout: the probe's timeout must not be followed by another for
// pgx's attempts. (pgx alone also fails after one timeout, as its fallback
// to the same address shares the deadline, but calls DialFunc twice.)
func TestSilentServer(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		var held []net.Conn // accepted and never answered
		defer func() {
			for _, c := range held {
				c.Close()
			}
		}()
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()
	url := fmt.Sprintf("postgres://postgres:%s@%s/postgres?connect_timeout=1", secret, l.Addr())
	dials, elapsed, err := connectFails(t, url, "a silent server")
	if n := dials.Load(); n != 1 {
		t.Errorf("%d dials, want 1", n)
	}
	if elapsed > 1800*time.Millisecond {
		t.Errorf("took %v, want about one connect_timeout (1s)", elapsed)
	}
	if msg := err.Error(); strings.Contains(msg, secret) || !strings.Contains(msg, l.Addr().String()) {
		t.Errorf("error must name %s and not the password: %v", l.Addr(), err)
	}
}

// A connect whose context is already cancelled fails at once and says so.
func TestCancelledContext(t *testing.T) {
	s := plainServer.get(t)
	cfg := parseConfig(t, s.url(""))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	conn, err := Connect(ctx, cfg)
	if err == nil {
		conn.Close(context.Background())
		t.Fatal("Connect with a cancelled context succeeded")
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
}

// A host name that does not resolve is looked up once (a DNS timeout must
// not be waited out twice) and pgx reports it in its usual form.
func TestLookupFailure(t *testing.T) {
	cfg := parseConfig(t, "postgres://postgres:"+secret+"@db.example.invalid/postgres")
	var lookups int
	cfg.LookupFunc = func(ctx context.Context, host string) ([]string, error) {
		lookups++
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	dials := countDials(cfg)
	conn, err := Connect(context.Background(), cfg)
	if err == nil {
		conn.Close(context.Background())
		t.Fatal("Connect to an unresolvable host succeeded")
	}
	t.Log(err)
	if lookups != 1 || dials.Load() != 0 {
		t.Errorf("%d lookups, %d dials; want 1 and 0", lookups, dials.Load())
	}
	if msg := err.Error(); !strings.Contains(msg, "hostname resolving error") || !strings.Contains(msg, "db.example.invalid") || strings.Contains(msg, secret) {
		t.Errorf("error = %v", err)
	}
}

// connectFails connects to url, which must fail, and returns the dials
// made, how long it took and the error.
func connectFails(t *testing.T, url, what string) (*atomic.Int32, time.Duration, error) {
	t.Helper()
	cfg := parseConfig(t, url)
	dials := countDials(cfg)
	start := time.Now()
	conn, err := Connect(context.Background(), cfg)
	elapsed := time.Since(start)
	if err == nil {
		conn.Close(context.Background())
		t.Fatalf("Connect to %s succeeded", what)
	}
	t.Logf("%v in %v", err, elapsed)
	return dials, elapsed, err
}
