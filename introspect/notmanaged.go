package introspect

import (
	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/schema"
)

// notManagedReader lists what a database holds that the other readers
// do not read into the model, so that a comparison would silently ignore
// it (Options.NotManaged): objects of the selected schemas whose kind the
// model lacks (aggregates, casts, text search objects, rules, ... see
// docs/introspection.md), settings of read objects the model does not
// keep (per-column storage and statistics targets, replica identity,
// table access methods and tablespaces), objects that belong to no schema
// (casts, event triggers, publications, foreign data wrappers and
// servers, access methods, languages), and, as kind "schema", the schemas
// outside the selection that hold objects (public only when it holds any,
// since every database has it). Extension members, excluded schemas and
// the system schemas are never listed.
func notManagedReader() reader {
	return reader{
		kind: "objects outside the model",
		sql:  scope + notManagedSQL,
		scan: func(rows pgx.Rows, st *state) error {
			var n schema.NotManaged
			var objects int64
			if err := rows.Scan(&n.Kind, &n.Schema, &n.Name, &objects); err != nil {
				return err
			}
			n.Objects = int(objects)
			st.s.NotManaged = append(st.s.NotManaged, n)
			return nil
		},
	}
}

// firstUserOID is FirstNormalObjectId: objects below it come with the
// server.
const firstUserOID = "16384"

// namedInSchema is the branch of notManagedSQL listing the objects of a
// catalog of schema-qualified names (kind, schema, schema.name, 0), alias x,
// ending in a WHERE clause the caller may extend with AND.
func namedInSchema(kind, catalog, nameCol, nsCol string) string {
	return `SELECT '` + kind + `', n.nspname::text, format('%s.%s', quote_ident(n.nspname), quote_ident(x.` + nameCol + `)), 0
FROM ` + catalog + ` x JOIN ns n ON n.oid = x.` + nsCol + `
WHERE ` + notExtensionMember(catalog, "x.oid")
}

// global is the branch of notManagedSQL listing the objects of a catalog
// of names outside any schema (kind, an empty schema, name, 0), alias x,
// ending in a WHERE clause the caller may extend with AND.
func global(kind, catalog, nameCol string) string {
	return `SELECT '` + kind + `', '', quote_ident(x.` + nameCol + `), 0
FROM ` + catalog + ` x
WHERE ` + notExtensionMember(catalog, "x.oid")
}

// notManagedSQL follows the scope CTEs. Every branch returns kind, schema
// (empty for objects outside any schema), name as SQL writes it, and a count
// (0 but for schemas).
var notManagedSQL = `, outside AS (
	SELECT n.oid, n.nspname FROM pg_namespace n
	WHERE n.oid NOT IN (SELECT oid FROM ns)
	  AND n.nspname <> ALL ($2::text[])
	  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
	  AND n.nspname NOT LIKE 'pg\_temp\_%'
	  AND n.nspname NOT LIKE 'pg\_toast\_temp\_%'
	  AND ` + notExtensionMember("pg_namespace", "n.oid") + `
), counted AS (
	SELECT o.nspname,
	  (SELECT count(*) FROM pg_class c WHERE c.relnamespace = o.oid
	     AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c')
	     AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'i'))
	     AND NOT EXISTS (SELECT FROM unnest($3::text[], $4::text[]) AS skip (nsp, rel) WHERE skip.nsp = o.nspname AND skip.rel = c.relname))
	+ (SELECT count(*) FROM pg_type t WHERE t.typnamespace = o.oid
	     AND t.typtype IN ('e', 'd', 'r', 'b') AND t.typelem = 0
	     AND ` + notExtensionMember("pg_type", "t.oid") + `)
	+ (SELECT count(*) FROM pg_proc p WHERE p.pronamespace = o.oid AND ` + notExtensionMember("pg_proc", "p.oid") + `)
	+ (SELECT count(*) FROM pg_operator op WHERE op.oprnamespace = o.oid AND ` + notExtensionMember("pg_operator", "op.oid") + `)
	+ (SELECT count(*) FROM pg_collation k WHERE k.collnamespace = o.oid AND ` + notExtensionMember("pg_collation", "k.oid") + `)
	  AS objects
	FROM outside o
)
SELECT 'schema', '', nspname::text, objects FROM counted
WHERE objects > 0 OR nspname <> 'public'
UNION ALL
SELECT 'aggregate', n.nspname::text, p.oid::regprocedure::text, 0
FROM pg_proc p JOIN ns n ON n.oid = p.pronamespace
WHERE p.prokind = 'a' AND ` + notExtensionMember("pg_proc", "p.oid") + `
UNION ALL
SELECT 'operator class', n.nspname::text, format('%s.%s USING %s', quote_ident(n.nspname), quote_ident(c.opcname), quote_ident(am.amname)), 0
FROM pg_opclass c JOIN ns n ON n.oid = c.opcnamespace JOIN pg_am am ON am.oid = c.opcmethod
WHERE ` + notExtensionMember("pg_opclass", "c.oid") + `
UNION ALL
SELECT 'operator family', n.nspname::text, format('%s.%s USING %s', quote_ident(n.nspname), quote_ident(f.opfname), quote_ident(am.amname)), 0
FROM pg_opfamily f JOIN ns n ON n.oid = f.opfnamespace JOIN pg_am am ON am.oid = f.opfmethod
WHERE ` + notExtensionMember("pg_opfamily", "f.oid") + `
  AND NOT EXISTS (SELECT FROM pg_opclass c WHERE c.opcfamily = f.oid AND c.opcname = f.opfname)
UNION ALL
SELECT 'type', n.nspname::text, format_type(t.oid, NULL), 0
FROM pg_type t JOIN ns n ON n.oid = t.typnamespace
WHERE t.typtype IN ('b', 'r', 'p') AND t.typelem = 0 AND ` + notExtensionMember("pg_type", "t.oid") + `
UNION ALL
` + namedInSchema("text search configuration", "pg_ts_config", "cfgname", "cfgnamespace") + `
UNION ALL
` + namedInSchema("text search dictionary", "pg_ts_dict", "dictname", "dictnamespace") + `
UNION ALL
` + namedInSchema("text search parser", "pg_ts_parser", "prsname", "prsnamespace") + `
UNION ALL
` + namedInSchema("text search template", "pg_ts_template", "tmplname", "tmplnamespace") + `
UNION ALL
` + namedInSchema("conversion", "pg_conversion", "conname", "connamespace") + ` AND x.oid >= ` + firstUserOID + `
UNION ALL
` + namedInSchema("statistics", "pg_statistic_ext", "stxname", "stxnamespace") + `
UNION ALL
SELECT 'foreign table', n.nspname::text, c.oid::regclass::text, 0
FROM pg_class c JOIN ns n ON n.oid = c.relnamespace
WHERE c.relkind = 'f' AND ` + notExtensionMember("pg_class", "c.oid") + `
UNION ALL
SELECT 'rule', r.nspname::text, format('%s ON %s', quote_ident(w.rulename), r.oid::regclass), 0
FROM pg_rewrite w JOIN rel r ON r.oid = w.ev_class
WHERE w.rulename <> '_RETURN'
UNION ALL
SELECT 'column storage', r.nspname::text, format('%s.%s', r.oid::regclass, quote_ident(a.attname)), 0
FROM pg_attribute a JOIN rel r ON r.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid
WHERE r.relkind IN ('r', 'p', 'm') AND a.attnum > 0 AND NOT a.attisdropped AND a.attstorage <> t.typstorage
UNION ALL
SELECT 'column statistics target', r.nspname::text, format('%s.%s', r.oid::regclass, quote_ident(a.attname)), 0
FROM pg_attribute a JOIN rel r ON r.oid = a.attrelid
WHERE r.relkind IN ('r', 'p', 'm') AND a.attnum > 0 AND NOT a.attisdropped AND COALESCE(a.attstattarget::int, -1) >= 0
UNION ALL
SELECT 'replica identity', c.nspname::text, c.oid::regclass::text, 0
FROM rel c JOIN pg_class k ON k.oid = c.oid
WHERE c.relkind IN ('r', 'p') AND k.relreplident <> 'd'
UNION ALL
SELECT 'table access method', c.nspname::text, format('%s USING %s', c.oid::regclass, quote_ident(am.amname)), 0
FROM rel c JOIN pg_class k ON k.oid = c.oid JOIN pg_am am ON am.oid = k.relam
WHERE c.relkind IN ('r', 'm') AND am.amname <> 'heap'
UNION ALL
SELECT 'tablespace', c.nspname::text, format('%s IN %s', c.oid::regclass, quote_ident(s.spcname)), 0
FROM rel c JOIN pg_class k ON k.oid = c.oid JOIN pg_tablespace s ON s.oid = k.reltablespace
UNION ALL
SELECT 'comment on composite type attribute', n.nspname::text, format('%s.%s', c.oid::regclass, quote_ident(a.attname)), 0
FROM pg_class c JOIN ns n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid
JOIN pg_description d ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid AND d.objsubid = a.attnum
WHERE c.relkind = 'c' AND a.attnum > 0
UNION ALL
SELECT 'security label', '', format('%s (provider %s)', pg_describe_object(l.classoid, l.objoid, l.objsubid), quote_ident(l.provider)), 0
FROM pg_seclabel l
UNION ALL
SELECT 'default privileges', COALESCE(n.nspname::text, ''),
	format('for role %s%s on %s', quote_ident(pg_get_userbyid(a.defaclrole)),
		CASE WHEN n.nspname IS NULL THEN '' ELSE ' in schema ' || quote_ident(n.nspname) END,
		CASE a.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions'
			WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' ELSE a.defaclobjtype::text END), 0
FROM pg_default_acl a LEFT JOIN pg_namespace n ON n.oid = a.defaclnamespace
UNION ALL
SELECT 'cast', '', format('(%s AS %s)', format_type(c.castsource, NULL), format_type(c.casttarget, NULL)), 0
FROM pg_cast c
WHERE c.oid >= ` + firstUserOID + ` AND ` + notExtensionMember("pg_cast", "c.oid") + `
  AND NOT EXISTS (SELECT FROM pg_depend i WHERE i.classid = 'pg_cast'::regclass AND i.objid = c.oid AND i.deptype = 'i')
UNION ALL
` + global("event trigger", "pg_event_trigger", "evtname") + `
UNION ALL
SELECT 'publication', '', quote_ident(p.pubname), 0
FROM pg_publication p
UNION ALL
SELECT 'subscription', '', quote_ident(s.subname), 0
FROM pg_subscription s
WHERE s.subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())
UNION ALL
` + global("foreign data wrapper", "pg_foreign_data_wrapper", "fdwname") + `
UNION ALL
` + global("server", "pg_foreign_server", "srvname") + `
UNION ALL
` + global("access method", "pg_am", "amname") + ` AND x.oid >= ` + firstUserOID + `
UNION ALL
` + global("language", "pg_language", "lanname") + ` AND x.oid >= ` + firstUserOID + `
UNION ALL
SELECT 'transform', '', format('FOR %s LANGUAGE %s', format_type(t.trftype, NULL), quote_ident(l.lanname)), 0
FROM pg_transform t JOIN pg_language l ON l.oid = t.trflang
WHERE ` + notExtensionMember("pg_transform", "t.oid") + `
ORDER BY 1, 3`
