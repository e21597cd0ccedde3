package target

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// object is one top-level object of a schema.Schema, as the merge sees
// it: its kind and identity, the name of the unit it belongs to, and a
// way to put it into a schema.
type object struct {
	key  string // kind, schema and name (and signature, for functions)
	name string // unqualified name, for its unit
	val  any
	put  func(*schema.Schema)
}

// objects lists every top-level object of s.
func objects(s *schema.Schema) []object {
	var out []object
	add := func(kind string, q schema.QName, extra string, v any, put func(*schema.Schema)) {
		out = append(out, object{key: kind + " " + q.Schema + "." + q.Name + extra, name: q.Name, val: v, put: put})
	}
	for _, x := range s.Namespaces {
		add("schema", schema.QName{Name: x.Name}, "", x, func(d *schema.Schema) { d.Namespaces = append(d.Namespaces, x) })
	}
	for _, x := range s.Extensions {
		add("extension", schema.QName{Name: x.Name}, "", x, func(d *schema.Schema) { d.Extensions = append(d.Extensions, x) })
	}
	for _, x := range s.Collations {
		add("collation", x.QName, "", x, func(d *schema.Schema) { d.Collations = append(d.Collations, x) })
	}
	for _, x := range s.Enums {
		add("enum", x.QName, "", x, func(d *schema.Schema) { d.Enums = append(d.Enums, x) })
	}
	for _, x := range s.Domains {
		add("domain", x.QName, "", x, func(d *schema.Schema) { d.Domains = append(d.Domains, x) })
	}
	for _, x := range s.Composites {
		add("composite", x.QName, "", x, func(d *schema.Schema) { d.Composites = append(d.Composites, x) })
	}
	for _, x := range s.Sequences {
		add("sequence", x.QName, "", x, func(d *schema.Schema) { d.Sequences = append(d.Sequences, x) })
	}
	for _, x := range s.Tables {
		add("table", x.QName, "", x, func(d *schema.Schema) { d.Tables = append(d.Tables, x) })
	}
	for _, x := range s.Views {
		add("view", x.QName, "", x, func(d *schema.Schema) { d.Views = append(d.Views, x) })
	}
	for _, x := range s.Functions {
		add("function", x.QName, "("+x.Signature()+")", x, func(d *schema.Schema) { d.Functions = append(d.Functions, x) })
	}
	return out
}

func sameObject(a, b any) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(ja) == string(jb)
}

// merge builds the target after an edit: the previous target's objects
// outside the affected units, and the replay's objects inside them. The
// replay also holds context objects (what the affected statements
// needed): each must come out exactly as in the previous target, which
// checks that the replay saw everything they depend on. Every affected
// unit's statements must have been replayed. Any doubt is an error, and
// the caller rebuilds.
func merge(prev, replayed *schema.Schema, p *replayPlan) (*schema.Schema, error) {
	u := p.units
	u.joinSchema(replayed)
	affected := map[string]bool{}
	for r := range p.affected {
		affected[u.root(r)] = true
	}
	// The joins above may have tied more names to an affected unit (a
	// new table's sequences): its statements must all have been
	// replayed.
	for i, d := range p.next {
		if len(d.info.Targets) > 0 && affected[u.root(d.info.Targets[0])] && !p.included[i] {
			return nil, fmt.Errorf("statement %d belongs to a replaced unit but was not replayed", i+1)
		}
	}
	prevObjs := map[string]object{}
	for _, o := range objects(prev) {
		prevObjs[o.key] = o
	}
	out := &schema.Schema{}
	for _, o := range objects(prev) {
		if !affected[u.root(o.name)] {
			o.put(out)
		}
	}
	for _, o := range objects(replayed) {
		if affected[u.root(o.name)] {
			o.put(out)
			continue
		}
		was, ok := prevObjs[o.key]
		if !ok {
			return nil, fmt.Errorf("the replay made %s, which the previous target does not have", o.key)
		}
		if !sameObject(o.val, was.val) {
			return nil, fmt.Errorf("%s came out of the replay differently from the previous target", o.key)
		}
	}
	out.Sort()
	if err := checkNames(out, affected, u); err != nil {
		return nil, err
	}
	return out, nil
}

// checkNames fails when the merged target holds two relations (or types)
// of one name in one schema, or a constraint of an affected table shares
// its name with another table's in the same schema: a full rebuild would
// have refused the second or named an unnamed one differently.
func checkNames(s *schema.Schema, affected map[string]bool, u *units) error {
	rel := map[string]string{}
	take := func(schemaName, name, what string) error {
		k := schemaName + "." + name
		if prev, ok := rel[k]; ok {
			return fmt.Errorf("%s and %s are both named %s", prev, what, k)
		}
		rel[k] = what
		return nil
	}
	cons := map[string]string{} // schema.constraint -> table
	for _, t := range s.Tables {
		if err := take(t.Schema, t.Name, "table "+t.Name); err != nil {
			return err
		}
		for _, ix := range t.Indexes {
			if err := take(t.Schema, ix.Name, "index "+ix.Name); err != nil {
				return err
			}
		}
		for _, k := range t.Constraints {
			switch k.Type {
			case schema.PrimaryKey, schema.Unique, schema.Exclusion:
				if err := take(t.Schema, k.Name, "constraint index "+k.Name); err != nil {
					return err
				}
			}
		}
	}
	for _, t := range s.Tables {
		for _, k := range t.Constraints {
			ck := t.Schema + "." + k.Name
			if other, ok := cons[ck]; ok && other != t.Name && (affected[u.root(t.Name)] || affected[u.root(other)]) {
				return fmt.Errorf("tables %s and %s both have a constraint %s", other, t.Name, k.Name)
			}
			cons[ck] = t.Name
		}
	}
	for _, v := range s.Views {
		if err := take(v.Schema, v.Name, "view "+v.Name); err != nil {
			return err
		}
		for _, ix := range v.Indexes {
			if err := take(v.Schema, ix.Name, "index "+ix.Name); err != nil {
				return err
			}
		}
	}
	for _, q := range s.Sequences {
		if err := take(q.Schema, q.Name, "sequence "+q.Name); err != nil {
			return err
		}
	}
	types := map[string]bool{}
	for k := range rel {
		if strings.HasPrefix(rel[k], "table ") || strings.HasPrefix(rel[k], "view ") || strings.HasPrefix(rel[k], "sequence ") {
			types[k] = true // relations have a row type of their name
		}
	}
	for _, q := range append(append(qnamesOfEnums(s), qnamesOfDomains(s)...), qnamesOfComposites(s)...) {
		k := q.Schema + "." + q.Name
		if types[k] {
			return fmt.Errorf("type %s has the name of a relation", k)
		}
		types[k] = true
	}
	return nil
}

func qnamesOfEnums(s *schema.Schema) []schema.QName {
	var out []schema.QName
	for _, x := range s.Enums {
		out = append(out, x.QName)
	}
	return out
}

func qnamesOfDomains(s *schema.Schema) []schema.QName {
	var out []schema.QName
	for _, x := range s.Domains {
		out = append(out, x.QName)
	}
	return out
}

func qnamesOfComposites(s *schema.Schema) []schema.QName {
	var out []schema.QName
	for _, x := range s.Composites {
		out = append(out, x.QName)
	}
	return out
}
