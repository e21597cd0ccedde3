package fleet

import (
	"context"
	"sync"
	"time"
)

// schedule decides which database runs when: at most parallel at once, in
// fleet order, the first canary ones alone first, and no new start once a
// stop condition holds. It knows nothing of databases; work does the
// database's part and returns its result.
type schedule struct {
	names           []string
	parallel        int
	canary          int
	continueOnError bool
	// stop, when closed, ends the starting of new databases.
	stop <-chan struct{}
	log  *serialLogger
}

// workFunc runs database i and returns its result; Index, Database and
// Duration are filled in by the schedule.
type workFunc func(ctx context.Context, i int) Result

// run runs every database and returns their results in fleet order;
// databases never started are StatusSkipped.
func (s *schedule) run(ctx context.Context, work workFunc) []Result {
	results := make([]Result, len(s.names))
	for i, n := range s.names {
		results[i] = Result{Index: i, Database: n, Status: StatusSkipped}
	}
	st := &runState{schedule: s, results: results, work: work}
	canary := min(s.canary, len(s.names))
	if canary > 0 && !st.phase(ctx, 0, canary, StopCanary) {
		return results
	}
	reason := StopFailed
	if s.continueOnError {
		reason = 0
	}
	st.phase(ctx, canary, len(s.names), reason)
	return results
}

// runState is one run's shared state; mu guards next, running and
// stopped, and orders the started and finished events with the decisions
// they report.
type runState struct {
	*schedule
	results []Result
	work    workFunc

	mu      sync.Mutex
	next    int
	end     int
	running int
	stopped bool
}

// phase runs databases [from, to) with up to parallel workers. A failure
// stops the phase (no new start) when onFail is non-zero, and is reported
// as a Stopping event with that reason. It reports whether the run should
// go on.
func (st *runState) phase(ctx context.Context, from, to int, onFail StopReason) bool {
	st.next, st.end = from, to
	var wg sync.WaitGroup
	for range min(st.parallel, to-from) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i, ok := st.take(ctx)
				if !ok {
					return
				}
				start := time.Now()
				r := st.work(ctx, i)
				r.Duration = time.Since(start)
				st.finish(ctx, i, r, onFail)
			}
		}()
	}
	wg.Wait()
	return !st.stopped
}

// take returns the next database to start, or false when there is none
// or the run is stopping. The start is reported before the lock is
// released, so no start can follow the event that stopped the run.
func (st *runState) take(ctx context.Context) (int, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.stopped || st.next >= st.end {
		return 0, false
	}
	if st.interrupted(ctx) {
		st.stopLocked(StopInterrupted, nil)
		return 0, false
	}
	i := st.next
	st.next++
	st.running++
	st.log.Log(DatabaseStarted{Index: i, Database: st.names[i]})
	return i, true
}

// finish records database i's result and stops the run when it failed
// and onFail says so. A failure during an interrupt is the interrupt's.
func (st *runState) finish(ctx context.Context, i int, r Result, onFail StopReason) {
	st.mu.Lock()
	defer st.mu.Unlock()
	r.Index, r.Database = i, st.names[i]
	st.results[i] = r
	st.running--
	st.log.Log(DatabaseFinished{Result: r})
	switch {
	case st.stopped || r.Status != StatusFailed:
	case st.interrupted(ctx):
		st.stopLocked(StopInterrupted, nil)
	case onFail != 0:
		st.stopLocked(onFail, &st.results[i])
	}
}

// stopLocked marks the run stopped and reports it when databases are left
// unstarted.
func (st *runState) stopLocked(reason StopReason, cause *Result) {
	st.stopped = true
	left := len(st.names) - st.next
	if left > 0 {
		c := cause
		if c != nil {
			cp := *c
			c = &cp
		}
		st.log.Log(Stopping{Reason: reason, Cause: c, Running: st.running, NotStarted: left})
	}
}

// interrupted reports whether the context ended or Stop was closed.
func (st *runState) interrupted(ctx context.Context) bool {
	if ctx.Err() != nil {
		return true
	}
	select {
	case <-st.stop:
		return true
	default:
		return false
	}
}

// serialLogger makes a Logger's calls never overlap.
type serialLogger struct {
	mu sync.Mutex
	l  Logger
}

// Log forwards e, one call at a time; a nil Logger drops it.
func (s *serialLogger) Log(e Event) {
	if s == nil || s.l == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.l.Log(e)
}
