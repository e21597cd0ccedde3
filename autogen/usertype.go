package autogen

import "github.com/migrate-tool/migrate/schema"

// userTypes diffs domains and composite types together, because each may
// be built on the other: a domain over a composite, a composite with a
// domain attribute. They are created in dependency order and dropped in
// the reverse order. (Enums depend on nothing and come first.)
func (d *differ) userTypes() {
	fromDom, toDom := map[schema.QName]*schema.Domain{}, map[schema.QName]*schema.Domain{}
	fromComp, toComp := map[schema.QName]*schema.CompositeType{}, map[schema.QName]*schema.CompositeType{}
	for i := range d.from.Domains {
		fromDom[d.from.Domains[i].QName] = &d.from.Domains[i]
	}
	for i := range d.to.Domains {
		toDom[d.to.Domains[i].QName] = &d.to.Domains[i]
	}
	for i := range d.from.Composites {
		fromComp[d.from.Composites[i].QName] = &d.from.Composites[i]
	}
	for i := range d.to.Composites {
		toComp[d.to.Composites[i].QName] = &d.to.Composites[i]
	}
	deps := func(doms map[schema.QName]*schema.Domain, comps map[schema.QName]*schema.CompositeType) func(schema.QName) []schema.QName {
		return func(q schema.QName) []schema.QName {
			if dm := doms[q]; dm != nil {
				return []schema.QName{baseTypeName(dm.Type)}
			}
			var out []schema.QName
			if ct := comps[q]; ct != nil {
				for _, a := range ct.Attributes {
					out = append(out, baseTypeName(a.Type))
				}
			}
			return out
		}
	}

	var all []schema.QName
	for _, dm := range d.to.Domains {
		all = append(all, dm.QName)
	}
	for _, ct := range d.to.Composites {
		all = append(all, ct.QName)
	}
	for _, q := range topoSort(all, deps(toDom, toComp)) {
		if dm := toDom[q]; dm != nil {
			d.domain(fromDom[q], *dm)
		} else {
			d.composite(fromComp[q], *toComp[q])
		}
	}

	var gone []schema.QName
	for _, dm := range d.from.Domains {
		if toDom[dm.QName] == nil {
			gone = append(gone, dm.QName)
		}
	}
	for _, ct := range d.from.Composites {
		if toComp[ct.QName] == nil {
			gone = append(gone, ct.QName)
		}
	}
	for _, q := range reversed(topoSort(gone, deps(fromDom, fromComp))) {
		d.add(phDropDomain, &DropType{Name: q, Domain: fromDom[q] != nil})
	}
}
