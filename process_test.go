package migrate_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/revision"
)

const projectConfig = `[database]
url = "${DATABASE_URL}"

[versions]
dirs = ["versions"]
`

// migrateProcess prepares the test binary to run as `migrate args...` in
// project against url.
func migrateProcess(t testing.TB, project, url string, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(args)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe)
	cmd.Dir = project
	cmd.Env = append(os.Environ(), envCLIArgs+"="+string(raw), "DATABASE_URL="+url, "MIGRATE_CONFIG=")
	return cmd
}

// Eight processes run `migrate upgrade head` on one database at once: all
// succeed, and each revision is applied exactly once.
func TestConcurrentUpgrades(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	files := []file{
		{id: "a1", up: "CREATE TABLE counter (n int);", down: "DROP TABLE counter;"},
		{id: "b2", parents: "a1", up: "INSERT INTO counter VALUES (2);\nSELECT pg_sleep(0.3);", down: "DELETE FROM counter WHERE n = 2;"},
		table("c3", "b2"),
		{id: "d4", parents: "c3", up: "INSERT INTO counter VALUES (4);", down: "DELETE FROM counter WHERE n = 4;"},
	}
	project := writeVersions(t, files...)
	writeFile(t, filepath.Join(project, "migrate.toml"), projectConfig)

	const n = 8
	var wg sync.WaitGroup
	outs := make([]bytes.Buffer, n)
	errs := make([]error, n)
	for i := range n {
		cmd := migrateProcess(t, project, url, "upgrade", "head")
		cmd.Stdout, cmd.Stderr = &outs[i], &outs[i]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = cmd.Wait()
		}()
	}
	wg.Wait()
	running := 0
	for i := range n {
		if errs[i] != nil {
			t.Errorf("process %d: %v\n%s", i, errs[i], outs[i].String())
		}
		running += strings.Count(outs[i].String(), "Running upgrade")
		t.Logf("process %d:\n%s", i, outs[i].String())
	}
	if running != len(files) {
		t.Errorf("%d revisions reported run, want %d", running, len(files))
	}
	c := connect(t, url)
	equal(t, "counter", strs(t, c, "SELECT n::text FROM counter ORDER BY n"), []string{"2", "4"})
	equal(t, "audit", strs(t, c, "SELECT version_num || ' ' || direction FROM migrate_history ORDER BY id"),
		[]string{"a1 upgrade", "b2 upgrade", "c3 upgrade", "d4 upgrade"})
	equal(t, "version table", versionRows(t, c), []string{"d4"})
}

// A process killed in the middle of a slow revision leaves the database at
// the previous revision, its lock goes with its session, and the next
// upgrade completes.
func TestKilledUpgrade(t *testing.T) {
	t.Parallel()
	url := pgtest.NewDB(t)
	ctx := context.Background()
	files := []file{
		{id: "a1", up: "CREATE TABLE nap (seconds float8);\nINSERT INTO nap VALUES (60);", down: "DROP TABLE nap;"},
		{id: "b2", parents: "a1", up: "CREATE TABLE t_b2 (id int);\nSELECT pg_sleep(seconds) FROM nap;", down: "DROP TABLE t_b2;"},
		table("c3", "b2"),
	}
	project := writeVersions(t, files...)
	writeFile(t, filepath.Join(project, "migrate.toml"), projectConfig)
	c := connect(t, url)

	cmd := migrateProcess(t, project, url, "upgrade", "head")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sleeping := func() []string {
		return strs(t, c, `SELECT pid::text FROM pg_stat_activity
			WHERE datname = current_database() AND application_name = 'migrate' AND query LIKE '%pg_sleep%'`)
	}
	deadline := time.Now().Add(30 * time.Second)
	for len(sleeping()) == 0 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("the upgrade never reached the slow revision:\n%s", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	killed := time.Now()

	// The orphaned backend notices its client is gone within
	// client_connection_check_interval and rolls back.
	// Before PostgreSQL 14 there is no such check: the backend would sleep
	// on, so end it the way an operator would.
	if strs(t, c, "SELECT (current_setting('server_version_num')::int >= 140000)::text")[0] != "true" {
		c.Exec(ctx, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'migrate' AND datname = current_database()")
	}
	for len(sleeping()) > 0 {
		if time.Since(killed) > 20*time.Second {
			t.Fatal("the killed upgrade's backend is still running")
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Logf("backend gone %s after the kill", time.Since(killed).Round(time.Millisecond))
	equal(t, "version table after the kill", versionRows(t, c), []string{"a1"})
	equal(t, "tables after the kill", userTables(t, c), nil)

	if _, err := c.Exec(ctx, "UPDATE nap SET seconds = 0"); err != nil {
		t.Fatal(err)
	}
	m, err := migrate.New(ctx, migrate.Options{
		DatabaseURL:     url,
		Versions:        []revision.Source{{Dir: "versions", FS: os.DirFS(filepath.Join(project, "versions"))}},
		LockWaitTimeout: 10 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if _, err := m.Upgrade(ctx, "head", migrate.RunOptions{}); err != nil {
		t.Fatal(err)
	}
	equal(t, "version table", versionRows(t, c), []string{"c3"})
	equal(t, "tables", userTables(t, c), []string{"t_b2", "t_c3"})
	equal(t, "audit", strs(t, c, "SELECT version_num FROM migrate_history ORDER BY id"), []string{"a1", "b2", "c3"})
}
