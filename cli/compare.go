package cli

import (
	"context"
	"fmt"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/config"
	"github.com/spf13/pflag"
)

// compareFlags are the flags shared by the commands that compare the live
// database with the declared target (revision --autogenerate, plan).
type compareFlags struct {
	renames             []string
	concurrentIndexes   bool
	notValidConstraints bool
	noCache             bool
}

func addCompareFlags(f *pflag.FlagSet, c *compareFlags) {
	f.StringArrayVar(&c.renames, "rename", nil, "treat a drop and an add as a rename: table (old=new, schema.old=schema.new) or column (table.old=table.new); repeatable")
	f.BoolVar(&c.concurrentIndexes, "concurrent-indexes", false, "build and drop indexes CONCURRENTLY (the revision runs outside a transaction); also [autogen] concurrent_indexes")
	f.BoolVar(&c.notValidConstraints, "not-valid", false, "add foreign keys and checks NOT VALID, then VALIDATE them; also [autogen] not_valid_constraints")
	f.BoolVar(&c.noCache, "no-cache", false, "read the database and materialize the target again instead of using .migrate/cache")
}

// compareOptions builds the library's options from the configuration, the
// linked-in declaration and the flags.
func (a *App) compareOptions(c *compareFlags) (migrate.CompareOptions, error) {
	cfg, err := a.Config()
	if err != nil {
		return migrate.CompareOptions{}, err
	}
	o := migrate.CompareOptions{
		Config:   cfg,
		Declared: a.Declared,
		Logf:     a.infof,
	}
	if c != nil {
		for _, r := range c.renames {
			rn, err := autogen.ParseRename(r)
			if err != nil {
				return o, usageError("--rename: %v", err)
			}
			o.Renames = append(o.Renames, rn)
		}
		o.ConcurrentIndexes = c.concurrentIndexes
		o.NotValidConstraints = c.notValidConstraints
		o.NoCache = c.noCache
	}
	return o, nil
}

// printDetected lists a plan's changes as "Detected ..." lines on Stderr,
// with their hazards, the way a reviewer wants to see them before opening
// the file.
func (a *App) printDetected(p *autogen.Plan) {
	for _, st := range p.Steps() {
		fmt.Fprintf(a.Stderr, "Detected %s\n", st.Description)
		for _, s := range st.Statements {
			for _, h := range s.Hazards {
				fmt.Fprintf(a.Stderr, "  hazard %s: %s\n", h.Kind, h.Message)
			}
		}
	}
}

// comparison runs the library's comparison of the live database with the
// declared target, for plan and revision --autogenerate. The caller closes
// the returned migrator, which further steps (--verify) still use.
func (a *App) comparison(ctx context.Context, c *compareFlags) (*migrate.Migrator, *migrate.Comparison, migrate.CompareOptions, error) {
	co, err := a.compareOptions(c)
	if err != nil {
		return nil, nil, co, err
	}
	m, err := a.openMigrator(ctx)
	if err != nil {
		return nil, nil, co, err
	}
	cmp, err := m.Autogenerate(ctx, co)
	if err != nil {
		m.Close()
		return nil, nil, co, err
	}
	return m, cmp, co, nil
}

// defaultSchema is the schema that names need not spell out in --rename:
// the first of target.schemas, public when every schema is compared.
func defaultSchema(cfg *config.Config) string {
	if cfg == nil || len(cfg.Target.Schemas) == 0 || cfg.Target.AllSchemas() {
		return "public"
	}
	return cfg.Target.Schemas[0]
}
