package cli

import (
	"fmt"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/schema"
	"github.com/spf13/cobra"
)

// addInspectSQLFlag adds --sql to `migrate inspect`.
func addInspectSQLFlag(cmd *cobra.Command, sql *bool) {
	cmd.Flags().BoolVar(sql, "sql", false, "print the schema as the DDL that recreates it in an empty database")
	cmd.MarkFlagsMutuallyExclusive("json", "sql")
	cmd.Long += `

--sql prints the schema as DDL: the statements autogenerate would write to
create it from an empty database, in dependency order (the same rendering
as a create-from-empty revision, hazard comments left out).`
}

// printSchemaSQL renders s as the script that creates it from nothing.
func (a *App) printSchemaSQL(s *schema.Schema) error {
	plan, err := autogen.Diff(&schema.Schema{}, s, autogen.Options{})
	if err != nil {
		return err
	}
	stmts := plan.Upgrade()
	for i := range stmts {
		stmts[i].Hazards = nil
	}
	if len(stmts) == 0 {
		fmt.Fprintln(a.Stdout, "-- the schema is empty")
		return nil
	}
	fmt.Fprint(a.Stdout, autogen.Render(stmts))
	return nil
}
