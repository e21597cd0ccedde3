package pgcluster

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestEmbeddedReachableByOwnerOnly: the embedded cluster listens on a unix
// socket in a 0700 directory and nowhere else, pg_hba.conf has no host
// rule, its state files are private, and another user of the machine
// cannot connect.
func TestEmbeddedReachableByOwnerOnly(t *testing.T) {
	project := projectDir(t)
	state := filepath.Join(project, ".migrate")
	c, release, err := StartEmbedded(context.Background(), state)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	url := c.URL("postgres")
	if got := query(t, url, "SHOW listen_addresses"); got != "" {
		t.Errorf("listen_addresses = %q, want none", got)
	}
	if got := query(t, url, "SELECT string_agg(DISTINCT type, ',') FROM pg_hba_file_rules"); got != "local" {
		t.Errorf("pg_hba.conf rule types = %q, want local only", got)
	}
	if conn, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", c.Port), time.Second); err == nil {
		conn.Close()
		t.Errorf("something accepts TCP connections on 127.0.0.1:%d", c.Port)
	}
	for path, want := range map[string]os.FileMode{
		c.SocketDir:                             0o700,
		c.Dir:                                   0o700,
		socketPath(c.SocketDir, c.Port):         0o700,
		c.LogPath:                               0o600,
		filepath.Join(c.DataDir, "pg_hba.conf"): 0o600,
		filepath.Join(state, gateFile):          0o600,
		filepath.Join(state, usersFile):         0o600,
	} {
		st, err := os.Stat(path)
		if err != nil {
			t.Error(err)
			continue
		}
		if got := st.Mode().Perm(); got != want {
			t.Errorf("%s has mode %o, want %o", path, got, want)
		}
	}

	// Another user of the machine cannot get in, even knowing where the
	// socket is. Only root can run a program as someone else.
	if os.Geteuid() != 0 {
		t.Skip("not root: cannot try as another user")
	}
	other, err := lookupUser("nobody")
	if err != nil || (c.user != nil && other.uid == c.user.uid) {
		t.Skip("no second unprivileged user to try as")
	}
	cmd := exec.Command(filepath.Join(c.BinDir, "psql"), "-XAtc", "SELECT 1", url)
	cmd.Dir = "/"
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: other.credential()}
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("user nobody connected to the embedded cluster: %s", out)
	}
	if !strings.Contains(string(out), "Permission denied") {
		t.Errorf("psql as nobody: %v %s (want permission denied)", err, out)
	}
}
