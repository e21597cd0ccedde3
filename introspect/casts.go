package introspect

import (
	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/schema"
)

// castsReader reads the server's cast catalog (schema.CastCatalog): every
// pg_cast entry between two different types (the others are length
// coercions, which every type with modifiers has), and the base types of
// the string category. Both are read whole, extension casts included:
// they are facts about conversions, not objects to compare, and a few
// hundred short rows.
func castsReader() reader {
	return reader{
		kind: "casts",
		sql: `SELECT format_type(k.castsource, NULL), format_type(k.casttarget, NULL),
	CASE k.castcontext WHEN 'i' THEN 'implicit' WHEN 'a' THEN 'assignment' ELSE 'explicit' END
FROM pg_cast k
WHERE k.castsource <> k.casttarget
UNION ALL
SELECT format_type(t.oid, NULL), '', 'string'
FROM pg_type t
WHERE t.typcategory = 'S' AND t.typtype = 'b'`,
		scan: func(rows pgx.Rows, st *state) error {
			var source, target, context string
			if err := rows.Scan(&source, &target, &context); err != nil {
				return err
			}
			if st.s.Casts == nil {
				st.s.Casts = &schema.CastCatalog{}
			}
			c := st.s.Casts
			if context == "string" {
				c.StringTypes = append(c.StringTypes, source)
				return nil
			}
			c.Casts = append(c.Casts, schema.Cast{Source: source, Target: target, Context: schema.CastContext(context)})
			return nil
		},
	}
}
