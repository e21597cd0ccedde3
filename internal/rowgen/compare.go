package rowgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/migrate-tool/migrate/schema"
)

// Problem is one way rows did not survive a change.
type Problem struct {
	// Phase is "upgrade" or "downgrade".
	Phase string
	// Object is the table, column or sequence concerned.
	Object  string
	Message string
}

// String is "phase: object: message".
func (p Problem) String() string { return p.Phase + ": " + p.Object + ": " + p.Message }

// Comparison is a check of one phase: the rows before it, after it, the
// names after it of what was there before, and the objects whose data a
// data-loss hazard declares lost.
type Comparison struct {
	Phase         string
	Before, After *Snapshot
	Mapping       Mapping
	Covered       Coverage
	// Old is the schema Before was taken under: column types tell which
	// dropped types cover a column.
	Old *schema.Schema
}

// Compare returns every difference between Before and After that no
// data-loss hazard covers.
func Compare(c Comparison) []Problem {
	var out []Problem
	add := func(obj, format string, a ...any) {
		out = append(out, Problem{Phase: c.Phase, Object: obj, Message: fmt.Sprintf(format, a...)})
	}
	names := make([]schema.QName, 0, len(c.Before.Tables))
	for q := range c.Before.Tables {
		names = append(names, q)
	}
	slices.SortFunc(names, schema.QName.Compare)
	for _, q := range names {
		b, a := c.Before.Tables[q], c.After.Tables[q]
		if b.Missing || c.tableCovered(q) {
			continue
		}
		if a == nil || a.Missing {
			add("table "+q.String(), "gone after the %s (%d rows before), and no data-loss hazard names it", c.Phase, b.Count)
			continue
		}
		if a.Count != b.Count {
			add("table "+q.String(), "%d rows before, %d after, and no data-loss hazard names it", b.Count, a.Count)
		}
		cols := make([]string, 0, len(b.Cols))
		for name := range b.Cols {
			cols = append(cols, name)
		}
		slices.Sort(cols)
		keyed := b.Keyed && a.Keyed && !c.keyCovered(q)
		for _, name := range cols {
			bc := b.Cols[name]
			if bc.Skip != "" || c.columnCovered(q, name) {
				continue
			}
			obj := "column " + q.String() + "." + name
			ac := a.Cols[name]
			switch {
			case ac == nil:
				add(obj, "gone after the %s (values of %d rows), and no data-loss hazard names it", c.Phase, b.Count)
			case ac.Err != "":
				add(obj, "cannot be read (as its old type) after the %s: %s; no data-loss hazard names it", c.Phase, ac.Err)
			case bc.Err != "":
				add(obj, "could not be read before the %s: %s", c.Phase, bc.Err)
			default:
				if msg := diffValues(bc, ac, keyed); msg != "" {
					add(obj, "%s, and no data-loss hazard names it", msg)
				}
			}
		}
	}
	out = append(out, c.compareSequences()...)
	return out
}

func (c Comparison) tableCovered(q schema.QName) bool {
	return c.Covered.Tables[q] || c.Covered.Schemas[q.Schema]
}

func (c Comparison) columnCovered(q schema.QName, col string) bool {
	if c.tableCovered(q) || c.Covered.Columns[ColumnRef{q, col}] {
		return true
	}
	if c.Old == nil {
		return false
	}
	t := c.Old.Table(q)
	if t == nil || t.Column(col) == nil {
		return false
	}
	return c.typeCovered(t.Column(col).Type, 0)
}

// keyCovered reports whether a column of table q's primary key (in Old,
// the key Before was read by) is covered: values the change may alter no
// longer find their rows, so the other columns compare as sorted lists.
func (c Comparison) keyCovered(q schema.QName) bool {
	if c.Old == nil {
		return false
	}
	t := c.Old.Table(q)
	if t == nil {
		return false
	}
	return slices.ContainsFunc(primaryKey(t), func(col string) bool { return c.columnCovered(q, col) })
}

// typeCovered reports whether a dropped or altered type (or extension)
// holds the values of a column of type typ: the type itself, an array of
// it, a domain over it, a composite with an attribute of it.
func (c Comparison) typeCovered(typ string, depth int) bool {
	q, ok := userType(typ)
	if !ok || depth > 8 {
		return false
	}
	if c.Covered.Types[q] || c.Covered.Schemas[q.Schema] {
		return true
	}
	for _, d := range c.Old.Domains {
		if d.QName == q {
			return c.typeCovered(d.Type, depth+1)
		}
	}
	for _, ct := range c.Old.Composites {
		if ct.QName == q {
			for _, at := range ct.Attributes {
				if c.typeCovered(at.Type, depth+1) {
					return true
				}
			}
			return false
		}
	}
	// not a type of the schema: an extension's, lost with it.
	return !definesType(c.Old, q) && len(c.Covered.Extensions) > 0
}

// diffValues describes how a column's values differ; "" when they do not.
func diffValues(b, a *ColSnap, keyed bool) string {
	if b.Hash == a.Hash && !b.JSON {
		return ""
	}
	if keyed && b.ByKey != nil && a.ByKey != nil {
		changed, missing := 0, 0
		var example string
		keys := make([]string, 0, len(b.ByKey))
		for k := range b.ByKey {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			bv := b.ByKey[k]
			av, ok := a.ByKey[k]
			switch {
			case !ok:
				missing++
			case !sameValue(bv, av, b.JSON):
				changed++
				if example == "" {
					example = fmt.Sprintf("key %s: %s became %s", show(strings.ReplaceAll(k, "\x1f", ",")), show(bv), show(av))
				}
			}
		}
		switch {
		case changed > 0:
			return fmt.Sprintf("%d of %d values changed (%s)", changed, len(b.ByKey), example)
		case missing > 0:
			return fmt.Sprintf("%d of %d rows no longer found by their key", missing, len(b.ByKey))
		}
		return ""
	}
	if len(b.Sorted) != len(a.Sorted) {
		return fmt.Sprintf("%d values before, %d after", len(b.Sorted), len(a.Sorted))
	}
	if b.JSON {
		// order by the old shape is lost; compare greedily.
		left := slices.Clone(a.Sorted)
		for _, bv := range b.Sorted {
			i := slices.IndexFunc(left, func(av string) bool { return sameValue(bv, av, true) })
			if i < 0 {
				return fmt.Sprintf("value %s is not found after the change", show(bv))
			}
			left = slices.Delete(left, i, i+1)
		}
		return ""
	}
	n := 0
	var example string
	bs := slices.Clone(b.Sorted)
	as := slices.Clone(a.Sorted)
	for _, v := range bs {
		if i, ok := slices.BinarySearch(as, v); ok {
			as = slices.Delete(as, i, i+1)
			continue
		}
		n++
		if example == "" {
			example = show(v)
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%d of %d values changed (e.g. %s is gone)", n, len(b.Sorted), example)
}

// sameValue compares two values read the same way; JSON-read composites
// compare with attributes added (null) allowed.
func sameValue(b, a string, isJSON bool) bool {
	if b == a {
		return true
	}
	if !isJSON || b == null || a == null {
		return false
	}
	var bj, aj any
	bd, ad := json.NewDecoder(strings.NewReader(b)), json.NewDecoder(strings.NewReader(a))
	bd.UseNumber()
	ad.UseNumber()
	if bd.Decode(&bj) != nil || ad.Decode(&aj) != nil {
		return false
	}
	return jsonContains(bj, aj)
}

// jsonContains reports whether a holds b, where a may have object members
// b lacks as long as they are null.
func jsonContains(b, a any) bool {
	switch bv := b.(type) {
	case map[string]any:
		av, ok := a.(map[string]any)
		if !ok {
			return false
		}
		for k, x := range bv {
			y, ok := av[k]
			if !ok || !jsonContains(x, y) {
				return false
			}
		}
		for k, y := range av {
			if _, ok := bv[k]; !ok && y != nil {
				return false
			}
		}
		return true
	case []any:
		av, ok := a.([]any)
		if !ok || len(av) != len(bv) {
			return false
		}
		for i := range bv {
			if !jsonContains(bv[i], av[i]) {
				return false
			}
		}
		return true
	}
	bb, _ := json.Marshal(b)
	ab, _ := json.Marshal(a)
	return bytes.Equal(bb, ab)
}

// show quotes a value for a message, shortening long ones and giving
// their length.
func show(v string) string {
	if v == null {
		return "NULL"
	}
	n := utf8.RuneCountInString(v)
	if n > 24 {
		r := []rune(v)
		return fmt.Sprintf("%q…(%d chars)", string(r[:16]), n)
	}
	return fmt.Sprintf("%q", v)
}

// compareSequences checks that no sequence went back: those feeding
// columns by the column they feed (a renamed table's sequence may be
// renamed with it), the others by name.
func (c Comparison) compareSequences() []Problem {
	var out []Problem
	fed := map[schema.QName]bool{}
	refs := make([]ColumnRef, 0, len(c.Before.ColumnSeqs))
	for r, st := range c.Before.ColumnSeqs {
		fed[st.Name] = true
		refs = append(refs, r)
	}
	slices.SortFunc(refs, func(x, y ColumnRef) int { return strings.Compare(x.String(), y.String()) })
	for _, r := range refs {
		st := c.Before.ColumnSeqs[r]
		// Only the column's own coverage excuses it: a column that keeps
		// its values must not be fed values it holds, even when a hazard
		// names the sequence that fed it before.
		if c.columnCovered(r.Table, r.Column) {
			continue
		}
		now, ok := c.After.ColumnSeqs[ColumnRef{c.Mapping.Table(r.Table), c.Mapping.Column(r.Table, r.Column)}]
		if !ok {
			continue // the column no longer takes values from a sequence
		}
		if wentBack(st, now) {
			out = append(out, Problem{Phase: c.Phase, Object: "column " + r.String(),
				Message: fmt.Sprintf("its sequence went back: the next value is %d (%s), was %d (%s), and no data-loss hazard names it",
					now.Next, now.Name, st.Next, st.Name)})
		}
	}
	names := make([]schema.QName, 0, len(c.Before.Sequences))
	for q := range c.Before.Sequences {
		names = append(names, q)
	}
	slices.SortFunc(names, schema.QName.Compare)
	for _, q := range names {
		st := c.Before.Sequences[q]
		if fed[q] || c.Covered.Sequences[q] || c.Covered.Schemas[q.Schema] || c.ownerCovered(q) {
			continue
		}
		now, ok := c.After.Sequences[c.Mapping.Sequence(q)]
		if !ok {
			out = append(out, Problem{Phase: c.Phase, Object: "sequence " + q.String(),
				Message: fmt.Sprintf("gone after the %s (next value was %d), and no data-loss hazard names it", c.Phase, st.Next)})
			continue
		}
		if wentBack(st, now) {
			out = append(out, Problem{Phase: c.Phase, Object: "sequence " + q.String(),
				Message: fmt.Sprintf("went back: the next value is %d, was %d, and no data-loss hazard names it", now.Next, st.Next)})
		}
	}
	return out
}

// wentBack reports whether a sequence may hand out a value it already
// gave (or, never called, a value before its start): its next value does
// not pass the last value issued. A change of increment may legitimately
// make the next value lower than it was (last 2090, increment 10 -> 1:
// next 2091 instead of 2100).
func wentBack(before, after SeqState) bool {
	up := after.Increment > 0
	switch {
	case before.IsCalled && up:
		return after.Next <= before.LastValue
	case before.IsCalled:
		return after.Next >= before.LastValue
	case up:
		return after.Next < before.Next
	}
	return after.Next > before.Next
}

// ownerCovered reports whether the column owning sequence q (OWNED BY)
// is covered: dropping it drops the sequence.
func (c Comparison) ownerCovered(q schema.QName) bool {
	if c.Old == nil {
		return false
	}
	for _, s := range c.Old.Sequences {
		if s.QName != q || s.OwnedBy == "" {
			continue
		}
		parts := strings.Split(s.OwnedBy, ".")
		if len(parts) == 3 {
			return c.columnCovered(schema.QName{Schema: parts[0], Name: parts[1]}, parts[2])
		}
	}
	return false
}
