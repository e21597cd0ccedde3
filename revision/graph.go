package revision

import (
	"container/heap"
	"fmt"
	"sort"
)

// Graph is a validated set of revisions: every parent and dependency exists,
// ids and labels are unique, and there is no cycle. It is immutable once
// built and safe for concurrent reads.
type Graph struct {
	byID map[string]*Revision
	// order is a topological order (parents and dependencies first); ties
	// are broken by creation time, then id, so it is stable across runs.
	order []*Revision
	pos   map[string]int
	// children and dependents are the reverse edges of Parents and DependsOn.
	children   map[string][]*Revision
	dependents map[string][]*Revision
	// labelOwner maps a branch label to the revision that declares it;
	// labels maps a revision id to every label that applies to it.
	labelOwner map[string]*Revision
	labels     map[string][]string
	heads      []*Revision
	bases      []*Revision

	srcs []Source
}

// NewGraph validates revs and builds their graph. Load and LoadHeaders call
// it; it is exported for callers holding revisions from elsewhere.
func NewGraph(revs []*Revision) (*Graph, error) { return newGraph(revs) }

func newGraph(revs []*Revision) (*Graph, error) {
	// Validate in file order so the first error is deterministic.
	sorted := append([]*Revision(nil), revs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].File() < sorted[j].File() })

	g := &Graph{
		byID:       make(map[string]*Revision, len(revs)),
		pos:        make(map[string]int, len(revs)),
		children:   map[string][]*Revision{},
		dependents: map[string][]*Revision{},
		labelOwner: map[string]*Revision{},
		labels:     map[string][]string{},
	}
	for _, r := range sorted {
		if prev, dup := g.byID[r.ID]; dup {
			return nil, &FileError{Path: r.File(), Line: r.Lines[keyRevision],
				Err: fmt.Errorf("duplicate revision id %s, also in %s:%d: give one of them a new id", r.ID, prev.File(), prev.Lines[keyRevision])}
		}
		g.byID[r.ID] = r
	}
	for _, r := range sorted {
		for _, l := range r.BranchLabels {
			if prev, dup := g.labelOwner[l]; dup {
				return nil, &FileError{Path: r.File(), Line: r.Lines[keyBranchLabels],
					Err: fmt.Errorf("branch label %q is also declared by %s (%s): labels are unique", l, prev.ID, prev.File())}
			}
			if other, clash := g.byID[l]; clash {
				return nil, &FileError{Path: r.File(), Line: r.Lines[keyBranchLabels],
					Err: fmt.Errorf("branch label %q is also the id of revision %s (%s)", l, other.ID, other.File())}
			}
			g.labelOwner[l] = r
		}
	}
	for _, r := range sorted {
		for _, p := range r.Parents {
			pr, ok := g.byID[p]
			if !ok {
				return nil, &FileError{Path: r.File(), Line: r.Lines[keyParents],
					Err: fmt.Errorf("parent %s of revision %s not found in any versions dir: restore its file, or fix the parents line", p, r.ID)}
			}
			g.children[p] = append(g.children[p], r)
			_ = pr
		}
		for _, d := range r.DependsOn {
			if _, ok := g.byID[d]; !ok {
				return nil, &FileError{Path: r.File(), Line: r.Lines[keyDependsOn],
					Err: fmt.Errorf("dependency %s of revision %s not found in any versions dir: restore its file, or fix the depends-on line", d, r.ID)}
			}
			g.dependents[d] = append(g.dependents[d], r)
		}
	}
	if err := g.sortTopo(sorted); err != nil {
		return nil, err
	}
	for _, r := range g.order {
		if len(g.children[r.ID]) == 0 {
			g.heads = append(g.heads, r)
		}
		if len(r.Parents) == 0 {
			g.bases = append(g.bases, r)
		}
	}
	for id, kids := range g.children {
		g.children[id] = g.sortByPos(kids)
	}
	for id, deps := range g.dependents {
		g.dependents[id] = g.sortByPos(deps)
	}
	g.propagateLabels()
	return g, nil
}

// revHeap orders ready revisions by creation time, then id.
type revHeap []*Revision

func (h revHeap) Len() int { return len(h) }
func (h revHeap) Less(i, j int) bool {
	if !h[i].Created.Equal(h[j].Created) {
		return h[i].Created.Before(h[j].Created)
	}
	return h[i].ID < h[j].ID
}
func (h revHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *revHeap) Push(x any)   { *h = append(*h, x.(*Revision)) }
func (h *revHeap) Pop() any {
	old := *h
	r := old[len(old)-1]
	*h = old[:len(old)-1]
	return r
}

// sortTopo computes g.order with Kahn's algorithm over parent and
// dependency edges, and reports a cycle when some revisions never become
// ready.
func (g *Graph) sortTopo(revs []*Revision) error {
	indeg := make(map[string]int, len(revs))
	ready := &revHeap{}
	for _, r := range revs {
		n := len(r.Parents) + len(r.DependsOn)
		indeg[r.ID] = n
		if n == 0 {
			*ready = append(*ready, r)
		}
	}
	heap.Init(ready)
	g.order = make([]*Revision, 0, len(revs))
	for ready.Len() > 0 {
		r := heap.Pop(ready).(*Revision)
		g.pos[r.ID] = len(g.order)
		g.order = append(g.order, r)
		for _, next := range [][]*Revision{g.children[r.ID], g.dependents[r.ID]} {
			for _, c := range next {
				indeg[c.ID]--
				if indeg[c.ID] == 0 {
					heap.Push(ready, c)
				}
			}
		}
	}
	if len(g.order) == len(revs) {
		return nil
	}
	return g.findCycle(revs, indeg)
}

// findCycle walks back from a revision left unsorted along edges that stay
// inside the unsorted set until an id repeats.
func (g *Graph) findCycle(revs []*Revision, indeg map[string]int) error {
	var start *Revision
	for _, r := range revs {
		if indeg[r.ID] > 0 {
			start = r
			break
		}
	}
	seenAt := map[string]int{}
	var path []*Revision
	cur := start
	for {
		if i, seen := seenAt[cur.ID]; seen {
			// path runs child -> parent; report parent -> child, starting
			// at the member whose file sorts first so the message is stable.
			cycle := make([]*Revision, 0, len(path)-i)
			for j := len(path) - 1; j >= i; j-- {
				cycle = append(cycle, path[j])
			}
			k := 0
			for j, r := range cycle {
				if r.File() < cycle[k].File() {
					k = j
				}
			}
			cycle = append(cycle[k:], cycle[:k]...)
			ids := make([]string, 0, len(cycle)+1)
			for _, r := range cycle {
				ids = append(ids, r.ID)
			}
			ids = append(ids, ids[0])
			first, prev := cycle[0], cycle[len(cycle)-1]
			line := first.Lines[keyDependsOn]
			for _, p := range first.Parents {
				if p == prev.ID {
					line = first.Lines[keyParents]
				}
			}
			return &CycleError{IDs: ids, Path: first.File(), Line: line}
		}
		seenAt[cur.ID] = len(path)
		path = append(path, cur)
		var next *Revision
		for _, p := range append(append([]string{}, cur.Parents...), cur.DependsOn...) {
			if indeg[p] > 0 {
				next = g.byID[p]
				break
			}
		}
		if next == nil {
			// Cannot happen: an unsorted revision always has an unsorted
			// parent or dependency.
			return fmt.Errorf("revision graph: %s is unsorted but has no unsorted parent", cur.ID)
		}
		cur = next
	}
}

func (g *Graph) sortByPos(revs []*Revision) []*Revision {
	sort.Slice(revs, func(i, j int) bool { return g.pos[revs[i].ID] < g.pos[revs[j].ID] })
	return revs
}

// Revision returns the revision with exactly this id.
func (g *Graph) Revision(id string) (*Revision, bool) {
	r, ok := g.byID[id]
	return r, ok
}

// Len is the number of revisions.
func (g *Graph) Len() int { return len(g.order) }

// Revisions returns every revision in topological order, bases first. The
// order is stable: among revisions free to come next, the older one (by
// created time, then id) comes first.
func (g *Graph) Revisions() []*Revision { return append([]*Revision(nil), g.order...) }

// Heads returns the revisions no other revision has as a parent, in
// topological order. A revision only depended on (depends-on) is still a
// head.
func (g *Graph) Heads() []*Revision { return append([]*Revision(nil), g.heads...) }

// Bases returns the revisions without parents, in topological order.
func (g *Graph) Bases() []*Revision { return append([]*Revision(nil), g.bases...) }

// Children returns the revisions that have r as a parent.
func (g *Graph) Children(id string) []*Revision {
	return append([]*Revision(nil), g.children[id]...)
}

// Dependents returns the revisions that list id in depends-on.
func (g *Graph) Dependents(id string) []*Revision {
	return append([]*Revision(nil), g.dependents[id]...)
}

// IsHead reports whether no revision has id as a parent.
func (g *Graph) IsHead(id string) bool { _, ok := g.byID[id]; return ok && len(g.children[id]) == 0 }

// IsBranchPoint reports whether two or more revisions have id as a parent.
func (g *Graph) IsBranchPoint(id string) bool { return len(g.children[id]) > 1 }

// IsMergePoint reports whether revision id has two or more parents.
func (g *Graph) IsMergePoint(id string) bool {
	r, ok := g.byID[id]
	return ok && len(r.Parents) > 1
}

// BranchPoints returns the revisions with two or more children, in
// topological order.
func (g *Graph) BranchPoints() []*Revision {
	var out []*Revision
	for _, r := range g.order {
		if len(g.children[r.ID]) > 1 {
			out = append(out, r)
		}
	}
	return out
}

// Labels returns every branch label that applies to revision id: the labels
// it declares and those inherited from its ancestors along parent edges.
func (g *Graph) Labels(id string) []string { return append([]string(nil), g.labels[id]...) }

// LabelOwner returns the revision that declares label.
func (g *Graph) LabelOwner(label string) (*Revision, bool) {
	r, ok := g.labelOwner[label]
	return r, ok
}

// propagateLabels applies each declared label to its revision and every
// descendant along parent edges (not depends-on), as Alembic does: a label
// names a branch from the point it is declared upward, through merges.
func (g *Graph) propagateLabels() {
	if len(g.labelOwner) == 0 {
		return
	}
	// Walking in topological order lets each revision inherit from its
	// parents in one pass.
	for _, r := range g.order {
		var ls []string
		seen := map[string]bool{}
		add := func(l string) {
			if !seen[l] {
				seen[l] = true
				ls = append(ls, l)
			}
		}
		for _, l := range r.BranchLabels {
			add(l)
		}
		for _, p := range r.Parents {
			for _, l := range g.labels[p] {
				add(l)
			}
		}
		if len(ls) > 0 {
			sort.Strings(ls)
			g.labels[r.ID] = ls
		}
	}
}
