package dbconn

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/pgcluster"
)

func TestServerURL(t *testing.T) {
	const secret = "s3cr3t-pw"
	tests := []struct {
		name, url string
		wantErr   string
	}{
		{"url", "postgres://app:" + secret + "@db.example:5432/app?sslmode=disable", ""},
		{"dsn", "host=db.example user=app password=" + secret + " dbname=app", ""},
		{"missing", "", "set database.url"},
		{"bad port in url", "postgres://app:" + secret + "@db.example:notaport/app", "not a valid"},
		{"bad dsn", "host=db.example password=" + secret + " sslmode=bogus", "not a valid"},
		{"bad scheme", "mysql://app:" + secret + "@db/app", "not a valid"},
		{"slash in password", "postgres://app:" + secret + "/x@db.example:5432/app", "percent-encode reserved characters"},
		{"bad sslmode in url", "postgres://app:" + secret + "@db.example/app?sslmode=bogus", "sslmode is invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := &config.Config{Dir: t.TempDir(), Database: config.Database{URL: tt.url}}
			got, release, err := Open(context.Background(), cfg)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				release()
				if got != tt.url {
					t.Fatalf("Open = %q, want the configured URL", got)
				}
				return
			}
			if err == nil {
				t.Fatalf("Open(%q) succeeded", tt.url)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q does not say %q", err, tt.wantErr)
			}
			if strings.Contains(err.Error(), secret) {
				t.Errorf("error shows the password: %v", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
	if _, _, err := Open(context.Background(), &config.Config{}); !errors.Is(err, ErrNoDatabase) {
		t.Errorf("no url: %v, want ErrNoDatabase", err)
	}
}

// projectDir is a temporary project directory the server user can reach.
func projectDir(t *testing.T) string {
	t.Helper()
	dir, err := pgcluster.TempDir("dbconn-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

func postmasterPID(t *testing.T, project string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(project, StateDir, "pg", "data", "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.SplitN(string(b), "\n", 2)[0])
	if err != nil {
		t.Fatalf("postmaster.pid: %v", err)
	}
	return pid
}

func gone(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return true
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	return err == nil && strings.Contains(string(b), ") Z")
}

func TestEmbedded(t *testing.T) {
	project := projectDir(t)
	cfg := &config.Config{Dir: project, Database: config.Database{URL: config.EmbeddedURL}}
	ctx := context.Background()

	url, release, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	pid := postmasterPID(t, project)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	var db string
	if err := conn.QueryRow(ctx, "SELECT current_database()").Scan(&db); err != nil {
		t.Fatal(err)
	}
	if db != EmbeddedDatabase {
		t.Errorf("connected to %q, want %q", db, EmbeddedDatabase)
	}
	if _, err := conn.Exec(ctx, "CREATE TABLE kept (id int)"); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	out, err := exec.Command(filepath.Join(binDir(t), "psql"), "-XAtc", "SELECT 'psql ok'", url).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "psql ok" {
		t.Errorf("psql with %s: %v %s", url, err, out)
	}
	release()
	if !gone(pid) {
		t.Fatalf("embedded postmaster %d still running after release", pid)
	}

	// Second run: same data, database already there.
	url2, release2, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer release2()
	conn, err = pgx.Connect(ctx, url2)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var reg *string
	if err := conn.QueryRow(ctx, "SELECT to_regclass('kept')::text").Scan(&reg); err != nil || reg == nil {
		t.Fatalf("table from the first run missing: %v", err)
	}
}

func TestEmbeddedReleaseAfterCancel(t *testing.T) {
	project := projectDir(t)
	cfg := &config.Config{Dir: project, Database: config.Database{URL: config.EmbeddedURL}}
	ctx, cancel := context.WithCancel(context.Background())
	_, release, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	pid := postmasterPID(t, project)
	cancel() // the command was interrupted
	release()
	if !gone(pid) {
		t.Fatalf("embedded postmaster %d still running after an interrupted command", pid)
	}
}

func binDir(t *testing.T) string {
	t.Helper()
	dir, err := pgcluster.FindBinDir(nil)
	if err != nil {
		t.Fatal(err)
	}
	return dir
}
