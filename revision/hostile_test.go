package revision

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// TestHostileText: NUL bytes and invalid UTF-8 are rejected at load with
// the file's line and column, in every load mode that reads that part of
// the file, before anything could run.
func TestHostileText(t *testing.T) {
	header := "-- migrate:revision aaaa\n-- migrate:message m\n\n-- migrate:upgrade\n"
	for _, tc := range []struct {
		name, file string
		where, msg string
		headers    bool // LoadHeaders sees it too (it is in the header)
	}{
		{"NUL in a comment", header + "CREATE TABLE t (id int);\n-- note \x00 more\nDROP TABLE t;\n\n-- migrate:downgrade\n",
			"versions/aaaa.sql:6:9", "NUL byte", false},
		{"NUL in the downgrade", header + "SELECT 1;\n-- migrate:downgrade\nSELECT '\x00';\n",
			"versions/aaaa.sql:7:9", "NUL byte", false},
		{"invalid UTF-8 in the header", "-- migrate:revision aaaa\n-- migrate:message caf\xe9\n\n-- migrate:upgrade\nSELECT 1;\n-- migrate:downgrade\n",
			"versions/aaaa.sql:2:23", "invalid UTF-8 (byte 0xe9)", true},
		{"invalid UTF-8 in SQL", header + "SELECT 'ok';\nSELECT '\xff\xfe';\n-- migrate:downgrade\n",
			"versions/aaaa.sql:6:9", "invalid UTF-8", false},
		{"truncated sequence at the end", header + "SELECT 1;\n-- migrate:downgrade\n-- \xe2\x82",
			"versions/aaaa.sql:7:4", "invalid UTF-8", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srcs := []Source{{Dir: "versions", FS: fstest.MapFS{"aaaa.sql": {Data: []byte(tc.file)}}}}
			loads := map[string]func([]Source) (*Graph, error){"Load": Load, "LoadTexts": LoadTexts}
			if tc.headers {
				loads["LoadHeaders"] = LoadHeaders
			}
			for name, load := range loads {
				_, err := load(srcs)
				var fe *FileError
				if !errors.As(err, &fe) {
					t.Fatalf("%s = %v, want a FileError", name, err)
				}
				if !strings.HasPrefix(err.Error(), tc.where+": ") || !strings.Contains(err.Error(), tc.msg) {
					t.Errorf("%s: %q, want %s: ...%s...", name, err, tc.where, tc.msg)
				}
			}
		})
	}
}

// TestNonRegularFiles: a FIFO, a device, a symbolic link to one, a broken
// link and a file over the size cap are refused with a clear error instead
// of hanging or reading forever; a link to a regular file is read.
func TestNonRegularFiles(t *testing.T) {
	ok := revFile("aaaa", "", "")
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir string)
		max   int64
		msg   string
	}{
		{"fifo", func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, "bbbb.sql"), 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
		}, 0, "versions/bbbb.sql: is a named pipe (FIFO), not a regular file"},
		{"link to /dev/zero", func(t *testing.T, dir string) {
			symlink(t, "/dev/zero", filepath.Join(dir, "bbbb.sql"))
		}, 0, "versions/bbbb.sql: is a character device, not a regular file"},
		{"link to a fifo", func(t *testing.T, dir string) {
			if err := syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			symlink(t, "pipe", filepath.Join(dir, "bbbb.sql"))
		}, 0, "versions/bbbb.sql: is a named pipe (FIFO)"},
		{"broken link", func(t *testing.T, dir string) {
			symlink(t, "nowhere", filepath.Join(dir, "bbbb.sql"))
		}, 0, "versions/bbbb.sql: broken symbolic link"},
		{"too large", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, "bbbb.sql"), revFile("bbbb", "aaaa", "-- "+strings.Repeat("x", 3000)+"\n"))
		}, 2048, "versions/bbbb.sql: 3.1 KiB, more than the 2 KiB a revision file may hold"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, "aaaa.sql"), ok)
			tc.setup(t, dir)
			srcs := []Source{{Dir: "versions", FS: os.DirFS(dir), MaxFileSize: tc.max}}
			loads := map[string]func([]Source) (*Graph, error){"Load": Load, "LoadTexts": LoadTexts}
			if tc.max == 0 { // header-only reading does not read the whole file
				loads["LoadHeaders"] = LoadHeaders
			}
			for name, load := range loads {
				done := make(chan error, 1)
				go func() { _, err := load(srcs); done <- err }()
				select {
				case err := <-done:
					if err == nil || !strings.Contains(err.Error(), tc.msg) {
						t.Errorf("%s = %v, want %q", name, err, tc.msg)
					}
				case <-time.After(10 * time.Second):
					t.Fatalf("%s hangs", name)
				}
			}
		})
	}

	// A symbolic link to a regular revision file is read as that file.
	dir := t.TempDir()
	write(t, filepath.Join(dir, "aaaa.sql"), ok)
	write(t, filepath.Join(dir, "elsewhere"), revFile("bbbb", "aaaa", ""))
	symlink(t, "elsewhere", filepath.Join(dir, "bbbb.sql"))
	g, err := Load([]Source{{Dir: "versions", FS: os.DirFS(dir)}})
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() != 2 {
		t.Errorf("%d revisions", g.Len())
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
