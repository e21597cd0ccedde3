package fleet

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// recorder keeps the events of a run in order.
type recorder struct {
	mu     sync.Mutex
	events []Event
}

func (r *recorder) Log(e Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, e)
}

// starts returns the indices started, in order, and the position in the
// event list of each DatabaseFinished by index.
func (r *recorder) starts() []int {
	var out []int
	for _, e := range r.events {
		if s, ok := e.(DatabaseStarted); ok {
			out = append(out, s.Index)
		}
	}
	return out
}

func (r *recorder) stops() []Stopping {
	var out []Stopping
	for _, e := range r.events {
		if s, ok := e.(Stopping); ok {
			out = append(out, s)
		}
	}
	return out
}

func names(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("db%02d", i)
	}
	return out
}

// TestSchedule checks the scheduling rules with a work function that
// fails the listed databases: the parallel bound, fleet order, stop after
// the first failure, continue on error, and canaries.
func TestSchedule(t *testing.T) {
	tests := []struct {
		name            string
		n, parallel     int
		canary          int
		continueOnError bool
		fail            []int
		// wantRun are the databases that must run, wantSkipped those that
		// must not; maxRun bounds how many run in all (the failure's
		// running neighbours finish).
		wantRun     []int
		wantSkipped []int
		maxRun      int
		wantStop    StopReason
	}{
		{name: "all succeed", n: 20, parallel: 4, maxRun: 20, wantRun: seq(0, 20)},
		{name: "parallel larger than the fleet", n: 3, parallel: 8, maxRun: 3, wantRun: seq(0, 3)},
		{name: "stop after the first failure", n: 30, parallel: 4, fail: []int{5},
			wantRun: seq(0, 6), wantSkipped: seq(9, 30), maxRun: 9, wantStop: StopFailed},
		{name: "serial stops right after the failure", n: 10, parallel: 1, fail: []int{3},
			wantRun: seq(0, 4), wantSkipped: seq(4, 10), maxRun: 4, wantStop: StopFailed},
		{name: "continue on error runs them all", n: 30, parallel: 4, fail: []int{5, 17}, continueOnError: true,
			wantRun: seq(0, 30), maxRun: 30},
		{name: "failed canary stops everything", n: 30, parallel: 4, canary: 1, fail: []int{0}, continueOnError: true,
			wantRun: []int{0}, wantSkipped: seq(1, 30), maxRun: 1, wantStop: StopCanary},
		{name: "canaries run alone first", n: 30, parallel: 4, canary: 3, fail: []int{2},
			wantRun: seq(0, 3), wantSkipped: seq(3, 30), maxRun: 3, wantStop: StopCanary},
		{name: "canaries pass, the rest runs", n: 30, parallel: 4, canary: 2, fail: []int{20}, continueOnError: true,
			wantRun: seq(0, 30), maxRun: 30},
		{name: "canary larger than the fleet", n: 3, parallel: 2, canary: 5, maxRun: 3, wantRun: seq(0, 3)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := &recorder{}
			var running, peak atomic.Int32
			var canaryDone atomic.Int32
			s := &schedule{names: names(tc.n), parallel: tc.parallel, canary: tc.canary,
				continueOnError: tc.continueOnError, log: &serialLogger{l: rec}}
			results := s.run(context.Background(), func(ctx context.Context, i int) Result {
				now := running.Add(1)
				defer running.Add(-1)
				for {
					p := peak.Load()
					if now <= p || peak.CompareAndSwap(p, now) {
						break
					}
				}
				if i >= tc.canary && tc.canary > 0 && canaryDone.Load() < int32(min(tc.canary, tc.n)) {
					t.Errorf("database %d started before the %d canaries finished", i, tc.canary)
				}
				if i < tc.canary {
					defer canaryDone.Add(1)
				}
				// A failure is immediate and the others take a while, so
				// the databases running when it happens are the ones
				// started before it.
				if slices.Contains(tc.fail, i) {
					return Result{Status: StatusFailed, Err: errors.New("boom")}
				}
				time.Sleep(5 * time.Millisecond)
				return Result{Status: StatusApplied}
			})
			if int(peak.Load()) > tc.parallel {
				t.Errorf("%d databases ran at once, parallel is %d", peak.Load(), tc.parallel)
			}
			started := rec.starts()
			if !slices.IsSorted(started) {
				t.Errorf("databases started out of fleet order: %v", started)
			}
			if len(started) > tc.maxRun {
				t.Errorf("%d databases started, want at most %d: %v", len(started), tc.maxRun, started)
			}
			for _, i := range tc.wantRun {
				if results[i].Status == StatusSkipped {
					t.Errorf("database %d was skipped, want it run", i)
				}
			}
			for _, i := range tc.wantSkipped {
				if results[i].Status != StatusSkipped {
					t.Errorf("database %d is %s, want skipped", i, results[i].Status)
				}
			}
			for i, r := range results {
				if r.Index != i || r.Database != s.names[i] {
					t.Errorf("result %d names %d %q", i, r.Index, r.Database)
				}
				if want := slices.Contains(started, i); want != (r.Status != StatusSkipped) {
					t.Errorf("database %d: started %v but status %s", i, want, r.Status)
				}
			}
			stops := rec.stops()
			switch {
			case tc.wantStop == 0 && len(stops) > 0:
				t.Errorf("unexpected stop: %+v", stops)
			case tc.wantStop != 0 && (len(stops) != 1 || stops[0].Reason != tc.wantStop):
				t.Errorf("stops = %+v, want one %v", stops, tc.wantStop)
			case tc.wantStop != 0:
				if stops[0].Cause == nil || stops[0].Cause.Status != StatusFailed {
					t.Errorf("stop cause = %+v", stops[0].Cause)
				}
				if stops[0].NotStarted != len(s.names)-len(started) {
					t.Errorf("stop says %d not started, %d were", stops[0].NotStarted, len(s.names)-len(started))
				}
			}
			assertNoStartAfterStop(t, rec.events)
		})
	}
}

// assertNoStartAfterStop fails when a database started after the event
// that stopped the run.
func assertNoStartAfterStop(t *testing.T, events []Event) {
	t.Helper()
	stopped := false
	for _, e := range events {
		switch e := e.(type) {
		case Stopping:
			stopped = true
		case DatabaseStarted:
			if stopped {
				t.Errorf("database %d started after the run stopped", e.Index)
			}
		}
	}
}

func seq(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

// TestScheduleInterrupt: closing Stop or canceling the context starts no
// new database; the running ones are let finish (Stop) or see the
// canceled context (cancel).
func TestScheduleInterrupt(t *testing.T) {
	for _, viaCancel := range []bool{false, true} {
		t.Run(fmt.Sprintf("cancel=%v", viaCancel), func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			stop := make(chan struct{})
			rec := &recorder{}
			s := &schedule{names: names(40), parallel: 4, stop: stop, log: &serialLogger{l: rec}}
			var once sync.Once
			results := s.run(ctx, func(ctx context.Context, i int) Result {
				if i == 6 {
					once.Do(func() {
						if viaCancel {
							cancel()
						} else {
							close(stop)
						}
					})
				}
				time.Sleep(2 * time.Millisecond)
				if ctx.Err() != nil {
					return Result{Status: StatusFailed, Err: ctx.Err()}
				}
				return Result{Status: StatusApplied}
			})
			started := rec.starts()
			if len(started) > 10 {
				t.Errorf("%d databases started after an interrupt at the 7th with parallel 4", len(started))
			}
			for i := 10; i < 40; i++ {
				if results[i].Status != StatusSkipped {
					t.Errorf("database %d is %s after the interrupt, want skipped", i, results[i].Status)
				}
			}
			if st := rec.stops(); len(st) != 1 || st[0].Reason != StopInterrupted {
				t.Errorf("stops = %+v, want one StopInterrupted", st)
			}
			if !viaCancel && results[6].Status != StatusApplied {
				t.Errorf("the running database ended %s after a graceful stop, want applied", results[6].Status)
			}
			assertNoStartAfterStop(t, rec.events)
		})
	}
}
