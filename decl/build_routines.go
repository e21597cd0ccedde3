package decl

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/schema"
)

func (b *builder) functions() {
	seen := map[string]bool{}
	for _, f := range b.c.functions {
		r, err := sqlparse.ParseRoutine(f.sql)
		if err != nil {
			b.errorf("function %s: %w", firstLine(f.sql), err)
			continue
		}
		q := schema.QName{Schema: f.nsp, Name: schema.TruncateIdentifier(r.Name)}
		if r.Schema != "" {
			q.Schema = r.Schema
		}
		fn, err := b.routine(q, r)
		if err != nil {
			b.errorf("function %s: %w", q, err)
			continue
		}
		if seen[fn.Signature()] {
			b.errorf("function %s declared twice", fn.Signature())
			continue
		}
		seen[fn.Signature()] = true
		if fn.Definition == "" {
			fn.Definition = strings.TrimRight(strings.TrimSpace(f.sql), "; \t\r\n")
		}
		fn.Comment = f.comment
		if fn.Grants, err = expandGrants("function", publicGrant("EXECUTE", f.revokePublic), f.grants); err != nil {
			b.errorf("function %s: %w", fn.Signature(), err)
		}
		b.funcSchemas[q.Name] = append(b.funcSchemas[q.Name], q.Schema)
		b.s.Functions = append(b.s.Functions, *fn)
	}
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " ..."
	}
	return strconv.Quote(s)
}

// routine builds the catalog form of a parsed CREATE FUNCTION: identity
// arguments, result and the definition as pg_get_functiondef prints it.
func (b *builder) routine(q schema.QName, r *sqlparse.Routine) (*schema.Function, error) {
	fn := &schema.Function{QName: q, Kind: "function", Language: r.Language}
	if r.Procedure {
		fn.Kind = "procedure"
	}
	var identity, full, table, outs []string
	for _, p := range r.Params {
		typ, err := b.argType(p.Type, q.Schema)
		if err != nil {
			return nil, fmt.Errorf("parameter %s: %w", p.Name, err)
		}
		named := typ
		if p.Name != "" {
			named = schema.QuoteIdent(p.Name) + " " + typ
		}
		if p.Mode == "TABLE" {
			table = append(table, named)
			continue
		}
		mode := ""
		switch p.Mode {
		case "IN":
			if r.Procedure {
				mode = "IN "
			}
		default:
			mode = p.Mode + " "
		}
		if p.Mode == "OUT" || p.Mode == "INOUT" {
			outs = append(outs, typ)
		}
		// pg_get_function_identity_arguments lists OUT parameters too,
		// though they do not tell overloads apart.
		arg := mode + named
		identity = append(identity, arg)
		if p.Default != "" {
			arg += " DEFAULT " + p.Default
		}
		full = append(full, arg)
	}
	fn.Arguments = strings.Join(identity, ", ")
	setof := false
	if !r.Procedure {
		switch {
		case len(table) > 0:
			fn.Result = "TABLE(" + strings.Join(table, ", ") + ")"
			setof = true
		case r.Returns == nil && len(outs) == 1:
			fn.Result = outs[0]
		case r.Returns == nil && len(outs) > 1:
			fn.Result = "record"
		case r.Returns == nil:
			return nil, fmt.Errorf("function result type must be specified")
		default:
			typ, err := b.argType(r.Returns, q.Schema)
			if err != nil {
				return nil, fmt.Errorf("result type: %w", err)
			}
			fn.Result = typ
			if r.Returns.Setof {
				fn.Result = "SETOF " + typ
				setof = true
			}
		}
	}
	if r.StandardBody {
		// Only PostgreSQL can print a SQL-standard body back (RETURN expr,
		// BEGIN ATOMIC ... END): the caller keeps the statement as written
		// and materialization settles the exact text.
		return fn, nil
	}
	def, err := functionDef(fn, r, full, setof)
	if err != nil {
		return nil, err
	}
	fn.Definition = def
	return fn, nil
}

// functionDef renders the routine as pg_get_functiondef does.
func functionDef(fn *schema.Function, r *sqlparse.Routine, args []string, setof bool) (string, error) {
	var sb strings.Builder
	kind := "FUNCTION"
	if r.Procedure {
		kind = "PROCEDURE"
	}
	sb.WriteString("CREATE OR REPLACE " + kind + " " + fn.QName.Qualified() + "(" + strings.Join(args, ", ") + ")\n")
	if !r.Procedure {
		sb.WriteString(" RETURNS " + fn.Result + "\n")
	}
	sb.WriteString(" LANGUAGE " + schema.QuoteIdent(r.Language) + "\n")
	var misc strings.Builder
	if r.Window {
		misc.WriteString(" WINDOW")
	}
	switch r.Volatility {
	case "immutable":
		misc.WriteString(" IMMUTABLE")
	case "stable":
		misc.WriteString(" STABLE")
	}
	switch r.Parallel {
	case "safe":
		misc.WriteString(" PARALLEL SAFE")
	case "restricted":
		misc.WriteString(" PARALLEL RESTRICTED")
	}
	if r.Strict {
		misc.WriteString(" STRICT")
	}
	if r.SecurityDefiner {
		misc.WriteString(" SECURITY DEFINER")
	}
	if r.Leakproof {
		misc.WriteString(" LEAKPROOF")
	}
	defCost := 100.0
	if r.Language == "internal" || r.Language == "c" {
		defCost = 1
	}
	if r.Cost != 0 && r.Cost != defCost {
		misc.WriteString(" COST " + strconv.FormatFloat(r.Cost, 'g', -1, 64))
	}
	if setof && r.Rows != 0 && r.Rows != 1000 {
		misc.WriteString(" ROWS " + strconv.FormatFloat(r.Rows, 'g', -1, 64))
	}
	if misc.Len() > 0 {
		sb.WriteString(misc.String() + "\n")
	}
	for _, s := range r.Set {
		if s.FromCurrent {
			return "", fmt.Errorf("SET %s FROM CURRENT is not supported in a declared function: give the value", s.Name)
		}
		sb.WriteString(" SET " + s.Name + " TO " + setValue(s) + "\n")
	}
	sb.WriteString("AS ")
	if r.Binary != "" {
		sb.WriteString(quoteLiteral(r.Binary) + ", ")
	}
	delim := "$" + strings.ToLower(kind)
	for strings.Contains(r.Source, delim) {
		delim += "x"
	}
	delim += "$"
	sb.WriteString(delim + r.Source + delim + "\n")
	return sb.String(), nil
}

// listSettings are the settings whose values are lists of names
// (GUC_LIST_QUOTE): pg_get_functiondef quotes each element.
var listSettings = []string{"search_path", "temp_tablespaces", "session_preload_libraries", "local_preload_libraries"}

func setValue(s sqlparse.SetClause) string {
	if slices.Contains(listSettings, s.Name) {
		q := make([]string, len(s.Values))
		for i, v := range s.Values {
			q[i] = quoteLiteral(v)
		}
		return strings.Join(q, ", ")
	}
	return quoteLiteral(strings.Join(s.Values, ", "))
}

// argType formats an argument or result type as format_type_be does:
// without modifiers, and "character" for bpchar.
func (b *builder) argType(tn *sqlparse.TypeName, ctx string) (string, error) {
	if tn == nil {
		return "", fmt.Errorf("missing type")
	}
	bare := *tn
	bare.Mods = nil
	bare.Setof = false
	last := bare.Names[len(bare.Names)-1]
	if last == "bpchar" && (len(bare.Names) == 1 || bare.Names[0] == "pg_catalog") {
		if bare.ArrayDims > 0 {
			return "character[]", nil
		}
		return "character", nil
	}
	return schema.FormatTypeName(&bare, b.qualifyType(ctx))
}

// triggers attaches the triggers declared at the top level to their
// tables or views.
func (b *builder) triggers() {
	for _, tr := range b.c.triggers {
		b.attachTrigger(tr, nil)
	}
	for _, v := range b.c.views {
		for _, tr := range v.triggers {
			tr.nsp = v.q.Schema
			q := v.q
			b.attachTrigger(tr, &q)
		}
	}
}

// attachTrigger parses a trigger and adds it to the table or view it
// names; within, when set, is the relation it was declared inside.
func (b *builder) attachTrigger(tr *TriggerDecl, within *schema.QName) {
	ti, err := sqlparse.ParseTrigger(tr.sql)
	if err != nil {
		b.errorf("trigger %s: %w", firstLine(tr.sql), err)
		return
	}
	rel := schema.QName{Schema: tr.nsp, Name: ti.Table}
	if ti.Schema != "" {
		rel.Schema = ti.Schema
	}
	what := "trigger " + ti.Name + " on " + rel.String()
	if within != nil && *within != rel {
		b.errorf("%s: declared inside %s but names %s", what, within, rel)
		return
	}
	fq := schema.QName{Schema: ti.FuncSchema, Name: ti.FuncName}
	if fq.Schema == "" {
		fq.Schema = "public"
		if schemas := b.funcSchemas[fq.Name]; slices.Contains(schemas, rel.Schema) {
			fq.Schema = rel.Schema
		} else if len(schemas) == 1 {
			fq.Schema = schemas[0]
		}
	}
	t := schema.Trigger{
		Name: schema.TruncateIdentifier(ti.Name), Function: fq, Enabled: "O",
		Comment: tr.comment, Definition: triggerDef(ti, rel, fq),
	}
	if tr.enabled != "" {
		t.Enabled = tr.enabled
	}
	if ts := b.tables[rel]; ts != nil {
		for _, c := range ti.UpdateColumns {
			if ts.t.Column(c) == nil {
				b.errorf("%s: UPDATE OF column %s is not declared", what, c)
			}
		}
		if dupTrigger(ts.t.Triggers, t.Name) {
			b.errorf("%s declared twice", what)
			return
		}
		ts.t.Triggers = append(ts.t.Triggers, t)
		return
	}
	if v := b.views[rel]; v != nil {
		if dupTrigger(v.Triggers, t.Name) {
			b.errorf("%s declared twice", what)
			return
		}
		v.Triggers = append(v.Triggers, t)
		return
	}
	b.errorf("%s: table %s is not declared", what, rel)
}

func dupTrigger(ts []schema.Trigger, name string) bool {
	for _, t := range ts {
		if t.Name == name {
			return true
		}
	}
	return false
}

// triggerDef renders a trigger as pg_get_triggerdef does.
func triggerDef(ti *sqlparse.TriggerInfo, rel, fn schema.QName) string {
	var sb strings.Builder
	sb.WriteString("CREATE ")
	if ti.Constraint {
		sb.WriteString("CONSTRAINT ")
	}
	sb.WriteString("TRIGGER " + schema.QuoteIdent(ti.Name) + " " + ti.Timing)
	for i, e := range ti.Events {
		if i > 0 {
			sb.WriteString(" OR")
		}
		sb.WriteString(" " + e)
		if e == "UPDATE" && len(ti.UpdateColumns) > 0 {
			sb.WriteString(" OF " + quoteIdents(ti.UpdateColumns))
		}
	}
	sb.WriteString(" ON " + rel.Qualified() + " ")
	if ti.Constraint {
		if !ti.Deferrable {
			sb.WriteString("NOT ")
		}
		sb.WriteString("DEFERRABLE INITIALLY ")
		if ti.InitiallyDeferred {
			sb.WriteString("DEFERRED ")
		} else {
			sb.WriteString("IMMEDIATE ")
		}
	}
	if ti.OldTable != "" || ti.NewTable != "" {
		sb.WriteString("REFERENCING ")
		if ti.OldTable != "" {
			sb.WriteString("OLD TABLE AS " + schema.QuoteIdent(ti.OldTable) + " ")
		}
		if ti.NewTable != "" {
			sb.WriteString("NEW TABLE AS " + schema.QuoteIdent(ti.NewTable) + " ")
		}
	}
	if ti.ForEachRow {
		sb.WriteString("FOR EACH ROW ")
	} else {
		sb.WriteString("FOR EACH STATEMENT ")
	}
	if ti.When != "" {
		sb.WriteString("WHEN (" + parenthesize(ti.When) + ") ")
	}
	args := make([]string, len(ti.Args))
	for i, a := range ti.Args {
		args[i] = quoteLiteral(a)
	}
	sb.WriteString("EXECUTE FUNCTION " + fn.Qualified() + "(" + strings.Join(args, ", ") + ")")
	return sb.String()
}
