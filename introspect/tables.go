package introspect

import (
	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/schema"
)

// tablesReader reads ordinary and partitioned tables, partitions included.
// Parents (pg_inherits, in inhseqno order) are the partitioned table of a
// partition, else the classic inheritance parents. Options are the
// reloptions plus the TOAST table's, prefixed "toast." as in
// CREATE TABLE ... WITH (toast.autovacuum_enabled = false).
func tablesReader() reader {
	return reader{
		kind: "tables",
		sql: `SELECT c.oid, c.nspname::text, c.relname::text,
	c.relpersistence = 'u', c.relrowsecurity, c.relforcerowsecurity,
	CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) ELSE '' END,
	c.relispartition, COALESCE(pg_get_expr(c.relpartbound, c.oid), ''),
	ARRAY(SELECT pn.nspname::text FROM pg_inherits i
	      JOIN pg_class p ON p.oid = i.inhparent
	      JOIN pg_namespace pn ON pn.oid = p.relnamespace
	      WHERE i.inhrelid = c.oid ORDER BY i.inhseqno),
	ARRAY(SELECT p.relname::text FROM pg_inherits i
	      JOIN pg_class p ON p.oid = i.inhparent
	      WHERE i.inhrelid = c.oid ORDER BY i.inhseqno),
	COALESCE(c.reloptions, '{}') || ARRAY(
		SELECT 'toast.' || o FROM pg_class tc, unnest(tc.reloptions) AS o
		WHERE tc.oid = c.reltoastrelid),
	` + commentCol + `, ` + grants("c.relacl", "c.relowner") + `
FROM rel c
` + comment("pg_class", "c.oid", "0") + `
WHERE c.relkind IN ('r', 'p')`,
		scan: func(rows pgx.Rows, st *state) error {
			var t schema.Table
			var oid uint32
			var isPartition bool
			var parentSchemas, parentNames []string
			var acl []byte
			if err := rows.Scan(&oid, &t.Schema, &t.Name,
				&t.Unlogged, &t.RLSEnabled, &t.RLSForced,
				&t.PartitionKey, &isPartition, &t.PartitionBound,
				&parentSchemas, &parentNames, &t.Options, &t.Comment, &acl); err != nil {
				return err
			}
			parents := make([]schema.QName, len(parentNames))
			for i := range parentNames {
				parents[i] = schema.QName{Schema: parentSchemas[i], Name: parentNames[i]}
			}
			if isPartition && len(parents) == 1 {
				t.PartitionOf = &parents[0]
			} else if len(parents) > 0 {
				t.Inherits = parents
			}
			if len(t.Options) == 0 {
				t.Options = nil
			}
			var err error
			if t.Grants, err = decodeGrants(acl); err != nil {
				return err
			}
			st.tables[oid] = len(st.s.Tables)
			st.s.Tables = append(st.s.Tables, t)
			return nil
		},
	}
}

// columnsReader reads the columns of tables, in attnum order. A default is
// only a default when the column is not generated (both live in
// pg_attrdef). The options of an identity column's sequence are added by
// the sequences reader.
func columnsReader() reader {
	return reader{
		kind: "columns",
		sql: `SELECT a.attrelid, a.attnum, a.attname::text, format_type(a.atttypid, a.atttypmod),
	` + collation("a.attcollation", "t.typcollation") + `,
	a.attnotnull,
	CASE WHEN a.attgenerated = '' THEN COALESCE(pg_get_expr(ad.adbin, ad.adrelid), '') ELSE '' END,
	CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' ELSE '' END,
	CASE WHEN a.attgenerated = 's' THEN pg_get_expr(ad.adbin, ad.adrelid) ELSE '' END,
	c.relispartition OR NOT a.attislocal,
	` + commentCol + `,
	CASE WHEN a.attacl IS NULL THEN NULL ELSE ` + grants("a.attacl", "c.relowner") + ` END
FROM rel c
JOIN pg_attribute a ON a.attrelid = c.oid
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
` + comment("pg_class", "a.attrelid", "a.attnum") + `
WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`,
		scan: func(rows pgx.Rows, st *state) error {
			var c schema.Column
			var oid uint32
			var attnum int16
			var acl []byte
			if err := rows.Scan(&oid, &attnum, &c.Name, &c.Type, &c.Collation, &c.NotNull, &c.Default,
				&c.Identity, &c.Generated, &c.Inherited,
				&c.Comment, &acl); err != nil {
				return err
			}
			var err error
			if c.Grants, err = decodeGrants(acl); err != nil {
				return err
			}
			t := st.table(oid)
			if t == nil {
				return errOrphan("column", c.Name, oid)
			}
			t.Columns = append(t.Columns, c)
			st.attnums[oid] = append(st.attnums[oid], attnum)
			return nil
		},
	}
}
