package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// migrateTOML is the project configuration; targetLines selects the target
// mode. The database comes from $BENCH_DATABASE_URL, and Alembic's version
// table is left out of comparison because both tools share the database.
func migrateTOML(targetLines string) string {
	return `[database]
url = "${BENCH_DATABASE_URL}"

[versions]
dirs = ["versions"]

[target]
` + targetLines + `schemas = ["public"]
exclude = ["public.alembic_version"]
`
}

// writeSchemaProject writes the N-table project:
//
//	schema/schema.sql         the SQL target (and what builds the database)
//	versions/                 one migrate revision creating the schema
//	migrate.toml              SQL target
//	models/, go.mod           the Go target (a module that uses repo's decl)
//	linked/                   migrate with models linked in (cli.MainWithTarget)
//	migrate-go.toml           Go target
//	alembic/                  Alembic project: models.py + one empty base revision
//
// repo is the migrate source tree the Go target's module points at. With
// edit, the declarations (schema/, models/, alembic/models.py) carry the
// daily edit (dailyEdit) while versions/ still creates the N tables: the
// state right after a developer edited the schema, before
// `revision --autogenerate`.
func writeSchemaProject(dir string, n int, repo string, edit bool) error {
	ts := tables(n)
	sql := schemaSQL(ts)
	declared, declaredSQL := ts, sql
	if edit {
		declared = dailyEdit(ts)
		declaredSQL = schemaSQL(declared)
	}
	if err := resetDirs(dir, "schema", "versions", "alembic", "models", "linked"); err != nil {
		return err
	}
	files := map[string]string{
		"schema/schema.sql":        declaredSQL,
		"migrate.toml":             migrateTOML("sql = [\"schema/*.sql\"]\n"),
		"alembic/alembic.ini":      alembicINI,
		"alembic/env.py":           alembicEnv,
		"alembic/script.py.mako":   alembicMako,
		"alembic/models.py":        modelsPy(declared),
		"alembic/versions/base.py": alembicRevision("bench_base", nil, "base", "", ""),
	}
	name, data := migrateFile(node{
		ID:      revID("schema", n),
		Message: fmt.Sprintf("create %d tables", n),
		Up:      sql,
		Down:    dropSQL(ts),
	}, 0)
	files["versions/"+name] = string(data)
	if repo != "" {
		mod, err := goModule(repo)
		if err != nil {
			return err
		}
		for f, text := range mod {
			files[f] = text
		}
		for f, text := range goModelFiles(declared) {
			files["models/"+f] = text
		}
		files["linked/main.go"] = linkedMain
		files["migrate-go.toml"] = migrateTOML("go = \"./models\"\n")
	}
	return writeFiles(dir, files)
}

// writeRevisionProject writes a project whose interest is its history:
// versions/ for migrate and alembic/versions for Alembic hold the same
// graph. With script it also writes the psql baselines: upgrade.sql, every
// upgrade section in order (run with psql -1: one transaction), and
// upgrade-per-revision.sql, each section in a transaction of its own (what
// migrate does by default, minus its bookkeeping).
func writeRevisionProject(dir string, nodes []node, script bool) error {
	if err := resetDirs(dir, "versions", "alembic"); err != nil {
		return err
	}
	files := map[string]string{
		"migrate.toml":           migrateTOML(""),
		"alembic/alembic.ini":    alembicINI,
		"alembic/env.py":         alembicEnv,
		"alembic/script.py.mako": alembicMako,
	}
	var all, perRev strings.Builder
	for k, nd := range nodes {
		name, data := migrateFile(nd, k)
		files["versions/"+name] = string(data)
		files["alembic/versions/"+name[:len(name)-len(".sql")]+".py"] = alembicRevision(nd.ID, nd.Parents, nd.Message, nd.Up, nd.Down)
		all.WriteString(nd.Up + "\n")
		perRev.WriteString("BEGIN;\n" + nd.Up + "\nCOMMIT;\n")
	}
	if script {
		files["upgrade.sql"] = all.String()
		files["upgrade-per-revision.sql"] = perRev.String()
	}
	return writeFiles(dir, files)
}

// resetDirs removes generated subdirectories so a smaller run does not
// leave files of a larger one behind.
func resetDirs(dir string, subs ...string) error {
	for _, s := range subs {
		if err := os.RemoveAll(filepath.Join(dir, s)); err != nil {
			return err
		}
	}
	return nil
}

func writeFiles(dir string, files map[string]string) error {
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}
