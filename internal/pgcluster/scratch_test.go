package pgcluster

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestStartScratch: the scratch cluster is a cluster of its own beside the
// embedded one, runs without durability, keeps its settings across
// restarts, and is shared and stopped like the embedded one.
func TestStartScratch(t *testing.T) {
	project := projectDir(t)
	state := filepath.Join(project, ".migrate")
	t.Cleanup(func() {
		c := &Cluster{Dir: filepath.Join(state, ScratchDir, "pg")}
		c.DataDir = filepath.Join(c.Dir, "data")
		_ = c.Stop()
	})
	ctx := context.Background()
	for round := 0; round < 2; round++ {
		c, release, err := StartScratch(ctx, state)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(c.Dir, filepath.Join(state, ScratchDir)) {
			t.Errorf("scratch cluster at %s, want under %s", c.Dir, filepath.Join(state, ScratchDir))
		}
		// The server reads the settings on SIGHUP: give it a moment.
		deadline := time.Now().Add(10 * time.Second)
		for query(t, c.URL("postgres"), "SHOW fsync") != "off" && time.Now().Before(deadline) {
			time.Sleep(50 * time.Millisecond)
		}
		for _, s := range []string{"fsync", "synchronous_commit", "full_page_writes"} {
			if got := query(t, c.URL("postgres"), "SHOW "+s); got != "off" {
				t.Errorf("round %d: %s = %s, want off", round, s, got)
			}
		}
		if round == 1 {
			// Restarted: the settings needing a restart apply too.
			if got := query(t, c.URL("postgres"), "SHOW wal_level"); got != "minimal" {
				t.Errorf("wal_level = %s after a restart, want minimal", got)
			}
		}
		execSQL(t, c.URL("postgres"), "CREATE DATABASE s TEMPLATE template0"+CreateDatabaseStrategy(150000))
		execSQL(t, c.URL("postgres"), "DROP DATABASE s")
		if err := release(); err != nil {
			t.Fatal(err)
		}
		if processAlive(c.PID) {
			t.Fatalf("scratch postmaster %d still running after release", c.PID)
		}
	}
	b, err := os.ReadFile(filepath.Join(state, ScratchDir, "pg", "data", "postgresql.conf"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), scratchMarker); n != 1 {
		t.Errorf("scratch settings written %d times", n)
	}
}
