package lint

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/migrate-tool/migrate/internal/sqlparse"
)

// checkLockTimeout is missing-lock-timeout. A statement that needs an
// ACCESS EXCLUSIVE lock waits behind every transaction using the table, and
// every query arriving after it waits behind it: without lock_timeout a
// brief ALTER TABLE stalls all traffic on the table for as long as the
// longest transaction runs. The rule judges the section's first such
// statement on an existing table, once: suppressing it there covers the
// section.
func checkLockTimeout(l *linter, p *sqlparse.Parsed, emit emitFunc) {
	if l.opts.LockTimeout || l.lockTimeout || l.lockChecked {
		return
	}
	what, rel := l.accessExclusive(p.Node)
	if what == "" {
		return
	}
	l.lockChecked = true
	on := rel.String()
	if what == "DROP INDEX" || what == "ALTER INDEX" {
		on = "the table of index " + on
	}
	emit(MissingLockTimeout, "%s takes an ACCESS EXCLUSIVE lock on %s and no lock_timeout bounds the wait: queued behind a long transaction, it blocks every query on the table", what, on)
}

// accessExclusive returns the statement kind and the existing relation it
// takes an ACCESS EXCLUSIVE lock on, or "" when it takes none (or only on
// objects created earlier in the section, which nothing else uses yet).
func (l *linter) accessExclusive(n *pg_query.Node) (what string, rel relName) {
	existing := func(r relName) bool { return !l.newTable(r) }
	switch {
	case n.GetAlterTableStmt() != nil:
		a := n.GetAlterTableStmt()
		rel = rangeVarName(a.GetRelation())
		if a.GetObjtype() == pg_query.ObjectType_OBJECT_INDEX {
			if !l.indexes.has(rel) {
				return "ALTER INDEX", rel
			}
			return "", rel
		}
		if existing(rel) && alterNeedsAccessExclusive(a) {
			return "ALTER TABLE", rel
		}
	case n.GetDropStmt() != nil:
		return l.dropLock(n.GetDropStmt())
	case n.GetTruncateStmt() != nil:
		for _, r := range n.GetTruncateStmt().GetRelations() {
			if rel = rangeVarName(r.GetRangeVar()); existing(rel) {
				return "TRUNCATE", rel
			}
		}
	case n.GetRenameStmt() != nil:
		r := n.GetRenameStmt()
		if r.GetRelation() != nil {
			if rel = rangeVarName(r.GetRelation()); existing(rel) && !l.indexes.has(rel) {
				return "RENAME", rel
			}
		}
	case n.GetAlterObjectSchemaStmt() != nil:
		a := n.GetAlterObjectSchemaStmt()
		if a.GetRelation() != nil {
			if rel = rangeVarName(a.GetRelation()); existing(rel) {
				return "SET SCHEMA", rel
			}
		}
	case n.GetLockStmt() != nil:
		// Mode 8 is AccessExclusiveLock, LOCK TABLE's default.
		if s := n.GetLockStmt(); s.GetMode() == 8 {
			for _, r := range s.GetRelations() {
				if rel = rangeVarName(r.GetRangeVar()); existing(rel) {
					return "LOCK TABLE", rel
				}
			}
		}
	case n.GetVacuumStmt() != nil:
		v := n.GetVacuumStmt()
		if hasDefElem(v.GetOptions(), "full") {
			for _, r := range v.GetRels() {
				if rel = rangeVarName(r.GetVacuumRelation().GetRelation()); existing(rel) {
					return "VACUUM FULL", rel
				}
			}
		}
	case n.GetClusterStmt() != nil:
		if r := n.GetClusterStmt().GetRelation(); r != nil && existing(rangeVarName(r)) {
			return "CLUSTER", rangeVarName(r)
		}
	case n.GetRefreshMatViewStmt() != nil:
		r := n.GetRefreshMatViewStmt()
		if rel = rangeVarName(r.GetRelation()); !r.GetConcurrent() && existing(rel) {
			return "REFRESH MATERIALIZED VIEW", rel
		}
	}
	return "", rel
}

// dropLock judges DROP TABLE, DROP INDEX (without CONCURRENTLY: it locks
// the index's table) and DROP TRIGGER (which locks its table).
func (l *linter) dropLock(d *pg_query.DropStmt) (string, relName) {
	for _, o := range d.GetObjects() {
		switch d.GetRemoveType() {
		case pg_query.ObjectType_OBJECT_TABLE:
			if rel := listName(o); !l.newTable(rel) {
				return "DROP TABLE", rel
			}
		case pg_query.ObjectType_OBJECT_MATVIEW:
			if rel := listName(o); !l.newTable(rel) {
				return "DROP MATERIALIZED VIEW", rel
			}
		case pg_query.ObjectType_OBJECT_INDEX:
			if rel := listName(o); !d.GetConcurrent() && !l.indexes.has(rel) {
				return "DROP INDEX", rel
			}
		case pg_query.ObjectType_OBJECT_TRIGGER:
			// The name list is [schema,] table, trigger.
			items := o.GetList().GetItems()
			if len(items) < 2 {
				continue
			}
			table := &pg_query.Node{Node: &pg_query.Node_List{List: &pg_query.List{Items: items[:len(items)-1]}}}
			if rel := listName(table); !l.newTable(rel) {
				return "DROP TRIGGER", rel
			}
		}
	}
	return "", relName{}
}

// alterNeedsAccessExclusive reports whether any subcommand of an ALTER
// TABLE takes ACCESS EXCLUSIVE. The exceptions follow PostgreSQL's
// AlterTableGetLockLevel: statistics, storage options, clustering,
// constraint validation, partition attachment, trigger switches and
// foreign keys (SHARE ROW EXCLUSIVE) take weaker locks.
func alterNeedsAccessExclusive(a *pg_query.AlterTableStmt) bool {
	for _, c := range a.GetCmds() {
		cmd := c.GetAlterTableCmd()
		switch cmd.GetSubtype() {
		case pg_query.AlterTableType_AT_SetStatistics,
			pg_query.AlterTableType_AT_ClusterOn, pg_query.AlterTableType_AT_DropCluster,
			pg_query.AlterTableType_AT_SetRelOptions, pg_query.AlterTableType_AT_ResetRelOptions,
			pg_query.AlterTableType_AT_SetOptions, pg_query.AlterTableType_AT_ResetOptions,
			pg_query.AlterTableType_AT_ValidateConstraint, pg_query.AlterTableType_AT_AttachPartition,
			pg_query.AlterTableType_AT_EnableTrig, pg_query.AlterTableType_AT_DisableTrig,
			pg_query.AlterTableType_AT_EnableAlwaysTrig, pg_query.AlterTableType_AT_EnableReplicaTrig,
			pg_query.AlterTableType_AT_EnableTrigAll, pg_query.AlterTableType_AT_DisableTrigAll,
			pg_query.AlterTableType_AT_EnableTrigUser, pg_query.AlterTableType_AT_DisableTrigUser:
			continue
		case pg_query.AlterTableType_AT_DetachPartition:
			if cmd.GetDef().GetPartitionCmd().GetConcurrent() {
				continue
			}
		case pg_query.AlterTableType_AT_AddConstraint:
			if cmd.GetDef().GetConstraint().GetContype() == pg_query.ConstrType_CONSTR_FOREIGN {
				continue
			}
		}
		return true
	}
	return false
}

// hasDefElem reports whether an option list names opt (VACUUM (FULL)).
func hasDefElem(opts []*pg_query.Node, opt string) bool {
	for _, o := range opts {
		if o.GetDefElem().GetDefname() == opt {
			return true
		}
	}
	return false
}
