package pgcluster

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// postmasterInfo is what the running server recorded in data/postmaster.pid.
type postmasterInfo struct {
	pid       int
	port      int
	socketDir string
	ready     bool
}

// readPostmasterPID parses dataDir/postmaster.pid. It returns (nil, nil)
// when the file does not exist.
func readPostmasterPID(dataDir string) (*postmasterInfo, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, "postmaster.pid"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	// Lines: pid, data dir, start time, port, socket dir, listen address,
	// shared memory key, status.
	lines := strings.Split(string(b), "\n")
	line := func(i int) string {
		if i < len(lines) {
			return strings.TrimSpace(lines[i])
		}
		return ""
	}
	info := &postmasterInfo{socketDir: line(4), ready: line(7) == "ready"}
	info.pid, _ = strconv.Atoi(line(0))
	info.port, _ = strconv.Atoi(line(3))
	if info.pid <= 0 {
		// The postmaster writes the file in steps; a partial file is not
		// yet a server we can talk to.
		return &postmasterInfo{}, nil
	}
	return info, nil
}

// socketPath is the unix socket a server on port listens on in dir.
func socketPath(dir string, port int) string {
	return filepath.Join(dir, fmt.Sprintf(".s.PGSQL.%d", port))
}

// maxSocketPath is the longest unix socket path Linux accepts
// (sizeof(sun_path) minus the terminating NUL).
const maxSocketPath = 107

// processAlive reports whether pid names a live process. A zombie (dead but
// not yet reaped by its parent) counts as gone: its postmaster has exited.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	if err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true // no /proc: trust kill
	}
	// Format: pid (comm) state ...; comm may hold spaces or parentheses.
	if i := bytes.LastIndexByte(stat, ')'); i >= 0 && i+2 < len(stat) {
		return stat[i+2] != 'Z' && stat[i+2] != 'X'
	}
	return true
}

// logTail returns the last lines of the log file at path, joined on one
// line, for error messages.
func logTail(path string, lines int) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	const maxRead = 16 << 10
	st, err := f.Stat()
	if err != nil {
		return ""
	}
	off := st.Size() - maxRead
	if off < 0 {
		off = 0
	}
	buf := make([]byte, st.Size()-off)
	if _, err := f.ReadAt(buf, off); err != nil {
		return ""
	}
	all := strings.Split(strings.TrimSpace(string(buf)), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	for i := range all {
		all[i] = strings.TrimSpace(all[i])
	}
	return strings.Join(all, " | ")
}
