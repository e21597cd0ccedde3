package autogen

import "github.com/migrate-tool/migrate/internal/sqlparse"

// Expressions compare as text first (the common case: both sides come from
// the catalog), then as normalized parse trees, so that a declared schema
// spelled differently from the catalog's output shows no false difference.
// See sqlparse.NormalizeExpr for exactly what is normalized.

func (d *differ) normOpts() sqlparse.NormalizeOptions {
	return sqlparse.NormalizeOptions{DefaultSchema: d.opts.defaultSchema()}
}

// exprEqual compares scalar expressions (defaults, generated columns,
// policy clauses).
func (d *differ) exprEqual(a, b string) bool {
	return a == b || sqlparse.EqualExpr(a, b, d.normOpts())
}

// constraintEqual compares constraint definitions.
func (d *differ) constraintEqual(a, b string) bool {
	return a == b || sqlparse.EqualConstraint(a, b, d.normOpts())
}

// stmtEqual compares whole statements (index and trigger definitions, view
// queries).
func (d *differ) stmtEqual(a, b string) bool {
	return a == b || sqlparse.EqualStatement(a, b, d.normOpts())
}

// partitionKeyEqual compares partition keys (pg_get_partkeydef).
func (d *differ) partitionKeyEqual(a, b string) bool {
	return a == b || (a != "" && b != "" &&
		sqlparse.EqualStatement(sqlparse.PartitionKeyPrefix+a, sqlparse.PartitionKeyPrefix+b, d.normOpts()))
}
