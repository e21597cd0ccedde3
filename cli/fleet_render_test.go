package cli

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/fleet"
	"github.com/migrate-tool/migrate/revision"
)

// screen replays what a terminal shows for output using the renderer's
// escape sequences (cursor up N lines, clear to the end of the screen).
func screen(out string) []string {
	var lines []string
	moves := regexp.MustCompile(`\x1b\[(\d+)A\x1b\[J`)
	for len(out) > 0 {
		loc := moves.FindStringSubmatchIndex(out)
		text := out
		if loc != nil {
			text = out[:loc[0]]
		}
		lines = append(lines, strings.Split(strings.TrimSuffix(text, "\n"), "\n")...)
		if text == "" {
			lines = lines[:len(lines)-1]
		}
		if loc == nil {
			break
		}
		n := 0
		for _, c := range out[loc[2]:loc[3]] {
			n = n*10 + int(c-'0')
		}
		lines = lines[:len(lines)-n]
		out = out[loc[1]:]
	}
	return lines
}

// TestFleetLiveRendering: on a terminal the renderer keeps one line per
// running database, updated in place, keeps failures and stops above it,
// and ends with a table and the summary line.
func TestFleetLiveRendering(t *testing.T) {
	var buf bytes.Buffer
	r := &fleetRenderer{w: &buf, op: fleetOp{name: "upgrade head", kind: fleetRun}, total: 3, live: true, width: 100,
		running: map[int]*liveLine{}, done: map[fleet.Status]int{}}
	rev := &revision.Revision{ID: "aaaa00000002", Parents: []string{"aaaa00000001"}, Message: "add index"}
	step := revision.Step{Revision: rev, Direction: revision.Up}
	db := []string{"postgres://app:xxxxx@db1/a", "postgres://app:xxxxx@db1/b", "postgres://app:xxxxx@db1/c"}

	r.Log(fleet.DatabaseStarted{Index: 0, Database: db[0]})
	r.Log(fleet.DatabaseStarted{Index: 1, Database: db[1]})
	r.Log(fleet.DatabaseProgress{Index: 1, Database: db[1], Event: migrate.RevisionStarted{Step: step, Index: 1, Total: 1}})
	s := screen(buf.String())
	if len(s) != 3 || !strings.Contains(s[0], "0 of 3 done") || !strings.Contains(s[1], db[0]+"  connecting") ||
		!strings.Contains(s[2], db[1]+"  Running upgrade aaaa00000001 -> aaaa00000002, add index (1/1)") {
		t.Fatalf("live region:\n%s", strings.Join(s, "\n"))
	}
	failed := fleet.Result{Index: 0, Database: db[0], Status: fleet.StatusFailed, Err: errors.New("boom"), Duration: time.Second}
	r.Log(fleet.DatabaseFinished{Result: failed})
	r.Log(fleet.Stopping{Reason: fleet.StopFailed, Cause: &failed, Running: 1, NotStarted: 1})
	s = screen(buf.String())
	want := []string{db[0] + ": failed: boom", "fleet: " + db[0] + " failed: starting no new database"}
	if len(s) != 4 || s[0] != want[0] || !strings.HasPrefix(s[1], want[1]) || !strings.Contains(s[2], "1 of 3 done") || !strings.Contains(s[3], db[1]) {
		t.Fatalf("after a failure:\n%s", strings.Join(s, "\n"))
	}
	done := fleet.Result{Index: 1, Database: db[1], Status: fleet.StatusApplied, From: []string{"aaaa00000001"}, To: []string{"aaaa00000002"}, Steps: 1}
	r.Log(fleet.DatabaseFinished{Result: done})
	r.finish(&fleet.Report{Results: []fleet.Result{failed, done, {Index: 2, Database: db[2], Status: fleet.StatusSkipped}}})
	s = screen(buf.String())
	if len(s) != 7 || !strings.HasPrefix(s[2], "DATABASE") || !strings.Contains(s[3], "failed") || !strings.Contains(s[3], "boom") ||
		!strings.Contains(s[4], "applied") || !strings.Contains(s[4], "aaaa00000001") || !strings.Contains(s[5], "skipped") ||
		!strings.HasPrefix(s[6], "fleet upgrade head: 1 applied, 0 up-to-date, 1 failed, 1 skipped (3 databases in") {
		t.Fatalf("at the end:\n%s", strings.Join(s, "\n"))
	}
	// Live lines are cut to the terminal's width, so that moving up over
	// them clears exactly them.
	long := strings.Repeat("x", 200)
	buf.Reset()
	r.live, r.drawn = true, 0
	r.Log(fleet.DatabaseStarted{Index: 2, Database: long})
	for _, l := range screen(buf.String()) {
		if len([]rune(l)) >= 100 {
			t.Errorf("a live line is as wide as the terminal: %q", l)
		}
	}
}
