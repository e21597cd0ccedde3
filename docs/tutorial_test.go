package docs_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/migrate-tool/migrate/cli"
	"github.com/migrate-tool/migrate/internal/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// TestTutorial runs tutorial.md from top to bottom: it writes the files
// the reader writes and runs every migrate command in-process, in a fresh
// Go module, with DATABASE_URL (development) and PROD_DATABASE_URL (the
// -x env=prod overlay) pointing at two throwaway databases. Each command
// must exit as the tutorial says (0 unless "# exits N").
func TestTutorial(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the Go toolchain and a database")
	}
	md, err := os.ReadFile("tutorial.md")
	if err != nil {
		t.Fatal(err)
	}
	steps, err := extract(string(md))
	if err != nil {
		t.Fatalf("tutorial.md:%v", err)
	}
	requireCoverage(t, steps)

	dir := t.TempDir()
	writeModule(t, dir)
	env := map[string]string{
		"DATABASE_URL":      pgtest.NewDB(t),
		"PROD_DATABASE_URL": pgtest.NewDB(t),
		"MIGRATE_CONFIG":    "",
	}
	getenv := func(k string) string {
		if v, ok := env[k]; ok {
			return v
		}
		return os.Getenv(k)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()

	for _, s := range steps {
		if s.file != "" {
			path := filepath.Join(dir, filepath.FromSlash(s.file))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(s.content), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("tutorial.md:%s", s)
			continue
		}
		var stdout, stderr bytes.Buffer
		app := &cli.App{Stdout: &stdout, Stderr: &stderr, Getenv: getenv, WorkDir: dir}
		code := app.Run(ctx, s.args)
		t.Logf("tutorial.md:%s -> exit %d\n%s%s", s, code, stdout.String(), stderr.String())
		if code != s.wantExit {
			t.Fatalf("tutorial.md:%s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", s, code, s.wantExit, stdout.String(), stderr.String())
		}
		if s.stdout != "" {
			if err := os.WriteFile(filepath.Join(dir, s.stdout), stdout.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// requireCoverage fails when the tutorial stops teaching a step of the
// workflow the project promises to document.
func requireCoverage(t *testing.T, steps []step) {
	t.Helper()
	want := map[string]*regexp.Regexp{
		"init":                    regexp.MustCompile(`^init\b`),
		"revision --autogenerate": regexp.MustCompile(`^revision .*--autogenerate .*-m `),
		"upgrade head":            regexp.MustCompile(`^upgrade head$`),
		"downgrade -1":            regexp.MustCompile(`^downgrade -1$`),
		"current":                 regexp.MustCompile(`^current$`),
		"history --verbose":       regexp.MustCompile(`^history --verbose$`),
		"-x env=prod":             regexp.MustCompile(`^-x env=prod `),
		"check":                   regexp.MustCompile(`^check$`),
		"upgrade --sql":           regexp.MustCompile(`upgrade --sql `),
	}
	seen := map[string]bool{}
	for _, s := range steps {
		cmd := strings.Join(s.args, " ")
		for name, re := range want {
			if re.MatchString(cmd) && (name != "check" || s.wantExit == 0) {
				seen[name] = true
			}
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("tutorial.md no longer runs `migrate %s`", name)
		}
	}
}

// writeModule makes dir the Go module the tutorial's reader creates with
// `go mod init` and `go get`: it requires this repository (replaced by the
// working tree, so the test needs no network) with the same dependency
// versions and checksums.
func writeModule(t *testing.T, dir string) {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	gosum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("module example.com/blog\n\n")
	for _, line := range strings.Split(string(gomod), "\n") {
		if strings.HasPrefix(line, "go ") {
			b.WriteString(line + "\n\n")
		}
	}
	b.WriteString("require github.com/migrate-tool/migrate v0.0.0\n\n")
	// The repository's own requirements, which `go get` would add as
	// indirect ones.
	if i := strings.Index(string(gomod), "require"); i >= 0 {
		b.WriteString(string(gomod[i:]))
		b.WriteString("\n")
	}
	b.WriteString("replace github.com/migrate-tool/migrate => " + root + "\n")
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), gosum, 0o644); err != nil {
		t.Fatal(err)
	}
}
