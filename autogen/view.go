package autogen

import (
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/schema"
)

// CreateView is CREATE [MATERIALIZED] VIEW ... [WITH (...)] AS <query>.
type CreateView struct{ View schema.View }

// Describe implements Change.
func (c *CreateView) Describe() string {
	return "create " + viewKind(c.View) + " " + c.View.QName.String()
}

func (c *CreateView) statements() []Statement {
	v := c.View
	s := "CREATE " + strings.ToUpper(viewKind(v)) + " " + qname(v.QName)
	if len(v.Options) > 0 {
		s += " WITH (" + strings.Join(v.Options, ", ") + ")"
	}
	return one(s + " AS\n" + viewQuery(v.Definition))
}

// viewQuery is pg_get_viewdef's text without its leading blank and final
// semicolon.
func viewQuery(def string) string {
	return strings.TrimLeft(trimDef(def), " \n")
}

// DropView is DROP [MATERIALIZED] VIEW.
type DropView struct{ View schema.View }

// Describe implements Change.
func (c *DropView) Describe() string { return "drop " + viewKind(c.View) + " " + c.View.QName.String() }

func (c *DropView) statements() []Statement {
	return one("DROP " + strings.ToUpper(viewKind(c.View)) + " " + qname(c.View.QName))
}

func viewKind(v schema.View) string {
	if v.Materialized {
		return "materialized view"
	}
	return "view"
}

func viewRef(v schema.View) string { return strings.ToUpper(viewKind(v)) + " " + qname(v.QName) }

// viewDeps are the relations and functions a view's query names, and the
// columns it uses when the catalog says (pg_depend).
type viewDeps struct {
	rels  []schema.QName
	funcs []schema.QName
	// cols are the columns the view uses, by relation; nil when the
	// catalog's dependencies are unknown, and then any column change of a
	// relation in rels counts.
	cols map[schema.QName]map[string]bool
}

func parseViewDeps(v *schema.View, def string) viewDeps {
	rels, funcs, err := sqlparse.References(viewQuery(v.Definition))
	var out viewDeps
	if len(v.DependsOn) > 0 {
		// The catalog's dependencies are exact: a CTE or a column alias
		// that looks like a table is not one.
		out.cols = map[schema.QName]map[string]bool{}
		for _, dep := range v.DependsOn {
			m := out.cols[dep.Relation]
			if m == nil {
				m = map[string]bool{}
				out.cols[dep.Relation] = m
				out.rels = append(out.rels, dep.Relation)
			}
			if dep.Column != "" {
				m[dep.Column] = true
			}
		}
		rels = nil
	}
	if err != nil {
		// An unparsable definition depends on nothing we can see; it is
		// recreated only when it changes itself.
		return out
	}
	for _, r := range rels {
		s := r.Schema
		if s == "" {
			s = def
		}
		out.rels = append(out.rels, schema.QName{Schema: s, Name: r.Name})
	}
	for _, f := range funcs {
		s := f.Schema
		if s == "" {
			s = "pg_catalog"
		}
		out.funcs = append(out.funcs, schema.QName{Schema: s, Name: f.Name})
	}
	return out
}

func (d *differ) views() {
	def := d.opts.defaultSchema()
	// Parsing every view costs time on large schemas; it is needed only
	// when something a view may depend on changes.
	needDeps := len(d.tableGone) > 0 || len(d.colTouched) > 0 || len(d.funcRecreated) > 0 ||
		len(d.viewFuncCreates) > 0 || len(d.viewFuncDrops) > 0
	for i := range d.from.Views {
		v := &d.from.Views[i]
		if nv := d.toViews[v.QName]; nv == nil || nv.Materialized != v.Materialized || viewQuery(nv.Definition) != viewQuery(v.Definition) {
			needDeps = true
			break
		}
	}
	fromDeps := map[schema.QName]viewDeps{}
	if needDeps {
		for i := range d.from.Views {
			v := &d.from.Views[i]
			fromDeps[v.QName] = parseViewDeps(v, def)
		}
	}
	recreatedFuncs := map[schema.QName]bool{}
	for sig := range d.funcRecreated {
		recreatedFuncs[funcNameOfSig(sig)] = true
	}
	// Which current views go: removed, redefined, or depending on
	// something that changes under them. Repeat until stable, since views
	// depend on views, and on functions that must be recreated because
	// they use the row type of a view that goes.
	gone := map[schema.QName]bool{}
	for {
		d.goneViews(gone, fromDeps, recreatedFuncs)
		if !d.recreateViewFuncs(gone, recreatedFuncs) {
			break
		}
	}
	d.viewRecreated = gone

	// Drop, dependants first; functions that need a view are dropped
	// among them (after the views calling them, before the views whose
	// row type they use).
	var dropped []schema.QName
	for _, v := range d.from.Views {
		if gone[v.QName] {
			dropped = append(dropped, v.QName)
		}
	}
	dropFuncs := map[schema.QName]viewFunc{}
	for _, vf := range d.viewFuncDrops {
		dropped = append(dropped, vf.node())
		dropFuncs[vf.node()] = vf
	}
	order := topoSort(dropped, viewOrder(fromDeps, dropFuncs, viewFuncNodes(d.viewFuncDrops)))
	for _, q := range reversed(order) {
		if vf, ok := dropFuncs[q]; ok {
			d.add(phDropView, vf.change)
			continue
		}
		d.add(phDropView, &DropView{View: *d.fromViews[q]})
	}

	// Create (new or recreated) in dependency order; alter the others.
	toDeps := map[schema.QName]viewDeps{}
	var all []schema.QName
	for i := range d.to.Views {
		v := &d.to.Views[i]
		all = append(all, v.QName)
		if d.fromViews[v.QName] == nil || gone[v.QName] {
			toDeps[v.QName] = parseViewDeps(v, def)
		} else {
			toDeps[v.QName] = fromDeps[v.QName]
		}
	}
	createFuncs := map[schema.QName]viewFunc{}
	for _, vf := range d.viewFuncCreates {
		all = append(all, vf.node())
		createFuncs[vf.node()] = vf
	}
	for _, q := range topoSort(all, viewOrder(toDeps, createFuncs, viewFuncNodes(d.viewFuncCreates))) {
		if vf, ok := createFuncs[q]; ok {
			d.add(phCreateView, vf.change)
			continue
		}
		v := d.toViews[q]
		old := d.fromViews[q]
		if old == nil || gone[q] {
			d.createView(v)
			continue
		}
		d.alterView(old, v)
	}
}

// viewOrder is the dependency function of the views' sort: a view needs
// the relations it reads and the view functions it calls; a view function
// needs the views it uses.
func viewOrder(deps map[schema.QName]viewDeps, funcs map[schema.QName]viewFunc, byName map[schema.QName][]schema.QName) func(schema.QName) []schema.QName {
	return func(q schema.QName) []schema.QName {
		if vf, ok := funcs[q]; ok {
			return vf.uses
		}
		out := deps[q].rels
		for _, f := range deps[q].funcs {
			out = append(out[:len(out):len(out)], byName[f]...)
		}
		return out
	}
}

// goneViews adds to gone the current views that are removed, redefined, or
// depend on something that changes under them (a table dropped or
// recreated, a column dropped or retyped, a recreated function, a view
// that goes).
func (d *differ) goneViews(gone map[schema.QName]bool, fromDeps map[schema.QName]viewDeps, recreatedFuncs map[schema.QName]bool) {
	for i := range d.from.Views {
		v := &d.from.Views[i]
		nv := d.toViews[v.QName]
		if nv == nil || nv.Materialized != v.Materialized || !d.stmtEqual(viewQuery(v.Definition), viewQuery(nv.Definition)) {
			gone[v.QName] = true
			continue
		}
		deps := fromDeps[v.QName]
		for _, r := range deps.rels {
			if d.tableGone[r] || deps.usesAny(r, d.colTouched[r]) {
				gone[v.QName] = true
			}
		}
		for _, f := range deps.funcs {
			if recreatedFuncs[f] {
				gone[v.QName] = true
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, v := range d.from.Views {
			if gone[v.QName] {
				continue
			}
			for _, r := range fromDeps[v.QName].rels {
				if gone[r] {
					gone[v.QName] = true
					changed = true
					break
				}
			}
		}
	}
}

// usesAny reports whether the view uses one of the columns cols of
// relation r. Without the catalog's column dependencies, any column counts.
func (vd viewDeps) usesAny(r schema.QName, cols map[string]bool) bool {
	if len(cols) == 0 {
		return false
	}
	if vd.cols == nil {
		return true
	}
	for c := range vd.cols[r] {
		if cols[c] {
			return true
		}
	}
	return false
}

// recreateViewFuncs makes the kept functions that use the row type of a
// view that goes be dropped and created again with it. It reports whether
// it found any (views calling them go too, so gone must be recomputed).
func (d *differ) recreateViewFuncs(gone map[schema.QName]bool, recreatedFuncs map[schema.QName]bool) bool {
	def := d.opts.defaultSchema()
	dropping := map[string]bool{}
	for _, vf := range d.viewFuncDrops {
		dropping[vf.fn.Signature()] = true
	}
	found := false
	for _, f := range d.from.Functions {
		sig := f.Signature()
		if dropping[sig] {
			continue
		}
		uses := viewsUsedBy(f, d.fromViews, def)
		needs := false
		for _, q := range uses {
			needs = needs || gone[q]
		}
		if !needs {
			continue
		}
		var nf *schema.Function
		for i := range d.to.Functions {
			if d.to.Functions[i].Signature() == sig {
				nf = &d.to.Functions[i]
			}
		}
		if nf == nil {
			continue // dropped already (functions())
		}
		found = true
		d.funcRecreated[sig] = true
		recreatedFuncs[f.QName] = true
		d.viewFuncDrops = append(d.viewFuncDrops, viewFunc{fn: f, change: &DropFunction{Function: f}, uses: uses})
		kept := d.viewFuncCreates[:0:0]
		for _, vf := range d.viewFuncCreates {
			if vf.fn.Signature() != sig { // a ReplaceFunction is superseded
				kept = append(kept, vf)
			}
		}
		d.viewFuncCreates = append(kept, viewFunc{fn: *nf, change: &CreateFunction{Function: *nf}, uses: viewsUsedBy(*nf, d.toViews, def)})
		on := funcRef(*nf)
		d.comment(func() string { return on }, "", nf.Comment)
		d.grants(func() string { return on }, defaultGrants(strings.ToUpper(funcKind(*nf))), nf.Grants)
	}
	return found
}

func (d *differ) createView(v *schema.View) {
	d.add(phCreateView, &CreateView{View: *v})
	for _, ix := range v.Indexes {
		d.add(phCreateView, &CreateIndex{Table: v.QName, Index: ix, NewTable: true})
		d.comment(func() string { return "INDEX " + qname(schema.QName{Schema: v.Schema, Name: ix.Name}) }, "", ix.Comment)
	}
	for _, tr := range v.Triggers {
		d.createTrigger(v.QName, tr)
		d.comment(func() string { return "TRIGGER " + ident(tr.Name) + " ON " + qname(v.QName) }, "", tr.Comment)
	}
	d.comment(func() string { return viewRef(*v) }, "", v.Comment)
	d.viewColumnComments(nil, v)
	d.grants(func() string { return "TABLE " + qname(v.QName) }, nil, v.Grants)
}

// viewColumnComments emits the comment changes of a view's columns; old
// is nil for a created view.
func (d *differ) viewColumnComments(old, v *schema.View) {
	for _, c := range v.Columns {
		prev := ""
		if old != nil {
			prev = old.ColumnComments[c]
		}
		d.comment(func() string { return "COLUMN " + qname(v.QName) + "." + ident(c) }, prev, v.ColumnComments[c])
	}
}

func (d *differ) alterView(old, v *schema.View) {
	if !slices.Equal(old.Options, v.Options) {
		set, reset := optionsDiff(old.Options, v.Options)
		kind := "VIEW"
		if v.Materialized {
			kind = "MATERIALIZED VIEW"
		}
		d.add(phCreateView, &SetTableOptions{Table: v.QName, Set: set, Reset: reset, Kind: kind})
	}
	if v.Materialized {
		ft := &schema.Table{QName: old.QName, Indexes: old.Indexes}
		tt := &schema.Table{QName: v.QName, Indexes: v.Indexes}
		d.alterIndexList(ft, tt, old.Indexes, v.Indexes, false, nil)
		for _, ix := range v.Indexes {
			oc := ""
			if oi := findIndex(old.Indexes, ix.Name); oi != nil && !d.indexChanged(ft, tt, oi) {
				oc = oi.Comment
			}
			d.comment(func() string { return "INDEX " + qname(schema.QName{Schema: v.Schema, Name: ix.Name}) }, oc, ix.Comment)
		}
	}
	ft := &schema.Table{QName: old.QName, Triggers: old.Triggers}
	tt := &schema.Table{QName: v.QName, Triggers: v.Triggers}
	d.alterTriggers(ft, tt)
	for _, tr := range v.Triggers {
		oc := ""
		if ot := findTrigger(old.Triggers, tr.Name); ot != nil && !d.triggerChanged(*ot, tr) {
			oc = ot.Comment
		}
		d.comment(func() string { return "TRIGGER " + ident(tr.Name) + " ON " + qname(v.QName) }, oc, tr.Comment)
	}
	d.comment(func() string { return viewRef(*v) }, old.Comment, v.Comment)
	d.viewColumnComments(old, v)
	d.grants(func() string { return "TABLE " + qname(v.QName) }, old.Grants, v.Grants)
}
