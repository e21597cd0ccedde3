package migrate

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/internal/pgdial"
	"github.com/migrate-tool/migrate/introspect"
	"github.com/migrate-tool/migrate/schema"
	"github.com/migrate-tool/migrate/target"
)

// VerifyError says why a generated revision failed verification: a
// statement failed on the scratch copy, or a stage did not end where it
// should have.
type VerifyError struct {
	// Stage is "copy" (building a copy of the live schema), "upgrade" or
	// "downgrade".
	Stage string
	// Statement is the statement that failed, if one did.
	Statement string
	// Remaining describes what still differs after the stage.
	Remaining []string
	Err       error
}

func (e *VerifyError) Error() string {
	switch {
	case e.Err != nil && e.Statement != "":
		return fmt.Sprintf("verify %s: statement failed on the scratch copy: %s: %v", e.Stage, oneLine(e.Statement), e.Err)
	case e.Err != nil:
		return fmt.Sprintf("verify %s: %v", e.Stage, e.Err)
	}
	what := "the target"
	if e.Stage != "upgrade" {
		what = "the current schema"
	}
	return fmt.Sprintf("verify %s: the scratch copy does not match %s afterwards (%s); the revision was not written",
		e.Stage, what, strings.Join(e.Remaining, "; "))
}

func (e *VerifyError) Unwrap() error { return e.Err }

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 120 {
		s = s[:117] + "..."
	}
	return s
}

// Verify proves a comparison's plan on a scratch database: it builds a
// copy of the live schema there (the plan from the new scratch database's
// own schema to cmp.Live), applies the upgrade and checks that the result is the
// target, then (unless the plan's downgrade is irreversible) applies the
// downgrade and checks that it is the live schema again. The scratch database is never the user's and is dropped
// afterwards. A failure is a *VerifyError.
func (m *Migrator) Verify(ctx context.Context, cmp *Comparison, o CompareOptions) (err error) {
	if o.Config == nil {
		return errors.New("verify needs the configuration ([scratch])")
	}
	url, err := m.databaseURL(ctx)
	if err != nil {
		return err
	}
	scratch, err := target.OpenScratch(ctx, o.Config, url)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	defer func() {
		if cerr := scratch.Close(context.WithoutCancel(ctx)); err == nil && cerr != nil {
			err = fmt.Errorf("verify: drop the scratch database: %w", cerr)
		}
	}()
	o.logf("verifying on scratch database %s (%s)", scratch.Name, scratch.Source)
	pc, err := pgx.ParseConfig(scratch.URL)
	if err != nil {
		return fmt.Errorf("verify: %s", config.Redact(err.Error()))
	}
	pc.DefaultQueryExecMode = pgx.QueryExecModeExec
	conn, err := pgdial.Connect(ctx, pc)
	if err != nil {
		return fmt.Errorf("verify: connect to the scratch database: %s", config.Redact(err.Error()))
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if err := ensureScratchRoles(ctx, conn, scratch, cmp.Live, cmp.Target); err != nil {
		return fmt.Errorf("verify: %w", err)
	}

	io := m.introspectOptions(o)
	io.SkipTables = nil
	f := o.filter()
	ao := o.autogenOptions()
	// Each part (revision) runs on its own, as the runner would run it.
	step := func(stage string, parts [][]autogen.Statement, want *schema.Schema) error {
		for _, stmts := range parts {
			if stmt, err := applyScratch(ctx, conn, stmts); err != nil {
				return &VerifyError{Stage: stage, Statement: stmt, Err: err}
			}
		}
		got, err := introspect.Introspect(ctx, conn, io)
		if err != nil {
			return &VerifyError{Stage: stage, Err: err}
		}
		rest, err := autogen.Diff(f.Apply(got), want, autogen.Options{DefaultSchema: ao.DefaultSchema})
		if err != nil {
			return &VerifyError{Stage: stage, Err: err}
		}
		if !rest.Empty() {
			return &VerifyError{Stage: stage, Remaining: rest.Summary()}
		}
		return nil
	}
	// The scratch database is new, not empty: it has its public schema, with
	// its comment and privileges. Start from what it has.
	fresh, err := introspect.Introspect(ctx, conn, io)
	if err != nil {
		return &VerifyError{Stage: "copy", Err: err}
	}
	copyPlan, err := autogen.Diff(f.Apply(fresh), cmp.Live, autogen.Options{DefaultSchema: ao.DefaultSchema})
	if err != nil {
		return err
	}
	if err := step("copy", [][]autogen.Statement{copyPlan.Upgrade()}, cmp.Live); err != nil {
		return err
	}
	parts := cmp.Parts
	if len(parts) == 0 {
		parts = []Part{{Role: "main", Plan: cmp.Plan}}
	}
	var up, down [][]autogen.Statement
	for i := range parts {
		up = append(up, parts[i].Plan.Upgrade())
		down = append(down, parts[len(parts)-1-i].Plan.Downgrade())
	}
	if err := step("upgrade", up, cmp.Target); err != nil {
		return err
	}
	if len(cmp.Plan.Irreversible) > 0 {
		return nil // the revision's downgrade is marked irreversible
	}
	return step("downgrade", down, cmp.Live)
}

// applyScratch runs statements as the runner would: in one transaction
// unless one of them cannot run in a transaction block. It returns the
// failing statement.
func applyScratch(ctx context.Context, conn *pgx.Conn, stmts []autogen.Statement) (string, error) {
	tx := !slices.ContainsFunc(stmts, func(s autogen.Statement) bool { return s.NonTransactional })
	if tx {
		if _, err := conn.Exec(ctx, "BEGIN"); err != nil {
			return "BEGIN", err
		}
	}
	for _, s := range stmts {
		if _, err := conn.Exec(ctx, s.SQL); err != nil {
			if tx {
				conn.Exec(context.WithoutCancel(ctx), "ROLLBACK")
			}
			return s.SQL, err
		}
	}
	if tx {
		if _, err := conn.Exec(ctx, "COMMIT"); err != nil {
			return "COMMIT", err
		}
	}
	_, err := conn.Exec(ctx, "RESET check_function_bodies")
	return "", err
}

// ensureScratchRoles makes sure the roles the schemas refer to exist on
// the scratch server.
func ensureScratchRoles(ctx context.Context, conn *pgx.Conn, scratch *target.Scratch, ss ...*schema.Schema) error {
	var roles []string
	for _, s := range ss {
		roles = append(roles, s.Roles()...)
	}
	return scratch.EnsureRoles(ctx, conn, roles)
}
