package pgcluster

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Superuser is the database superuser of every cluster this package creates.
const Superuser = "postgres"

// MaxLocksPerTransaction is set on every cluster so that one transaction can
// create or alter thousands of tables (PostgreSQL's default of 64 runs out
// of shared lock memory around 6,000 locked objects).
const MaxLocksPerTransaction = 1024

// initialized reports whether dataDir holds a complete cluster. initdb
// writes PG_VERSION early, so the configuration we append last is the mark.
func initialized(dataDir string) bool {
	b, err := os.ReadFile(filepath.Join(dataDir, "postgresql.conf"))
	return err == nil && strings.Contains(string(b), confMarker)
}

const confMarker = "# --- settings added by migrate (pgcluster) ---"

// initdb creates the cluster's data directory, replacing the remains of an
// earlier initdb that did not finish.
func (c *Cluster) initdb(ctx context.Context, throwaway bool) error {
	if err := os.RemoveAll(c.DataDir); err != nil {
		return fmt.Errorf("remove incomplete data directory %s: %w", c.DataDir, err)
	}
	args := []string{
		"-D", c.DataDir,
		"-U", Superuser,
		"--auth-local=trust",
		"--auth-host=reject",
		"--encoding=UTF8",
		"--locale=" + defaultLocale(),
		"--lc-messages=C",
	}
	if throwaway {
		args = append(args, "--no-sync")
	}
	log, err := c.openLog()
	if err != nil {
		return err
	}
	defer log.Close()
	cmd := exec.CommandContext(ctx, filepath.Join(c.BinDir, "initdb"), args...)
	c.prepare(cmd, log)
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("initdb %s: %w", c.DataDir, ctx.Err())
		}
		return fmt.Errorf("initdb %s as %s failed (%v): %s", c.DataDir, c.user, err, logTail(c.LogPath, 5))
	}
	conf := confMarker + "\n" + fmt.Sprintf("max_locks_per_transaction = %d\n", MaxLocksPerTransaction)
	if throwaway {
		// Durability buys nothing for a cluster deleted after the tests.
		conf += "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
	}
	f, err := os.OpenFile(filepath.Join(c.DataDir, "postgresql.conf"), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return fmt.Errorf("configure cluster: %w", err)
	}
	if _, err := f.WriteString("\n" + conf); err != nil {
		f.Close()
		return fmt.Errorf("configure cluster: %w", err)
	}
	return f.Close()
}

// defaultLocale is C.UTF-8 when the system has it (sorting stays bytewise
// like C, but character classes and upper/lower know Unicode), else C.
func defaultLocale() string {
	for _, dir := range []string{"/usr/lib/locale/C.utf8", "/usr/lib/locale/C.UTF-8"} {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return "C.UTF-8"
		}
	}
	return "C"
}

// hbaRules is the whole of pg_hba.conf: connections over the unix socket
// only. They need no password because only the cluster's owner (and root)
// can reach the socket: it lives in a directory of mode 0700 and has mode
// 0700 itself. No host line: even if TCP were turned on, nobody gets in.
const hbaRules = `# Written by migrate (pgcluster) at each start; edits are replaced.
# The server listens only on a unix socket in a directory of mode 0700,
# so only its owner can connect.
local all all trust
`

// writeHBA replaces pg_hba.conf with hbaRules. Clusters created before
// the socket-only rules trusted 127.0.0.1 for every user, replication
// included: rewriting the file at each start closes that for them too.
func (c *Cluster) writeHBA() error {
	path := filepath.Join(c.DataDir, "pg_hba.conf")
	if b, err := os.ReadFile(path); err == nil && string(b) == hbaRules {
		return nil
	}
	if err := os.WriteFile(path, []byte(hbaRules), 0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return c.user.chown(path)
}
