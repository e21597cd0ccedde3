package sqlparse

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// NeedsNoTransaction reports whether any statement of sql cannot run inside
// a transaction block, and why (the first such statement's kind, e.g.
// "CREATE INDEX CONCURRENTLY"). A revision holding one must say
// "transaction false" so the runner does not wrap it in BEGIN/COMMIT.
func NeedsNoTransaction(sql string) (need bool, reason string, err error) {
	stmts, err := NoTransactionStatements(sql)
	if err != nil || len(stmts) == 0 {
		return false, "", err
	}
	return true, stmts[0].NoTransaction, nil
}

// NoTransactionStatements returns the statements of sql that PostgreSQL
// refuses to run inside a transaction block, each with its reason in
// NoTransaction.
func NoTransactionStatements(sql string) ([]Statement, error) {
	all, err := Split(sql)
	if err != nil {
		return nil, err
	}
	var out []Statement
	for _, s := range all {
		if s.NoTransaction != "" {
			out = append(out, s)
		}
	}
	return out, nil
}

// noTransactionReason classifies one parsed statement from its parse tree:
// the statement kinds for which PostgreSQL calls PreventInTransactionBlock.
// It returns "" for statements that can run in a transaction.
func noTransactionReason(n *pg_query.Node) string {
	switch {
	case n.GetIndexStmt() != nil:
		if n.GetIndexStmt().GetConcurrent() {
			return "CREATE INDEX CONCURRENTLY"
		}
	case n.GetDropStmt() != nil:
		d := n.GetDropStmt()
		if d.GetConcurrent() && d.GetRemoveType() == pg_query.ObjectType_OBJECT_INDEX {
			return "DROP INDEX CONCURRENTLY"
		}
	case n.GetReindexStmt() != nil:
		r := n.GetReindexStmt()
		if hasOption(r.GetParams(), "concurrently") {
			return "REINDEX CONCURRENTLY"
		}
		switch r.GetKind() {
		case pg_query.ReindexObjectType_REINDEX_OBJECT_SCHEMA:
			return "REINDEX SCHEMA"
		case pg_query.ReindexObjectType_REINDEX_OBJECT_DATABASE:
			return "REINDEX DATABASE"
		case pg_query.ReindexObjectType_REINDEX_OBJECT_SYSTEM:
			return "REINDEX SYSTEM"
		}
	case n.GetVacuumStmt() != nil:
		if n.GetVacuumStmt().GetIsVacuumcmd() {
			return "VACUUM"
		}
	case n.GetClusterStmt() != nil:
		if n.GetClusterStmt().GetRelation() == nil {
			return "CLUSTER without a table"
		}
	case n.GetCreatedbStmt() != nil:
		return "CREATE DATABASE"
	case n.GetDropdbStmt() != nil:
		return "DROP DATABASE"
	case n.GetAlterDatabaseStmt() != nil:
		if hasOption(n.GetAlterDatabaseStmt().GetOptions(), "tablespace") {
			return "ALTER DATABASE SET TABLESPACE"
		}
	case n.GetCreateTableSpaceStmt() != nil:
		return "CREATE TABLESPACE"
	case n.GetDropTableSpaceStmt() != nil:
		return "DROP TABLESPACE"
	case n.GetAlterSystemStmt() != nil:
		return "ALTER SYSTEM"
	case n.GetCreateSubscriptionStmt() != nil:
		// The replication slot is created unless create_slot or connect is
		// turned off.
		opts := n.GetCreateSubscriptionStmt().GetOptions()
		if !optionIsFalse(opts, "create_slot") && !optionIsFalse(opts, "connect") {
			return "CREATE SUBSCRIPTION with a replication slot"
		}
	case n.GetAlterSubscriptionStmt() != nil:
		a := n.GetAlterSubscriptionStmt()
		switch a.GetKind() {
		case pg_query.AlterSubscriptionType_ALTER_SUBSCRIPTION_REFRESH:
			return "ALTER SUBSCRIPTION REFRESH PUBLICATION"
		case pg_query.AlterSubscriptionType_ALTER_SUBSCRIPTION_SET_PUBLICATION,
			pg_query.AlterSubscriptionType_ALTER_SUBSCRIPTION_ADD_PUBLICATION,
			pg_query.AlterSubscriptionType_ALTER_SUBSCRIPTION_DROP_PUBLICATION:
			if !optionIsFalse(a.GetOptions(), "refresh") {
				return "ALTER SUBSCRIPTION ... PUBLICATION with refresh"
			}
		}
	case n.GetDropSubscriptionStmt() != nil:
		// Only a subscription without a slot may be dropped in a
		// transaction; which one this is is not in the SQL.
		return "DROP SUBSCRIPTION"
	case n.GetAlterTableStmt() != nil:
		for _, c := range n.GetAlterTableStmt().GetCmds() {
			cmd := c.GetAlterTableCmd()
			if cmd.GetSubtype() == pg_query.AlterTableType_AT_DetachPartition &&
				cmd.GetDef().GetPartitionCmd().GetConcurrent() {
				return "ALTER TABLE ... DETACH PARTITION CONCURRENTLY"
			}
		}
	case n.GetTransactionStmt() != nil:
		// BEGIN/COMMIT/ROLLBACK inside a revision would end the transaction
		// the runner opened around it.
		return "transaction control (" + strings.TrimPrefix(n.GetTransactionStmt().GetKind().String(), "TRANS_STMT_") + ")"
	}
	return ""
}

// hasOption reports whether a DefElem list holds name (any value but false).
func hasOption(opts []*pg_query.Node, name string) bool {
	for _, o := range opts {
		if d := o.GetDefElem(); d != nil && strings.EqualFold(d.GetDefname(), name) {
			return !defIsFalse(d)
		}
	}
	return false
}

// optionIsFalse reports whether a DefElem list sets name to a false value.
func optionIsFalse(opts []*pg_query.Node, name string) bool {
	for _, o := range opts {
		if d := o.GetDefElem(); d != nil && strings.EqualFold(d.GetDefname(), name) {
			return defIsFalse(d)
		}
	}
	return false
}

// defIsFalse reads a boolean option value the way PostgreSQL's defGetBoolean
// does: no value is true; false/off/0 are false.
func defIsFalse(d *pg_query.DefElem) bool {
	arg := d.GetArg()
	if arg == nil {
		return false
	}
	if b := arg.GetBoolean(); b != nil {
		return !b.GetBoolval()
	}
	if i := arg.GetInteger(); i != nil {
		return i.GetIval() == 0
	}
	var s string
	switch {
	case arg.GetString_() != nil:
		s = arg.GetString_().GetSval()
	case arg.GetTypeName() != nil:
		names := arg.GetTypeName().GetNames()
		if len(names) > 0 {
			s = names[len(names)-1].GetString_().GetSval()
		}
	case arg.GetAConst() != nil:
		c := arg.GetAConst()
		if c.GetBoolval() != nil {
			return !c.GetBoolval().GetBoolval()
		}
		if c.GetIval() != nil {
			return c.GetIval().GetIval() == 0
		}
		s = c.GetSval().GetSval()
	}
	switch strings.ToLower(s) {
	case "false", "off", "0", "no":
		return true
	}
	return false
}
