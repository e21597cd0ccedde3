package pgcluster

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Options says where a cluster lives and how it runs.
type Options struct {
	// Dir holds the cluster (data/, postgres.log, sock/). It is created when
	// missing and, when running as root, handed to the unprivileged user.
	Dir string
	// BinDir holds initdb and postgres; empty means FindBinDir(os.Getenv).
	BinDir string
	// Throwaway turns durability off (fsync, synchronous_commit,
	// full_page_writes) and ties the server's life to this process: it gets
	// SIGQUIT when the process dies, even by a crash or a test timeout.
	// Without it the server runs in its own session and outlives the
	// process until Stop, so other processes can share it.
	Throwaway bool
	// StartTimeout bounds initdb plus start-up; 0 means two minutes.
	StartTimeout time.Duration
}

// Cluster is a private PostgreSQL cluster in one directory.
type Cluster struct {
	// Dir is the cluster directory; DataDir (Dir/data) is PGDATA.
	Dir, DataDir string
	// LogPath is the server log; its tail is quoted when start-up fails.
	LogPath string
	// BinDir holds the PostgreSQL programs (psql, pg_dump, ...).
	BinDir string
	// SocketDir is the unix socket directory (mode 0700) and Port the port
	// number in the socket's name; the server listens on nothing else.
	// PID is the postmaster.
	SocketDir string
	Port      int
	PID       int

	user      *runUser
	throwaway bool
	started   bool
	exited    <-chan struct{} // closed once our child postmaster is reaped
}

// Start initializes the cluster in opts.Dir when it has never been
// initialized, then starts its server, or adopts the server already running
// there (Started then reports false). The caller calls Stop.
func Start(ctx context.Context, opts Options) (*Cluster, error) {
	c, err := open(opts)
	if err != nil {
		return nil, err
	}
	timeout := opts.StartTimeout
	if timeout <= 0 {
		timeout = 2 * time.Minute
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("start PostgreSQL in %s: %w", c.Dir, err)
	}
	if c.adopt() {
		return c, nil
	}
	if !initialized(c.DataDir) {
		if err := c.initdb(ctx, opts.Throwaway); err != nil {
			return nil, err
		}
	}
	if err := c.launch(ctx); err != nil {
		return nil, err
	}
	return c, nil
}

// open resolves the binaries, the run user and the paths of a cluster
// without starting anything.
func open(opts Options) (*Cluster, error) {
	if opts.Dir == "" {
		return nil, errors.New("pgcluster: no cluster directory given")
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	bin := opts.BinDir
	if bin == "" {
		if bin, err = FindBinDir(nil); err != nil {
			return nil, err
		}
	} else if err := hasServer(bin); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoBinaries, err)
	}
	u, err := currentRunUser()
	if err != nil {
		return nil, err
	}
	if err := u.canTraverse(dir); err != nil {
		return nil, fmt.Errorf("cluster directory %s: %v: PostgreSQL cannot run as root, so put the cluster where %s can reach it", dir, err, u)
	}
	if err := u.mkdir(dir); err != nil {
		return nil, fmt.Errorf("create cluster directory: %w", err)
	}
	return &Cluster{
		Dir:       dir,
		DataDir:   filepath.Join(dir, "data"),
		LogPath:   filepath.Join(dir, "postgres.log"),
		BinDir:    bin,
		user:      u,
		throwaway: opts.Throwaway,
	}, nil
}

// Started reports whether this value started the server (as opposed to
// adopting one that was already running).
func (c *Cluster) Started() bool { return c.started }

// URL returns a connection URL (pgx and libpq/psql syntax) for database
// dbname as the superuser over the private unix socket, the only way the
// server can be reached: psql URL works as is.
func (c *Cluster) URL(dbname string) string {
	q := url.Values{"host": {c.SocketDir}, "port": {strconv.Itoa(c.Port)}}
	return "postgres://" + Superuser + "@/" + url.PathEscape(dbname) + "?" + q.Encode()
}

// adopt takes over the coordinates of a server already running in the
// cluster directory and reports whether there is one.
func (c *Cluster) adopt() bool {
	info, err := readPostmasterPID(c.DataDir)
	if err != nil || info == nil || !info.ready || !processAlive(info.pid) {
		return false
	}
	if _, err := os.Stat(socketPath(info.socketDir, info.port)); err != nil {
		return false
	}
	c.PID, c.Port, c.SocketDir = info.pid, info.port, info.socketDir
	return true
}

// errPortTaken means another process bound the port between our probe and
// the server's bind; start-up is retried on a new port.
var errPortTaken = errors.New("port taken")

func (c *Cluster) launch(ctx context.Context) error {
	for attempt := 0; ; attempt++ {
		err := c.spawn(ctx)
		if errors.Is(err, errPortTaken) && attempt < 5 {
			continue
		}
		return err
	}
}

// spawn starts the postmaster on a free port and waits until it accepts
// connections.
func (c *Cluster) spawn(ctx context.Context) error {
	port, err := FreePort()
	if err != nil {
		return fmt.Errorf("find a free port: %w", err)
	}
	sockDir, err := c.socketDir()
	if err != nil {
		return err
	}
	log, err := c.openLog()
	if err != nil {
		return err
	}
	logStart, _ := log.Seek(0, io.SeekEnd)
	if err := c.writeHBA(); err != nil {
		return err
	}
	cmd := exec.Command(filepath.Join(c.BinDir, "postgres"),
		"-D", c.DataDir,
		"-p", strconv.Itoa(port),
		"-k", sockDir,
		// The unix socket in a 0700 directory is the only way in: no TCP
		// listener for anyone on the machine to reach.
		"-c", "listen_addresses=",
		"-c", "unix_socket_permissions=0700",
	)
	c.prepare(cmd, log)
	if c.throwaway {
		// Dies with us; its own process group keeps a terminal's ^C
		// from reaching it before we stop it cleanly.
		cmd.SysProcAttr.Setpgid = true
		cmd.SysProcAttr.Pdeathsig = syscall.SIGQUIT
	} else {
		cmd.SysProcAttr.Setsid = true
	}
	// Reaping the postmaster whenever it exits keeps it from lingering as
	// a zombie that looks alive.
	exited, err := StartReaped(cmd)
	log.Close()
	if err != nil {
		return fmt.Errorf("start postgres: %w", err)
	}
	pid := cmd.Process.Pid
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			_ = syscall.Kill(pid, syscall.SIGQUIT)
			<-exited
			c.removeShortSocketDir(sockDir)
			if errors.Is(ctx.Err(), context.Canceled) {
				// Interrupted: the log only tells of our own shutdown.
				return fmt.Errorf("start PostgreSQL in %s: %w", c.Dir, ctx.Err())
			}
			return fmt.Errorf("start PostgreSQL in %s: %w (log: %s)", c.Dir, ctx.Err(), logTail(c.LogPath, 3))
		case <-exited:
			c.removeShortSocketDir(sockDir)
			out := logSince(c.LogPath, logStart)
			if strings.Contains(out, "Address already in use") {
				return errPortTaken
			}
			return fmt.Errorf("PostgreSQL in %s exited during start-up: %s: see %s", c.Dir, logTail(c.LogPath, 5), c.LogPath)
		case <-tick.C:
			info, _ := readPostmasterPID(c.DataDir)
			if info != nil && info.pid == pid && info.ready {
				c.PID, c.Port, c.SocketDir = pid, port, sockDir
				c.started, c.exited = true, exited
				return nil
			}
		}
	}
}

// shortSocketPrefix names the /tmp directories used when the cluster
// directory is too deep for a unix socket path.
const shortSocketPrefix = "migrate-sock-"

// socketDir returns the socket directory: Dir/sock, or a new private
// directory under /tmp when Dir/sock would make the socket path longer than
// the kernel allows.
func (c *Cluster) socketDir() (string, error) {
	dir := filepath.Join(c.Dir, "sock")
	if len(socketPath(dir, 65535)) > maxSocketPath {
		short, err := os.MkdirTemp("/tmp", shortSocketPrefix)
		if err != nil {
			return "", fmt.Errorf("create socket directory: %w", err)
		}
		dir = short
	}
	if err := c.user.mkdir(dir); err != nil {
		return "", fmt.Errorf("create socket directory: %w", err)
	}
	return dir, nil
}

func (c *Cluster) removeShortSocketDir(dir string) {
	if filepath.Dir(dir) == "/tmp" && strings.HasPrefix(filepath.Base(dir), shortSocketPrefix) {
		_ = os.RemoveAll(dir)
	}
}

// openLog opens the server log for appending. The descriptor is handed to
// the child, so the file can stay owned by us.
func (c *Cluster) openLog() (*os.File, error) {
	if st, err := os.Stat(c.LogPath); err == nil && st.Size() > 8<<20 {
		_ = os.Rename(c.LogPath, c.LogPath+".1")
	}
	f, err := os.OpenFile(c.LogPath, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open PostgreSQL log: %w", err)
	}
	return f, nil
}

// prepare sets what every PostgreSQL program we run shares: the run user,
// a working directory it can read, a clean environment and the log.
func (c *Cluster) prepare(cmd *exec.Cmd, log *os.File) {
	cmd.Dir = c.Dir
	cmd.Stdout, cmd.Stderr = log, log
	cmd.Env = serverEnv()
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: c.user.credential()}
}

// serverEnv is our environment without the variables that would change
// where or how a server runs (PGDATA, PGPORT, locale), messages in English.
func serverEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "PG") || strings.HasPrefix(name, "LC_") || name == "LANG" || name == "LANGUAGE" {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "LANG=C")
}

// FreePort returns a TCP port on 127.0.0.1 that nothing listens on now.
func FreePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func logSince(path string, off int64) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return ""
	}
	b, _ := io.ReadAll(f)
	return string(b)
}
