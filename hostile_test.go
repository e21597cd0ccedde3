package migrate_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/revision"
)

// TestHostileVersionFiles: a NUL byte or invalid UTF-8 in a revision file,
// a FIFO or a link to /dev/zero in the versions directory: the command
// fails at once, naming the file (and line), before anything runs.
func TestHostileVersionFiles(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, vdir string)
		want  string
	}{
		{"NUL in a comment", func(t *testing.T, vdir string) {
			writeFile(t, filepath.Join(vdir, "b2.sql"), file{id: "b2", parents: "a1",
				up: "-- a note \x00 that hides what follows\nCREATE TABLE t_b2 (id int);", down: "DROP TABLE t_b2;"}.text())
		}, "versions/b2.sql:7:11: NUL byte"},
		{"invalid UTF-8 in the header", func(t *testing.T, vdir string) {
			writeFile(t, filepath.Join(vdir, "b2.sql"), file{id: "b2", parents: "a1", message: "caf\xe9", up: "SELECT 1;", down: ""}.text())
		}, "versions/b2.sql:3:23: invalid UTF-8"},
		{"FIFO", func(t *testing.T, vdir string) {
			if err := syscall.Mkfifo(filepath.Join(vdir, "b2.sql"), 0o644); err != nil {
				t.Skip(err)
			}
		}, "versions/b2.sql: is a named pipe (FIFO), not a regular file"},
		{"link to /dev/zero", func(t *testing.T, vdir string) {
			if err := os.Symlink("/dev/zero", filepath.Join(vdir, "b2.sql")); err != nil {
				t.Fatal(err)
			}
		}, "versions/b2.sql: is a character device, not a regular file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			url := pgtest.NewDB(t)
			project := writeVersions(t, table("a1", ""))
			writeFile(t, filepath.Join(project, "migrate.toml"), projectConfig)
			tc.setup(t, filepath.Join(project, "versions"))
			for _, args := range [][]string{{"upgrade", "head"}, {"current"}} {
				cmd := migrateProcess(t, project, url, args...)
				var out bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &out
				start := time.Now()
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				done := make(chan error, 1)
				go func() { done <- cmd.Wait() }()
				select {
				case <-done:
				case <-time.After(time.Minute):
					cmd.Process.Kill()
					t.Fatalf("migrate %s hangs", strings.Join(args, " "))
				}
				if cmd.ProcessState.ExitCode() != 2 || !strings.Contains(out.String(), tc.want) || strings.Count(out.String(), "\n") != 1 {
					t.Errorf("migrate %s: exit %d after %s:\n%s\nwant one line with %q", strings.Join(args, " "), cmd.ProcessState.ExitCode(),
						time.Since(start).Round(time.Millisecond), out.String(), tc.want)
				}
			}
			// Nothing ran: not even the valid revision before it.
			c := connect(t, url)
			equal(t, "tables", strs(t, c, "SELECT relname::text FROM pg_class WHERE relname LIKE 't\\_%' OR relname LIKE 'migrate\\_%'"), nil)
		})
	}
}

// blockingFS is a file system whose files never finish reading, like a
// hung network mount.
type blockingFS struct {
	fstest.MapFS
	release chan struct{}
}

func (b blockingFS) Open(name string) (fs.File, error) {
	if name != "." {
		<-b.release
	}
	return b.MapFS.Open(name)
}

// TestInterruptWhileReadingVersions: an interrupt stops a command even
// while it is stuck reading the versions directory.
func TestInterruptWhileReadingVersions(t *testing.T) {
	t.Parallel()
	fsys := blockingFS{MapFS: fstest.MapFS{"a1.sql": {Data: []byte(table("a1", "").text())}}, release: make(chan struct{})}
	m, err := migrate.New(context.Background(), migrate.Options{DatabaseURL: pgtest.NewDB(t), Versions: []revision.Source{{Dir: "versions", FS: fsys}}})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	defer close(fsys.release) // before Close: the abandoned read holds the Migrator
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	for _, call := range []func() error{
		func() error { _, err := m.Upgrade(ctx, "head", migrate.RunOptions{}); return err },
		func() error { _, err := m.Current(ctx); return err },
	} {
		if err := call(); !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "interrupted while reading the versions directories") {
			t.Errorf("err = %v", err)
		}
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %s to stop", d)
	}
}
