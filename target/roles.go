package target

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
)

// EnsureRoles makes sure roles exist on the scratch server, conn being a
// connection to it. Roles belong to the whole cluster: they are created
// only on the embedded cluster, which is private to the project; elsewhere
// a missing role is an error that names it.
func (scratch *Scratch) EnsureRoles(ctx context.Context, conn *pgx.Conn, roles []string) error {
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
