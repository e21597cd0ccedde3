package sqlparse

import (
	"fmt"
	"slices"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// DeclKind classifies one statement of a declaration (a schema script or
// the DDL rendered for Go metadata) for incremental materialization, which
// replays only the statements an edit touches and needs to know what each
// statement defines.
type DeclKind int

// The declaration statement kinds.
const (
	// DeclUnsupported statements make the whole declaration rebuilt: what
	// they do cannot be tied to named objects (DO, DROP, RENAME, ALTER
	// DEFAULT PRIVILEGES, data, ...).
	DeclUnsupported DeclKind = iota
	// DeclSetting statements change the session for the statements after
	// them (SET, SELECT set_config(...)); allowed before the first object.
	DeclSetting
	// DeclSkip statements are transaction control, which appliers skip.
	DeclSkip
	// DeclObject statements define or change the objects named in
	// Targets.
	DeclObject
	// DeclGlobal statements create what any statement may rely on without
	// naming it (CREATE SCHEMA, CREATE EXTENSION, and comments and grants
	// on them): always replayed.
	DeclGlobal
)

// DeclStatement is what one statement of a declaration does.
type DeclStatement struct {
	Kind DeclKind `json:"kind"`
	// What names the statement's node type when Kind is DeclUnsupported.
	What string `json:"what,omitempty"`
	// Targets are the unqualified names (as PostgreSQL folds them) of the
	// objects the statement creates or changes, with the objects they
	// belong to: CREATE INDEX i ON t targets i and t, COMMENT ON COLUMN
	// t.c targets t.
	Targets []string `json:"targets,omitempty"`
	// Mentions are the words the statement could refer to an object by:
	// every identifier and keyword, and the words inside string constants
	// and function bodies ('seq'::regclass), folded like identifiers. It
	// over-approximates what the statement depends on.
	Mentions []string `json:"mentions,omitempty"`
}

// AnalyzeDeclaration parses one statement and returns what it does.
func AnalyzeDeclaration(sql string) (DeclStatement, error) {
	tree, err := pg_query.Parse(sql)
	if err != nil {
		return DeclStatement{}, syntaxError(sql, 0, err)
	}
	if len(tree.GetStmts()) != 1 {
		return DeclStatement{}, fmt.Errorf("want one statement, have %d", len(tree.GetStmts()))
	}
	d := classifyDecl(tree.GetStmts()[0].GetStmt())
	if d.Kind != DeclUnsupported {
		if d.Mentions, err = Mentions(sql); err != nil {
			return DeclStatement{}, err
		}
	}
	return d, nil
}

// Mentions returns the words sql could refer to objects by (see
// DeclStatement.Mentions), sorted and each once.
func Mentions(sql string) ([]string, error) {
	res, err := pg_query.Scan(sql)
	if err != nil {
		return nil, syntaxError(sql, 0, err)
	}
	seen := map[string]bool{}
	add := func(w string) {
		if w != "" {
			seen[w] = true
		}
	}
	for _, tok := range res.GetTokens() {
		text := sql[tok.GetStart():tok.GetEnd()]
		switch {
		case tok.GetToken() == pg_query.Token_SCONST || tok.GetToken() == pg_query.Token_USCONST:
			for _, w := range words(text) {
				add(w)
				add(strings.ToLower(w))
			}
		case tok.GetToken() == pg_query.Token_IDENT || tok.GetToken() == pg_query.Token_UIDENT:
			if strings.HasPrefix(text, `"`) || strings.HasPrefix(text, `U&"`) || strings.HasPrefix(text, `u&"`) {
				add(strings.ReplaceAll(strings.Trim(strings.TrimPrefix(strings.TrimPrefix(text, "U&"), "u&"), `"`), `""`, `"`))
			} else {
				add(strings.ToLower(text))
			}
		case tok.GetKeywordKind() != pg_query.KeywordKind_NO_KEYWORD:
			add(strings.ToLower(text))
		}
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	slices.Sort(out)
	return out, nil
}

// words cuts a string constant's text into identifier-like words.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(r == '_' || r == '$' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80)
	})
}

// classifyDecl returns the kind and targets of one parsed statement.
func classifyDecl(n *pg_query.Node) DeclStatement {
	obj := func(targets ...string) DeclStatement {
		for _, t := range targets {
			if t == "" {
				return unsupported(n)
			}
		}
		return DeclStatement{Kind: DeclObject, Targets: targets}
	}
	switch {
	case n.GetTransactionStmt() != nil:
		return DeclStatement{Kind: DeclSkip}
	case n.GetVariableSetStmt() != nil:
		return DeclStatement{Kind: DeclSetting}
	case isSetConfig(n.GetSelectStmt()):
		return DeclStatement{Kind: DeclSetting}
	case n.GetCreateStmt() != nil:
		return obj(n.GetCreateStmt().GetRelation().GetRelname())
	case n.GetIndexStmt() != nil:
		s := n.GetIndexStmt()
		if s.GetIdxname() == "" {
			// PostgreSQL names it after the table.
			return obj(s.GetRelation().GetRelname())
		}
		return obj(s.GetRelation().GetRelname(), s.GetIdxname())
	case n.GetAlterTableStmt() != nil:
		return alterTable(n)
	case n.GetViewStmt() != nil:
		return obj(n.GetViewStmt().GetView().GetRelname())
	case n.GetCreateTableAsStmt() != nil:
		s := n.GetCreateTableAsStmt()
		if s.GetObjtype() != pg_query.ObjectType_OBJECT_MATVIEW {
			return unsupported(n)
		}
		return obj(s.GetInto().GetRel().GetRelname())
	case n.GetCreateSeqStmt() != nil:
		return obj(n.GetCreateSeqStmt().GetSequence().GetRelname())
	case n.GetAlterSeqStmt() != nil:
		return obj(n.GetAlterSeqStmt().GetSequence().GetRelname())
	case n.GetCreateEnumStmt() != nil:
		return obj(lastString(n.GetCreateEnumStmt().GetTypeName()))
	case n.GetAlterEnumStmt() != nil:
		return obj(lastString(n.GetAlterEnumStmt().GetTypeName()))
	case n.GetCompositeTypeStmt() != nil:
		return obj(n.GetCompositeTypeStmt().GetTypevar().GetRelname())
	case n.GetCreateDomainStmt() != nil:
		return obj(lastString(n.GetCreateDomainStmt().GetDomainname()))
	case n.GetAlterDomainStmt() != nil:
		return obj(lastString(n.GetAlterDomainStmt().GetTypeName()))
	case n.GetDefineStmt() != nil:
		s := n.GetDefineStmt()
		if s.GetKind() != pg_query.ObjectType_OBJECT_COLLATION {
			return unsupported(n)
		}
		return obj(lastString(s.GetDefnames()))
	case n.GetCreateFunctionStmt() != nil:
		return obj(lastString(n.GetCreateFunctionStmt().GetFuncname()))
	case n.GetAlterFunctionStmt() != nil:
		return obj(lastString(n.GetAlterFunctionStmt().GetFunc().GetObjname()))
	case n.GetCreateTrigStmt() != nil:
		s := n.GetCreateTrigStmt()
		if s.GetIsconstraint() {
			return unsupported(n)
		}
		return obj(s.GetRelation().GetRelname())
	case n.GetCreatePolicyStmt() != nil:
		return obj(n.GetCreatePolicyStmt().GetTable().GetRelname())
	case n.GetAlterPolicyStmt() != nil:
		return obj(n.GetAlterPolicyStmt().GetTable().GetRelname())
	case n.GetCreateSchemaStmt() != nil:
		s := n.GetCreateSchemaStmt()
		if len(s.GetSchemaElts()) > 0 || s.GetSchemaname() == "" {
			return unsupported(n)
		}
		return DeclStatement{Kind: DeclGlobal, Targets: []string{s.GetSchemaname()}}
	case n.GetCreateExtensionStmt() != nil:
		return DeclStatement{Kind: DeclGlobal, Targets: []string{n.GetCreateExtensionStmt().GetExtname()}}
	case n.GetCommentStmt() != nil:
		s := n.GetCommentStmt()
		return objectTarget(n, s.GetObjtype(), s.GetObject())
	case n.GetAlterOwnerStmt() != nil:
		s := n.GetAlterOwnerStmt()
		return objectTarget(n, s.GetObjectType(), s.GetObject())
	case n.GetGrantStmt() != nil:
		return grant(n)
	}
	return unsupported(n)
}

func unsupported(n *pg_query.Node) DeclStatement {
	what := fmt.Sprintf("%T", n.GetNode())
	what = strings.TrimPrefix(strings.TrimPrefix(what, "*pg_query.Node_"), "*pg_query.")
	return DeclStatement{Kind: DeclUnsupported, What: what}
}

// isSetConfig reports a SELECT of set_config(...) calls and nothing else,
// as pg_dump writes at the top of a dump.
func isSetConfig(s *pg_query.SelectStmt) bool {
	if s == nil || len(s.GetFromClause()) > 0 || len(s.GetTargetList()) == 0 || s.GetWhereClause() != nil {
		return false
	}
	for _, t := range s.GetTargetList() {
		fc := t.GetResTarget().GetVal().GetFuncCall()
		if fc == nil || lastString(fc.GetFuncname()) != "set_config" {
			return false
		}
	}
	return true
}

// alterTableSubcommands are the ALTER TABLE actions that change only the
// named relation (and, for partitions, the partition named).
var alterTableSubcommands = map[pg_query.AlterTableType]bool{
	pg_query.AlterTableType_AT_AddColumn: true, pg_query.AlterTableType_AT_ColumnDefault: true,
	pg_query.AlterTableType_AT_DropNotNull: true, pg_query.AlterTableType_AT_SetNotNull: true,
	pg_query.AlterTableType_AT_DropExpression: true, pg_query.AlterTableType_AT_SetStatistics: true,
	pg_query.AlterTableType_AT_SetOptions: true, pg_query.AlterTableType_AT_ResetOptions: true,
	pg_query.AlterTableType_AT_SetStorage: true, pg_query.AlterTableType_AT_SetCompression: true,
	pg_query.AlterTableType_AT_DropColumn: true, pg_query.AlterTableType_AT_AddConstraint: true,
	pg_query.AlterTableType_AT_AlterConstraint: true, pg_query.AlterTableType_AT_ValidateConstraint: true,
	pg_query.AlterTableType_AT_AddIndexConstraint: true, pg_query.AlterTableType_AT_DropConstraint: true,
	pg_query.AlterTableType_AT_AlterColumnType: true, pg_query.AlterTableType_AT_ChangeOwner: true,
	pg_query.AlterTableType_AT_ClusterOn: true, pg_query.AlterTableType_AT_DropCluster: true,
	pg_query.AlterTableType_AT_SetLogged: true, pg_query.AlterTableType_AT_SetUnLogged: true,
	pg_query.AlterTableType_AT_SetRelOptions: true, pg_query.AlterTableType_AT_ResetRelOptions: true,
	pg_query.AlterTableType_AT_ReplaceRelOptions: true,
	pg_query.AlterTableType_AT_EnableTrig:        true, pg_query.AlterTableType_AT_EnableAlwaysTrig: true,
	pg_query.AlterTableType_AT_EnableReplicaTrig: true, pg_query.AlterTableType_AT_DisableTrig: true,
	pg_query.AlterTableType_AT_AddInherit: true, pg_query.AlterTableType_AT_DropInherit: true,
	pg_query.AlterTableType_AT_ReplicaIdentity:   true,
	pg_query.AlterTableType_AT_EnableRowSecurity: true, pg_query.AlterTableType_AT_DisableRowSecurity: true,
	pg_query.AlterTableType_AT_ForceRowSecurity: true, pg_query.AlterTableType_AT_NoForceRowSecurity: true,
	pg_query.AlterTableType_AT_AttachPartition: true, pg_query.AlterTableType_AT_DetachPartition: true,
	pg_query.AlterTableType_AT_AddIdentity: true, pg_query.AlterTableType_AT_SetIdentity: true,
	pg_query.AlterTableType_AT_DropIdentity: true,
}

// alterTable targets the altered relation and, for ATTACH and DETACH
// PARTITION, the partition, whose own definition changes too.
func alterTable(n *pg_query.Node) DeclStatement {
	s := n.GetAlterTableStmt()
	switch s.GetObjtype() {
	case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_INDEX, pg_query.ObjectType_OBJECT_SEQUENCE,
		pg_query.ObjectType_OBJECT_VIEW, pg_query.ObjectType_OBJECT_MATVIEW, pg_query.ObjectType_OBJECT_TYPE:
	default:
		return unsupported(n)
	}
	rel := s.GetRelation().GetRelname()
	if rel == "" {
		return unsupported(n)
	}
	targets := []string{rel}
	for _, c := range s.GetCmds() {
		cmd := c.GetAlterTableCmd()
		if cmd == nil || !alterTableSubcommands[cmd.GetSubtype()] {
			return unsupported(n)
		}
		if p := cmd.GetDef().GetPartitionCmd(); p != nil {
			name := p.GetName().GetRelname()
			if name == "" {
				return unsupported(n)
			}
			targets = append(targets, name)
		}
	}
	return DeclStatement{Kind: DeclObject, Targets: targets}
}

// objectTarget is the target of COMMENT ON and ALTER ... OWNER TO: the
// object, or the relation a column, constraint, trigger or policy belongs
// to. Schemas and extensions are global.
func objectTarget(n *pg_query.Node, kind pg_query.ObjectType, o *pg_query.Node) DeclStatement {
	var name string
	switch kind {
	case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_VIEW, pg_query.ObjectType_OBJECT_MATVIEW,
		pg_query.ObjectType_OBJECT_SEQUENCE, pg_query.ObjectType_OBJECT_INDEX, pg_query.ObjectType_OBJECT_COLLATION:
		name = lastString(o.GetList().GetItems())
	case pg_query.ObjectType_OBJECT_COLUMN, pg_query.ObjectType_OBJECT_TABCONSTRAINT,
		pg_query.ObjectType_OBJECT_TRIGGER, pg_query.ObjectType_OBJECT_POLICY:
		items := o.GetList().GetItems()
		if len(items) >= 2 {
			name = items[len(items)-2].GetString_().GetSval()
		}
	case pg_query.ObjectType_OBJECT_TYPE, pg_query.ObjectType_OBJECT_DOMAIN:
		name = lastString(o.GetTypeName().GetNames())
	case pg_query.ObjectType_OBJECT_DOMCONSTRAINT:
		items := o.GetList().GetItems()
		if len(items) == 2 {
			name = lastString(items[0].GetTypeName().GetNames())
		}
	case pg_query.ObjectType_OBJECT_FUNCTION, pg_query.ObjectType_OBJECT_PROCEDURE, pg_query.ObjectType_OBJECT_ROUTINE:
		name = lastString(o.GetObjectWithArgs().GetObjname())
	case pg_query.ObjectType_OBJECT_SCHEMA, pg_query.ObjectType_OBJECT_EXTENSION:
		if s := o.GetString_().GetSval(); s != "" {
			return DeclStatement{Kind: DeclGlobal, Targets: []string{s}}
		}
	}
	if name == "" {
		return unsupported(n)
	}
	return DeclStatement{Kind: DeclObject, Targets: []string{name}}
}

// grant targets the objects of GRANT and REVOKE on named objects; grants
// on every object of a schema and role grants are unsupported.
func grant(n *pg_query.Node) DeclStatement {
	s := n.GetGrantStmt()
	if s.GetTargtype() != pg_query.GrantTargetType_ACL_TARGET_OBJECT {
		return unsupported(n)
	}
	var targets []string
	global := false
	for _, o := range s.GetObjects() {
		var name string
		switch s.GetObjtype() {
		case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_SEQUENCE:
			name = o.GetRangeVar().GetRelname()
		case pg_query.ObjectType_OBJECT_FUNCTION, pg_query.ObjectType_OBJECT_PROCEDURE, pg_query.ObjectType_OBJECT_ROUTINE:
			name = lastString(o.GetObjectWithArgs().GetObjname())
		case pg_query.ObjectType_OBJECT_TYPE, pg_query.ObjectType_OBJECT_DOMAIN:
			name = lastString(o.GetList().GetItems())
		case pg_query.ObjectType_OBJECT_SCHEMA:
			name, global = o.GetString_().GetSval(), true
		}
		if name == "" {
			return unsupported(n)
		}
		targets = append(targets, name)
	}
	if len(targets) == 0 {
		return unsupported(n)
	}
	if global {
		return DeclStatement{Kind: DeclGlobal, Targets: targets}
	}
	return DeclStatement{Kind: DeclObject, Targets: targets}
}

// lastString is the last element of a qualified name list.
func lastString(items []*pg_query.Node) string {
	if len(items) == 0 {
		return ""
	}
	return items[len(items)-1].GetString_().GetSval()
}

// EndsWithSemicolon reports whether the last token of sql, comments
// aside, is a semicolon: a piece of a script that ends a statement, so
// the text after it is read from the start of a statement.
func EndsWithSemicolon(sql string) bool {
	res, err := pg_query.Scan(sql)
	if err != nil {
		return false
	}
	toks := res.GetTokens()
	for i := len(toks) - 1; i >= 0; i-- {
		switch toks[i].GetToken() {
		case pg_query.Token_SQL_COMMENT, pg_query.Token_C_COMMENT:
			continue
		case pg_query.Token_ASCII_59:
			return true
		}
		return false
	}
	return false
}
