package introspect

import "github.com/jackc/pgx/v5"

// reader is one catalog query and the code that folds its rows into the
// Schema. Readers run in the order readers returns them, so a reader may
// rely on the relations read by an earlier one.
type reader struct {
	kind string // what it reads, for error messages
	sql  string
	scan func(rows pgx.Rows, st *state) error
}

// readers returns the catalog queries for a server of the given
// server_version_num. Every query starts with the same two CTEs and takes
// the same four parameters (see Options.args).
func readers(version int) []reader {
	rs := []reader{
		namespacesReader(),
		extensionsReader(),
		collationsReader(version),
		enumsReader(),
		domainsReader(),
		compositesReader(),
		tablesReader(),
		viewsReader(),
		// Below: objects that belong to a table or view read above.
		columnsReader(),
		sequencesReader(), // after columns: identity sequences go on them
		constraintsReader(),
		indexesReader(version),
		triggersReader(),
		policiesReader(),
		functionsReader(),
		castsReader(),
		operatorsReader(),
	}
	for i := range rs {
		rs[i].sql = scope + rs[i].sql
	}
	return rs
}

// scope selects what may be read: ns, the included namespaces, and rel,
// their relations minus the skipped tables and extension members.
// Unreferenced CTEs cost nothing; keeping them in every query keeps the
// parameter list the same everywhere.
const scope = `WITH ns AS (
	SELECT n.oid, n.nspname, n.nspowner, n.nspacl
	FROM pg_namespace n
	WHERE (n.nspname = ANY ($1::text[]) OR '*' = ANY ($1::text[]))
	  AND n.nspname <> ALL ($2::text[])
	  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
	  AND n.nspname NOT LIKE 'pg\_temp\_%'
	  AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
), rel AS (
	SELECT c.oid, n.nspname, c.relname, c.relkind, c.relowner, c.relacl,
	       c.relpersistence, c.reloptions, c.reltoastrelid, c.relispartition,
	       c.relpartbound, c.relrowsecurity, c.relforcerowsecurity
	FROM pg_class c
	JOIN ns n ON n.oid = c.relnamespace
	WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
	  AND NOT EXISTS (
		SELECT FROM unnest($3::text[], $4::text[]) AS skip (nsp, rel)
		WHERE skip.nsp = n.nspname AND skip.rel = c.relname)
	  AND NOT EXISTS (
		SELECT FROM pg_depend d
		WHERE d.classid = 'pg_class'::regclass
		  AND d.objid = c.oid AND d.deptype = 'e')
)
`

// notExtensionMember is a condition true when the object catalog.oid is
// not owned by an extension. catalog is a constant catalog name.
func notExtensionMember(catalog, oid string) string {
	return `NOT EXISTS (
		SELECT FROM pg_depend e
		WHERE e.classid = '` + catalog + `'::regclass
		  AND e.objid = ` + oid + ` AND e.deptype = 'e')`
}

// comment joins the comment of an object as alias d; select it with
// commentCol.
func comment(catalog, oid, subid string) string {
	return `LEFT JOIN pg_description d
	ON d.classoid = '` + catalog + `'::regclass
	AND d.objoid = ` + oid + ` AND d.objsubid = ` + subid + "\n"
}

const commentCol = `COALESCE(d.description, '')`

// grants expands an ACL to a JSON array of schema.Grant, leaving out what
// the owner holds. acl may be NULL (no rows): callers pass
// COALESCE(acl, acldefault(...)) where the defaults give PUBLIC something
// (functions, types), so that a REVOKE of a default shows as its absence.
// Grants by several grantors collapse to one, grantable if any is.
func grants(acl, owner string) string {
	return `(SELECT json_agg(json_build_object(
		'grantee', g.grantee, 'privilege', g.privilege, 'grantable', g.grantable)
		ORDER BY g.grantee, g.privilege)
	FROM (
		SELECT CASE ae.grantee WHEN 0 THEN 'PUBLIC' ELSE pg_get_userbyid(ae.grantee)::text END AS grantee,
		       ae.privilege_type AS privilege,
		       bool_or(ae.is_grantable) AS grantable
		FROM aclexplode(` + acl + `) AS ae
		WHERE ae.grantee <> ` + owner + `
		GROUP BY 1, 2
	) AS g)`
}

// collation renders a collation that differs from the type's default, as
// COLLATE would name it (pg_catalog names unqualified), else the empty
// string.
func collation(coll, typeColl string) string {
	return `CASE WHEN ` + coll + ` <> ` + typeColl + ` AND ` + coll + ` <> 0
		THEN ` + coll + `::regcollation::text ELSE '' END`
}
