package autogen

import (
	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/schema"
)

// viewFunc is a function that needs a view to exist: its arguments or
// result use the view's row type (RETURNS SETOF some_view), or its
// SQL-standard body reads the view. Views may call such functions in turn,
// so they are created and dropped among the views, in one dependency order
// (see views).
type viewFunc struct {
	fn     schema.Function
	change Change         // CreateFunction, ReplaceFunction or DropFunction
	uses   []schema.QName // the views it needs
}

// node is the function's key in the views' dependency sort: it cannot be
// mistaken for a relation's name.
func (vf viewFunc) node() schema.QName {
	return schema.QName{Schema: "\x00" + vf.fn.Schema, Name: vf.fn.Signature()}
}

// viewsUsedBy returns the views of views whose row type f's signature uses
// or that f's SQL-standard body reads.
func viewsUsedBy(f schema.Function, views map[schema.QName]*schema.View, def string) []schema.QName {
	var out []schema.QName
	sig := f.Arguments + " " + f.Result
	for q := range views {
		if mentionsType(sig, q) {
			out = append(out, q)
		}
	}
	if standardBody(f) {
		if rels, _, err := sqlparse.References(f.Definition); err == nil {
			for _, r := range rels {
				q := schema.QName{Schema: r.Schema, Name: r.Name}
				if q.Schema == "" {
					q.Schema = def
				}
				if views[q] != nil {
					out = append(out, q)
				}
			}
		}
	}
	return out
}

// viewFuncNodes maps function names (all overloads) to their nodes, for
// the views that call them.
func viewFuncNodes(vfs []viewFunc) map[schema.QName][]schema.QName {
	out := map[schema.QName][]schema.QName{}
	for _, vf := range vfs {
		out[vf.fn.QName] = append(out[vf.fn.QName], vf.node())
	}
	return out
}
