package cli_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/migrate-tool/migrate/config"
)

// initSnapshot records every file and directory under dir with its content and
// modification time, to prove a refused init touched nothing.
func initSnapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		entry := fi.Mode().String() + " " + fi.ModTime().Format(time.RFC3339Nano)
		if !d.IsDir() {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			entry += " " + string(b)
		}
		rel, _ := filepath.Rel(dir, path)
		out[rel] = entry
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func initAssertUnchanged(t *testing.T, before, after map[string]string) {
	t.Helper()
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed:\nbefore %q\nafter  %q", k, v, after[k])
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			t.Errorf("%s was created", k)
		}
	}
}

func TestInitEmptyDir(t *testing.T) {
	dir := t.TempDir()
	r := cfgRun(t, dir, nil, "init")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	wantOut := "Initialized $DIR:\n" +
		"  created migrate.toml\n" +
		"  created versions/.gitkeep\n" +
		"  created .gitignore (ignores .migrate/)\n" +
		"Next: review migrate.toml, then write your first revision with\n" +
		"  migrate revision -m \"create users\"\n"
	if got := strings.ReplaceAll(r.stdout, dir, "$DIR"); got != wantOut {
		t.Errorf("stdout\n got %q\nwant %q", got, wantOut)
	}
	for _, f := range []string{"migrate.toml", "versions/.gitkeep", ".gitignore"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	gi, _ := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if string(gi) != ".migrate/\n" {
		t.Errorf(".gitignore = %q", gi)
	}
	toml, _ := os.ReadFile(filepath.Join(dir, "migrate.toml"))
	for _, want := range []string{`url = "embedded"`, `dirs = ["versions"]`, "[target]", "[env.prod]", `database.url = "${DATABASE_URL}"`, `lock_timeout = "3s"`} {
		if !strings.Contains(string(toml), want) {
			t.Errorf("migrate.toml lacks %q", want)
		}
	}

	// A second run refuses and changes nothing.
	before := initSnapshot(t, dir)
	time.Sleep(10 * time.Millisecond) // a rewrite would show in the mtimes
	r = cfgRun(t, dir, nil, "init")
	if r.code != 2 {
		t.Errorf("second init: exit %d, want 2", r.code)
	}
	wantErr := "migrate: refusing to initialize $DIR: migrate.toml already exists; nothing was changed\n"
	if got := strings.ReplaceAll(r.stderr, dir, "$DIR"); got != wantErr {
		t.Errorf("stderr\n got %q\nwant %q", got, wantErr)
	}
	if r.stdout != "" {
		t.Errorf("stdout %q", r.stdout)
	}
	initAssertUnchanged(t, before, initSnapshot(t, dir))
}

// TestInitTemplateLoads checks that what init writes is a valid config for
// the base and for the prod overlay.
func TestInitTemplateLoads(t *testing.T) {
	dir := t.TempDir()
	if r := cfgRun(t, dir, nil, "init"); r.code != 0 {
		t.Fatalf("init: exit %d: %s", r.code, r.stderr)
	}
	cfg, err := config.Load(config.Options{WorkDir: dir, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.Database.Embedded() || cfg.Versions.Dirs[0] != filepath.Join(dir, "versions") {
		t.Errorf("base config: %+v", cfg)
	}
	env := map[string]string{"DATABASE_URL": "postgres://deploy:s3cr3t-pw@db/app"}
	r := cfgRun(t, dir, env, "-x", "env=prod", "config", "--json")
	if r.code != 0 {
		t.Fatalf("config: exit %d: %s", r.code, r.stderr)
	}
	var got struct {
		Database struct {
			URL string `json:"url"`
		} `json:"database"`
		LockTimeout string `json:"lock_timeout"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if got.Database.URL != "postgres://deploy:xxxxx@db/app" || got.LockTimeout != "3s" {
		t.Errorf("prod config: %s", r.stdout)
	}
	// Without DATABASE_URL the prod overlay says what to set.
	r = cfgRun(t, dir, nil, "-x", "env=prod", "config")
	if r.code != 2 || !strings.Contains(r.stderr, "variable DATABASE_URL is not set") {
		t.Errorf("exit %d stderr %q", r.code, r.stderr)
	}
}

func TestInitCases(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string // existing files ("dir/" for an empty directory)
		args     []string
		code     int
		stdout   string // substring
		stderr   string // exact
		gitignor string // .gitignore afterwards (in the target dir), "" to skip
	}{
		{
			name:     "existing .gitignore without the line and without a final newline",
			files:    map[string]string{".gitignore": "bin/\n*.log"},
			args:     []string{"init"},
			stdout:   "  added .migrate/ to .gitignore\n",
			gitignor: "bin/\n*.log\n.migrate/\n",
		},
		{
			name:     "existing .gitignore with the line",
			files:    map[string]string{".gitignore": "/.migrate\nbin/\n"},
			args:     []string{"init"},
			stdout:   "  .gitignore already ignores .migrate/\n",
			gitignor: "/.migrate\nbin/\n",
		},
		{
			name:   "existing empty versions directory",
			files:  map[string]string{"versions/": ""},
			args:   []string{"init"},
			stdout: "  created versions/.gitkeep\n",
		},
		{
			name:     "new subdirectory",
			args:     []string{"init", "services/billing"},
			stdout:   "Initialized services/billing:\n",
			gitignor: ".migrate/\n",
		},
		{
			name:  "init does not read a broken config",
			files: map[string]string{"other.toml": "not toml ["},
			args:  []string{"-c", "other.toml", "init"},
		},
		{
			name:   "versions with content",
			files:  map[string]string{"versions/0001_x.sql": "-- x\n"},
			args:   []string{"init"},
			code:   2,
			stderr: "migrate: refusing to initialize $DIR: versions/ already holds 1 entry; nothing was changed\n",
		},
		{
			name:   "migrate.toml alone",
			files:  map[string]string{"migrate.toml": "# mine\n"},
			args:   []string{"init"},
			code:   2,
			stderr: "migrate: refusing to initialize $DIR: migrate.toml already exists; nothing was changed\n",
		},
		{
			name:   "versions is a file",
			files:  map[string]string{"versions": "x"},
			args:   []string{"init"},
			code:   2,
			stderr: "migrate: refusing to initialize $DIR: versions exists and is not a directory; nothing was changed\n",
		},
		{
			name:   "existing project in a subdirectory",
			files:  map[string]string{"app/migrate.toml": "", "app/versions/a.sql": "", "app/versions/b.sql": ""},
			args:   []string{"init", "app"},
			code:   2,
			stderr: "migrate: refusing to initialize app: migrate.toml already exists, versions/ already holds 2 entries; nothing was changed\n",
		},
		{
			name:   "too many arguments",
			args:   []string{"init", "a", "b"},
			code:   2,
			stderr: "migrate: init: accepts at most 1 arg(s), received 2; usage: migrate init [dir] [flags]\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, content := range tt.files {
				if strings.HasSuffix(name, "/") {
					if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
						t.Fatal(err)
					}
					continue
				}
				cfgWriteFile(t, filepath.Join(dir, name), content)
			}
			before := initSnapshot(t, dir)
			r := cfgRun(t, dir, nil, tt.args...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d (stderr %q)", r.code, tt.code, r.stderr)
			}
			if got := strings.ReplaceAll(r.stderr, dir, "$DIR"); got != tt.stderr {
				t.Errorf("stderr\n got %q\nwant %q", got, tt.stderr)
			}
			if !strings.Contains(r.stdout, tt.stdout) {
				t.Errorf("stdout %q lacks %q", r.stdout, tt.stdout)
			}
			if tt.code != 0 {
				initAssertUnchanged(t, before, initSnapshot(t, dir))
				return
			}
			target := dir
			if len(tt.args) > 1 && tt.args[len(tt.args)-1] != "init" {
				target = filepath.Join(dir, tt.args[len(tt.args)-1])
			}
			if _, err := config.Load(config.Options{WorkDir: target, Getenv: func(string) string { return "" }}); err != nil {
				t.Errorf("the written config does not load: %v", err)
			}
			if tt.gitignor != "" {
				gi, _ := os.ReadFile(filepath.Join(target, ".gitignore"))
				if string(gi) != tt.gitignor {
					t.Errorf(".gitignore = %q, want %q", gi, tt.gitignor)
				}
			}
		})
	}
}
