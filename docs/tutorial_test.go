package docs_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/migrate-tool/migrate/internal/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// TestTutorial runs tutorial.md from top to bottom, the way a reader
// does: in a fresh directory tree, "git clone" of this repository (a link
// to the working tree: the test has no network), go install ./cmd/migrate
// from it, a new Go module pointing at it with go mod edit, and then every
// migrate command with the installed binary, with DATABASE_URL
// (development) and PROD_DATABASE_URL (the -x env=prod overlay) pointing
// at two throwaway databases. Each command must exit as the tutorial says
// (0 unless "# exits N").
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
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}

	root := t.TempDir() // where the reader starts
	bin := filepath.Join(root, "gobin")
	env := []string{"GOBIN=" + bin, "DATABASE_URL=" + pgtest.NewDB(t), "PROD_DATABASE_URL=" + pgtest.NewDB(t)}
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "GOBIN", "DATABASE_URL", "PROD_DATABASE_URL", "MIGRATE_CONFIG", "GOFLAGS", "PWD":
		default:
			env = append(env, kv)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()

	cwd := root
	// dir resolves a directory argument; ~ is where the reader starts.
	dir := func(d string) string {
		if rest, ok := strings.CutPrefix(d, "~/"); ok || d == "~" {
			return filepath.Join(root, rest)
		}
		return filepath.Join(cwd, d)
	}
	for _, s := range steps {
		switch {
		case s.file != "":
			path := filepath.Join(cwd, filepath.FromSlash(s.file))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(s.content), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("tutorial.md:%s", s)
		case s.prog == "cd" && len(s.args) == 1:
			cwd = dir(s.args[0])
			if fi, err := os.Stat(cwd); err != nil || !fi.IsDir() {
				t.Fatalf("tutorial.md:%s: no such directory", s)
			}
		case s.prog == "mkdir":
			for _, d := range s.args {
				if d != "-p" {
					if err := os.MkdirAll(dir(d), 0o755); err != nil {
						t.Fatal(err)
					}
				}
			}
		case s.prog == "git" && len(s.args) >= 2 && s.args[0] == "clone":
			if !strings.Contains(s.args[1], "migrate-tool/migrate") {
				t.Fatalf("tutorial.md:%s: the test can only clone this repository", s)
			}
			dest := strings.TrimSuffix(filepath.Base(s.args[1]), ".git")
			if len(s.args) == 3 {
				dest = s.args[2]
			}
			if err := os.Symlink(repo, filepath.Join(cwd, dest)); err != nil {
				t.Fatal(err)
			}
		case s.prog == "go" || s.prog == "migrate":
			name := "go"
			if s.prog == "migrate" {
				name = filepath.Join(bin, "migrate")
			}
			var stdout, stderr bytes.Buffer
			cmd := exec.CommandContext(ctx, name, s.args...)
			cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = cwd, append(env, "PWD="+cwd), &stdout, &stderr
			err := cmd.Run()
			code := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatalf("tutorial.md:%s: %v", s, err)
			}
			t.Logf("tutorial.md:%s -> exit %d\n%s%s", s, code, stdout.String(), stderr.String())
			if code != s.wantExit {
				t.Fatalf("tutorial.md:%s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", s, code, s.wantExit, stdout.String(), stderr.String())
			}
			if s.stdout != "" {
				if err := os.WriteFile(filepath.Join(cwd, s.stdout), stdout.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		default:
			t.Fatalf("tutorial.md:%s: the test cannot run this", s)
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
		if s.prog == "go" {
			// Installation from a clone, the only one that works: the
			// module is not on the module proxy.
			cmd := strings.Join(s.args, " ")
			seen["go install ./cmd/migrate"] = seen["go install ./cmd/migrate"] || cmd == "install ./cmd/migrate"
			seen["go mod edit -replace"] = seen["go mod edit -replace"] ||
				strings.HasPrefix(cmd, "mod edit ") && strings.Contains(cmd, "-require=github.com/migrate-tool/migrate@") &&
					strings.Contains(cmd, "-replace=github.com/migrate-tool/migrate=")
			continue
		}
		if s.prog != "migrate" {
			continue
		}
		cmd := strings.Join(s.args, " ")
		for name, re := range want {
			if re.MatchString(cmd) && (name != "check" || s.wantExit == 0) {
				seen[name] = true
			}
		}
	}
	for _, name := range []string{"go install ./cmd/migrate", "go mod edit -replace"} {
		if !seen[name] {
			t.Errorf("tutorial.md no longer runs `%s`", name)
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("tutorial.md no longer runs `migrate %s`", name)
		}
	}
}
