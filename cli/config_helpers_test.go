package cli_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/cli"
)

// The -update flag rewrites golden files. Another test file of this binary
// may define it already; register it only once.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

func cfgUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// cfgResult is one in-process run of the command line.
type cfgResult struct {
	code           int
	stdout, stderr string
}

// cfgRun runs migrate with args in dir, with env as the whole environment.
func cfgRun(t *testing.T, dir string, env map[string]string, args ...string) cfgResult {
	t.Helper()
	var stdout, stderr bytes.Buffer
	app := &cli.App{
		Stdout:  &stdout,
		Stderr:  &stderr,
		WorkDir: dir,
		Getenv:  func(k string) string { return env[k] },
	}
	code := app.Run(context.Background(), args)
	return cfgResult{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// cfgGolden compares got with testdata/config/<name>, with dir shown as
// $DIR; -update rewrites the file.
func cfgGolden(t *testing.T, name, dir, got string) {
	t.Helper()
	got = strings.ReplaceAll(got, dir, "$DIR")
	path := filepath.Join("testdata", "config", name)
	if cfgUpdate() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cli -run %s -update)", err, t.Name())
	}
	if string(want) != got {
		t.Errorf("%s differs from the output (run go test ./cli -run %s -update to accept):\n--- want\n%s\n--- got\n%s", path, t.Name(), want, got)
	}
}

func cfgWriteFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
