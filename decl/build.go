package decl

import (
	"fmt"
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// builder turns collected declarations into a canonical schema.
type builder struct {
	c    *collector
	s    *schema.Schema
	errs []error

	// typeSchemas maps a declared type name to the schemas declaring it,
	// to qualify unqualified type references.
	typeSchemas map[string][]string
	// funcSchemas does the same for function names (trigger functions).
	funcSchemas map[string][]string
	// relTaken and conTaken hold the names in use per schema: relations
	// (tables, views, sequences, indexes) and constraints, which is what
	// PostgreSQL checks when it picks an implicit name.
	relTaken map[schema.QName]bool
	conTaken map[schema.QName]bool
	// typeMemo holds formatType's answers by (declared type, schema).
	typeMemo map[[2]string]formattedType
	// exprMemo holds what is known about each expression text.
	exprMemo map[string]*exprFacts
	// keyMemo holds each index key text's parse.
	keyMemo map[string]parsedKey

	tables     map[schema.QName]*tableState
	tableOrder []*schema.Table
	views      map[schema.QName]*schema.View
	viewOrder  []*schema.View
}

// tableState is a table being built with the declaration it comes from.
type tableState struct {
	d *TableDecl
	t *schema.Table
	// pending foreign keys, resolved once every table is known.
	fks []pendingFK
}

type pendingFK struct {
	d    *ForeignKeyDecl
	name string // of the constraint in the table
}

func (c *collector) build() (*schema.Schema, error) {
	b := &builder{
		c:           c,
		s:           &schema.Schema{},
		errs:        c.errs,
		typeSchemas: map[string][]string{},
		funcSchemas: map[string][]string{},
		relTaken:    map[schema.QName]bool{},
		conTaken:    map[schema.QName]bool{},
		tables:      map[schema.QName]*tableState{},
		views:       map[schema.QName]*schema.View{},
	}
	b.reserveNames()
	b.extensions()
	b.enums()
	b.domains()
	b.composites()
	b.functions() // before tables: trigger functions resolve against them
	b.sequences()
	b.buildTables()
	b.buildViews()
	b.triggers()
	for _, t := range b.tableOrder {
		b.s.Tables = append(b.s.Tables, *t)
	}
	for _, v := range b.viewOrder {
		b.s.Views = append(b.s.Views, *v)
	}
	b.namespaces()
	b.s.Sort()
	if len(b.errs) > 0 {
		return nil, errorList(b.errs)
	}
	return b.s, nil
}

func (b *builder) errorf(format string, args ...any) {
	b.errs = append(b.errs, fmt.Errorf(format, args...))
}

// reserveNames records every explicitly named relation and constraint
// before any implicit name is chosen, and the declared type and function
// names used to qualify references.
func (b *builder) reserveNames() {
	for _, e := range b.c.enums {
		b.typeSchemas[e.q.Name] = append(b.typeSchemas[e.q.Name], e.q.Schema)
	}
	for _, d := range b.c.domains {
		b.typeSchemas[d.q.Name] = append(b.typeSchemas[d.q.Name], d.q.Schema)
		for _, k := range d.checks {
			if k.name != "" {
				b.conTaken[schema.QName{Schema: d.q.Schema, Name: schema.TruncateIdentifier(k.name)}] = true
			}
		}
	}
	for _, t := range b.c.composites {
		b.typeSchemas[t.q.Name] = append(b.typeSchemas[t.q.Name], t.q.Schema)
	}
	for _, s := range b.c.sequences {
		b.relTaken[s.q] = true
	}
	for _, v := range b.c.views {
		b.relTaken[v.q] = true
		// A view's row type is a type too.
		b.typeSchemas[v.q.Name] = append(b.typeSchemas[v.q.Name], v.q.Schema)
		for _, ix := range v.indexes {
			if ix.name != "" {
				b.relTaken[schema.QName{Schema: v.q.Schema, Name: schema.TruncateIdentifier(ix.name)}] = true
			}
		}
	}
	for _, t := range b.c.tables {
		b.relTaken[t.q] = true
		b.typeSchemas[t.q.Name] = append(b.typeSchemas[t.q.Name], t.q.Schema)
		for _, ix := range t.indexes {
			if ix.name != "" {
				b.relTaken[schema.QName{Schema: t.q.Schema, Name: schema.TruncateIdentifier(ix.name)}] = true
			}
		}
		for _, k := range t.constraints {
			name := k.common().name
			if name == "" {
				continue
			}
			q := schema.QName{Schema: t.q.Schema, Name: schema.TruncateIdentifier(name)}
			b.conTaken[q] = true
			switch k.(type) {
			case *PrimaryKeyDecl, *UniqueDecl, *ExcludeDecl:
				b.relTaken[q] = true // backed by an index of that name
			}
		}
	}
}

// qualifyType returns the schema of an unqualified, non-built-in type name
// used in schema ctx: the declaring schema when the name is declared in
// ctx or in exactly one schema, else public (extension types).
func (b *builder) qualifyType(ctx string) func(string) string {
	return func(name string) string {
		schemas := b.typeSchemas[name]
		if slices.Contains(schemas, ctx) {
			return ctx
		}
		if len(schemas) == 1 {
			return schemas[0]
		}
		return "public"
	}
}

// formatType canonicalizes a declared type used in schema ctx. A schema
// spells the same few types on thousands of columns and each spelling costs
// a parse, so answers are memoized per build; that is safe because every
// declared type name is known (reserveNames) before the first column.
func (b *builder) formatType(typ, ctx string) (string, error) {
	if strings.TrimSpace(typ) == "" {
		return "", fmt.Errorf("type is empty")
	}
	key := [2]string{typ, ctx}
	if r, ok := b.typeMemo[key]; ok {
		return r.typ, r.err
	}
	t, err := schema.FormatType(typ, b.qualifyType(ctx))
	if b.typeMemo == nil {
		b.typeMemo = map[[2]string]formattedType{}
	}
	b.typeMemo[key] = formattedType{t, err}
	return t, err
}

// formattedType is a memoized answer of formatType.
type formattedType struct {
	typ string
	err error
}

// takeRel picks an implicit relation name and records it.
func (b *builder) takeRel(nsp, name1, name2, label string, alsoConstraint bool) string {
	name := schema.ChooseName(name1, name2, label, func(n string) bool {
		q := schema.QName{Schema: nsp, Name: n}
		return b.relTaken[q] || alsoConstraint && b.conTaken[q]
	})
	b.relTaken[schema.QName{Schema: nsp, Name: name}] = true
	if alsoConstraint {
		b.conTaken[schema.QName{Schema: nsp, Name: name}] = true
	}
	return name
}

// takeConstraint picks an implicit constraint name and records it.
func (b *builder) takeConstraint(nsp, name1, name2, label string) string {
	name := schema.ChooseName(name1, name2, label, func(n string) bool {
		return b.conTaken[schema.QName{Schema: nsp, Name: n}]
	})
	b.conTaken[schema.QName{Schema: nsp, Name: name}] = true
	return name
}

func (b *builder) extensions() {
	seen := map[string]bool{}
	for _, e := range b.c.extensions {
		if err := validName("extension", e.name); err != nil {
			b.errorf("%w", err)
			continue
		}
		if seen[e.name] {
			b.errorf("extension %s declared twice", e.name)
			continue
		}
		seen[e.name] = true
		x := schema.Extension{Name: e.name, Schema: e.schema, Version: e.version}
		if e.comment != nil {
			x.Comment = *e.comment
		}
		b.s.Extensions = append(b.s.Extensions, x)
	}
}

// namespaces lists every schema that holds a declared object, with the
// comments and grants declared on it. The public schema gets what
// PostgreSQL 15 and later create it with (its comment, USAGE for PUBLIC)
// unless declared otherwise.
func (b *builder) namespaces() {
	byName := map[string]*schema.Namespace{}
	var order []string
	use := func(name string) *schema.Namespace {
		if n, ok := byName[name]; ok {
			return n
		}
		n := &schema.Namespace{Name: name}
		if name == "public" {
			n.Comment = "standard public schema"
		}
		byName[name] = n
		order = append(order, name)
		return n
	}
	grantDecls := map[string][]*GrantDecl{}
	revoked := map[string]bool{}
	for _, nd := range b.c.namespaces {
		name := schema.TruncateIdentifier(nd.name)
		if err := validName("schema", name); err != nil {
			b.errorf("%w", err)
			continue
		}
		if strings.HasPrefix(name, "pg_") || name == "information_schema" {
			b.errorf("schema %s: names starting with pg_ (and information_schema) are reserved", name)
			continue
		}
		n := use(name)
		if nd.comment != nil {
			n.Comment = *nd.comment
		}
		grantDecls[name] = append(grantDecls[name], nd.grants...)
		revoked[name] = revoked[name] || nd.revokePublic
	}
	for _, x := range b.s.Extensions {
		use(x.Schema)
	}
	for _, e := range b.s.Enums {
		use(e.Schema)
	}
	for _, d := range b.s.Domains {
		use(d.Schema)
	}
	for _, t := range b.s.Composites {
		use(t.Schema)
	}
	for _, s := range b.s.Sequences {
		use(s.Schema)
	}
	for _, t := range b.s.Tables {
		use(t.Schema)
	}
	for _, v := range b.s.Views {
		use(v.Schema)
	}
	for _, f := range b.s.Functions {
		use(f.Schema)
	}
	for _, name := range order {
		n := byName[name]
		var defaults []schema.Grant
		if name == "public" {
			defaults = publicGrant("USAGE", revoked[name])
		}
		g, err := expandGrants("schema", defaults, grantDecls[name])
		if err != nil {
			b.errorf("schema %s: %w", name, err)
		}
		n.Grants = g
		b.s.Namespaces = append(b.s.Namespaces, *n)
	}
}
