package introspect

import (
	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/schema"
)

// viewsReader reads views and materialized views. The WITH CHECK OPTION of
// a view is its check_option reloption.
func viewsReader() reader {
	return reader{
		kind: "views",
		sql: `SELECT c.oid, c.nspname::text, c.relname::text, c.relkind = 'm',
	pg_get_viewdef(c.oid),
	ARRAY(SELECT a.attname::text FROM pg_attribute a
	      WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	      ORDER BY a.attnum),
	COALESCE(c.reloptions, '{}'),
	(SELECT json_object_agg(a.attname, cd.description)
	 FROM pg_attribute a
	 JOIN pg_description cd ON cd.classoid = 'pg_class'::regclass
	  AND cd.objoid = a.attrelid AND cd.objsubid = a.attnum
	 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
	` + commentCol + `, ` + grants("c.relacl", "c.relowner") + `
FROM rel c
` + comment("pg_class", "c.oid", "0") + `
WHERE c.relkind IN ('v', 'm')`,
		scan: func(rows pgx.Rows, st *state) error {
			var v schema.View
			var oid uint32
			var colComments, acl []byte
			if err := rows.Scan(&oid, &v.Schema, &v.Name, &v.Materialized, &v.Definition,
				&v.Columns, &v.Options, &colComments, &v.Comment, &acl); err != nil {
				return err
			}
			if len(v.Options) == 0 {
				v.Options = nil
			}
			var err error
			if v.ColumnComments, err = decodeJSON[map[string]string](colComments); err != nil {
				return err
			}
			if v.Grants, err = decodeGrants(acl); err != nil {
				return err
			}
			st.views[oid] = len(st.s.Views)
			st.s.Views = append(st.s.Views, v)
			return nil
		},
	}
}
