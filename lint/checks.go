package lint

import (
	"github.com/migrate-tool/migrate/internal/sqlparse"
)

// emitFunc reports that rule fires, with a message (without the safe
// alternative, which the linter appends).
type emitFunc func(rule, format string, args ...any)

// checks run on every statement, before the linter records what the
// statement does; each reads the parse tree and the section's state.
var checks = []func(*linter, *sqlparse.Parsed, emitFunc){
	checkNoTransaction,
	checkCreateIndex,
	checkAlterTable,
	checkDrop,
	checkRename,
	checkTypes,
	checkLockTimeout,
}

// checkNoTransaction is concurrent-in-transaction: PostgreSQL refuses the
// statement inside a transaction block, and the runner wraps a revision in
// one unless its header says transaction false.
func checkNoTransaction(l *linter, p *sqlparse.Parsed, emit emitFunc) {
	if l.transactional && p.NoTransaction != "" {
		emit(ConcurrentInTransaction, "%s cannot run inside a transaction block, and this revision runs in one", p.NoTransaction)
	}
}

// checkCreateIndex is require-concurrent-index: a plain CREATE INDEX holds a
// SHARE lock, blocking every write to the table, until the build is done.
// An index on a table created in the same section, or ON ONLY a
// partitioned parent (which builds nothing), is fine.
func checkCreateIndex(l *linter, p *sqlparse.Parsed, emit emitFunc) {
	st := p.Node.GetIndexStmt()
	if st == nil || st.GetConcurrent() || !st.GetRelation().GetInh() {
		return
	}
	rel := rangeVarName(st.GetRelation())
	if l.newTable(rel) {
		return
	}
	kind := "index"
	if st.GetUnique() {
		kind = "unique index"
	}
	name := st.GetIdxname()
	if name != "" {
		name += " "
	}
	emit(RequireConcurrentIndex, "building %s %son %s without CONCURRENTLY blocks writes to %s until the build finishes", kind, name, rel, rel)
}
