package introspect

import (
	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/schema"
)

// namespacesReader reads the included schemas themselves.
func namespacesReader() reader {
	return reader{
		kind: "schemas",
		sql: `SELECT n.nspname::text, ` + commentCol + `, ` + grants("n.nspacl", "n.nspowner") + `
FROM ns n
` + comment("pg_namespace", "n.oid", "0") + `
WHERE ` + notExtensionMember("pg_namespace", "n.oid"),
		scan: func(rows pgx.Rows, st *state) error {
			var ns schema.Namespace
			var acl []byte
			if err := rows.Scan(&ns.Name, &ns.Comment, &acl); err != nil {
				return err
			}
			var err error
			if ns.Grants, err = decodeGrants(acl); err != nil {
				return err
			}
			st.s.Namespaces = append(st.s.Namespaces, ns)
			return nil
		},
	}
}

// extensionsReader reads the extensions installed in an included schema
// (so plpgsql, which lives in pg_catalog, is not listed), with the versions
// the server's update scripts can take each one to from its installed
// version (pg_extension_update_paths reads the extension's directory; it
// costs nothing per table).
func extensionsReader() reader {
	return reader{
		kind: "extensions",
		sql: `SELECT x.extname::text, n.nspname::text, x.extversion,
	ARRAY(SELECT p.target FROM pg_extension_update_paths(x.extname) AS p
	      WHERE p.source = x.extversion AND p.path IS NOT NULL
	      ORDER BY p.target),
	` + commentCol + `
FROM pg_extension x
JOIN ns n ON n.oid = x.extnamespace
` + comment("pg_extension", "x.oid", "0"),
		scan: func(rows pgx.Rows, st *state) error {
			var x schema.Extension
			if err := rows.Scan(&x.Name, &x.Schema, &x.Version, &x.UpdatableTo, &x.Comment); err != nil {
				return err
			}
			if len(x.UpdatableTo) == 0 {
				x.UpdatableTo = nil
			}
			st.s.Extensions = append(st.s.Extensions, x)
			return nil
		},
	}
}
