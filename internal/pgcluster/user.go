package pgcluster

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
)

// runUser is the unprivileged account PostgreSQL programs run as when this
// process is root. A nil *runUser means "run as the current user".
type runUser struct {
	name   string
	uid    uint32
	gid    uint32
	groups []uint32
}

// fallbackUser is created when neither postgres nor nobody exists.
const fallbackUser = "migrate-pg"

// currentRunUser returns nil when not root, else the account to drop to:
// postgres, else nobody, else a system user created for the purpose.
func currentRunUser() (*runUser, error) {
	if os.Geteuid() != 0 {
		return nil, nil
	}
	for _, name := range []string{"postgres", "nobody", fallbackUser} {
		if u, err := lookupUser(name); err == nil {
			return u, nil
		}
	}
	out, err := exec.Command("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", fallbackUser).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("running as root and no unprivileged user to run PostgreSQL as (tried postgres, nobody; useradd %s: %v %s): create a postgres user", fallbackUser, err, out)
	}
	return lookupUser(fallbackUser)
}

func lookupUser(name string) (*runUser, error) {
	u, err := user.Lookup(name)
	if err != nil {
		return nil, err
	}
	uid, err := strconv.ParseUint(u.Uid, 10, 32)
	if err != nil {
		return nil, err
	}
	gid, err := strconv.ParseUint(u.Gid, 10, 32)
	if err != nil {
		return nil, err
	}
	if uid == 0 {
		return nil, fmt.Errorf("user %s is root", name)
	}
	r := &runUser{name: name, uid: uint32(uid), gid: uint32(gid)}
	if ids, err := u.GroupIds(); err == nil {
		for _, id := range ids {
			if g, err := strconv.ParseUint(id, 10, 32); err == nil {
				r.groups = append(r.groups, uint32(g))
			}
		}
	}
	return r, nil
}

// String names the user for messages.
func (u *runUser) String() string {
	if u == nil {
		return "the current user"
	}
	return "user " + u.name
}

// credential returns the credential a child process runs with (nil: keep ours).
func (u *runUser) credential() *syscall.Credential {
	if u == nil {
		return nil
	}
	return &syscall.Credential{Uid: u.uid, Gid: u.gid, Groups: u.groups}
}

// chown gives path to the run user; a no-op when not root.
func (u *runUser) chown(path string) error {
	if u == nil {
		return nil
	}
	if err := os.Lchown(path, int(u.uid), int(u.gid)); err != nil {
		return fmt.Errorf("give %s to %s: %w", path, u, err)
	}
	return nil
}

// mkdir creates dir (mode 0700) owned by the run user; an existing dir is
// re-owned. Missing parents are created searchable (0755) so that the run
// user can reach dir.
func (u *runUser) mkdir(dir string) error {
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return err
	}
	if err := os.Mkdir(dir, 0o700); err != nil && !os.IsExist(err) {
		return err
	}
	// An existing entry may have been planted (shared /tmp, /var/tmp):
	// only a real directory owned by us or the run user is used.
	var st syscall.Stat_t
	if err := syscall.Lstat(dir, &st); err != nil {
		return err
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFDIR {
		return fmt.Errorf("%s exists and is not a directory", dir)
	}
	if int(st.Uid) != os.Geteuid() && (u == nil || st.Uid != u.uid) {
		return fmt.Errorf("%s is owned by uid %d, not by us: remove it", dir, st.Uid)
	}
	return u.chown(dir)
}

// canTraverse reports whether the run user may reach entries of dir: every
// existing directory from / down to dir must grant it search permission.
// Directories that do not exist yet will be created by us, searchable.
func (u *runUser) canTraverse(dir string) error {
	if u == nil {
		return nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	for p := abs; ; p = filepath.Dir(p) {
		var st syscall.Stat_t
		if err := syscall.Stat(p, &st); err == nil && !u.mayEnter(&st) {
			return fmt.Errorf("%s cannot enter %s (mode %o)", u, p, st.Mode&0o777)
		}
		if p == filepath.Dir(p) {
			return nil
		}
	}
}

func (u *runUser) mayEnter(st *syscall.Stat_t) bool {
	switch {
	case st.Uid == u.uid:
		return st.Mode&0o100 != 0
	case u.inGroup(st.Gid):
		return st.Mode&0o010 != 0
	default:
		return st.Mode&0o001 != 0
	}
}

func (u *runUser) inGroup(gid uint32) bool {
	if gid == u.gid {
		return true
	}
	for _, g := range u.groups {
		if g == gid {
			return true
		}
	}
	return false
}

// TempDir creates a new private directory for a cluster (owned by the user
// PostgreSQL runs as) in the system temporary directory, or in /var/tmp or
// /tmp when that user cannot reach the former. The caller removes it.
func TempDir(pattern string) (string, error) {
	u, err := currentRunUser()
	if err != nil {
		return "", err
	}
	var firstErr error
	for _, parent := range []string{os.TempDir(), "/var/tmp", "/tmp"} {
		if err := u.canTraverse(parent); err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		dir, err := os.MkdirTemp(parent, pattern)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if err := u.chown(dir); err != nil {
			os.Remove(dir)
			return "", err
		}
		return dir, nil
	}
	return "", fmt.Errorf("no temporary directory usable for a PostgreSQL cluster: %w", firstErr)
}

// RunAsServerUser makes cmd run as the user PostgreSQL programs run as:
// the unprivileged user when this process is root (programs such as
// PgBouncer refuse to run as root, and only that user can reach a
// cluster's socket directory), else unchanged.
func RunAsServerUser(cmd *exec.Cmd) error {
	u, err := currentRunUser()
	if err != nil || u == nil {
		return err
	}
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Credential = u.credential()
	return nil
}
