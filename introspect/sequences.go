package introspect

import (
	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/schema"
)

// sequencesReader reads sequences. Standalone ones, serial ones included
// (with OwnedBy), are listed; an identity sequence (pg_depend 'i') becomes
// the IdentitySequence of its column, read before. A sequence owned by a
// skipped table is skipped with it.
func sequencesReader() reader {
	return reader{
		kind: "sequences",
		sql: `SELECT c.nspname::text, c.relname::text, format_type(s.seqtypid, NULL),
	s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
	c.relpersistence = 'u',
	COALESCE(o.deptype::text, ''), COALESCE(o.refobjid, 0), COALESCE(o.refobjsubid, 0),
	COALESCE(tn.nspname || '.' || tc.relname || '.' || ta.attname, ''),
	` + commentCol + `, ` + grants("c.relacl", "c.relowner") + `
FROM rel c
JOIN pg_sequence s ON s.seqrelid = c.oid
LEFT JOIN pg_depend o ON o.classid = 'pg_class'::regclass AND o.objid = c.oid
  AND o.refclassid = 'pg_class'::regclass AND o.refobjsubid > 0
  AND o.deptype IN ('a', 'i')
LEFT JOIN pg_class tc ON tc.oid = o.refobjid
LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
LEFT JOIN pg_attribute ta ON ta.attrelid = o.refobjid AND ta.attnum = o.refobjsubid
` + comment("pg_class", "c.oid", "0") + `
WHERE c.relkind = 'S'
  AND NOT EXISTS (
	SELECT FROM unnest($3::text[], $4::text[]) AS skip (nsp, rel)
	WHERE skip.nsp = tn.nspname AND skip.rel = tc.relname)`,
		scan: func(rows pgx.Rows, st *state) error {
			var q schema.Sequence
			var deptype string
			var owner uint32
			var attnum int16
			var acl []byte
			if err := rows.Scan(&q.Schema, &q.Name, &q.Type,
				&q.Start, &q.Increment, &q.Min, &q.Max, &q.Cache, &q.Cycle,
				&q.Unlogged, &deptype, &owner, &attnum, &q.OwnedBy, &q.Comment, &acl); err != nil {
				return err
			}
			if deptype == "i" {
				st.identity(owner, attnum, &schema.SequenceOptions{
					Type: q.Type, Start: q.Start, Increment: q.Increment,
					Min: q.Min, Max: q.Max, Cache: q.Cache, Cycle: q.Cycle,
				})
				return nil
			}
			var err error
			if q.Grants, err = decodeGrants(acl); err != nil {
				return err
			}
			st.s.Sequences = append(st.s.Sequences, q)
			return nil
		},
	}
}
