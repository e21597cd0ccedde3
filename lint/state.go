package lint

import (
	"slices"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// state is what the statements of a section did so far, as far as the
// rules care: objects created here are new (nothing uses them yet, they
// hold no rows), and a lock_timeout may have been set.
type state struct {
	created
	// indexes are the indexes created in this section.
	indexes relSet
	// notNullChecks maps a CHECK (col IS NOT NULL) constraint added in this
	// section to its column.
	notNullChecks map[string]colName
	// provenNotNull are the columns a validated CHECK (col IS NOT NULL)
	// covers, so SET NOT NULL skips its scan.
	provenNotNull colSet
	// validatedElsewhere are tables on which a constraint added in another
	// revision was validated: it may be the CHECK that proves a column not
	// null, which this section cannot see.
	validatedElsewhere relSet
	// functions maps functions created in this section to whether they are
	// volatile.
	functions map[string]bool
	// lockTimeout is set by SET lock_timeout to a non-zero value.
	lockTimeout bool
	// lockChecked is set once missing-lock-timeout has judged the
	// section's first ACCESS EXCLUSIVE statement.
	lockChecked bool
}

// created is what a section created or renamed: new objects, and for a
// downgrade, the upgrade's objects that undoing it may drop or rename back.
type created struct {
	tables  relSet
	columns colSet
	schemas []string
	// tableRenames and columnRenames are the renames done, in order.
	tableRenames  []tableRename
	columnRenames []columnRename
}

type tableRename struct{ from, to relName }

type columnRename struct {
	rel      relName
	from, to string
}

func newState() state {
	return state{notNullChecks: map[string]colName{}, functions: map[string]bool{}}
}

// created returns what the section created, for the downgrade's linter.
func (l *linter) created() *created {
	c := l.state.created
	return &c
}

// newTable reports whether r was created earlier in this section.
func (s *state) newTable(r relName) bool { return s.tables.has(r) }

// newColumn reports whether c was added earlier in this section, or belongs
// to a table created in it.
func (s *state) newColumn(c colName) bool { return s.columns.has(c) || s.tables.has(c.Rel) }

// undoes reports whether a downgrade statement only takes back what the
// upgrade created: dropping a table, column or schema it added.
func (c *created) undoesTable(r relName) bool {
	return c != nil && c.tables.has(r)
}

func (c *created) undoesColumn(col colName) bool {
	return c != nil && (c.columns.has(col) || c.tables.has(col.Rel))
}

func (c *created) undoesSchema(name string) bool {
	return c != nil && slices.Contains(c.schemas, name)
}

// undoesTableRename reports whether renaming from to to reverses a rename
// of the upgrade.
func (c *created) undoesTableRename(from, to relName) bool {
	if c == nil {
		return false
	}
	for _, r := range c.tableRenames {
		if sameRel(r.to, from) && r.from.Name == to.Name {
			return true
		}
	}
	return false
}

func (c *created) undoesColumnRename(rel relName, from, to string) bool {
	if c == nil {
		return false
	}
	for _, r := range c.columnRenames {
		if sameRel(r.rel, rel) && r.to == from && r.from == to {
			return true
		}
	}
	return false
}

// record updates the state with what statement n does.
func (l *linter) record(n *pg_query.Node) {
	s := &l.state
	switch {
	case n.GetCreateStmt() != nil:
		s.tables.add(rangeVarName(n.GetCreateStmt().GetRelation()))
	case n.GetCreateTableAsStmt() != nil:
		s.tables.add(rangeVarName(n.GetCreateTableAsStmt().GetInto().GetRel()))
	case n.GetCreateSchemaStmt() != nil:
		s.schemas = append(s.schemas, n.GetCreateSchemaStmt().GetSchemaname())
	case n.GetIndexStmt() != nil:
		st := n.GetIndexStmt()
		s.indexes.add(relName{Schema: st.GetRelation().GetSchemaname(), Name: st.GetIdxname()})
	case n.GetAlterTableStmt() != nil:
		s.recordAlterTable(n.GetAlterTableStmt())
	case n.GetDropStmt() != nil && n.GetDropStmt().GetRemoveType() == pg_query.ObjectType_OBJECT_TABLE:
		for _, o := range n.GetDropStmt().GetObjects() {
			s.tables.remove(listName(o))
		}
	case n.GetRenameStmt() != nil:
		s.recordRename(n.GetRenameStmt())
	case n.GetAlterObjectSchemaStmt() != nil:
		a := n.GetAlterObjectSchemaStmt()
		if a.GetObjectType() == pg_query.ObjectType_OBJECT_TABLE {
			from := rangeVarName(a.GetRelation())
			to := relName{Schema: a.GetNewschema(), Name: from.Name}
			renameRel(&s.tables, from, to)
			s.tableRenames = append(s.tableRenames, tableRename{from: from, to: to})
		}
	case n.GetVariableSetStmt() != nil:
		s.recordSet(n.GetVariableSetStmt())
	case n.GetCreateFunctionStmt() != nil:
		f := n.GetCreateFunctionStmt()
		s.functions[funcName(f.GetFuncname())] = declaredVolatile(f.GetOptions())
	}
}

func (s *state) recordAlterTable(a *pg_query.AlterTableStmt) {
	if a.GetObjtype() != pg_query.ObjectType_OBJECT_TABLE {
		return
	}
	rel := rangeVarName(a.GetRelation())
	for _, c := range a.GetCmds() {
		cmd := c.GetAlterTableCmd()
		switch cmd.GetSubtype() {
		case pg_query.AlterTableType_AT_AddColumn:
			s.columns.add(colName{Rel: rel, Column: cmd.GetDef().GetColumnDef().GetColname()})
		case pg_query.AlterTableType_AT_AddConstraint:
			con := cmd.GetDef().GetConstraint()
			col, ok := notNullCheckColumn(con)
			if !ok {
				continue
			}
			if con.GetSkipValidation() {
				s.notNullChecks[con.GetConname()] = colName{Rel: rel, Column: col}
			} else {
				s.provenNotNull.add(colName{Rel: rel, Column: col})
			}
		case pg_query.AlterTableType_AT_ValidateConstraint:
			if col, ok := s.notNullChecks[cmd.GetName()]; ok && sameRel(col.Rel, rel) {
				s.provenNotNull.add(col)
			} else {
				s.validatedElsewhere.add(rel)
			}
		}
	}
}

func (s *state) recordRename(r *pg_query.RenameStmt) {
	rel := rangeVarName(r.GetRelation())
	switch r.GetRenameType() {
	case pg_query.ObjectType_OBJECT_TABLE:
		to := relName{Schema: rel.Schema, Name: r.GetNewname()}
		renameRel(&s.tables, rel, to)
		s.tableRenames = append(s.tableRenames, tableRename{from: rel, to: to})
	case pg_query.ObjectType_OBJECT_COLUMN:
		from := colName{Rel: rel, Column: r.GetSubname()}
		if s.columns.has(from) {
			s.columns.add(colName{Rel: rel, Column: r.GetNewname()})
		}
		s.columnRenames = append(s.columnRenames, columnRename{rel: rel, from: r.GetSubname(), to: r.GetNewname()})
	}
}

// recordSet follows SET lock_timeout: a non-zero value bounds lock waits
// for the rest of the section; 0, DEFAULT and RESET lift the bound (back to
// a configuration that, when linting, sets none).
func (s *state) recordSet(v *pg_query.VariableSetStmt) {
	if !strings.EqualFold(v.GetName(), "lock_timeout") {
		return
	}
	switch v.GetKind() {
	case pg_query.VariableSetKind_VAR_SET_VALUE:
		s.lockTimeout = !zeroSetting(v.GetArgs())
	case pg_query.VariableSetKind_VAR_SET_DEFAULT, pg_query.VariableSetKind_VAR_RESET, pg_query.VariableSetKind_VAR_RESET_ALL:
		s.lockTimeout = false
	}
}

// zeroSetting reports whether a SET value is 0 ('0', 0, '0ms', ...).
func zeroSetting(args []*pg_query.Node) bool {
	if len(args) != 1 {
		return false
	}
	c := args[0].GetAConst()
	switch {
	case c == nil:
		return false
	case c.GetIval() != nil:
		return c.GetIval().GetIval() == 0
	case c.GetSval() != nil:
		v := strings.TrimSpace(c.GetSval().GetSval())
		return strings.TrimLeft(strings.TrimRight(v, "abcdefghijklmnopqrstuvwxyz "), "0") == "" && v != ""
	case c.GetFval() != nil:
		return strings.Trim(c.GetFval().GetFval(), "0.") == ""
	}
	// An A_Const without a value is the integer 0.
	return !c.GetIsnull()
}

// notNullCheckColumn recognizes CHECK (col IS NOT NULL) and returns col.
func notNullCheckColumn(con *pg_query.Constraint) (string, bool) {
	if con.GetContype() != pg_query.ConstrType_CONSTR_CHECK {
		return "", false
	}
	nt := con.GetRawExpr().GetNullTest()
	if nt == nil || nt.GetNulltesttype() != pg_query.NullTestType_IS_NOT_NULL {
		return "", false
	}
	fields := nt.GetArg().GetColumnRef().GetFields()
	if len(fields) != 1 || fields[0].GetString_() == nil {
		return "", false
	}
	return fields[0].GetString_().GetSval(), true
}
