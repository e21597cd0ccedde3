package introspect

import (
	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/schema"
)

// typeGrants are a type's privileges; PUBLIC holds USAGE by default.
func typeGrants() string {
	return grants("COALESCE(t.typacl, acldefault('T', t.typowner))", "t.typowner")
}

// enumsReader reads enum types with their labels in sort order.
func enumsReader() reader {
	return reader{
		kind: "enums",
		sql: `SELECT n.nspname::text, t.typname::text,
	ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder),
	` + commentCol + `, ` + typeGrants() + `
FROM pg_type t
JOIN ns n ON n.oid = t.typnamespace
` + comment("pg_type", "t.oid", "0") + `
WHERE t.typtype = 'e' AND ` + notExtensionMember("pg_type", "t.oid"),
		scan: func(rows pgx.Rows, st *state) error {
			var e schema.Enum
			var acl []byte
			if err := rows.Scan(&e.Schema, &e.Name, &e.Values, &e.Comment, &acl); err != nil {
				return err
			}
			var err error
			if e.Grants, err = decodeGrants(acl); err != nil {
				return err
			}
			st.s.Enums = append(st.s.Enums, e)
			return nil
		},
	}
}

// domainsReader reads domains with their CHECK constraints (NOT NULL is
// typnotnull; from PostgreSQL 17 it also has a pg_constraint row, which is
// not a check).
func domainsReader() reader {
	return reader{
		kind: "domains",
		sql: `SELECT n.nspname::text, t.typname::text, format_type(t.typbasetype, t.typtypmod),
	` + collation("t.typcollation", "b.typcollation") + `,
	t.typnotnull, COALESCE(pg_get_expr(t.typdefaultbin, 0), ''),
	(SELECT json_agg(json_build_object(
		'name', k.conname, 'definition', pg_get_constraintdef(k.oid),
		'not_valid', NOT k.convalidated, 'comment', COALESCE(kd.description, ''))
		ORDER BY k.conname)
	 FROM pg_constraint k
	 LEFT JOIN pg_description kd ON kd.classoid = 'pg_constraint'::regclass
	  AND kd.objoid = k.oid AND kd.objsubid = 0
	 WHERE k.contypid = t.oid AND k.contype = 'c'),
	` + commentCol + `, ` + typeGrants() + `
FROM pg_type t
JOIN ns n ON n.oid = t.typnamespace
JOIN pg_type b ON b.oid = t.typbasetype
` + comment("pg_type", "t.oid", "0") + `
WHERE t.typtype = 'd' AND ` + notExtensionMember("pg_type", "t.oid"),
		scan: func(rows pgx.Rows, st *state) error {
			var d schema.Domain
			var checks, acl []byte
			if err := rows.Scan(&d.Schema, &d.Name, &d.Type, &d.Collation, &d.NotNull, &d.Default,
				&checks, &d.Comment, &acl); err != nil {
				return err
			}
			var err error
			if d.Checks, err = decodeJSON[[]schema.DomainCheck](checks); err != nil {
				return err
			}
			if d.Grants, err = decodeGrants(acl); err != nil {
				return err
			}
			st.s.Domains = append(st.s.Domains, d)
			return nil
		},
	}
}

// compositesReader reads standalone composite types (CREATE TYPE ... AS),
// not the row types every table has.
func compositesReader() reader {
	return reader{
		kind: "composite types",
		sql: `SELECT n.nspname::text, t.typname::text,
	(SELECT json_agg(json_build_object(
		'name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
		'collation', ` + collation("a.attcollation", "ty.typcollation") + `)
		ORDER BY a.attnum)
	 FROM pg_attribute a
	 JOIN pg_type ty ON ty.oid = a.atttypid
	 WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped),
	` + commentCol + `, ` + typeGrants() + `
FROM pg_type t
JOIN ns n ON n.oid = t.typnamespace
JOIN pg_class c ON c.oid = t.typrelid
` + comment("pg_type", "t.oid", "0") + `
WHERE t.typtype = 'c' AND c.relkind = 'c' AND ` + notExtensionMember("pg_type", "t.oid"),
		scan: func(rows pgx.Rows, st *state) error {
			var c schema.CompositeType
			var attrs, acl []byte
			if err := rows.Scan(&c.Schema, &c.Name, &attrs, &c.Comment, &acl); err != nil {
				return err
			}
			var err error
			if c.Attributes, err = decodeJSON[[]schema.Attribute](attrs); err != nil {
				return err
			}
			if c.Grants, err = decodeGrants(acl); err != nil {
				return err
			}
			st.s.Composites = append(st.s.Composites, c)
			return nil
		},
	}
}
