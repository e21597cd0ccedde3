package introspect

import (
	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/schema"
)

// operatorsReader reads user-defined operators. Shell operators (named as
// the commutator or negator of another but never defined: no function)
// are left out: they come back with the operator that names them.
// Operand and result types go through format_type, functions through
// regproc and the commutator and negator through regoper, all of which
// qualify names outside pg_catalog under the empty search_path.
func operatorsReader() reader {
	return reader{
		kind: "operators",
		sql: `SELECT n.nspname::text, o.oprname::text,
	CASE WHEN o.oprleft = 0 THEN '' ELSE format_type(o.oprleft, NULL) END,
	format_type(o.oprright, NULL), format_type(o.oprresult, NULL),
	o.oprcode::regproc::text,
	CASE WHEN o.oprcom = 0 THEN '' ELSE o.oprcom::regoper::text END,
	CASE WHEN o.oprnegate = 0 THEN '' ELSE o.oprnegate::regoper::text END,
	CASE WHEN o.oprrest = 0 THEN '' ELSE o.oprrest::regproc::text END,
	CASE WHEN o.oprjoin = 0 THEN '' ELSE o.oprjoin::regproc::text END,
	o.oprcanhash, o.oprcanmerge, ` + commentCol + `
FROM pg_operator o
JOIN ns n ON n.oid = o.oprnamespace
` + comment("pg_operator", "o.oid", "0") + `
WHERE o.oprcode <> 0 AND ` + notExtensionMember("pg_operator", "o.oid"),
		scan: func(rows pgx.Rows, st *state) error {
			var o schema.Operator
			if err := rows.Scan(&o.Schema, &o.Name, &o.Left, &o.Right, &o.Result, &o.Function,
				&o.Commutator, &o.Negator, &o.Restrict, &o.Join, &o.Hashes, &o.Merges, &o.Comment); err != nil {
				return err
			}
			st.s.Operators = append(st.s.Operators, o)
			return nil
		},
	}
}
