package introspect

import (
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/schema"
)

// constraintsReader reads table constraints a table declares itself, and
// a partition's copies of its parent's primary key, unique and exclusion
// constraints, whose index is attached to the parent's (IndexParent names
// it; so does a partition's own key whose index was attached to a plain
// unique index of the parent). Left out: the other constraints cloned from
// a partitioned parent (conparentid, for foreign keys, whose copies always
// carry the parent's name) and ones only inherited (NOT conislocal, for
// checks of partitions and of classic children): creating the child
// recreates them. The constrained columns are named from the columns read
// before (a lookup per row in SQL costs more than the rest of the query).
// A foreign key names the referenced unique index it depends on
// (conindid). NOT NULL is the column's (PostgreSQL 18 gives it
// pg_constraint rows too, contype 'n').
func constraintsReader() reader {
	return reader{
		kind: "constraints",
		sql: `SELECT k.conrelid, k.conname::text, k.contype::text, pg_get_constraintdef(k.oid),
	k.conkey,
	COALESCE(rn.nspname::text, ''), COALESCE(rc.relname::text, ''),
	CASE WHEN k.contype = 'f' THEN ARRAY(
		SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS u (attnum, ord)
		JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.attnum
		ORDER BY u.ord) END,
	k.condeferrable, k.condeferred, NOT k.convalidated,
	COALESCE(ic.relname::text, ''),
	CASE WHEN c.relispartition AND k.contype IN ('p', 'u', 'x') THEN ` + indexParent("kc") + ` ELSE '' END,
	` + commentCol + `
FROM rel c
JOIN pg_constraint k ON k.conrelid = c.oid
LEFT JOIN pg_class kc ON kc.oid = k.conindid
LEFT JOIN pg_class rc ON rc.oid = k.confrelid
LEFT JOIN pg_class ic ON ic.oid = k.conindid AND k.contype = 'f'
LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
` + comment("pg_constraint", "k.oid", "0") + `
WHERE c.relkind IN ('r', 'p')
  AND k.contype IN ('p', 'u', 'c', 'f', 'x')
  AND (k.conislocal AND k.conparentid = 0
       OR k.contype IN ('p', 'u', 'x') AND k.conparentid <> 0)`,
		scan: func(rows pgx.Rows, st *state) error {
			var k schema.Constraint
			var oid uint32
			var contype, refSchema, refName string
			var conkey []int16
			if err := rows.Scan(&oid, &k.Name, &contype, &k.Definition, &conkey,
				&refSchema, &refName, &k.RefColumns,
				&k.Deferrable, &k.InitiallyDeferred, &k.NotValid, &k.RefIndex, &k.IndexParent, &k.Comment); err != nil {
				return err
			}
			var err error
			if k.Type, err = constraintType(contype); err != nil {
				return err
			}
			if refName != "" {
				k.RefTable = &schema.QName{Schema: refSchema, Name: refName}
			}
			if k.Columns, err = st.columnNames(oid, conkey); err != nil {
				return fmt.Errorf("constraint %s: %w", k.Name, err)
			}
			if len(k.RefColumns) == 0 {
				k.RefColumns = nil
			}
			t := st.table(oid)
			if t == nil {
				return errOrphan("constraint", k.Name, oid)
			}
			t.Constraints = append(t.Constraints, k)
			return nil
		},
	}
}

func constraintType(contype string) (schema.ConstraintType, error) {
	switch contype {
	case "p":
		return schema.PrimaryKey, nil
	case "u":
		return schema.Unique, nil
	case "c":
		return schema.Check, nil
	case "f":
		return schema.ForeignKey, nil
	case "x":
		return schema.Exclusion, nil
	}
	return "", fmt.Errorf("unexpected constraint type %q", contype)
}
