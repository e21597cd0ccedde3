package autogen

import (
	"slices"

	"github.com/migrate-tool/migrate/schema"
)

// topoSort orders nodes so that every node comes after its dependencies
// (deps(n) lists them; dependencies outside nodes are ignored). The order is
// deterministic: among ready nodes the input order wins. Nodes caught in a
// cycle are appended in input order.
func topoSort(nodes []schema.QName, deps func(schema.QName) []schema.QName) []schema.QName {
	in := map[schema.QName]bool{}
	for _, n := range nodes {
		in[n] = true
	}
	done := map[schema.QName]bool{}
	visiting := map[schema.QName]bool{}
	out := make([]schema.QName, 0, len(nodes))
	var visit func(n schema.QName)
	visit = func(n schema.QName) {
		if done[n] || visiting[n] {
			return
		}
		visiting[n] = true
		ds := slices.Clone(deps(n))
		slices.SortFunc(ds, schema.QName.Compare)
		for _, dep := range ds {
			if in[dep] && dep != n {
				visit(dep)
			}
		}
		visiting[n] = false
		done[n] = true
		out = append(out, n)
	}
	for _, n := range nodes {
		visit(n)
	}
	return out
}

func reversed[T any](s []T) []T {
	out := slices.Clone(s)
	slices.Reverse(out)
	return out
}
