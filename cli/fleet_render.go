package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/fleet"
	"github.com/migrate-tool/migrate/runner"
)

// fleetRenderer shows a fleet's progress: one line per event, or, on a
// terminal, a live line per running database and a summary table at the
// end. It is the fleet's Logger; notice (from the interrupt handler) may
// come from another goroutine, hence the lock.
type fleetRenderer struct {
	mu      sync.Mutex
	w       io.Writer
	op      fleetOp
	total   int
	verbose bool
	// live is set on a terminal: running holds each running database's
	// current activity, drawn is how many lines the live region holds.
	live    bool
	width   int
	running map[int]*liveLine
	order   []int
	drawn   int
	done    map[fleet.Status]int
	started time.Time
}

type liveLine struct {
	database string
	activity string
	since    time.Time
}

func newFleetRenderer(a *App, w io.Writer, op fleetOp, total int) *fleetRenderer {
	r := &fleetRenderer{w: w, op: op, total: total, verbose: a.verbose,
		running: map[int]*liveLine{}, done: map[fleet.Status]int{}, started: time.Now()}
	if width, ok := terminalWidth(w, a.Getenv); ok {
		r.live, r.width = true, width
	}
	return r
}

// Log renders one fleet event.
func (r *fleetRenderer) Log(e fleet.Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch e := e.(type) {
	case fleet.DatabaseStarted:
		if r.live {
			r.running[e.Index] = &liveLine{database: e.Database, activity: "connecting", since: time.Now()}
			r.order = append(r.order, e.Index)
		} else {
			r.line(e.Database, "started")
		}
	case fleet.DatabaseProgress:
		text := r.progressText(e.Event)
		if text == "" {
			return
		}
		if l := r.running[e.Index]; r.live && l != nil {
			l.activity = text
		} else if !r.live {
			r.line(e.Database, text)
		}
	case fleet.DatabaseFinished:
		res := e.Result
		r.done[res.Status]++
		if r.live {
			delete(r.running, res.Index)
			if res.Status == fleet.StatusFailed {
				r.permanent(res.Database + ": failed: " + fleetErrorText(res.Err))
			}
		} else {
			r.line(res.Database, r.finishedText(res))
		}
	case fleet.Stopping:
		r.permanent(stoppingText(e))
	}
	r.draw()
}

// notice prints a message of the command itself (an interrupt).
func (r *fleetRenderer) notice(msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.permanent("fleet: " + msg)
	r.draw()
}

// line prints one event line: the database, then what happened.
func (r *fleetRenderer) line(db, text string) {
	fmt.Fprintf(r.w, "%s: %s\n", db, text)
}

// permanent prints a line that stays: above the live region on a
// terminal, which it first clears.
func (r *fleetRenderer) permanent(text string) {
	r.clear()
	fmt.Fprintln(r.w, text)
}

// clear removes the live region.
func (r *fleetRenderer) clear() {
	if r.live && r.drawn > 0 {
		fmt.Fprintf(r.w, "\x1b[%dA\x1b[J", r.drawn)
		r.drawn = 0
	}
}

// draw redraws the live region: a progress line, then one line per
// running database, each cut to the terminal's width.
func (r *fleetRenderer) draw() {
	if !r.live {
		return
	}
	r.clear()
	var b strings.Builder
	fin := 0
	for _, n := range r.done {
		fin += n
	}
	lines := []string{fmt.Sprintf("fleet %s: %d of %d done (%s), %d running", r.op.name, fin, r.total, r.countText(), len(r.running))}
	kept := r.order[:0]
	for _, i := range r.order {
		l := r.running[i]
		if l == nil {
			continue
		}
		kept = append(kept, i)
		lines = append(lines, fmt.Sprintf("  %s  %s  %s", l.database, l.activity, time.Since(l.since).Round(100*time.Millisecond)))
	}
	r.order = kept
	for _, l := range lines {
		b.WriteString(cut(l, r.width-1))
		b.WriteByte('\n')
	}
	fmt.Fprint(r.w, b.String())
	r.drawn = len(lines)
}

// fleetErrorText is a database's error as the single-database command
// prints it (after "migrate: "). Each database's error is rendered on its
// own, whatever happened to the fleet's context.
func fleetErrorText(err error) string {
	return userMessage(context.Background(), err)
}

// cut shortens s to n characters.
func cut(s string, n int) string {
	rs := []rune(s)
	if n < 4 || len(rs) <= n {
		return s
	}
	return string(rs[:n-3]) + "..."
}

// progressText describes a single-database event, or "" for one not shown.
func (r *fleetRenderer) progressText(e migrate.Event) string {
	switch e := e.(type) {
	case migrate.LockWaiting:
		holder := "another session"
		if e.HolderPID != 0 {
			holder = fmt.Sprintf("backend pid %d", e.HolderPID)
		}
		return fmt.Sprintf("waiting for the migration lock on %s, held by %s (another migrate run)", e.Table, holder)
	case migrate.RevisionStarted:
		return fmt.Sprintf("Running %s (%d/%d)", runner.StepLine(e.Step), e.Index, e.Total)
	case migrate.StatementDone:
		if r.verbose && !r.live {
			return fmt.Sprintf("  %s:%d  %s", e.Step.Revision.File(), e.Statement.Line, firstLine(e.Statement.SQL, 60))
		}
	case migrate.RevisionDone:
		if r.verbose && !r.live {
			return fmt.Sprintf("  done in %s", e.Duration.Round(time.Microsecond))
		}
	case migrate.Stamped:
		return fmt.Sprintf("Stamped %s -> %s", describeRows(e.From), describeRows(e.To))
	}
	return ""
}

// finishedText describes how a database ended, on one line.
func (r *fleetRenderer) finishedText(res fleet.Result) string {
	took := res.Duration.Round(time.Millisecond).String()
	switch res.Status {
	case fleet.StatusFailed:
		return "failed: " + fleetErrorText(res.Err)
	case fleet.StatusApplied:
		if res.Steps > 0 {
			return fmt.Sprintf("applied: %s -> %s (%s in %s)", describeRows(res.From), describeRows(res.To), plural(res.Steps, "revision"), took)
		}
		return fmt.Sprintf("applied: %s -> %s (%s)", describeRows(res.From), describeRows(res.To), took)
	case fleet.StatusUpToDate:
		if r.op.kind == fleetCurrent {
			return describeRows(res.To) + " (head)"
		}
		return fmt.Sprintf("nothing to do: at %s (%s)", describeRows(res.To), took)
	case fleet.StatusPending:
		return describeRows(res.To) + " (pending: not at the head)"
	case fleet.StatusClean:
		return "clean"
	case fleet.StatusDrift:
		return "drift: " + driftText(res.Check)
	}
	return string(res.Status)
}

// driftText summarizes what check found.
func driftText(c *migrate.CheckResult) string {
	if c == nil {
		return ""
	}
	var parts []string
	if c.Pending {
		parts = append(parts, fmt.Sprintf("not up to date (at %s; head is %s)", describeRows(c.Current), strings.Join(c.Heads, ", ")))
	}
	if n := len(c.Edited); n > 0 {
		parts = append(parts, plural(n, "applied revision")+" edited")
	}
	if c.Plan != nil && !c.Plan.Empty() {
		parts = append(parts, plural(len(c.Plan.Steps()), "change")+" not in any revision")
	}
	return strings.Join(parts, "; ")
}

// plural is "1 change", "2 changes".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// stoppingText explains why no new database starts.
func stoppingText(e fleet.Stopping) string {
	var why string
	switch e.Reason {
	case fleet.StopCanary:
		why = fmt.Sprintf("canary %s failed: stopping everything", e.Cause.Database)
	case fleet.StopFailed:
		why = fmt.Sprintf("%s failed: starting no new database (--continue-on-error runs them all)", e.Cause.Database)
	default:
		why = "interrupted: starting no new database"
	}
	return fmt.Sprintf("fleet: %s; %d not started, %d running finish first", why, e.NotStarted, e.Running)
}

// countText is "49 applied, 1 failed, 0 skipped ..." in the order of the
// command's statuses.
func (r *fleetRenderer) countText() string {
	var parts []string
	for _, s := range fleetStatuses[r.op.kind] {
		parts = append(parts, fmt.Sprintf("%d %s", r.done[s], s))
	}
	return strings.Join(parts, ", ")
}

// finish prints the end of the run: on a terminal the summary table, then
// the summary line.
func (r *fleetRenderer) finish(rep *fleet.Report) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clear()
	r.live = false
	r.done = map[fleet.Status]int{}
	for _, res := range rep.Results {
		r.done[res.Status]++
	}
	if r.width > 0 && len(rep.Results) > 0 {
		r.table(rep)
	}
	if len(rep.Results) == 0 {
		fmt.Fprintf(r.w, "fleet %s: no databases (the fleet query returned no rows)\n", r.op.name)
		return
	}
	fmt.Fprintf(r.w, "fleet %s: %s (%d databases in %s)\n", r.op.name, r.countText(), len(rep.Results), rep.Duration.Round(time.Millisecond))
}

// table prints one row per database.
func (r *fleetRenderer) table(rep *fleet.Report) {
	tw := tabwriter.NewWriter(r.w, 0, 0, 2, ' ', 0)
	switch r.op.kind {
	case fleetRun:
		fmt.Fprintln(tw, "DATABASE\tSTATUS\tFROM\tTO\tSECONDS\tERROR")
	default:
		fmt.Fprintln(tw, "DATABASE\tSTATUS\tAT\tSECONDS\tDETAIL")
	}
	for _, res := range rep.Results {
		secs := fmt.Sprintf("%.3f", res.Duration.Seconds())
		detail := ""
		switch {
		case res.Err != nil:
			detail = fleetErrorText(res.Err)
		case res.Status == fleet.StatusDrift:
			detail = driftText(res.Check)
		}
		if res.Status == fleet.StatusSkipped {
			secs = "-"
		}
		if r.op.kind == fleetRun {
			from, to := "-", "-"
			if res.From != nil || res.Status != fleet.StatusSkipped && res.Status != fleet.StatusFailed {
				from = describeRows(res.From)
			}
			if res.To != nil || res.Status != fleet.StatusSkipped && res.Status != fleet.StatusFailed {
				to = describeRows(res.To)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", res.Database, res.Status, from, to, secs, detail)
			continue
		}
		at := "-"
		if res.Status != fleet.StatusSkipped && res.Status != fleet.StatusFailed {
			at = describeRows(res.To)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", res.Database, res.Status, at, secs, detail)
	}
	tw.Flush()
}
