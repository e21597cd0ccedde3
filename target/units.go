package target

import (
	"fmt"
	"strings"

	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/schema"
)

// A unit is a set of object names that incremental materialization
// replays and replaces together: the names a statement targets (CREATE
// INDEX i ON t joins i and t), and the names of everything that lives on
// a table (its indexes, constraints, owned sequences). Names are
// unqualified, so objects of the same name in two schemas share a unit:
// that only ever replays more than needed.
type units struct{ parent map[string]string }

func newUnits() *units { return &units{parent: map[string]string{}} }

// root returns the unit of name; a name never seen is a unit of its own.
func (u *units) root(name string) string {
	p, ok := u.parent[name]
	if !ok {
		return name
	}
	if p == name {
		return p
	}
	r := u.root(p)
	u.parent[name] = r
	return r
}

func (u *units) known(name string) bool {
	_, ok := u.parent[name]
	return ok
}

func (u *units) add(name string) {
	if _, ok := u.parent[name]; !ok {
		u.parent[name] = name
	}
}

// join puts names in one unit.
func (u *units) join(names ...string) {
	for _, n := range names {
		u.add(n)
	}
	for _, n := range names[1:] {
		a, b := u.root(names[0]), u.root(n)
		if a != b {
			u.parent[b] = a
		}
	}
}

// joinSchema joins every table with the names of what lives on it, and
// every owned sequence with its table.
func (u *units) joinSchema(s *schema.Schema) {
	if s == nil {
		return
	}
	for _, t := range s.Tables {
		names := []string{t.Name}
		for _, ix := range t.Indexes {
			names = append(names, ix.Name)
		}
		for _, k := range t.Constraints {
			names = append(names, k.Name)
		}
		u.join(names...)
	}
	for _, v := range s.Views {
		names := []string{v.Name}
		for _, ix := range v.Indexes {
			names = append(names, ix.Name)
		}
		u.join(names...)
	}
	for _, q := range s.Sequences {
		if q.OwnedBy == "" {
			u.add(q.Name)
			continue
		}
		parts := strings.Split(q.OwnedBy, ".")
		if len(parts) >= 2 {
			u.join(q.Name, parts[len(parts)-2])
		}
	}
	for _, f := range s.Functions {
		u.add(f.Name)
	}
	for _, e := range s.Enums {
		u.add(e.Name)
	}
	for _, d := range s.Domains {
		u.add(d.Name)
	}
	for _, c := range s.Composites {
		u.add(c.Name)
	}
}

// replayPlan is what to replay for an edit: the new statements in order,
// and the units whose objects the replay replaces.
type replayPlan struct {
	stmts    []declStmt
	affected map[string]bool // unit roots (in units)
	units    *units
	next     []declStmt   // the whole new declaration
	included map[int]bool // indexes into next of the replayed statements
}

// maxReplayShare bounds the part of a declaration an edit may replay
// before a rebuild is the better deal.
const (
	maxReplayShare = 4 // a quarter
	minReplayCap   = 64
)

// planReplay decides which statements of next must be replayed, in a
// scratch database holding nothing else, for the objects an edit from
// prev touches to come out as a full rebuild would make them:
//
//   - the units of every statement removed or added (changed);
//   - every unit one of whose statements mentions an affected unit, again
//     and again (a view over a table that gained a column, a table whose
//     foreign key names a table that was replaced): affected too;
//   - every unit an affected statement mentions, and what those mention,
//     as context (a foreign key needs the table it references);
//   - the statements creating schemas and extensions, and the settings
//     at the top of the script, always.
//
// An error says why the edit cannot be replayed (unsupported statements,
// too large a share of the declaration): the caller rebuilds.
func planReplay(prev, next []declStmt, hunks []edit, old *schema.Schema) (*replayPlan, error) {
	var settingsPrev, settingsNext []string
	for _, list := range [][]declStmt{prev, next} {
		objects := false
		for _, d := range list {
			switch d.info.Kind {
			case sqlparse.DeclUnsupported:
				return nil, fmt.Errorf("%s is not replayed on its own", d.info.What)
			case sqlparse.DeclSetting:
				if objects {
					return nil, fmt.Errorf("a setting after the first object")
				}
			case sqlparse.DeclObject, sqlparse.DeclGlobal:
				objects = true
			}
		}
	}
	for _, d := range prev {
		if d.info.Kind == sqlparse.DeclSetting {
			settingsPrev = append(settingsPrev, d.hash)
		}
	}
	for _, d := range next {
		if d.info.Kind == sqlparse.DeclSetting {
			settingsNext = append(settingsNext, d.hash)
		}
	}
	if strings.Join(settingsPrev, ",") != strings.Join(settingsNext, ",") {
		return nil, fmt.Errorf("the settings changed")
	}

	u := newUnits()
	u.joinSchema(old)
	for _, list := range [][]declStmt{prev, next} {
		for _, d := range list {
			if len(d.info.Targets) > 0 {
				u.join(d.info.Targets...)
			}
		}
	}
	affected := map[string]bool{}
	for _, h := range hunks {
		for _, d := range prev[h.A0:h.A1] {
			for _, t := range d.info.Targets {
				affected[u.root(t)] = true
			}
		}
		for _, d := range next[h.B0:h.B1] {
			for _, t := range d.info.Targets {
				affected[u.root(t)] = true
			}
		}
	}
	stmtRoot := func(d declStmt) string {
		if len(d.info.Targets) == 0 {
			return ""
		}
		return u.root(d.info.Targets[0])
	}
	mentionsAny := func(d declStmt, set map[string]bool) bool {
		for _, m := range d.info.Mentions {
			if u.known(m) && set[u.root(m)] {
				return true
			}
		}
		return false
	}
	// Dependants of affected units, to a fixed point.
	for grew := true; grew; {
		grew = false
		for _, d := range next {
			r := stmtRoot(d)
			if r == "" || affected[r] || !mentionsAny(d, affected) {
				continue
			}
			affected[r] = true
			grew = true
		}
	}
	// What the affected statements need: the units they mention, and
	// what those mention, plus every global statement.
	byRoot := map[string][]int{}
	for i, d := range next {
		if r := stmtRoot(d); r != "" {
			byRoot[r] = append(byRoot[r], i)
		}
	}
	include := map[string]bool{}
	var queue []int
	for r := range affected {
		include[r] = true
		queue = append(queue, byRoot[r]...)
	}
	for _, d := range next {
		if d.info.Kind == sqlparse.DeclGlobal && !include[stmtRoot(d)] {
			include[stmtRoot(d)] = true
			queue = append(queue, byRoot[stmtRoot(d)]...)
		}
	}
	for len(queue) > 0 {
		d := next[queue[0]]
		queue = queue[1:]
		for _, m := range d.info.Mentions {
			if !u.known(m) {
				continue
			}
			r := u.root(m)
			if include[r] {
				continue
			}
			include[r] = true
			queue = append(queue, byRoot[r]...)
		}
	}
	p := &replayPlan{affected: affected, units: u, next: next, included: map[int]bool{}}
	for i, d := range next {
		switch {
		case d.info.Kind == sqlparse.DeclSetting:
			p.stmts = append(p.stmts, d)
		case d.info.Kind == sqlparse.DeclSkip:
		case include[stmtRoot(d)]:
			if d.noTx != "" {
				return nil, fmt.Errorf("%s cannot run in the replay's transaction", d.noTx)
			}
			p.stmts = append(p.stmts, d)
			p.included[i] = true
		}
	}
	if limit := max(minReplayCap, len(next)/maxReplayShare); len(p.stmts) > limit {
		return nil, fmt.Errorf("the edit replays %d of %d statements", len(p.stmts), len(next))
	}
	return p, nil
}
