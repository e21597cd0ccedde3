package autogen

import (
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/schema"
)

// CreateFunction runs the function's definition (a CREATE OR REPLACE
// FUNCTION/PROCEDURE statement as pg_get_functiondef prints it).
type CreateFunction struct{ Function schema.Function }

// Describe implements Change.
func (c *CreateFunction) Describe() string {
	return "create " + funcKind(c.Function) + " " + c.Function.Signature()
}

func (c *CreateFunction) statements() []Statement { return one(trimDef(c.Function.Definition)) }

// ReplaceFunction changes a function's body or attributes in place with
// CREATE OR REPLACE (same signature and result type).
type ReplaceFunction struct{ From, To schema.Function }

// Describe implements Change.
func (c *ReplaceFunction) Describe() string {
	return "replace " + funcKind(c.To) + " " + c.To.Signature()
}

func (c *ReplaceFunction) statements() []Statement { return one(trimDef(c.To.Definition)) }

// DropFunction is DROP FUNCTION/PROCEDURE name(arguments).
type DropFunction struct{ Function schema.Function }

// Describe implements Change.
func (c *DropFunction) Describe() string {
	return "drop " + funcKind(c.Function) + " " + c.Function.Signature()
}

func (c *DropFunction) statements() []Statement {
	return one("DROP " + funcRef(c.Function))
}

func funcKind(f schema.Function) string {
	if f.Kind == "procedure" {
		return "procedure"
	}
	return "function"
}

// funcRef renders "FUNCTION public.f(a integer)" for DROP, COMMENT and GRANT.
func funcRef(f schema.Function) string {
	return strings.ToUpper(funcKind(f)) + " " + qname(f.QName) + "(" + f.Arguments + ")"
}

func (d *differ) functions() {
	from := map[string]*schema.Function{}
	for i := range d.from.Functions {
		from[d.from.Functions[i].Signature()] = &d.from.Functions[i]
	}
	to := map[string]bool{}
	for i := range d.to.Functions {
		to[d.to.Functions[i].Signature()] = true
	}
	// A function whose arguments only changed names has a new signature
	// but the same identity for PostgreSQL: the old one must go before the
	// new one is created.
	clash := map[string]bool{}
	for _, f := range d.to.Functions {
		if from[f.Signature()] != nil {
			continue
		}
		for _, old := range d.from.Functions {
			if old.QName == f.QName && !to[old.Signature()] && sameArgTypes(old.Arguments, f.Arguments) {
				clash[old.Signature()] = true
			}
		}
	}
	for _, f := range d.to.Functions {
		sig := f.Signature()
		on := funcRef(f)
		old := from[sig]
		if old != nil && (old.Result != f.Result || old.Kind != f.Kind) {
			// CREATE OR REPLACE cannot change the result type.
			d.funcRecreated[sig] = true
			d.dropFunction(*old, true)
			old = nil
		}
		if old == nil {
			d.add(d.functionPhase(f, d.toTables, d.toViews), &CreateFunction{Function: f})
			d.comment(func() string { return on }, "", f.Comment)
			d.grants(func() string { return on }, defaultGrants(strings.ToUpper(funcKind(f))), f.Grants)
			continue
		}
		if !d.stmtEqual(trimDef(old.Definition), trimDef(f.Definition)) {
			d.add(d.functionPhase(f, d.toTables, d.toViews), &ReplaceFunction{From: *old, To: f})
		}
		d.comment(func() string { return on }, old.Comment, f.Comment)
		d.grants(func() string { return on }, old.Grants, f.Grants)
	}
	for _, f := range d.from.Functions {
		if sig := f.Signature(); !to[sig] {
			if clash[sig] {
				d.funcRecreated[sig] = true
			}
			d.dropFunction(f, clash[sig])
		}
	}
}

// dropFunction drops a function: before the tables when its signature or
// body depends on them, before its replacement when one is created under
// the same identity (early), else after everything that could use it.
func (d *differ) dropFunction(f schema.Function, early bool) {
	switch {
	case d.functionPhase(f, d.fromTables, d.fromViews) == phCreateLateFunction:
		d.add(phDropTableFunction, &DropFunction{Function: f})
	case early:
		d.add(phDropFunctionEarly, &DropFunction{Function: f})
	default:
		d.add(phDropFunction, &DropFunction{Function: f})
	}
}

// sameArgTypes reports whether two argument lists differ at most in
// argument names.
func sameArgTypes(a, b string) bool {
	ta, err := sqlparse.ArgTypes(a)
	if err != nil {
		return false
	}
	tb, err := sqlparse.ArgTypes(b)
	if err != nil {
		return false
	}
	return slices.Equal(ta, tb)
}

// functionPhase puts a function after the tables and views when its
// signature uses their row types or its body is a SQL-standard body
// (BEGIN ATOMIC), which PostgreSQL resolves at creation time whatever
// check_function_bodies says. Other functions come before the tables, whose
// defaults and checks may call them.
func (d *differ) functionPhase(f schema.Function, tables map[schema.QName]*schema.Table, views map[schema.QName]*schema.View) phase {
	if strings.Contains(f.Definition, "BEGIN ATOMIC") || strings.Contains(f.Definition, "\nRETURN ") {
		return phCreateLateFunction
	}
	sig := f.Arguments + " " + f.Result
	if !strings.Contains(sig, ".") {
		return phCreateFunction
	}
	for q := range tables {
		if mentionsType(sig, q) {
			return phCreateLateFunction
		}
	}
	for q := range views {
		if mentionsType(sig, q) {
			return phCreateLateFunction
		}
	}
	return phCreateFunction
}

// mentionsType reports whether a type list (format_type spellings) names q.
func mentionsType(s string, q schema.QName) bool {
	ref := q.Qualified()
	for i := strings.Index(s, ref); i >= 0; {
		end := i + len(ref)
		before := i == 0 || strings.ContainsRune(" (,", rune(s[i-1]))
		after := end == len(s) || strings.ContainsRune(" ),[", rune(s[end]))
		if before && after {
			return true
		}
		j := strings.Index(s[end:], ref)
		if j < 0 {
			break
		}
		i = end + j
	}
	return false
}
