package introspect

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/schema"
)

// indexesReader reads the indexes of tables and materialized views.
// Left out: indexes backing a PRIMARY KEY, UNIQUE or EXCLUDE constraint
// (they are the constraint). An index of a partition that is attached to
// an index of the parent (relispartition) names it in Parent, from
// pg_inherits, which is where PostgreSQL records index partitions.
//
// The Definition of an index on a partitioned table says ON, not the ON
// ONLY pg_get_indexdef prints for every such index: whether the partitions
// have attached indexes is told by their own Parent fields.
//
// Keys and Include are cut out of the definition (see indexElements).
func indexesReader(version int) reader {
	nullsNotDistinct := "false"
	if version >= 150000 {
		nullsNotDistinct = "i.indnullsnotdistinct"
	}
	return reader{
		kind: "indexes",
		sql: `SELECT i.indrelid, ic.relname::text,
	CASE WHEN c.relkind = 'p'
		THEN regexp_replace(pg_get_indexdef(i.indexrelid), ' ON ONLY ', ' ON ')
		ELSE pg_get_indexdef(i.indexrelid) END,
	i.indisunique, am.amname::text,
	i.indnkeyatts, i.indnatts,
	COALESCE(pg_get_expr(i.indpred, i.indrelid), ''),
	` + nullsNotDistinct + `,
	` + indexParent("ic") + `,
	` + commentCol + `
FROM rel c
JOIN pg_index i ON i.indrelid = c.oid
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_am am ON am.oid = ic.relam
` + comment("pg_class", "i.indexrelid", "0") + `
WHERE c.relkind IN ('r', 'p', 'm')
  AND NOT EXISTS (
	SELECT FROM pg_constraint k
	WHERE k.conrelid = i.indrelid AND k.conindid = i.indexrelid
	  AND k.contype IN ('p', 'u', 'x'))`,
		scan: func(rows pgx.Rows, st *state) error {
			var ix schema.Index
			var oid uint32
			var nkeys, natts int
			if err := rows.Scan(&oid, &ix.Name, &ix.Definition, &ix.Unique, &ix.Method,
				&nkeys, &natts, &ix.Predicate, &ix.NullsNotDistinct, &ix.Parent, &ix.Comment); err != nil {
				return err
			}
			var err error
			ix.Keys, ix.Include, err = indexElements(ix.Definition, ix.Method)
			if err == nil && (len(ix.Keys) != nkeys || len(ix.Keys)+len(ix.Include) != natts) {
				err = fmt.Errorf("found %d keys and %d INCLUDE columns, the catalog says %d and %d",
					len(ix.Keys), len(ix.Include), nkeys, natts-nkeys)
			}
			if err != nil {
				return fmt.Errorf("index %s: %w", ix.Name, err)
			}
			if t := st.table(oid); t != nil {
				t.Indexes = append(t.Indexes, ix)
				return nil
			}
			if v := st.view(oid); v != nil {
				v.Indexes = append(v.Indexes, ix)
				return nil
			}
			return errOrphan("index", ix.Name, oid)
		},
	}
}

// indexParent is the name of the index the index class row alias is a
// partition of, or the empty string: an index has at most one parent in
// pg_inherits, always on the parent table (in the same schema or not, the
// parent table tells).
func indexParent(alias string) string {
	return `CASE WHEN ` + alias + `.relispartition THEN COALESCE((
		SELECT pi.relname::text FROM pg_inherits ih
		JOIN pg_class pi ON pi.oid = ih.inhparent
		WHERE ih.inhrelid = ` + alias + `.oid), '') ELSE '' END`
}

// indexElements cuts the key elements and the INCLUDE columns out of an
// index definition: "USING method (key, key, ...) INCLUDE (col, ...)".
// Each key is spelled exactly as PostgreSQL prints it: the column or
// parenthesized expression, then COLLATE, the operator class and the order
// options where they are not the defaults. PostgreSQL alone knows which
// collations and operator classes are defaults, so its text is taken
// rather than recomputed, and cutting it here costs no per-key calls.
func indexElements(def, method string) (keys, include []string, err error) {
	open := " USING " + schema.QuoteIdent(method) + " ("
	at := indexUnquoted(def, open)
	if at < 0 {
		return nil, nil, fmt.Errorf("no %q in definition %q", strings.TrimSpace(open), def)
	}
	keys, rest, ok := splitList(def[at+len(open):])
	if !ok {
		return nil, nil, fmt.Errorf("unbalanced key list in definition %q", def)
	}
	if after, found := strings.CutPrefix(rest, " INCLUDE ("); found {
		if include, _, ok = splitList(after); !ok {
			return nil, nil, fmt.Errorf("unbalanced INCLUDE list in definition %q", def)
		}
	}
	return keys, include, nil
}

// splitList splits the comma-separated list s starts with, up to the
// parenthesis that closes it, and returns the items and what follows the
// parenthesis. Commas and parentheses inside nested parentheses, string
// literals and quoted identifiers do not count; ruleutils doubles quotes
// inside both, which toggling on each quote handles.
func splitList(s string) (items []string, rest string, ok bool) {
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case c == ')':
			return append(items, s[start:i]), s[i+1:], true
		case c == ',' && depth == 0:
			items = append(items, s[start:i])
			start = i + 1
			for start < len(s) && s[start] == ' ' {
				start++
			}
			i = start - 1
		}
	}
	return nil, "", false
}

// indexUnquoted is strings.Index ignoring matches inside quoted
// identifiers (an index or table name may contain anything).
func indexUnquoted(s, sub string) int {
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case strings.HasPrefix(s[i:], sub):
			return i
		}
	}
	return -1
}
