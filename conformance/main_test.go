package conformance_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/internal/pgtest"
)

// binary is the migrate executable built once by TestMain.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "migrate-conformance-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := func() int {
		defer os.RemoveAll(dir)
		bin, err := buildBinary(dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		binary = bin
		return pgtest.Main(m)
	}()
	os.Exit(code)
}

// buildBinary builds ./cmd/migrate of the module the test runs in: the
// CLI contract is what a user runs, so the test drives the real program.
func buildBinary(dir string) (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "migrate")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/migrate")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./cmd/migrate: %v\n%s", err, out)
	}
	return bin, nil
}

// moduleRoot is the nearest directory above the working directory holding
// go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = up
	}
}

// caseRoles are the roles grant and policy cases name; roles belong to the
// server, so they are created once.
var caseRoles = []string{"app_reader", "app_writer", "app_admin"}

var rolesOnce sync.Once

func ensureRoles(t *testing.T) {
	t.Helper()
	var err error
	rolesOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		var conn *pgx.Conn
		conn, err = pgx.Connect(ctx, pgtest.AdminURL(t))
		if err != nil {
			return
		}
		defer conn.Close(ctx)
		for _, r := range caseRoles {
			_, err = conn.Exec(ctx, `DO $$ BEGIN CREATE ROLE `+r+` NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`)
			if err != nil {
				return
			}
		}
	})
	if err != nil {
		t.Fatalf("create roles: %v", err)
	}
}
