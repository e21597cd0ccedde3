package migrate_test

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/internal/pgcluster"
	"github.com/migrate-tool/migrate/internal/pgtest"
)

// pgbouncerBinary returns PgBouncer's program, installing the Debian
// package when it is missing and this process may (root with apt-get).
func pgbouncerBinary(t *testing.T) string {
	t.Helper()
	find := func() string {
		if p, err := exec.LookPath("pgbouncer"); err == nil {
			return p
		}
		if _, err := os.Stat("/usr/sbin/pgbouncer"); err == nil {
			return "/usr/sbin/pgbouncer"
		}
		return ""
	}
	if p := find(); p != "" {
		return p
	}
	apt, err := exec.LookPath("apt-get")
	if err != nil || os.Geteuid() != 0 {
		t.Skipf("pgbouncer is not installed and cannot be (apt-get: %v, uid %d): apt-get install pgbouncer", err, os.Geteuid())
	}
	install := func() ([]byte, error) {
		cmd := exec.Command(apt, "install", "-y", "--no-install-recommends", "pgbouncer")
		cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
		return cmd.CombinedOutput()
	}
	if out, err := install(); err != nil {
		if up, err := exec.Command(apt, "update").CombinedOutput(); err != nil {
			t.Skipf("pgbouncer is not installed and apt-get failed: %v\n%s\n%s", err, out, up)
		}
		if out, err := install(); err != nil {
			t.Skipf("pgbouncer is not installed and apt-get install failed: %v\n%s", err, out)
		}
	}
	if p := find(); p != "" {
		return p
	}
	t.Skip("pgbouncer installed but not found on PATH or in /usr/sbin")
	return ""
}

// startPgBouncer runs PgBouncer in pool mode mode on a free local port in
// front of the server of dbURL, and returns dbURL as seen through it. It
// is stopped when the test ends.
func startPgBouncer(t *testing.T, mode, dbURL string) string {
	t.Helper()
	bin := pgbouncerBinary(t)
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	host, port, db := u.Query().Get("host"), u.Query().Get("port"), strings.TrimPrefix(u.Path, "/")
	if host == "" {
		t.Skip("the test server is not a local cluster")
	}
	dir, err := pgcluster.TempDir("migrate-pgbouncer-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	listen := l.Addr().(*net.TCPAddr).Port
	l.Close()
	conf := fmt.Sprintf(`[databases]
%s = host=%s port=%s user=%s

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = %d
unix_socket_dir =
auth_type = trust
auth_file = %s
pool_mode = %s
default_pool_size = 40
max_client_conn = 200
ignore_startup_parameters = extra_float_digits
logfile = %s
pidfile =
`, db, host, port, u.User.Username(), listen, filepath.Join(dir, "users.txt"), mode, filepath.Join(dir, "pgbouncer.log"))
	for name, text := range map[string]string{"pgbouncer.ini": conf, "users.txt": fmt.Sprintf("%q \"\"\n", u.User.Username())} {
		writeFile(t, filepath.Join(dir, name), text)
	}
	cmd := exec.Command(bin, filepath.Join(dir, "pgbouncer.ini"))
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := pgcluster.RunAsServerUser(cmd); err != nil {
		t.Fatal(err)
	}
	cmd.SysProcAttr.Pdeathsig = syscall.SIGKILL
	if err := os.Chmod(dir, 0o755); err != nil { // users.txt and the log, for the server user
		t.Fatal(err)
	}
	if cmd.SysProcAttr.Credential != nil {
		for _, f := range []string{"", "pgbouncer.ini", "users.txt"} {
			os.Chown(filepath.Join(dir, f), int(cmd.SysProcAttr.Credential.Uid), int(cmd.SysProcAttr.Credential.Gid))
		}
	}
	exited, err := pgcluster.StartReaped(cmd) // Pdeathsig needs its thread alive
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
	})
	through := fmt.Sprintf("postgres://%s@127.0.0.1:%d/%s?sslmode=disable", u.User.Username(), listen, db)
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		select {
		case <-exited:
			log, _ := os.ReadFile(filepath.Join(dir, "pgbouncer.log"))
			t.Fatalf("pgbouncer exited: %s\n%s", out.String(), log)
		default:
		}
		c, err := pgx.Connect(context.Background(), through)
		if err == nil {
			c.Close(context.Background())
			return through
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(dir, "pgbouncer.log"))
			t.Fatalf("pgbouncer does not accept connections: %v\n%s\n%s", err, out.String(), log)
		}
	}
}

// TestPgBouncerSessionMode: eight deployers through PgBouncer in session
// mode apply each revision exactly once.
func TestPgBouncerSessionMode(t *testing.T) {
	t.Parallel()
	direct := pgtest.NewDB(t)
	through := startPgBouncer(t, "session", direct)
	files := append(concurrentIndexHistory(50_000), file{id: "f6", parents: "e5", up: "SELECT pg_sleep(0.5);\nCREATE TABLE t_f6 (id int);", down: "DROP TABLE t_f6;"})
	project := writeVersions(t, files...)
	writeFile(t, filepath.Join(project, "migrate.toml"), projectConfig)

	const n = 8
	outs := make([]bytes.Buffer, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		cmd := migrateProcess(t, project, through, "upgrade", "head")
		cmd.Stdout, cmd.Stderr = &outs[i], &outs[i]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = cmd.Wait() }()
	}
	wg.Wait()
	ran := 0
	for i := range n {
		if errs[i] != nil {
			t.Errorf("deployer %d: %v\n%s", i, errs[i], outs[i].String())
		}
		ran += strings.Count(outs[i].String(), "Running upgrade")
	}
	if ran != len(files) {
		t.Errorf("%d revisions run, want %d", ran, len(files))
	}
	c := connect(t, direct)
	equal(t, "audit", strs(t, c, "SELECT direction || ' ' || version_num FROM migrate_history ORDER BY id"),
		[]string{"upgrade a1", "upgrade b2", "upgrade c3", "upgrade d4", "upgrade e5", "upgrade f6"})
	equal(t, "invalid indexes", strs(t, c, "SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid"), nil)
}

// TestPgBouncerTransactionMode: through PgBouncer in transaction (or
// statement) mode a session advisory lock protects nothing; the tool
// notices and stops before applying anything, saying what to use instead.
func TestPgBouncerTransactionMode(t *testing.T) {
	t.Parallel()
	for _, mode := range []string{"transaction", "statement"} {
		t.Run(mode, func(t *testing.T) {
			direct := pgtest.NewDB(t)
			through := startPgBouncer(t, mode, direct)
			project := writeVersions(t, table("a1", ""), table("b2", "a1"))
			writeFile(t, filepath.Join(project, "migrate.toml"), projectConfig)
			for _, args := range [][]string{{"upgrade", "head"}, {"stamp", "head"}, {"downgrade", "base"}} {
				cmd := migrateProcess(t, project, through, args...)
				var out bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &out
				cmd.Run()
				if code := cmd.ProcessState.ExitCode(); code != 2 ||
					!strings.Contains(out.String(), "goes through a transaction-pooling proxy") ||
					!strings.Contains(out.String(), "migrate through a direct connection to PostgreSQL or a session-mode pool") {
					t.Errorf("migrate %s through %s pooling: exit %d\n%s", strings.Join(args, " "), mode, code, out.String())
				}
			}
			c := connect(t, direct)
			equal(t, "tables", strs(t, c, "SELECT relname::text FROM pg_class WHERE relname LIKE 't\\_%' OR relname LIKE 'migrate\\_%'"), nil)
		})
	}
}
