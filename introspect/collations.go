package introspect

import (
	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/schema"
)

// collationsReader reads the collations made with CREATE COLLATION. Where
// the ICU locale lives depends on the server: colllocale from PostgreSQL
// 17, colliculocale in 15 and 16, collcollate before.
func collationsReader(version int) reader {
	icu := `CASE WHEN c.collprovider = 'i' THEN COALESCE(c.collcollate, '') ELSE '' END`
	switch {
	case version >= 170000:
		icu = `COALESCE(c.colllocale, '')`
	case version >= 150000:
		icu = `COALESCE(c.colliculocale, '')`
	}
	return reader{
		kind: "collations",
		sql: `SELECT n.nspname::text, c.collname::text,
	CASE c.collprovider WHEN 'i' THEN 'icu' WHEN 'c' THEN 'libc' ELSE 'default' END,
	CASE WHEN c.collprovider = 'i' THEN ` + icu + ` ELSE '' END,
	CASE WHEN c.collprovider = 'c' THEN COALESCE(c.collcollate, '') ELSE '' END,
	CASE WHEN c.collprovider = 'c' THEN COALESCE(c.collctype, '') ELSE '' END,
	NOT c.collisdeterministic, ` + commentCol + `
FROM pg_collation c
JOIN ns n ON n.oid = c.collnamespace
` + comment("pg_collation", "c.oid", "0") + `
WHERE ` + notExtensionMember("pg_collation", "c.oid"),
		scan: func(rows pgx.Rows, st *state) error {
			var c schema.Collation
			if err := rows.Scan(&c.Schema, &c.Name, &c.Provider, &c.Locale, &c.LcCollate, &c.LcCtype,
				&c.Nondeterministic, &c.Comment); err != nil {
				return err
			}
			st.s.Collations = append(st.s.Collations, c)
			return nil
		},
	}
}
