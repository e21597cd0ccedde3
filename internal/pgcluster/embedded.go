package pgcluster

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Files in the embedded state directory (<project>/.migrate).
const (
	// gateFile is held exclusively while a process starts the cluster or
	// decides whether to stop it.
	gateFile = "cluster.lock"
	// usersFile is held shared by every process using the cluster; the
	// last one out can take it exclusively and stops the server.
	usersFile = "users.lock"
	// locationFile records where the cluster lives when it cannot live in
	// the state directory (the unprivileged server user cannot reach it).
	locationFile = "cluster-location"
)

// StartEmbedded starts, initializing on first use, the embedded cluster of
// the project whose state directory is stateDir (<project>/.migrate), or
// joins it when another process already runs it. release must be called
// when the caller is done; the last process to release stops the server, so
// concurrent commands never pull the database from under each other and a
// server left by a killed process is stopped by the next one.
func StartEmbedded(ctx context.Context, stateDir string) (c *Cluster, release func() error, err error) {
	stateDir, err = filepath.Abs(stateDir)
	if err != nil {
		return nil, nil, err
	}
	if err := os.MkdirAll(stateDir, 0o755); err != nil {
		return nil, nil, fmt.Errorf("create %s: %w", stateDir, err)
	}
	gate, err := lockFile(ctx, filepath.Join(stateDir, gateFile), syscall.LOCK_EX)
	if err != nil {
		return nil, nil, err
	}
	defer gate.Close()
	users, err := lockFile(ctx, filepath.Join(stateDir, usersFile), syscall.LOCK_SH)
	if err != nil {
		return nil, nil, err
	}
	dir, err := embeddedClusterDir(stateDir)
	if err != nil {
		users.Close()
		return nil, nil, err
	}
	c, err = Start(ctx, Options{Dir: dir})
	if err != nil {
		users.Close()
		return nil, nil, fmt.Errorf("embedded database: %w", err)
	}
	var once sync.Once
	var releaseErr error
	release = func() error {
		once.Do(func() { releaseErr = c.leave(stateDir, users) })
		return releaseErr
	}
	return c, release, nil
}

// leave drops this process's use of the embedded cluster and stops the
// server when no other process uses it. It ignores cancellation: it runs
// on the way out of interrupted commands.
func (c *Cluster) leave(stateDir string, users *os.File) error {
	users.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	gate, err := lockFile(ctx, filepath.Join(stateDir, gateFile), syscall.LOCK_EX)
	if err != nil {
		return err
	}
	defer gate.Close()
	last, err := tryLock(filepath.Join(stateDir, usersFile), syscall.LOCK_EX)
	if errors.Is(err, errLocked) {
		return nil // another process still uses the server
	}
	if err != nil {
		return err
	}
	defer last.Close()
	return c.Stop()
}

// embeddedClusterDir returns where the embedded cluster lives: stateDir/pg,
// or, when the user the server runs as cannot reach stateDir (a project
// under a private home directory while running as root), a directory under
// /var/tmp named after the project, recorded in stateDir so that the user
// can find it. Home directory permissions are never changed.
func embeddedClusterDir(stateDir string) (string, error) {
	loc := filepath.Join(stateDir, locationFile)
	if b, err := os.ReadFile(loc); err == nil {
		if dir := strings.TrimSpace(string(b)); dir != "" {
			return dir, nil
		}
	}
	u, err := currentRunUser()
	if err != nil {
		return "", err
	}
	if u.canTraverse(stateDir) == nil {
		return filepath.Join(stateDir, "pg"), nil
	}
	removeOrphanedRelocations()
	sum := sha256.Sum256([]byte(filepath.Dir(stateDir)))
	dir := filepath.Join(relocationParent, relocationPrefix+hex.EncodeToString(sum[:8]))
	if err := u.canTraverse(dir); err != nil {
		return "", fmt.Errorf("embedded database: neither %s nor %s is reachable by %s: set database.url to a server instead", stateDir, dir, u)
	}
	if err := u.mkdir(dir); err != nil {
		return "", fmt.Errorf("embedded database: %w", err)
	}
	// The back-reference lets a later run delete the cluster once the
	// project is gone.
	if err := os.WriteFile(filepath.Join(dir, projectFile), []byte(stateDir+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("embedded database: %w", err)
	}
	if err := os.WriteFile(loc, []byte(dir+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("record embedded cluster location: %w", err)
	}
	return dir, nil
}

// Where relocated embedded clusters live, and the file in each naming the
// state directory that uses it.
const (
	relocationParent = "/var/tmp"
	relocationPrefix = "migrate-"
	projectFile      = "project"
)

// removeOrphanedRelocations deletes relocated clusters whose project no
// longer points at them (the project directory was deleted, as temporary
// test projects are) and whose server is not running.
func removeOrphanedRelocations() {
	entries, err := os.ReadDir(relocationParent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), relocationPrefix) {
			continue
		}
		dir := filepath.Join(relocationParent, e.Name())
		b, err := os.ReadFile(filepath.Join(dir, projectFile))
		if err != nil {
			continue // not ours, or being created
		}
		loc, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(b)), locationFile))
		if err == nil && strings.TrimSpace(string(loc)) == dir {
			continue // still in use by its project
		}
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			continue
		}
		if info, _ := readPostmasterPID(filepath.Join(dir, "data")); info != nil && processAlive(info.pid) {
			continue
		}
		_ = os.RemoveAll(dir)
	}
}

// errLocked means a non-blocking lock attempt found the lock taken.
var errLocked = errors.New("locked")

// lockFile opens path and flocks it (how is LOCK_SH or LOCK_EX), polling
// until ctx is done. Closing the file releases the lock, as does the death
// of the process.
func lockFile(ctx context.Context, path string, how int) (*os.File, error) {
	for {
		f, err := tryLock(path, how)
		if !errors.Is(err, errLocked) {
			return f, err
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for another migrate process to start or stop the embedded database (%s): %w", path, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// tryLock is one non-blocking lockFile attempt; errLocked when taken.
func tryLock(path string, how int) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open lock %s: %w", path, err)
	}
	err = syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
	if err == nil {
		return f, nil
	}
	f.Close()
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return nil, errLocked
	}
	return nil, fmt.Errorf("lock %s: %w", path, err)
}
