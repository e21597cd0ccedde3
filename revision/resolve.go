package revision

import (
	"fmt"
	"strconv"
	"strings"
)

// minPrefix is the shortest partial id Resolve accepts. Shorter prefixes
// would read like step counts and turn ambiguous as the history grows, which
// breaks scripts that used to work; a full id of any length always works.
const minPrefix = 4

// state is the database's position in the graph: the version-table rows as
// given, the applied set they imply (their ancestors through parents and
// depends-on), and the normalized rows (applied revisions without an
// applied child).
type state struct {
	rows    []string
	applied map[string]bool
	heads   []*Revision
}

// state validates the version-table rows current against the graph.
func (g *Graph) state(current []string) (*state, error) {
	st := &state{applied: map[string]bool{}}
	seen := map[string]bool{}
	var start []*Revision
	for _, id := range current {
		if seen[id] {
			continue
		}
		seen[id] = true
		r, ok := g.byID[id]
		if !ok {
			return nil, &CurrentError{ID: id, Reason: "no versions dir has this revision: restore its file, or reset the version table with migrate stamp --purge REV"}
		}
		st.rows = append(st.rows, id)
		start = append(start, r)
	}
	st.applied = g.ancestors(start)
	st.heads = g.normalize(st.applied)
	return st, nil
}

// Applied returns every revision the version-table rows current imply are
// applied (the rows and all their ancestors through parents and depends-on),
// in topological order.
func (g *Graph) Applied(current []string) ([]*Revision, error) {
	st, err := g.state(current)
	if err != nil {
		return nil, err
	}
	return g.inOrder(st.applied), nil
}

// CurrentHeads returns the rows the version table should hold for current:
// the applied revisions that no applied revision has as a parent. It equals
// current whenever the table was written by this package's plans.
func (g *Graph) CurrentHeads(current []string) ([]string, error) {
	st, err := g.state(current)
	if err != nil {
		return nil, err
	}
	return ids(st.heads), nil
}

// ancestors returns the ids of revs and all their ancestors through parents
// and depends-on.
func (g *Graph) ancestors(revs []*Revision) map[string]bool {
	out := map[string]bool{}
	stack := append([]*Revision(nil), revs...)
	for len(stack) > 0 {
		r := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if out[r.ID] {
			continue
		}
		out[r.ID] = true
		for _, p := range r.Parents {
			stack = append(stack, g.byID[p])
		}
		for _, d := range r.DependsOn {
			stack = append(stack, g.byID[d])
		}
	}
	return out
}

// descendants returns the ids of revs and all revisions that have one of
// them as an ancestor through parents or depends-on.
func (g *Graph) descendants(revs []*Revision) map[string]bool {
	out := map[string]bool{}
	stack := append([]*Revision(nil), revs...)
	for len(stack) > 0 {
		r := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if out[r.ID] {
			continue
		}
		out[r.ID] = true
		stack = append(stack, g.children[r.ID]...)
		stack = append(stack, g.dependents[r.ID]...)
	}
	return out
}

// normalize returns the members of set that have no child (by parents) in
// set, in topological order: the version-table rows that represent set.
func (g *Graph) normalize(set map[string]bool) []*Revision {
	var out []*Revision
	for _, r := range g.inOrder(set) {
		top := true
		for _, c := range g.children[r.ID] {
			if set[c.ID] {
				top = false
				break
			}
		}
		if top {
			out = append(out, r)
		}
	}
	return out
}

// inOrder returns the revisions of set in topological order.
func (g *Graph) inOrder(set map[string]bool) []*Revision {
	out := make([]*Revision, 0, len(set))
	for id := range set {
		out = append(out, g.byID[id])
	}
	return g.sortByPos(out)
}

func ids(revs []*Revision) []string {
	out := make([]string, len(revs))
	for i, r := range revs {
		out[i] = r.ID
	}
	return out
}

// Resolve turns a target specification into revisions without knowing the
// database's position:
//
//   - "head": the single head (an error when there are several: it says to
//     use "heads", "<label>@head" or "migrate merge heads");
//   - "heads": every head; "base": no revision (the empty set);
//   - a full id, a branch label (the revision that declares it), or a
//     unique id prefix of at least 4 characters (an ambiguous prefix is an
//     error listing the candidates);
//   - "<label>@head" or "<rev>@head": the single head on that branch;
//     "<label>@<rev>": rev, checked to be on the branch;
//   - "REV+N", "REV-N": N steps above or below REV (REV is any of the
//     above). A step across a branch point or, going down, past a merge
//     point before the last step, is ambiguous and an error; "-N" may end
//     one step below a base, which is "base".
//
// "current", "+N", "-N" and "<label>@±N" need the current heads: see
// UpgradePlan, DowngradePlan and Range.
func (g *Graph) Resolve(spec string) ([]*Revision, error) {
	return g.resolve(spec, nil)
}

// ResolveFrom is Resolve with the database's version-table rows, so that
// "current", "+N", "-N" and "<label>@±N" work too.
func (g *Graph) ResolveFrom(current []string, spec string) ([]*Revision, error) {
	st, err := g.state(current)
	if err != nil {
		return nil, err
	}
	return g.resolve(spec, st)
}

// splitRelative splits "X+N" / "X-N" into X, sign and N.
func splitRelative(spec string) (prefix string, n int, ok bool) {
	i := strings.LastIndexAny(spec, "+-")
	if i < 0 || i == len(spec)-1 {
		return "", 0, false
	}
	digits := spec[i+1:]
	for _, c := range digits {
		if c < '0' || c > '9' {
			return "", 0, false
		}
	}
	v, err := strconv.Atoi(digits)
	if err != nil {
		return "", 0, false
	}
	if spec[i] == '-' {
		v = -v
	}
	return spec[:i], v, true
}

func (g *Graph) resolve(spec string, st *state) ([]*Revision, error) {
	spec = strings.TrimSpace(spec)
	fail := func(format string, args ...any) error {
		return &ResolveError{Spec: spec, Reason: fmt.Sprintf(format, args...)}
	}
	switch spec {
	case "":
		return nil, fail("empty target: use head, heads, base, an id, a label or a relative step")
	case "heads":
		return g.Heads(), nil
	case "base":
		return []*Revision{}, nil
	case "head":
		if len(g.heads) == 0 {
			return nil, fail("there are no revisions yet: create one with migrate revision -m MESSAGE")
		}
		if len(g.heads) > 1 {
			return nil, &ResolveError{Spec: spec, Candidates: ids(g.heads), Reason: fmt.Sprintf(
				"there are %d heads (%s): use \"heads\" for all of them, \"<label>@head\" or an id for one, or join them with migrate merge heads",
				len(g.heads), strings.Join(ids(g.heads), ", "))}
		}
		return []*Revision{g.heads[0]}, nil
	case "current":
		if st == nil {
			return nil, fail("\"current\" needs the database's current revision")
		}
		return append([]*Revision(nil), st.heads...), nil
	}
	if prefix, n, ok := splitRelative(spec); ok {
		if n == 0 {
			return nil, fail("a relative step needs a non-zero count such as +1 or -1")
		}
		revs, _, err := g.resolveRelative(spec, prefix, n, st)
		return revs, err
	}
	if branch, at, ok := strings.Cut(spec, "@"); ok {
		return g.resolveAt(spec, branch, at)
	}
	r, err := g.lookup(spec)
	if err != nil {
		return nil, err
	}
	return []*Revision{r}, nil
}

// lookup finds one revision by exact id, branch label or unique prefix.
func (g *Graph) lookup(spec string) (*Revision, error) {
	if r, ok := g.byID[spec]; ok {
		return r, nil
	}
	if r, ok := g.labelOwner[spec]; ok {
		return r, nil
	}
	if len(spec) < minPrefix {
		return nil, &ResolveError{Spec: spec, Reason: fmt.Sprintf(
			"no revision or branch label has this name (partial ids need at least %d characters)", minPrefix)}
	}
	var matches []*Revision
	for _, r := range g.order {
		if strings.HasPrefix(r.ID, spec) {
			matches = append(matches, r)
		}
	}
	switch len(matches) {
	case 0:
		return nil, &ResolveError{Spec: spec, Reason: "no revision id starts with this and no branch label has this name (see migrate history)"}
	case 1:
		return matches[0], nil
	}
	cands := sortedIDs(matches)
	shown := cands
	if len(shown) > 10 {
		shown = append(shown[:10:10], fmt.Sprintf("and %d more", len(cands)-10))
	}
	return nil, &ResolveError{Spec: spec, Candidates: cands, Reason: fmt.Sprintf(
		"ambiguous partial id, matches %s: give more characters", strings.Join(shown, ", "))}
}

// onBranch returns the test "is r on branch X": r carries label X, or X is a
// revision and r is X or descends from it through parents.
func (g *Graph) onBranch(spec, branch string) (func(*Revision) bool, *Revision, error) {
	if owner, ok := g.labelOwner[branch]; ok {
		return func(r *Revision) bool {
			for _, l := range g.labels[r.ID] {
				if l == branch {
					return true
				}
			}
			return false
		}, owner, nil
	}
	root, err := g.lookup(branch)
	if err != nil {
		return nil, nil, &ResolveError{Spec: spec, Reason: fmt.Sprintf("%q before @ is neither a branch label nor a revision", branch)}
	}
	below := map[string]bool{}
	return func(r *Revision) bool {
		if r == root {
			return true
		}
		if v, ok := below[r.ID]; ok {
			return v
		}
		v := g.parentAncestors(r)[root.ID]
		below[r.ID] = v
		return v
	}, root, nil
}

// parentAncestors returns r's ancestors through parent edges only.
func (g *Graph) parentAncestors(r *Revision) map[string]bool {
	out := map[string]bool{}
	stack := []*Revision{r}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range x.Parents {
			if !out[p] {
				out[p] = true
				stack = append(stack, g.byID[p])
			}
		}
	}
	return out
}

func (g *Graph) resolveAt(spec, branch, at string) ([]*Revision, error) {
	if branch == "" {
		return nil, &ResolveError{Spec: spec, Reason: "missing branch label before @"}
	}
	on, _, err := g.onBranch(spec, branch)
	if err != nil {
		return nil, err
	}
	switch at {
	case "head":
		var hs []*Revision
		for _, h := range g.heads {
			if on(h) {
				hs = append(hs, h)
			}
		}
		if len(hs) == 1 {
			return hs, nil
		}
		return nil, &ResolveError{Spec: spec, Candidates: ids(hs), Reason: fmt.Sprintf(
			"branch %s has %d heads (%s): name one by id, or join them with migrate merge", branch, len(hs), strings.Join(ids(hs), ", "))}
	case "base":
		return nil, &ResolveError{Spec: spec, Reason: "<branch>@base is only a downgrade target (it removes the whole branch)"}
	}
	r, err := g.lookup(at)
	if err != nil {
		return nil, err
	}
	if !on(r) {
		return nil, &ResolveError{Spec: spec, Reason: fmt.Sprintf("revision %s is not on branch %s", r.ID, branch)}
	}
	return []*Revision{r}, nil
}

// resolveRelative resolves "X+N" / "X-N". Besides the result it returns the
// last revision the walk stood on: for a walk that ends below a base (the
// empty set) that is the base it stepped off, which a downgrade removes.
func (g *Graph) resolveRelative(spec, prefix string, n int, st *state) ([]*Revision, *Revision, error) {
	fail := func(format string, args ...any) error {
		return &ResolveError{Spec: spec, Reason: fmt.Sprintf(format, args...)}
	}
	var from []*Revision // the revisions to step from (nil: below the bases)
	var bottom *Revision // where "+N" starts when nothing is applied
	switch {
	case prefix == "" || strings.HasSuffix(prefix, "@"):
		if st == nil {
			return nil, nil, fail("a step relative to the current revision needs the database; use REV%+d or head%+d instead", n, n)
		}
		from = st.heads
		if prefix != "" {
			branch := strings.TrimSuffix(prefix, "@")
			on, owner, err := g.onBranch(spec, branch)
			if err != nil {
				return nil, nil, err
			}
			from = nil
			for _, h := range st.heads {
				if on(h) {
					from = append(from, h)
				}
			}
			bottom = owner
		} else if len(g.bases) == 1 {
			bottom = g.bases[0]
		}
		switch {
		case len(from) > 1:
			return nil, nil, fail("several heads are applied (%s): step from one of them with REV%+d or <label>@%+d",
				strings.Join(ids(from), ", "), n, n)
		case len(from) == 0 && n < 0 && prefix != "":
			return nil, nil, fail("nothing on branch %s is applied, so there is nothing to step down from", strings.TrimSuffix(prefix, "@"))
		case len(from) == 0 && n < 0:
			return nil, nil, fail("nothing is applied, so there is nothing to step down from")
		case len(from) == 0:
			if bottom == nil {
				return nil, nil, fail("nothing is applied and there are %d bases: use <label>@%+d or REV%+d", len(g.bases), n, n)
			}
			if n == 1 {
				return []*Revision{bottom}, bottom, nil
			}
			// The first step lands on the base; messages count from "base".
			return g.walkUp(spec, bottom, n-1, "base", 1)
		}
	default:
		base, err := g.resolve(prefix, st)
		if err != nil {
			return nil, nil, err
		}
		if len(base) != 1 {
			return nil, nil, fail("%q names %d revisions; a relative step needs exactly one", prefix, len(base))
		}
		from = base
	}
	if n > 0 {
		return g.walkUp(spec, from[0], n, from[0].ID, 0)
	}
	return g.walkDown(spec, from[0], -n)
}

// walkUp follows children n steps from r. Messages say the walk started
// at origin, taken steps before r.
func (g *Graph) walkUp(spec string, r *Revision, n int, origin string, taken int) ([]*Revision, *Revision, error) {
	cur := r
	for i := 0; i < n; i++ {
		kids := g.children[cur.ID]
		switch len(kids) {
		case 0:
			return nil, nil, &ResolveError{Spec: spec, Reason: fmt.Sprintf(
				"+%d from %s goes past head: only %d revision%s above", n+taken, origin, i+taken, plural(i+taken))}
		case 1:
			cur = kids[0]
		default:
			return nil, nil, &ResolveError{Spec: spec, Candidates: ids(kids), Reason: fmt.Sprintf(
				"%s is a branch point (children %s): step from one of them, or use <label>@head",
				cur.ID, strings.Join(ids(kids), ", "))}
		}
	}
	return []*Revision{cur}, cur, nil
}

// walkDown follows parents n steps from r. One step below a base is "base"
// (the empty set); the last step may leave a merge point for all its
// parents, an earlier one may not.
func (g *Graph) walkDown(spec string, r *Revision, n int) ([]*Revision, *Revision, error) {
	cur := r
	for i := 0; i < n; i++ {
		last := i == n-1
		switch len(cur.Parents) {
		case 0:
			if last {
				return []*Revision{}, cur, nil
			}
			return nil, nil, &ResolveError{Spec: spec, Reason: fmt.Sprintf(
				"-%d from %s goes past base: only %d revision%s below it (-%d is base)", n, r.ID, i, plural(i), i+1)}
		case 1:
			cur = g.byID[cur.Parents[0]]
		default:
			if last {
				out := make([]*Revision, len(cur.Parents))
				for j, p := range cur.Parents {
					out[j] = g.byID[p]
				}
				return g.sortByPos(out), cur, nil
			}
			return nil, nil, &ResolveError{Spec: spec, Candidates: append([]string(nil), cur.Parents...), Reason: fmt.Sprintf(
				"-%d from %s crosses merge point %s (parents %s): step down from one of the parents by id",
				n, r.ID, cur.ID, strings.Join(cur.Parents, ", "))}
		}
	}
	return []*Revision{cur}, cur, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
