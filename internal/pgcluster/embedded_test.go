package pgcluster

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// projectDir returns a new project directory the server user can reach
// (t.TempDir is private to root, which would send the cluster to /var/tmp).
func projectDir(t *testing.T) string {
	t.Helper()
	dir, err := TempDir("pgcluster-project-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	t.Cleanup(func() {
		// A failed test may not have released: stop what it left.
		c := &Cluster{Dir: filepath.Join(dir, ".migrate", "pg")}
		c.DataDir = filepath.Join(c.Dir, "data")
		if err := c.Stop(); err != nil {
			t.Error(err)
		}
	})
	return dir
}

func TestEmbeddedSharedByTwoUsers(t *testing.T) {
	project := projectDir(t)
	state := filepath.Join(project, ".migrate")
	ctx := context.Background()

	// Each StartEmbedded opens its own lock files, so two calls in one
	// process contend exactly like two processes do.
	a, releaseA, err := StartEmbedded(ctx, state)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Started() {
		t.Fatal("first user did not start the server")
	}
	if !strings.HasPrefix(a.Dir, state) {
		t.Errorf("cluster at %s, want under %s", a.Dir, state)
	}
	b, releaseB, err := StartEmbedded(ctx, state)
	if err != nil {
		t.Fatal(err)
	}
	if b.Started() || b.PID != a.PID {
		t.Fatalf("second user started its own server (pid %d vs %d)", b.PID, a.PID)
	}
	execSQL(t, a.URL("postgres"), "CREATE TABLE shared (id int)")
	if err := releaseA(); err != nil {
		t.Fatal(err)
	}
	// The starter left first: the server must stay up for the other user.
	if got := query(t, b.URL("postgres"), "SELECT to_regclass('shared')::text"); got != "shared" {
		t.Fatalf("table lookup after first release = %q", got)
	}
	if err := releaseB(); err != nil {
		t.Fatal(err)
	}
	if processAlive(a.PID) {
		t.Fatalf("postmaster %d still running after the last user left", a.PID)
	}
	if err := releaseB(); err != nil {
		t.Errorf("second release: %v", err)
	}

	// The next use starts it again with the data kept.
	c, release, err := StartEmbedded(ctx, state)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if !c.Started() {
		t.Error("restart after last release did not start the server")
	}
	if got := query(t, c.URL("postgres"), "SELECT to_regclass('shared')::text"); got != "shared" {
		t.Fatalf("data lost across restarts: %q", got)
	}
}

func TestEmbeddedConcurrentStart(t *testing.T) {
	state := filepath.Join(projectDir(t), ".migrate")
	const n = 4
	var wg sync.WaitGroup
	pids := make([]int, n)
	releases := make([]func() error, n)
	errs := make([]error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c, rel, err := StartEmbedded(context.Background(), state)
			if err == nil {
				pids[i], releases[i] = c.PID, rel
			}
			errs[i] = err
		}(i)
	}
	wg.Wait()
	for i := 0; i < n; i++ {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if pids[i] != pids[0] {
			t.Fatalf("users got different servers: %v", pids)
		}
	}
	for i := 0; i < n; i++ {
		if err := releases[i](); err != nil {
			t.Fatal(err)
		}
	}
	if processAlive(pids[0]) {
		t.Fatal("server left running after every user released")
	}
}

func TestEmbeddedCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	state := filepath.Join(projectDir(t), ".migrate")
	if _, _, err := StartEmbedded(ctx, state); err == nil {
		t.Fatal("StartEmbedded with a cancelled context succeeded")
	}
	if _, err := os.Stat(filepath.Join(state, "pg", "data")); !os.IsNotExist(err) {
		t.Errorf("a cancelled start initialized a cluster (%v)", err)
	}
}

func TestEmbeddedUnreachableProjectRelocates(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root drops to another user")
	}
	private := t.TempDir()
	if err := os.Chmod(private, 0o700); err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(private, "project", ".migrate")
	c, release, err := StartEmbedded(context.Background(), state)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if strings.HasPrefix(c.Dir, "/var/tmp/migrate-") {
			os.RemoveAll(c.Dir)
		}
	})
	defer release()
	if !strings.HasPrefix(c.Dir, "/var/tmp/migrate-") {
		t.Fatalf("cluster at %s, want under /var/tmp", c.Dir)
	}
	b, err := os.ReadFile(filepath.Join(state, locationFile))
	if err != nil || strings.TrimSpace(string(b)) != c.Dir {
		t.Fatalf("location file: %q, %v", b, err)
	}
	if st, _ := os.Stat(private); st.Mode().Perm() != 0o700 {
		t.Errorf("project parent mode changed to %o", st.Mode().Perm())
	}
	query(t, c.URL("postgres"), "SELECT 1")
	if err := release(); err != nil {
		t.Fatal(err)
	}

	// Once the project is deleted, the next relocation removes the
	// orphaned cluster.
	if err := os.RemoveAll(filepath.Join(private, "project")); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(private, "other", ".migrate")
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	otherDir, err := embeddedClusterDir(other)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(otherDir) })
	if _, err := os.Stat(c.Dir); !os.IsNotExist(err) {
		t.Errorf("orphaned relocated cluster %s not removed (%v)", c.Dir, err)
	}
}

// TestMain lets the test binary double as a second migrate process: with
// PGCLUSTER_HELPER_STATE set it joins that embedded cluster, prints the
// postmaster pid and exits, releasing only when PGCLUSTER_HELPER_RELEASE=1
// (otherwise it behaves like a process killed mid-command).
func TestMain(m *testing.M) {
	if state := os.Getenv("PGCLUSTER_HELPER_STATE"); state != "" {
		c, release, err := StartEmbedded(context.Background(), state)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		fmt.Printf("%d %v\n", c.PID, c.Started())
		if os.Getenv("PGCLUSTER_HELPER_RELEASE") == "1" {
			if err := release(); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// helper runs the test binary as another process using the embedded
// cluster in state and returns the postmaster pid it saw and whether it
// started the server.
func helper(t *testing.T, state string, release bool) (int, bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	rel := "0"
	if release {
		rel = "1"
	}
	cmd.Env = append(os.Environ(), "PGCLUSTER_HELPER_STATE="+state, "PGCLUSTER_HELPER_RELEASE="+rel)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("helper process: %v %s", err, out)
	}
	var pid int
	var started bool
	if _, err := fmt.Sscan(string(out), &pid, &started); err != nil {
		t.Fatalf("helper output %q: %v", out, err)
	}
	return pid, started
}

func TestEmbeddedAcrossProcesses(t *testing.T) {
	state := filepath.Join(projectDir(t), ".migrate")

	// Another process starts the server and dies without releasing: the
	// server, in its own session, survives it.
	pid, started := helper(t, state, false)
	if !started || !processAlive(pid) {
		t.Fatalf("helper: pid %d started=%v alive=%v", pid, started, processAlive(pid))
	}
	// We join the orphaned server; a third process comes and goes
	// without stopping it from under us.
	c, release, err := StartEmbedded(context.Background(), state)
	if err != nil {
		t.Fatal(err)
	}
	if c.Started() || c.PID != pid {
		t.Fatalf("did not join the running server: started=%v pid %d vs %d", c.Started(), c.PID, pid)
	}
	if p, s := helper(t, state, true); p != pid || s {
		t.Fatalf("second helper: pid %d started=%v", p, s)
	}
	if !processAlive(pid) {
		t.Fatal("a process that joined and left stopped the server still in use")
	}
	query(t, c.URL("postgres"), "SELECT 1")
	// Last one out stops it, although it is not our child.
	if err := release(); err != nil {
		t.Fatal(err)
	}
	if processAlive(pid) {
		t.Fatalf("postmaster %d still running after the last user left", pid)
	}
}
