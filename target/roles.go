package target

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/schema"
)

// declaredRoles lists the roles a declaration grants to or names in
// policies.
func declaredRoles(s *schema.Schema) []string {
	var roles []string
	add := func(gs []schema.Grant) {
		for _, g := range gs {
			roles = append(roles, g.Grantee)
		}
	}
	for _, n := range s.Namespaces {
		add(n.Grants)
	}
	for _, e := range s.Enums {
		add(e.Grants)
	}
	for _, d := range s.Domains {
		add(d.Grants)
	}
	for _, c := range s.Composites {
		add(c.Grants)
	}
	for _, q := range s.Sequences {
		add(q.Grants)
	}
	for _, t := range s.Tables {
		add(t.Grants)
		for _, c := range t.Columns {
			add(c.Grants)
		}
		for _, p := range t.Policies {
			roles = append(roles, p.Roles...)
		}
	}
	for _, v := range s.Views {
		add(v.Grants)
	}
	for _, f := range s.Functions {
		add(f.Grants)
	}
	return roles
}

// ensureRoles makes sure the roles a declaration refers to exist on the
// scratch server. Roles belong to the whole cluster: they are created only
// on the embedded cluster, which is private to the project; elsewhere a
// missing role is reported.
func ensureRoles(ctx context.Context, conn *pgx.Conn, scratch *Scratch, roles []string) error {
	var want []string
	for _, r := range roles {
		if r == "" || strings.EqualFold(r, "public") || slices.Contains(want, r) {
			continue
		}
		want = append(want, r)
	}
	if len(want) == 0 {
		return nil
	}
	rows, err := conn.Query(ctx, "SELECT rolname FROM pg_catalog.pg_roles WHERE rolname = ANY($1)", want)
	if err != nil {
		return redact(err)
	}
	have, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return redact(err)
	}
	var missing []string
	for _, r := range want {
		if !slices.Contains(have, r) {
			missing = append(missing, r)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	if scratch.Source != ScratchOnEmbedded {
		return fmt.Errorf("roles %s do not exist on the scratch server (%s): create them there, or point [scratch] url at a server that has them",
			strings.Join(missing, ", "), scratch.Source)
	}
	for _, r := range missing {
		_, err := conn.Exec(ctx, "DO $$ BEGIN CREATE ROLE "+pgx.Identifier{r}.Sanitize()+" NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
		if err != nil {
			return fmt.Errorf("create role %s on the embedded cluster: %w", r, err)
		}
	}
	return nil
}
