package cli

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// renderSchema writes the human listing of `migrate inspect`: one block
// per object, its parts indented under it, comments as -- lines. It is a
// reading aid, not SQL; --json is the machine form.
func renderSchema(w io.Writer, s *schema.Schema) error {
	r := &listing{w: bufio.NewWriter(w)}
	for _, n := range s.Namespaces {
		r.block("schema %s", n.Name)
		r.comment(n.Comment)
		r.grants(n.Grants)
	}
	for _, x := range s.Extensions {
		r.block("extension %s %s in schema %s", x.Name, x.Version, x.Schema)
		r.comment(x.Comment)
	}
	for _, c := range s.Collations {
		locale := c.Locale
		if c.Provider != "icu" {
			locale = c.LcCollate
			if c.LcCtype != c.LcCollate {
				locale += "/" + c.LcCtype
			}
		}
		det := ""
		if c.Nondeterministic {
			det = " nondeterministic"
		}
		r.block("collation %s %s %q%s", c.QName, c.Provider, locale, det)
		r.comment(c.Comment)
	}
	for _, e := range s.Enums {
		quoted := make([]string, len(e.Values))
		for i, v := range e.Values {
			quoted[i] = "'" + strings.ReplaceAll(v, "'", "''") + "'"
		}
		r.block("enum %s (%s)", e.QName, strings.Join(quoted, ", "))
		r.comment(e.Comment)
		r.grants(e.Grants)
	}
	for _, d := range s.Domains {
		r.block("domain %s %s%s", d.QName, d.Type, columnTail(d.Collation, d.NotNull, d.Default))
		r.comment(d.Comment)
		for _, c := range d.Checks {
			r.line(1, "constraint %s %s", c.Name, c.Definition)
			r.comment(c.Comment)
		}
		r.grants(d.Grants)
	}
	for _, c := range s.Composites {
		r.block("type %s", c.QName)
		r.comment(c.Comment)
		for _, at := range c.Attributes {
			r.line(1, "%s %s%s", at.Name, at.Type, columnTail(at.Collation, false, ""))
		}
		r.grants(c.Grants)
	}
	for _, q := range s.Sequences {
		r.block("sequence %s %s%s", q.QName, q.Type, sequenceTail(q.Start, q.Increment, q.Min, q.Max, q.Cache, q.Cycle))
		if q.Unlogged {
			r.line(1, "unlogged")
		}
		if q.OwnedBy != "" {
			r.line(1, "owned by %s", q.OwnedBy)
		}
		r.comment(q.Comment)
		r.grants(q.Grants)
	}
	for i := range s.Tables {
		r.table(&s.Tables[i])
	}
	for i := range s.Views {
		r.view(&s.Views[i])
	}
	for _, f := range s.Functions {
		head := fmt.Sprintf("%s %s(%s)", f.Kind, f.QName, f.Arguments)
		if f.Result != "" {
			head += " returns " + f.Result
		}
		r.block("%s language %s", head, f.Language)
		r.comment(f.Comment)
		r.grants(f.Grants)
	}
	for _, o := range s.Operators {
		r.block("operator %s returns %s function %s", o.Signature(), o.Result, o.Function)
		r.comment(o.Comment)
	}
	return r.flush()
}

func (r *listing) table(t *schema.Table) {
	head := "table " + t.QName.String()
	if t.Unlogged {
		head = "unlogged " + head
	}
	if t.PartitionOf != nil {
		head += " partition of " + t.PartitionOf.String() + " " + t.PartitionBound
	}
	if t.PartitionKey != "" {
		head += " partition by " + t.PartitionKey
	}
	if len(t.Inherits) > 0 {
		names := make([]string, len(t.Inherits))
		for i, p := range t.Inherits {
			names[i] = p.String()
		}
		head += " inherits " + strings.Join(names, ", ")
	}
	r.block("%s", head)
	r.comment(t.Comment)
	inherited := 0
	for _, c := range t.Columns {
		if c.Inherited && t.PartitionOf != nil {
			inherited++
			continue
		}
		tail := columnTail(c.Collation, c.NotNull, c.Default)
		switch {
		case c.Generated != "":
			tail += " generated always as (" + c.Generated + ") stored"
		case c.Identity != "":
			tail += " generated " + strings.ToLower(c.Identity) + " as identity"
			if q := c.IdentitySequence; q != nil {
				tail += " (" + strings.TrimPrefix(sequenceTail(q.Start, q.Increment, q.Min, q.Max, q.Cache, q.Cycle), " ") + ")"
			}
		}
		if c.Inherited {
			tail += " (inherited)"
		}
		r.line(1, "%s %s%s", c.Name, c.Type, tail)
		r.comment2(c.Comment)
		for _, g := range c.Grants {
			r.line(2, "%s", grantLine(g))
		}
	}
	if inherited > 0 {
		r.line(1, "(%d columns of %s)", inherited, t.PartitionOf)
	}
	for _, k := range t.Constraints {
		r.line(1, "constraint %s %s", k.Name, k.Definition)
		r.comment2(k.Comment)
	}
	r.indexes(t.Indexes)
	r.triggers(t.Triggers)
	for _, p := range t.Policies {
		kind := "permissive"
		if !p.Permissive {
			kind = "restrictive"
		}
		line := fmt.Sprintf("policy %s %s for %s to %s", p.Name, kind, p.Command, strings.Join(p.Roles, ", "))
		if p.Using != "" {
			line += " using " + p.Using
		}
		if p.WithCheck != "" {
			line += " with check " + p.WithCheck
		}
		r.line(1, "%s", line)
		r.comment2(p.Comment)
	}
	if t.RLSEnabled {
		rls := "row level security enabled"
		if t.RLSForced {
			rls += ", forced"
		}
		r.line(1, "%s", rls)
	}
	if len(t.Options) > 0 {
		r.line(1, "with (%s)", strings.Join(t.Options, ", "))
	}
	r.grants(t.Grants)
}

func (r *listing) view(v *schema.View) {
	kind := "view"
	if v.Materialized {
		kind = "materialized view"
	}
	r.block("%s %s (%s)", kind, v.QName, strings.Join(v.Columns, ", "))
	r.comment(v.Comment)
	for _, c := range v.Columns {
		if cm := v.ColumnComments[c]; cm != "" {
			r.line(1, "-- %s: %s", c, oneLine(cm))
		}
	}
	if len(v.Options) > 0 {
		r.line(1, "with (%s)", strings.Join(v.Options, ", "))
	}
	for _, l := range strings.Split(strings.TrimRight(v.Definition, "\n"), "\n") {
		r.line(1, "%s", strings.TrimRight(l, " "))
	}
	r.indexes(v.Indexes)
	r.triggers(v.Triggers)
	r.grants(v.Grants)
}

func (r *listing) indexes(ix []schema.Index) {
	for _, x := range ix {
		head := "index"
		if x.Unique {
			head = "unique index"
		}
		line := fmt.Sprintf("%s %s %s (%s)", head, x.Name, x.Method, strings.Join(x.Keys, ", "))
		if len(x.Include) > 0 {
			line += " include (" + strings.Join(x.Include, ", ") + ")"
		}
		if x.NullsNotDistinct {
			line += " nulls not distinct"
		}
		if x.Predicate != "" {
			line += " where " + x.Predicate
		}
		r.line(1, "%s", line)
		r.comment2(x.Comment)
	}
}

func (r *listing) triggers(ts []schema.Trigger) {
	for _, t := range ts {
		state := ""
		switch t.Enabled {
		case "D":
			state = " (disabled)"
		case "R":
			state = " (replica only)"
		case "A":
			state = " (always)"
		}
		r.line(1, "trigger %s%s: %s", t.Name, state, t.Definition)
		r.comment2(t.Comment)
	}
}

// columnTail renders the optional parts of a column-like line.
func columnTail(collation string, notNull bool, def string) string {
	var b strings.Builder
	if collation != "" {
		b.WriteString(" collate " + collation)
	}
	if notNull {
		b.WriteString(" not null")
	}
	if def != "" {
		b.WriteString(" default " + def)
	}
	return b.String()
}

func sequenceTail(start, inc, minv, maxv, cache int64, cycle bool) string {
	s := fmt.Sprintf(" start %d increment %d minvalue %d maxvalue %d cache %d", start, inc, minv, maxv, cache)
	if cycle {
		s += " cycle"
	}
	return s
}

func grantLine(g schema.Grant) string {
	s := "grant " + g.Privilege + " to " + g.Grantee
	if g.Grantable {
		s += " with grant option"
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// listing writes indented lines, remembering the first write error.
type listing struct {
	w       *bufio.Writer
	started bool
	err     error
}

// block starts a top-level object, separated from the previous one by a
// blank line.
func (r *listing) block(format string, args ...any) {
	if r.started {
		r.write("\n")
	}
	r.started = true
	r.line(0, format, args...)
}

func (r *listing) line(indent int, format string, args ...any) {
	r.write(strings.Repeat("  ", indent) + fmt.Sprintf(format, args...) + "\n")
}

// comment prints an object's comment under its head line; comment2 under
// one of its parts.
func (r *listing) comment(c string) {
	if c != "" {
		r.line(1, "-- %s", oneLine(c))
	}
}

func (r *listing) comment2(c string) {
	if c != "" {
		r.line(2, "-- %s", oneLine(c))
	}
}

func (r *listing) grants(gs []schema.Grant) {
	for _, g := range gs {
		r.line(1, "%s", grantLine(g))
	}
}

func (r *listing) write(s string) {
	if r.err == nil {
		_, r.err = r.w.WriteString(s)
	}
}

func (r *listing) flush() error {
	if r.err != nil {
		return r.err
	}
	return r.w.Flush()
}
