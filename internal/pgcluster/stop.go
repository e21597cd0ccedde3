package pgcluster

import (
	"fmt"
	"syscall"
	"time"
)

// Stop shuts the server down the way pg_ctl stop -m fast does (SIGINT:
// roll back open transactions, disconnect clients, checkpoint) and returns
// once the postmaster process is gone. A server that does not finish within
// a minute gets an immediate shutdown, then SIGKILL. Stop does not take a
// context on purpose: it runs on the way out of an interrupted command and
// must finish. Stopping a cluster that is not running is not an error.
func (c *Cluster) Stop() error {
	pid, sockDir := c.PID, c.SocketDir
	if pid == 0 {
		info, err := readPostmasterPID(c.DataDir)
		if err != nil {
			return fmt.Errorf("stop PostgreSQL in %s: %w", c.Dir, err)
		}
		if info != nil {
			pid, sockDir = info.pid, info.socketDir
		}
	}
	defer func() {
		c.PID = 0
		c.removeShortSocketDir(sockDir)
	}()
	steps := []struct {
		sig  syscall.Signal
		wait time.Duration
	}{
		{syscall.SIGINT, time.Minute},       // fast shutdown
		{syscall.SIGQUIT, 10 * time.Second}, // immediate shutdown
		{syscall.SIGKILL, 10 * time.Second},
	}
	for _, s := range steps {
		if !processAlive(pid) {
			break
		}
		if err := syscall.Kill(pid, s.sig); err != nil && err != syscall.ESRCH {
			return fmt.Errorf("stop PostgreSQL (pid %d) in %s: %w", pid, c.Dir, err)
		}
		if c.waitGone(pid, s.wait) {
			return nil
		}
	}
	if processAlive(pid) {
		return fmt.Errorf("stop PostgreSQL (pid %d) in %s: still running after SIGKILL: %s", pid, c.Dir, logTail(c.LogPath, 3))
	}
	c.waitReaped()
	return nil
}

// waitGone polls until pid has exited or d has passed.
func (c *Cluster) waitGone(pid int, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if !processAlive(pid) {
			c.waitReaped()
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return false
}

// waitReaped waits for our reaper goroutine when the postmaster was our
// child, so that no zombie outlives Stop.
func (c *Cluster) waitReaped() {
	if c.exited != nil {
		select {
		case <-c.exited:
		case <-time.After(5 * time.Second):
		}
	}
}
