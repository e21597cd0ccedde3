package introspect

import (
	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/schema"
)

// triggersReader reads user triggers of tables and views. Left out:
// internal triggers (foreign keys, deferrable constraints) and triggers a
// partition inherits from its partitioned parent (tgparentid, PostgreSQL
// 13+).
func triggersReader() reader {
	return reader{
		kind: "triggers",
		sql: `SELECT t.tgrelid, t.tgname::text, pg_get_triggerdef(t.oid),
	pn.nspname::text, p.proname::text, t.tgenabled::text,
	` + commentCol + `
FROM rel c
JOIN pg_trigger t ON t.tgrelid = c.oid
JOIN pg_proc p ON p.oid = t.tgfoid
JOIN pg_namespace pn ON pn.oid = p.pronamespace
` + comment("pg_trigger", "t.oid", "0") + `
WHERE c.relkind IN ('r', 'p', 'v')
  AND NOT t.tgisinternal AND t.tgparentid = 0`,
		scan: func(rows pgx.Rows, st *state) error {
			var tg schema.Trigger
			var oid uint32
			if err := rows.Scan(&oid, &tg.Name, &tg.Definition,
				&tg.Function.Schema, &tg.Function.Name, &tg.Enabled, &tg.Comment); err != nil {
				return err
			}
			if t := st.table(oid); t != nil {
				t.Triggers = append(t.Triggers, tg)
				return nil
			}
			if v := st.view(oid); v != nil {
				v.Triggers = append(v.Triggers, tg)
				return nil
			}
			return errOrphan("trigger", tg.Name, oid)
		},
	}
}

// policiesReader reads row level security policies. Roles are sorted,
// with PUBLIC for the public pseudo-role.
func policiesReader() reader {
	return reader{
		kind: "policies",
		sql: `SELECT p.polrelid, p.polname::text, p.polpermissive,
	CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
		WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
	ARRAY(SELECT CASE r WHEN 0 THEN 'PUBLIC' ELSE pg_get_userbyid(r)::text END AS role
	      FROM unnest(p.polroles) AS r ORDER BY 1),
	COALESCE(pg_get_expr(p.polqual, p.polrelid), ''),
	COALESCE(pg_get_expr(p.polwithcheck, p.polrelid), ''),
	` + commentCol + `
FROM rel c
JOIN pg_policy p ON p.polrelid = c.oid
` + comment("pg_policy", "p.oid", "0") + `
WHERE c.relkind IN ('r', 'p')`,
		scan: func(rows pgx.Rows, st *state) error {
			var p schema.Policy
			var oid uint32
			if err := rows.Scan(&oid, &p.Name, &p.Permissive, &p.Command, &p.Roles,
				&p.Using, &p.WithCheck, &p.Comment); err != nil {
				return err
			}
			t := st.table(oid)
			if t == nil {
				return errOrphan("policy", p.Name, oid)
			}
			t.Policies = append(t.Policies, p)
			return nil
		},
	}
}
