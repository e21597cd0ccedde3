package introspect

import (
	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/schema"
)

// functionsReader reads functions (window functions included, as
// "function": their definition says WINDOW) and procedures. Aggregates are
// left out: pg_get_functiondef cannot print them and the model has no
// CREATE AGGREGATE form, and so are functions that belong to another
// object (deptype 'i': a range type's constructors), which come and go
// with it. Privileges start from the default, so a function
// shows PUBLIC EXECUTE until it is revoked.
func functionsReader() reader {
	return reader{
		kind: "functions",
		sql: `SELECT n.nspname::text, p.proname::text,
	CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
	pg_get_function_identity_arguments(p.oid),
	CASE WHEN p.prokind = 'p' THEN '' ELSE COALESCE(pg_get_function_result(p.oid), '') END,
	l.lanname::text, pg_get_functiondef(p.oid),
	` + commentCol + `,
	` + grants("COALESCE(p.proacl, acldefault('f', p.proowner))", "p.proowner") + `
FROM pg_proc p
JOIN ns n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
` + comment("pg_proc", "p.oid", "0") + `
WHERE p.prokind IN ('f', 'p', 'w') AND ` + notExtensionMember("pg_proc", "p.oid") + `
  AND NOT EXISTS (
	SELECT FROM pg_depend i
	WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid AND i.deptype = 'i')`,
		scan: func(rows pgx.Rows, st *state) error {
			var f schema.Function
			var acl []byte
			if err := rows.Scan(&f.Schema, &f.Name, &f.Kind, &f.Arguments, &f.Result,
				&f.Language, &f.Definition, &f.Comment, &acl); err != nil {
				return err
			}
			var err error
			if f.Grants, err = decodeGrants(acl); err != nil {
				return err
			}
			st.s.Functions = append(st.s.Functions, f)
			return nil
		},
	}
}
