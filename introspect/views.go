package introspect

import (
	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/schema"
)

// viewsReader reads views and materialized views. The WITH CHECK OPTION of
// a view is its check_option reloption. What a view depends on comes from
// pg_depend: its rewrite rule depends on each relation it reads and on each
// column it uses (refobjsubid), which is what decides whether PostgreSQL
// lets a column be dropped or retyped under it.
func viewsReader() reader {
	return reader{
		kind: "views",
		sql: `SELECT c.oid, c.nspname::text, c.relname::text, c.relkind = 'm',
	pg_get_viewdef(c.oid),
	ARRAY(SELECT a.attname::text FROM pg_attribute a
	      WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	      ORDER BY a.attnum),
	COALESCE(c.reloptions, '{}'),
	(SELECT json_agg(json_build_object('relation', json_build_object('schema', x.nspname, 'name', x.relname), 'column', x.attname))
	 FROM (SELECT DISTINCT dn.nspname::text, dc.relname::text, COALESCE(da.attname::text, '') AS attname
	       FROM pg_rewrite rw
	       JOIN pg_depend dp ON dp.classid = 'pg_rewrite'::regclass AND dp.objid = rw.oid
	        AND dp.refclassid = 'pg_class'::regclass AND dp.refobjid <> c.oid
	       JOIN pg_class dc ON dc.oid = dp.refobjid
	       JOIN pg_namespace dn ON dn.oid = dc.relnamespace
	       LEFT JOIN pg_attribute da ON da.attrelid = dp.refobjid AND da.attnum = dp.refobjsubid AND dp.refobjsubid > 0
	       WHERE rw.ev_class = c.oid) AS x),
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
			var deps, colComments, acl []byte
			if err := rows.Scan(&oid, &v.Schema, &v.Name, &v.Materialized, &v.Definition,
				&v.Columns, &v.Options, &deps, &colComments, &v.Comment, &acl); err != nil {
				return err
			}
			if len(v.Options) == 0 {
				v.Options = nil
			}
			var err error
			if v.DependsOn, err = decodeJSON[[]schema.ColumnRef](deps); err != nil {
				return err
			}
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
