package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/migrate-tool/migrate/config"
	"github.com/spf13/cobra"
)

// initOptions are the arguments of `migrate init`.
type initOptions struct {
	dir string
}

func newInitCmd(a *App) *cobra.Command {
	opts := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init [dir]",
		Short: "Create migrate.toml, versions/ and a .gitignore entry for .migrate/",
		Long: `Set up a project in dir (default: the current directory): a commented
migrate.toml using the embedded database (a private PostgreSQL cluster kept
under .migrate/), an empty versions/ directory, and .migrate/ added to
.gitignore (created, or appended to when the line is missing).

init refuses, changing nothing, when migrate.toml already exists or versions/
is not empty.`,
		Example: `  migrate init
  migrate init services/billing`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.dir = args[0]
			}
			return a.runInit(opts)
		},
	}
	return cmd
}

// gitignoreEntry keeps the embedded cluster and caches out of version control.
const gitignoreEntry = ".migrate/"

func (a *App) runInit(opts *initOptions) error {
	wd, err := a.initWorkDir()
	if err != nil {
		return err
	}
	dir := opts.dir
	if dir == "" {
		dir = "."
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(wd, dir)
	}
	shown := initDisplayPath(wd, dir)
	title := shown
	if title == "." {
		title = dir
	}

	plan, err := planInit(dir)
	if err != nil {
		return err
	}
	if len(plan.conflicts) > 0 {
		return fmt.Errorf("refusing to initialize %s: %s; nothing was changed", title, strings.Join(plan.conflicts, ", "))
	}

	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("init: %w", err)
	}
	var done []string
	if err := writeNew(filepath.Join(dir, config.FileName), initTemplate); err != nil {
		return err
	}
	done = append(done, "created "+config.FileName)
	if err := os.MkdirAll(filepath.Join(dir, config.DefaultVersionsDir), 0o755); err != nil {
		return fmt.Errorf("init: %w", err)
	}
	if err := writeNew(filepath.Join(dir, config.DefaultVersionsDir, ".gitkeep"), ""); err != nil {
		return err
	}
	done = append(done, "created "+config.DefaultVersionsDir+"/.gitkeep")
	msg, err := ensureGitignore(filepath.Join(dir, ".gitignore"), plan)
	if err != nil {
		return err
	}
	done = append(done, msg)

	fmt.Fprintf(a.Stdout, "Initialized %s:\n", title)
	for _, d := range done {
		fmt.Fprintf(a.Stdout, "  %s\n", d)
	}
	fmt.Fprintf(a.Stdout, "Next: review %s, then write your first revision with\n  migrate revision -m \"create users\"\n",
		filepath.Join(shown, config.FileName))
	return nil
}

// initPlan is what init found before changing anything.
type initPlan struct {
	conflicts    []string // reasons to refuse
	gitignore    []byte   // the existing .gitignore, nil when absent
	hasGitignore bool
}

// planInit checks dir without changing it.
func planInit(dir string) (*initPlan, error) {
	p := &initPlan{}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return nil, fmt.Errorf("init: %s is not a directory", dir)
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("init: %w", err)
	}
	if _, err := os.Lstat(filepath.Join(dir, config.FileName)); err == nil {
		p.conflicts = append(p.conflicts, config.FileName+" already exists")
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("init: %w", err)
	}
	versions := filepath.Join(dir, config.DefaultVersionsDir)
	if fi, err := os.Lstat(versions); err == nil {
		if !fi.IsDir() {
			p.conflicts = append(p.conflicts, config.DefaultVersionsDir+" exists and is not a directory")
		} else if entries, err := os.ReadDir(versions); err != nil {
			return nil, fmt.Errorf("init: %w", err)
		} else if n := countContent(entries); n > 0 {
			p.conflicts = append(p.conflicts, fmt.Sprintf("%s/ already holds %s", config.DefaultVersionsDir, countEntries(n)))
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("init: %w", err)
	}
	gi := filepath.Join(dir, ".gitignore")
	if fi, err := os.Stat(gi); err == nil {
		if fi.IsDir() {
			p.conflicts = append(p.conflicts, ".gitignore is a directory")
		} else if p.gitignore, err = os.ReadFile(gi); err != nil {
			return nil, fmt.Errorf("init: %w", err)
		} else {
			p.hasGitignore = true
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("init: %w", err)
	}
	return p, nil
}

// writeNew creates a file that must not exist yet.
func writeNew(path, content string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("init: %w", err)
	}
	if _, err := f.WriteString(content); err != nil {
		f.Close()
		return fmt.Errorf("init: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("init: %w", err)
	}
	return nil
}

// ensureGitignore creates .gitignore or appends the .migrate/ line when no
// line already ignores that directory.
func ensureGitignore(path string, plan *initPlan) (string, error) {
	if !plan.hasGitignore {
		if err := writeNew(path, gitignoreEntry+"\n"); err != nil {
			return "", err
		}
		return "created .gitignore (ignores " + gitignoreEntry + ")", nil
	}
	if ignoresMigrateDir(plan.gitignore) {
		return ".gitignore already ignores " + gitignoreEntry, nil
	}
	add := gitignoreEntry + "\n"
	if len(plan.gitignore) > 0 && plan.gitignore[len(plan.gitignore)-1] != '\n' {
		add = "\n" + add
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return "", fmt.Errorf("init: %w", err)
	}
	if _, err := f.WriteString(add); err != nil {
		f.Close()
		return "", fmt.Errorf("init: %w", err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("init: %w", err)
	}
	return "added " + gitignoreEntry + " to .gitignore", nil
}

// ignoresMigrateDir reports whether a .gitignore has a line for .migrate.
func ignoresMigrateDir(data []byte) bool {
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		switch strings.TrimSpace(sc.Text()) {
		case ".migrate", ".migrate/", "/.migrate", "/.migrate/", ".migrate/*", "/.migrate/*":
			return true
		}
	}
	return false
}

// initWorkDir is the directory relative arguments are resolved against.
func (a *App) initWorkDir() (string, error) {
	if a.WorkDir != "" {
		return filepath.Abs(a.WorkDir)
	}
	return os.Getwd()
}

// initDisplayPath shows path relative to wd when it is inside it.
func initDisplayPath(wd, path string) string {
	rel, err := filepath.Rel(wd, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return rel
}

func countEntries(n int) string {
	if n == 1 {
		return "1 entry"
	}
	return fmt.Sprintf("%d entries", n)
}

// initTemplate is the migrate.toml written by init. It must load as is
// (tested) and show every section a new user needs, commented.
const initTemplate = `# migrate.toml: configuration of migrate. Every key is described in
# docs/configuration.md; 'migrate config' prints what a command will use.
#
# String values may use ${NAME} or ${NAME:-default}: NAME is looked up in the
# -x NAME=value flags first, then in the environment. Write $$ for a literal $.

# Timeouts (Go durations: "500ms", "3s", "1m"). Top-level keys must come
# before the first [table]. Unset means the server default.
# lock_timeout = "3s"          # PostgreSQL lock_timeout for each migration
# statement_timeout = "1m"     # PostgreSQL statement_timeout
# lock_wait_timeout = "5m"     # how long to wait for another deployer's lock

[database]
# The database every command works on. As written, that is the embedded
# one: a private PostgreSQL cluster migrate keeps under .migrate/ (created
# on first use, started for each command and stopped after). This line
# wins over $DATABASE_URL: with url = "embedded", a DATABASE_URL in your
# environment is NOT used. Choose one of:
#   url = "embedded"                            # always the private cluster
#   url = "${DATABASE_URL:-embedded}"           # $DATABASE_URL when set, else the private cluster
#   url = "postgres://app@localhost:5432/app"   # always this server (or a key=value DSN)
# Without a url line, $DATABASE_URL must be set. Every command that touches
# the database names it on stderr ("Database: ..."); 'migrate config' shows
# where the setting came from.
url = "embedded"
# The version table (one row per current head) and the audit table:
# version_schema = "public"
# version_table = "migrate_version"
# history_table = "migrate_history"

[versions]
# Directories holding revision files; new revisions go to the first one.
dirs = ["versions"]

[target]
# The declared schema that autogenerate and check compare the database with:
# either a Go package exposing the metadata, or SQL files (not both).
# go = "./models"
# sql = ["schema/*.sql"]
schemas = ["public"]
# exclude = ["public.legacy_*"]

# Overlays: -x env=prod applies [env.prod] over the settings above, e.g.
#   migrate -x env=prod upgrade head
[env.prod]
database.url = "${DATABASE_URL}"
lock_timeout = "3s"
statement_timeout = "1m"
`

// countContent counts directory entries other than the placeholder init
// itself writes (.gitkeep), so that init can run again once migrate.toml
// is gone.
func countContent(entries []os.DirEntry) int {
	n := 0
	for _, e := range entries {
		if e.Name() != ".gitkeep" {
			n++
		}
	}
	return n
}
