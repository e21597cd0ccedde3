package revision

import (
	"fmt"
	"strings"
)

// Version-table semantics (Alembic's, made exact):
//
// The applied set is every revision the rows name plus all their ancestors
// through parents and depends-on. The rows are the applied revisions that no
// applied revision has as a parent. An upgrade step deletes its parents'
// rows and inserts its own (a merge replaces several rows by one; a new
// branch adds a row). A downgrade step deletes its row and puts back each
// parent no remaining applied revision has as a child.
//
// Dependency-only ancestors keep their own row: a revision another branch
// depends on stays in the table until something on its own branch replaces
// it, so after "upgrade heads" the rows are exactly the heads. (Alembic
// folds such a row into the dependent's, which makes "current" differ from
// "heads" and upgrades of the depended-on branch fail; we do not.)

// rowSim tracks the version-table rows while a plan is built.
type rowSim struct {
	rows    []string
	present map[string]bool
}

func newRowSim(rows []string) *rowSim {
	s := &rowSim{present: map[string]bool{}}
	for _, id := range rows {
		s.add(id)
	}
	return s
}

func (s *rowSim) add(id string) {
	if !s.present[id] {
		s.present[id] = true
		s.rows = append(s.rows, id)
	}
}

func (s *rowSim) del(id string) {
	if !s.present[id] {
		return
	}
	delete(s.present, id)
	for i, r := range s.rows {
		if r == id {
			s.rows = append(s.rows[:i], s.rows[i+1:]...)
			break
		}
	}
}

func (s *rowSim) list() []string { return append([]string{}, s.rows...) }

// fixup returns the row changes that turn the given rows into the
// normalized rows of the same applied set. Empty unless the table was
// written by hand or by a tool with other semantics.
func fixup(st *state) (del, ins []string) {
	norm := map[string]bool{}
	for _, h := range st.heads {
		norm[h.ID] = true
	}
	given := map[string]bool{}
	for _, id := range st.rows {
		given[id] = true
		if !norm[id] {
			del = append(del, id)
		}
	}
	for _, h := range st.heads {
		if !given[h.ID] {
			ins = append(ins, h.ID)
		}
	}
	return del, ins
}

// mergeFix folds the fixup row changes into the first step.
func mergeFix(steps []Step, fixDel, fixIns []string) {
	if len(steps) == 0 || len(fixDel)+len(fixIns) == 0 {
		return
	}
	s := &steps[0]
	stepDel := map[string]bool{}
	for _, id := range s.Delete {
		stepDel[id] = true
	}
	del := append([]string{}, fixDel...)
	for _, id := range s.Delete {
		if !contains(fixIns, id) {
			del = append(del, id)
		}
	}
	var ins []string
	for _, id := range fixIns {
		if !stepDel[id] {
			ins = append(ins, id)
		}
	}
	s.Delete = del
	s.Insert = append(ins, s.Insert...)
}

func contains(list []string, id string) bool {
	for _, x := range list {
		if x == id {
			return true
		}
	}
	return false
}

// UpgradePlan returns the steps that apply target and everything it needs
// (ancestors through parents and depends-on, across branches) on top of
// current, the version-table rows (empty: nothing applied). target is any
// Resolve spec, or "+N" / "<label>@+N" relative to current. Revisions
// already applied are skipped; a target already applied gives an empty plan.
func (g *Graph) UpgradePlan(current []string, target string) (*Plan, error) {
	st, err := g.state(current)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(strings.TrimSpace(target), "@base") {
		return nil, &ResolveError{Spec: target, Reason: "<branch>@base is a downgrade target, not an upgrade target"}
	}
	if p, n, ok := splitRelative(strings.TrimSpace(target)); ok && n < 0 && (p == "" || strings.HasSuffix(p, "@")) {
		return nil, &ResolveError{Spec: target, Reason: "a negative step is a downgrade: use migrate downgrade"}
	}
	// With no revision at all, head is where the database already is: the
	// plan is empty (as in Alembic), so a project whose first autogenerate
	// found nothing to write still deploys with upgrade head.
	var targets []*Revision
	if strings.TrimSpace(target) != "head" || len(g.heads) > 0 {
		if targets, err = g.resolve(target, st); err != nil {
			return nil, err
		}
	}
	need := g.ancestors(targets)
	sim := newRowSim(st.rows)
	fixDel, fixIns := fixup(st)
	for _, id := range fixDel {
		sim.del(id)
	}
	for _, id := range fixIns {
		sim.add(id)
	}
	plan := &Plan{Direction: Up, From: append([]string{}, st.rows...)}
	for _, r := range g.inOrder(need) {
		if st.applied[r.ID] {
			continue
		}
		step := Step{Revision: r, Direction: Up, Insert: []string{r.ID}}
		for _, p := range r.Parents {
			if sim.present[p] {
				step.Delete = append(step.Delete, p)
				sim.del(p)
			}
		}
		sim.add(r.ID)
		plan.Steps = append(plan.Steps, step)
	}
	mergeFix(plan.Steps, fixDel, fixIns)
	plan.To = finalRows(plan, sim)
	return plan, nil
}

// finalRows is the table after the plan; with no step nothing is written.
func finalRows(p *Plan, sim *rowSim) []string {
	if len(p.Steps) == 0 {
		return append([]string{}, p.From...)
	}
	return sim.list()
}

// DowngradePlan returns the steps that take current (the version-table rows)
// down to target, newest first. Removed are the applied revisions above the
// target, and everything applied that depends on them (through depends-on,
// across branches); applied revisions on unrelated branches stay. target is
// "base" (remove everything), "<label>@base" (remove that branch), "-N" or
// "<label>@-N" relative to current, or any Resolve spec naming applied
// revisions ("-1" from a merge point removes the merge and leaves both
// parents as heads). A step through a downgrade marked irreversible makes
// the whole plan fail with *IrreversibleError (only detectable on a graph
// from Load: LoadHeaders does not read sections).
func (g *Graph) DowngradePlan(current []string, target string) (*Plan, error) {
	st, err := g.state(current)
	if err != nil {
		return nil, err
	}
	spec := strings.TrimSpace(target)
	if p, n, ok := splitRelative(spec); ok && n > 0 && (p == "" || strings.HasSuffix(p, "@")) {
		return nil, &ResolveError{Spec: target, Reason: "a positive step is an upgrade: use migrate upgrade"}
	}
	remove := map[string]bool{}
	switch {
	case spec == "base":
		for id := range st.applied {
			remove[id] = true
		}
	case strings.HasSuffix(spec, "@base"):
		branch := strings.TrimSuffix(spec, "@base")
		on, _, err := g.onBranch(spec, branch)
		if err != nil {
			return nil, err
		}
		var roots []*Revision
		for _, r := range g.order {
			if on(r) {
				roots = append(roots, r)
			}
		}
		for id := range g.descendants(roots) {
			if st.applied[id] {
				remove[id] = true
			}
		}
	default:
		targets, err := g.resolve(spec, st)
		if err != nil {
			return nil, err
		}
		if p, n, ok := splitRelative(spec); ok && len(targets) == 0 {
			// The walk stepped off a base: remove that base and what is
			// above it, not every branch.
			_, last, err := g.resolveRelative(spec, p, n, st)
			if err != nil {
				return nil, err
			}
			for id := range g.descendants([]*Revision{last}) {
				if st.applied[id] {
					remove[id] = true
				}
			}
			break
		}
		for _, t := range targets {
			if !st.applied[t.ID] {
				return nil, &ResolveError{Spec: target, Reason: fmt.Sprintf(
					"revision %s is not applied (current: %s), so it is not a downgrade target", t.ID, describeRows(st.rows))}
			}
		}
		keep := g.ancestors(targets)
		for id := range g.descendants(targets) {
			if st.applied[id] && !keep[id] {
				remove[id] = true
			}
		}
	}
	order := g.inOrder(remove)
	for i, j := 0, len(order)-1; i < j; i, j = i+1, j-1 {
		order[i], order[j] = order[j], order[i]
	}
	for _, r := range order {
		if r.Downgrade != nil && r.Downgrade.Irreversible {
			return nil, &IrreversibleError{ID: r.ID, Path: r.File(), Line: r.Lines[markDowngrade], Reason: r.Downgrade.Reason}
		}
	}
	applied := make(map[string]bool, len(st.applied))
	for id := range st.applied {
		applied[id] = true
	}
	sim := newRowSim(st.rows)
	fixDel, fixIns := fixup(st)
	for _, id := range fixDel {
		sim.del(id)
	}
	for _, id := range fixIns {
		sim.add(id)
	}
	plan := &Plan{Direction: Down, From: append([]string{}, st.rows...)}
	for _, r := range order {
		step := Step{Revision: r, Direction: Down, Delete: []string{r.ID}}
		sim.del(r.ID)
		delete(applied, r.ID)
		for _, p := range r.Parents {
			if sim.present[p] || g.hasChildIn(p, applied) {
				continue
			}
			step.Insert = append(step.Insert, p)
			sim.add(p)
		}
		plan.Steps = append(plan.Steps, step)
	}
	mergeFix(plan.Steps, fixDel, fixIns)
	plan.To = finalRows(plan, sim)
	return plan, nil
}

func (g *Graph) hasChildIn(id string, set map[string]bool) bool {
	for _, c := range g.children[id] {
		if set[c.ID] {
			return true
		}
	}
	return false
}

func describeRows(rows []string) string {
	if len(rows) == 0 {
		return "base"
	}
	return strings.Join(rows, ", ")
}

// StampHeads returns the version-table rows after stamping targets, without
// running any SQL. With purge the rows describe exactly the targets (and
// their ancestors). Without purge each target moves only its own lineage:
// whatever current has above the target on its branches is dropped, what the
// target needs is added, and unrelated branches keep their rows. "base" as a
// target empties the table. Targets may be any Resolve spec and "+N"/"-N"
// relative to current.
func (g *Graph) StampHeads(current []string, targets []string, purge bool) ([]string, error) {
	st, err := g.state(current)
	if err != nil {
		return nil, err
	}
	applied := map[string]bool{}
	if !purge {
		for id := range st.applied {
			applied[id] = true
		}
	}
	for _, spec := range targets {
		if strings.TrimSpace(spec) == "base" {
			applied = map[string]bool{}
			continue
		}
		revs, err := g.resolve(spec, st)
		if err != nil {
			return nil, err
		}
		keep := g.ancestors(revs)
		for id := range g.descendants(revs) {
			if !keep[id] {
				delete(applied, id)
			}
		}
		for id := range keep {
			applied[id] = true
		}
	}
	return ids(g.normalize(applied)), nil
}
