package pgcluster

import (
	"os/exec"
	"runtime"
)

// StartReaped starts cmd and reaps it when it exits, closing the returned
// channel then. Start and Wait run in one goroutine locked to its thread:
// Linux sends a child's parent-death signal (SysProcAttr.Pdeathsig) when
// the thread that forked it ends, not the process, and the Go runtime
// ends a thread whose locked goroutine returns, in any package. This
// thread lives as long as the child.
func StartReaped(cmd *exec.Cmd) (exited <-chan struct{}, err error) {
	started, done := make(chan error), make(chan struct{})
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		err := cmd.Start()
		started <- err
		if err == nil {
			_ = cmd.Wait()
			close(done)
		}
	}()
	if err := <-started; err != nil {
		return nil, err
	}
	return done, nil
}
