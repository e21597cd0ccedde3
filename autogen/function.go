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
	fromDeps := analyzeFunctions(d.from.Functions, d.fromTables, d.fromViews)
	toDeps := analyzeFunctions(d.to.Functions, d.toTables, d.toViews)
	phaseOf := func(f schema.Function, fd funcDeps) phase {
		if fd.late[f.Signature()] {
			return phCreateLateFunction
		}
		return phCreateFunction
	}
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
	// Drops are decided first and emitted callers first (the reverse of
	// the creation order), so that no SQL-standard body still calls a
	// dropped function.
	drop := map[string]bool{}
	for _, i := range toDeps.order {
		f := d.to.Functions[i]
		sig := f.Signature()
		on := funcRef(f)
		old := from[sig]
		if old != nil && (old.Result != f.Result || old.Kind != f.Kind || d.usesRecreatedType(*old)) {
			// CREATE OR REPLACE cannot change the result type, nor move
			// the signature from a recreated type's old copy.
			d.funcRecreated[sig] = true
			drop[sig] = true
			old = nil
		}
		if old == nil {
			d.addFunctionChange(f, phaseOf(f, toDeps), &CreateFunction{Function: f})
			d.comment(func() string { return on }, "", f.Comment)
			d.grants(func() string { return on }, defaultGrants(strings.ToUpper(funcKind(f))), f.Grants)
			continue
		}
		if !d.stmtEqual(trimDef(old.Definition), trimDef(f.Definition)) {
			d.addFunctionChange(f, phaseOf(f, toDeps), &ReplaceFunction{From: *old, To: f})
		}
		d.comment(func() string { return on }, old.Comment, f.Comment)
		d.grants(func() string { return on }, old.Grants, f.Grants)
	}
	for _, f := range d.from.Functions {
		if sig := f.Signature(); !to[sig] {
			if clash[sig] {
				d.funcRecreated[sig] = true
			}
			drop[sig] = true
		}
	}
	for _, i := range fromDeps.dropOrder {
		f := d.from.Functions[i]
		sig := f.Signature()
		if !drop[sig] {
			continue
		}
		if uses := viewsUsedBy(f, d.fromViews, d.opts.defaultSchema()); len(uses) > 0 {
			// Among the views: after those calling it, before those it
			// needs.
			d.viewFuncDrops = append(d.viewFuncDrops, viewFunc{fn: f, change: &DropFunction{Function: f}, uses: uses})
			continue
		}
		switch {
		case fromDeps.late[sig] || d.usesRecreatedType(f):
			// Before the tables its signature or body depends on; before a
			// type of its signature is renamed aside to be recreated (the
			// DROP names the type).
			d.add(phDropTableFunction, &DropFunction{Function: f})
		case d.funcRecreated[sig]:
			// Before its replacement under the same identity.
			d.add(phDropFunctionEarly, &DropFunction{Function: f})
		default:
			// After everything that could use it.
			d.add(phDropFunction, &DropFunction{Function: f})
		}
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

// usesRecreatedType reports whether a function's arguments or result name
// an enum or domain that this diff recreates.
func (d *differ) usesRecreatedType(f schema.Function) bool {
	for q := range d.typeRecreated {
		if mentionsType(f.Arguments+" "+f.Result, q) {
			return true
		}
	}
	return false
}

// addFunctionChange adds the creation or replacement of f in phase ph, or
// leaves it to views() when f needs a view.
func (d *differ) addFunctionChange(f schema.Function, ph phase, c Change) {
	if uses := viewsUsedBy(f, d.toViews, d.opts.defaultSchema()); len(uses) > 0 {
		d.viewFuncCreates = append(d.viewFuncCreates, viewFunc{fn: f, change: c, uses: uses})
		return
	}
	d.add(ph, c)
}
