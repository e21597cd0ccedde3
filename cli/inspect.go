package cli

import (
	"context"

	"github.com/migrate-tool/migrate/internal/pgdial"
	"github.com/migrate-tool/migrate/introspect"
	"github.com/migrate-tool/migrate/runner"
	"github.com/migrate-tool/migrate/schema"
	"github.com/spf13/cobra"
)

// inspectOptions are the flags of `migrate inspect`.
type inspectOptions struct {
	json bool
	sql  bool // inspect_sql.go
}

func newInspectCmd(a *App) *cobra.Command {
	opts := &inspectOptions{}
	cmd := &cobra.Command{
		Use:   "inspect",
		Short: "Print the live schema of the configured database",
		Long: `Read the catalog of the configured database and print what autogenerate
compares: the schemas listed in target.schemas (default public) with their
extensions, collations, types, sequences, tables (columns, constraints, indexes,
triggers, policies), views, functions, comments and grants. The tool's own
version and audit tables, objects that belong to extensions, and indexes,
constraints and triggers a partition inherits from its parent are left out
(see docs/introspection.md). inspect takes no lock and writes nothing.

Expressions, types and definitions are printed as PostgreSQL prints them,
with every name outside pg_catalog schema-qualified.

--json prints the schema model: {"namespaces", "extensions", "collations",
"enums", "domains", "composites", "sequences", "tables", "views", "functions"}, each
an array sorted by name and left out when empty; the fields of each object
are those of package schema (docs/introspection.md).`,
		Example: `  migrate inspect
  migrate -x env=prod inspect --json > live.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runInspect(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print the schema model as JSON")
	addInspectSQLFlag(cmd, &opts.sql)
	return cmd
}

func (a *App) runInspect(ctx context.Context, opts *inspectOptions) error {
	s, err := a.inspectLive(ctx)
	if err != nil {
		return err
	}
	if opts.json {
		return a.printJSON(s)
	}
	if opts.sql {
		return a.printSchemaSQL(s)
	}
	return renderSchema(a.Stdout, s)
}

// inspectLive reads the configured database's schema, as autogenerate sees
// it: target.schemas, without the tool's own tables.
func (a *App) inspectLive(ctx context.Context) (*schema.Schema, error) {
	cfg, err := a.Config()
	if err != nil {
		return nil, err
	}
	url, release, err := a.openDatabase(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	conn, err := pgdial.ConnectString(ctx, url)
	if err != nil {
		return nil, &runner.ConnectError{Err: err}
	}
	defer conn.Close(context.WithoutCancel(ctx))
	db := cfg.Database
	a.infof("reading schemas %v", cfg.Target.Schemas)
	return introspect.Introspect(ctx, conn, introspect.Options{
		Schemas: cfg.Target.Schemas,
		SkipTables: []schema.QName{
			{Schema: db.VersionSchema, Name: db.VersionTable},
			{Schema: db.VersionSchema, Name: db.HistoryTable},
		},
	})
}
