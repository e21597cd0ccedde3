package target

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/pgtest"
	"github.com/migrate-tool/migrate/schema"
)

// dataModels is a Go target that only declares data: the evaluator's case.
const dataModels = `package models

import (
	"github.com/migrate-tool/migrate/decl"
	"github.com/migrate-tool/migrate/schema"
)

func Schema() (*schema.Schema, error) { return decl.Build(Tables()...) }

func Tables() []decl.Item {
	return []decl.Item{users(), posts()}
}

func users() *decl.TableDecl {
	return decl.Table("users",
		decl.Column("id", decl.BigInt).Identity().PrimaryKey(),
		decl.Column("email", decl.Varchar(255)).NotNull().Unique(),
		decl.Column("qty", decl.Integer).NotNull().Default("DEFAULT_QTY"),
	)
}

func posts() *decl.TableDecl {
	return decl.Table("posts",
		decl.Column("id", decl.BigInt).Identity().PrimaryKey(),
		decl.Column("author_id", decl.BigInt).NotNull().References("users", "id").Index(),
	)
}
`

// TestGoTargetEvaluated: a declaration-data package is evaluated without
// compiling, after the first load built the evaluator, and gives what the
// compiled loader gives, edit after edit.
func TestGoTargetEvaluated(t *testing.T) {
	if testing.Short() {
		t.Skip("builds Go programs")
	}
	ctx := testContext(t)
	server := pgtest.NewDB(t)
	dir := tempModule(t, map[string]string{"models/models.go": strings.Replace(dataModels, "DEFAULT_QTY", "0", 1)})
	cfg := goConfig(dir)
	t.Cleanup(func() { _ = dropDatabase(ctx, server, keptName(cfg)) })
	for _, qty := range []string{"0", "1", "2"} {
		writeFiles(t, dir, map[string]string{"models/models.go": strings.Replace(dataModels, "DEFAULT_QTY", qty, 1)})
		log := &loadLog{}
		got, err := Load(ctx, cfg, Options{ServerURL: server, Logf: log.logf})
		if err != nil {
			t.Fatal(err)
		}
		checkEvaluated(t, ctx, cfg, server, "default "+qty, log, got)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "_migrate_") {
			t.Errorf("generated program %s left in the module", e.Name())
		}
	}
}

// TestGoTargetEmbed: a view whose SQL the package reads with //go:embed
// is read again when that file changes (the source cache covers every
// file of the package), through the compiled loader.
func TestGoTargetEmbed(t *testing.T) {
	if testing.Short() {
		t.Skip("builds Go programs")
	}
	ctx := testContext(t)
	server := pgtest.NewDB(t)
	models := `package models

import (
	_ "embed"

	"github.com/migrate-tool/migrate/decl"
	"github.com/migrate-tool/migrate/schema"
)

//go:embed views/active.sql
var activeSQL string

func Schema() (*schema.Schema, error) {
	return decl.Build(
		decl.Table("users",
			decl.Column("id", decl.BigInt).PrimaryKey(),
			decl.Column("active", decl.Boolean).NotNull(),
		),
		decl.View("active_users", activeSQL),
	)
}
`
	dir := tempModule(t, map[string]string{
		"models/models.go":        models,
		"models/views/active.sql": "SELECT id FROM users WHERE active",
	})
	cfg := goConfig(dir)
	t.Cleanup(func() { _ = dropDatabase(ctx, server, keptName(cfg)) })
	view := func() string {
		t.Helper()
		s, err := Load(ctx, cfg, Options{ServerURL: server})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Views) != 1 {
			t.Fatalf("%d views", len(s.Views))
		}
		b, _ := json.Marshal(s.Views[0])
		return string(b)
	}
	if v := view(); strings.Contains(v, "NOT") {
		t.Fatalf("first view: %s", v)
	}
	writeFiles(t, dir, map[string]string{"models/views/active.sql": "SELECT id FROM users WHERE NOT active"})
	if v := view(); !strings.Contains(v, "NOT users.active") {
		t.Errorf("the edited embedded view was not read again: %s", v)
	}
}

// goConfig is the configuration of a Go target in dir/models, resolved
// to an absolute directory as config.Load resolves it.
func goConfig(dir string) *config.Config {
	return &config.Config{Dir: dir, Target: config.Target{Go: filepath.Join(dir, "models")}}
}

// checkEvaluated fails t unless log shows got was evaluated without
// compiling and got equals what the compiled loader makes of cfg.
func checkEvaluated(t *testing.T, ctx context.Context, cfg *config.Config, server, what string, log *loadLog, got *schema.Schema) {
	t.Helper()
	if !strings.Contains(log.String(), "declaration evaluated without compiling") {
		t.Errorf("%s: not evaluated:\n%s", what, log)
	}
	want, err := Load(ctx, cfg, Options{ServerURL: server, NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	if g, w := schemaJSON(t, got), schemaJSON(t, want); g != w {
		t.Errorf("%s: evaluated target differs from the compiled one:\n%s", what, firstDiff(g, w))
	}
}
