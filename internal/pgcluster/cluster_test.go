package pgcluster

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// startTemp starts a cluster in a new temporary directory and stops it and
// removes the directory at the end of the test.
func startTemp(t *testing.T, opts Options) *Cluster {
	t.Helper()
	dir, err := TempDir("pgcluster-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if opts.Dir == "" {
		opts.Dir = dir
	} else {
		opts.Dir = filepath.Join(dir, opts.Dir)
	}
	begin := time.Now()
	c, err := Start(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("initdb + start: %v", time.Since(begin))
	t.Cleanup(func() {
		if err := c.Stop(); err != nil {
			t.Error(err)
		}
	})
	return c
}

func query(t *testing.T, url, sql string) string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("connect %s: %v", url, err)
	}
	defer conn.Close(ctx)
	var s string
	if err := conn.QueryRow(ctx, sql).Scan(&s); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return s
}

func execSQL(t *testing.T, url, sql string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("connect %s: %v", url, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func TestStartStop(t *testing.T) {
	c := startTemp(t, Options{Throwaway: true})
	if !c.Started() {
		t.Error("Started() = false for a cluster this call started")
	}
	settings := map[string]string{
		"max_locks_per_transaction": "1024",
		"fsync":                     "off",
		"synchronous_commit":        "off",
		"full_page_writes":          "off",
		"server_encoding":           "UTF8",
		"listen_addresses":          "",
		"unix_socket_permissions":   "0700",
	}
	for name, want := range settings {
		if got := query(t, c.URL("postgres"), "SHOW "+name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	out, err := exec.Command(filepath.Join(c.BinDir, "psql"), "-XAtc", "SELECT 40+2", c.URL("postgres")).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "42" {
		t.Errorf("psql %s: %v %s", c.URL("postgres"), err, out)
	}
	pid := c.PID
	if !processAlive(pid) {
		t.Fatalf("postmaster %d not alive after Start", pid)
	}
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if processAlive(pid) {
		t.Fatalf("postmaster %d still exists after Stop", pid)
	}
	if out, err := exec.Command("pgrep", "-f", "postgres -D "+c.DataDir).Output(); err == nil {
		t.Fatalf("postgres processes left for %s: %s", c.DataDir, out)
	}
	if err := c.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}
}

func TestLongPathUsesShortSocketDir(t *testing.T) {
	deep := strings.Repeat("d", 60) + "/" + strings.Repeat("e", 60)
	c := startTemp(t, Options{Dir: deep, Throwaway: true})
	if len(socketPath(c.SocketDir, c.Port)) > maxSocketPath {
		t.Fatalf("socket path too long: %s", c.SocketDir)
	}
	if strings.HasPrefix(c.SocketDir, c.Dir) {
		t.Fatalf("socket dir %s inside the deep cluster dir", c.SocketDir)
	}
	query(t, c.URL("postgres"), "SELECT 1")
	sock := c.SocketDir
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(sock); !os.IsNotExist(err) {
		t.Errorf("short socket dir %s left after Stop (%v)", sock, err)
	}
}

func TestRestartAdoptsAndReusesData(t *testing.T) {
	c := startTemp(t, Options{})
	execSQL(t, c.URL("postgres"), "CREATE TABLE kept (id int)")
	again, err := Start(context.Background(), Options{Dir: c.Dir})
	if err != nil {
		t.Fatal(err)
	}
	if again.Started() || again.PID != c.PID || again.URL("x") != c.URL("x") {
		t.Fatalf("second Start did not adopt the running server: started=%v pid %d vs %d", again.Started(), again.PID, c.PID)
	}
	if err := again.Stop(); err != nil {
		t.Fatal(err)
	}
	if processAlive(c.PID) {
		t.Fatal("server still running after Stop of the adopting value")
	}
	restarted, err := Start(context.Background(), Options{Dir: c.Dir})
	if err != nil {
		t.Fatal(err)
	}
	defer restarted.Stop()
	if !restarted.Started() {
		t.Fatal("Start after Stop did not start a server")
	}
	if got := query(t, restarted.URL("postgres"), "SELECT to_regclass('kept')::text"); got != "kept" {
		t.Fatalf("table created before restart: %q", got)
	}
	if got := query(t, restarted.URL("postgres"), "SHOW fsync"); got != "on" {
		t.Errorf("fsync = %s on a durable cluster", got)
	}
}

func TestStartFailureQuotesLog(t *testing.T) {
	c := startTemp(t, Options{Throwaway: true})
	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(c.DataDir, "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("no_such_setting_xyz = 1\n")
	f.Close()
	_, err = Start(context.Background(), Options{Dir: c.Dir, Throwaway: true})
	if err == nil {
		t.Fatal("Start succeeded with a broken configuration")
	}
	if !strings.Contains(err.Error(), "no_such_setting_xyz") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("error should quote the log on one line: %v", err)
	}
}

func TestFindBinDirOverride(t *testing.T) {
	getenv := func(v string) string {
		if v == BinDirEnv {
			return "/nonexistent"
		}
		return ""
	}
	_, err := FindBinDir(getenv)
	if err == nil || !strings.Contains(err.Error(), BinDirEnv) {
		t.Fatalf("FindBinDir with a bad %s: %v", BinDirEnv, err)
	}
	dir, err := FindBinDir(nil)
	if err != nil {
		t.Skip(err)
	}
	got, err := FindBinDir(func(v string) string {
		if v == BinDirEnv {
			return dir
		}
		return ""
	})
	if err != nil || got != dir {
		t.Fatalf("FindBinDir(%s=%s) = %q, %v", BinDirEnv, dir, got, err)
	}
}
