package pgdial

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/migrate-tool/migrate/internal/pgcluster"
)

// testServer is a throwaway PostgreSQL cluster that listens on TCP
// 127.0.0.1, with or without SSL, and logs every connection it receives.
type testServer struct {
	cluster *pgcluster.Cluster
	dir     string
	port    int
	exited  <-chan struct{}
}

// lazyServer starts its server on first use, so that a run of one test
// or benchmark starts only the server it needs.
type lazyServer struct {
	ssl  bool
	once sync.Once
	srv  *testServer
	err  error
}

var (
	plainServer = &lazyServer{ssl: false}
	sslServer   = &lazyServer{ssl: true}
)

func TestMain(m *testing.M) {
	// pgx reads PG* variables (PGSSLMODE, PGCONNECT_TIMEOUT, ...): the
	// tests mean pgx's defaults.
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "PG") {
			os.Unsetenv(name)
		}
	}
	code := m.Run()
	for _, l := range []*lazyServer{plainServer, sslServer} {
		if l.srv != nil {
			if err := l.srv.stop(); err != nil {
				fmt.Fprintln(os.Stderr, err)
				code = 1
			}
		}
	}
	os.Exit(code)
}

// get returns the started server or fails tb.
func (l *lazyServer) get(tb testing.TB) *testServer {
	tb.Helper()
	l.once.Do(func() { l.srv, l.err = startTCPServer(context.Background(), l.ssl) })
	if l.err != nil {
		tb.Fatalf("start test server (ssl=%v): %v", l.ssl, l.err)
	}
	return l.srv
}

// startTCPServer initializes a cluster with pgcluster and restarts it
// listening on 127.0.0.1. pgcluster starts postgres with
// "-c listen_addresses=" on the command line, which beats ALTER SYSTEM and
// postgresql.conf, and rewrites pg_hba.conf to socket-only rules at each
// start; so the test starts postgres itself with TCP on and lets
// pgcluster adopt the running server, which gives it Stop and URL.
func startTCPServer(ctx context.Context, ssl bool) (*testServer, error) {
	dir, err := pgcluster.TempDir("migrate-pgdial-")
	if err != nil {
		return nil, err
	}
	s, err := launch(ctx, dir, ssl)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return s, nil
}

func launch(ctx context.Context, dir string, ssl bool) (*testServer, error) {
	c, err := pgcluster.Start(ctx, pgcluster.Options{Dir: dir, Throwaway: true})
	if err != nil {
		return nil, err
	}
	sockDir := c.SocketDir
	if err := c.Stop(); err != nil {
		return nil, err
	}
	if _, err := os.Stat(sockDir); err != nil {
		return nil, fmt.Errorf("socket directory of the cluster: %w", err)
	}
	if err := configure(c.DataDir, ssl); err != nil {
		return nil, err
	}
	port, err := pgcluster.FreePort()
	if err != nil {
		return nil, err
	}
	cmd, exited, err := spawn(c, sockDir, port, ssl)
	if err != nil {
		return nil, err
	}
	abort := func(err error) (*testServer, error) {
		_ = cmd.Process.Signal(syscall.SIGQUIT)
		<-exited
		return nil, err
	}
	if err := waitReady(ctx, c, exited); err != nil {
		return abort(err)
	}
	adopted, err := pgcluster.Start(ctx, pgcluster.Options{Dir: dir, Throwaway: true})
	if err != nil {
		return abort(err)
	}
	if adopted.Started() || adopted.Port != port {
		adopted.Stop()
		return abort(errors.New("pgcluster did not adopt the running server"))
	}
	return &testServer{cluster: adopted, dir: dir, port: port, exited: exited}, nil
}

// configure lets 127.0.0.1 in without a password and, for SSL, gives the
// server a self-signed certificate under the default names server.crt
// and server.key. The files belong to the user the server runs as.
func configure(dataDir string, ssl bool) error {
	st, err := os.Stat(dataDir)
	if err != nil {
		return err
	}
	sys := st.Sys().(*syscall.Stat_t)
	uid, gid := int(sys.Uid), int(sys.Gid)
	hba := "local all all trust\nhost all all 127.0.0.1/32 trust\n"
	if err := writeOwned(filepath.Join(dataDir, "pg_hba.conf"), []byte(hba), 0o600, uid, gid); err != nil {
		return err
	}
	if !ssl {
		return nil
	}
	certPEM, keyPEM, err := selfSignedCert()
	if err != nil {
		return err
	}
	if err := writeOwned(filepath.Join(dataDir, "server.crt"), certPEM, 0o644, uid, gid); err != nil {
		return err
	}
	// PostgreSQL refuses a key file others can read.
	return writeOwned(filepath.Join(dataDir, "server.key"), keyPEM, 0o600, uid, gid)
}

func writeOwned(path string, data []byte, mode os.FileMode, uid, gid int) error {
	if err := os.WriteFile(path, data, mode); err != nil {
		return err
	}
	if err := os.Chmod(path, mode); err != nil {
		return err
	}
	return os.Chown(path, uid, gid)
}

// spawn starts postgres on the cluster, as its run user, tied to this
// process like a pgcluster throwaway server.
func spawn(c *pgcluster.Cluster, sockDir string, port int, ssl bool) (*exec.Cmd, <-chan struct{}, error) {
	sslSetting := "off"
	if ssl {
		sslSetting = "on"
	}
	cmd := exec.Command(filepath.Join(c.BinDir, "postgres"),
		"-D", c.DataDir,
		"-p", strconv.Itoa(port),
		"-k", sockDir,
		"-c", "listen_addresses=127.0.0.1",
		"-c", "unix_socket_permissions=0700",
		"-c", "ssl="+sslSetting,
		// The tests count "connection received" lines: the server's own
		// view of how many connections a connect cost.
		"-c", "log_connections=on",
	)
	log, err := os.OpenFile(c.LogPath, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, nil, err
	}
	defer log.Close()
	cmd.Dir, cmd.Stdout, cmd.Stderr = c.Dir, log, log
	cmd.Env = []string{"LANG=C", "PATH=" + os.Getenv("PATH")}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGQUIT}
	if err := pgcluster.RunAsServerUser(cmd); err != nil {
		return nil, nil, err
	}
	exited, err := pgcluster.StartReaped(cmd)
	return cmd, exited, err
}

// waitReady waits until postmaster.pid says the server accepts
// connections, which is what pgcluster's adoption checks.
func waitReady(ctx context.Context, c *pgcluster.Cluster, exited <-chan struct{}) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return fmt.Errorf("server did not get ready: %w (see %s)", ctx.Err(), c.LogPath)
		case <-exited:
			return fmt.Errorf("server exited during start-up: see %s", c.LogPath)
		case <-tick.C:
			b, _ := os.ReadFile(filepath.Join(c.DataDir, "postmaster.pid"))
			if lines := strings.Split(string(b), "\n"); len(lines) > 7 && strings.TrimSpace(lines[7]) == "ready" {
				return nil
			}
		}
	}
}

func (s *testServer) stop() error {
	err := s.cluster.Stop()
	select {
	case <-s.exited:
	case <-time.After(10 * time.Second):
	}
	if err == nil {
		err = os.RemoveAll(s.dir)
	}
	return err
}

// url is a connection URL to the server over TCP; sslmode "" leaves pgx's
// default (prefer).
func (s *testServer) url(sslmode string) string {
	u := fmt.Sprintf("postgres://%s@127.0.0.1:%d/postgres", pgcluster.Superuser, s.port)
	if sslmode != "" {
		u += "?sslmode=" + sslmode
	}
	return u
}

// logSize is where the next server log line will start.
func (s *testServer) logSize(tb testing.TB) int64 {
	tb.Helper()
	st, err := os.Stat(s.cluster.LogPath)
	if err != nil {
		tb.Fatal(err)
	}
	return st.Size()
}

// connectionsSince counts the TCP connections the server received after
// log offset off.
func (s *testServer) connectionsSince(tb testing.TB, off int64) int {
	tb.Helper()
	f, err := os.Open(s.cluster.LogPath)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		tb.Fatal(err)
	}
	b, err := io.ReadAll(f)
	if err != nil {
		tb.Fatal(err)
	}
	return strings.Count(string(b), "connection received: host=127.0.0.1 ")
}
