package revision

import (
	"errors"
	"strings"
	"testing"
)

func TestPlans(t *testing.T) {
	tests := []struct {
		name    string
		spec    []string
		dir     Direction
		current []string
		target  string
		steps   []string // stepString of each step
		to      string   // rows after the plan, space-separated
		err     string
	}{
		{name: "linear from base", spec: linearSpec, dir: Up, target: "head",
			steps: []string{"up r1 +r1", "up r2 -r1 +r2", "up r3 -r2 +r3", "up r4 -r3 +r4"}, to: "r4"},
		{name: "linear partial", spec: linearSpec, dir: Up, current: []string{"r2"}, target: "r3",
			steps: []string{"up r3 -r2 +r3"}, to: "r3"},
		{name: "linear +2", spec: linearSpec, dir: Up, current: []string{"r1"}, target: "+2",
			steps: []string{"up r2 -r1 +r2", "up r3 -r2 +r3"}, to: "r3"},
		{name: "linear already there", spec: linearSpec, dir: Up, current: []string{"r4"}, target: "r2", to: "r4"},
		{name: "linear up -1 refused", spec: linearSpec, dir: Up, current: []string{"r4"}, target: "-1", err: "negative step is a downgrade"},
		{name: "linear down -1", spec: linearSpec, dir: Down, current: []string{"r4"}, target: "-1",
			steps: []string{"down r4 -r4 +r3"}, to: "r3"},
		{name: "linear down to base", spec: linearSpec, dir: Down, current: []string{"r2"}, target: "base",
			steps: []string{"down r2 -r2 +r1", "down r1 -r1"}, to: ""},
		{name: "linear down -2 is base", spec: linearSpec, dir: Down, current: []string{"r2"}, target: "-2",
			steps: []string{"down r2 -r2 +r1", "down r1 -r1"}, to: ""},
		{name: "linear down past base", spec: linearSpec, dir: Down, current: []string{"r2"}, target: "-3",
			err: "-3 from r2 goes past base: only 1 revision below it (-2 is base)"},
		{name: "linear down to rev", spec: linearSpec, dir: Down, current: []string{"r4"}, target: "r2",
			steps: []string{"down r4 -r4 +r3", "down r3 -r3 +r2"}, to: "r2"},
		{name: "linear down to unapplied", spec: linearSpec, dir: Down, current: []string{"r2"}, target: "r3",
			err: "revision r3 is not applied (current: r2)"},
		{name: "linear down +1 refused", spec: linearSpec, dir: Down, current: []string{"r2"}, target: "+1", err: "positive step is an upgrade"},

		{name: "branches upgrade heads", spec: branchSpec, dir: Up, target: "heads",
			steps: []string{"up b0 +b0", "up x1 -b0 +x1", "up y1 +y1", "up x2 -x1 +x2", "up y2 -y1 +y2"}, to: "x2 y2"},
		{name: "branches upgrade one label", spec: branchSpec, dir: Up, target: "right@head",
			steps: []string{"up b0 +b0", "up y1 -b0 +y1", "up y2 -y1 +y2"}, to: "y2"},
		{name: "branches second branch", spec: branchSpec, dir: Up, current: []string{"y2"}, target: "left@head",
			steps: []string{"up x1 +x1", "up x2 -x1 +x2"}, to: "y2 x2"},
		{name: "branches head is ambiguous", spec: branchSpec, dir: Up, target: "head", err: "there are 2 heads"},
		{name: "branches down one branch", spec: branchSpec, dir: Down, current: []string{"x2", "y2"}, target: "x1",
			steps: []string{"down x2 -x2 +x1"}, to: "y2 x1"},
		{name: "branches down to branch point", spec: branchSpec, dir: Down, current: []string{"x2", "y2"}, target: "b0",
			steps: []string{"down y2 -y2 +y1", "down x2 -x2 +x1", "down y1 -y1", "down x1 -x1 +b0"}, to: "b0"},
		{name: "branches down label@base", spec: branchSpec, dir: Down, current: []string{"x2", "y2"}, target: "right@base",
			steps: []string{"down y2 -y2 +y1", "down y1 -y1"}, to: "x2"},
		{name: "branches down label@-1", spec: branchSpec, dir: Down, current: []string{"x2", "y2"}, target: "left@-1",
			steps: []string{"down x2 -x2 +x1"}, to: "y2 x1"},
		{name: "branches -1 with two heads", spec: branchSpec, dir: Down, current: []string{"x2", "y2"}, target: "-1",
			err: "several heads are applied (x2, y2)"},

		{name: "merge upgrade", spec: mergeSpec, dir: Up, current: []string{"p1"}, target: "head",
			steps: []string{"up q1 +q1", "up mm -p1 -q1 +mm", "up top -mm +top"}, to: "top"},
		{name: "merge from two rows", spec: mergeSpec, dir: Up, current: []string{"p1", "q1"}, target: "mm",
			steps: []string{"up mm -p1 -q1 +mm"}, to: "mm"},
		{name: "merge -1 from merge point", spec: mergeSpec, dir: Down, current: []string{"mm"}, target: "-1",
			steps: []string{"down mm -mm +p1 +q1"}, to: "p1 q1"},
		{name: "merge down one parent", spec: mergeSpec, dir: Down, current: []string{"top"}, target: "p1",
			steps: []string{"down top -top +mm", "down mm -mm +p1 +q1"}, to: "p1 q1"},
		{name: "merge down to base revision", spec: mergeSpec, dir: Down, current: []string{"mm"}, target: "m0",
			steps: []string{"down mm -mm +p1 +q1", "down q1 -q1", "down p1 -p1 +m0"}, to: "m0"},
		{name: "merge -3 across merge", spec: mergeSpec, dir: Down, current: []string{"top"}, target: "-3",
			err: "crosses merge point mm"},

		{name: "depends-on pulls in other branch", spec: depSpec, dir: Up, target: "net@head",
			steps: []string{"up a1 +a1", "up a2 -a1 +a2", "up n1 +n1", "up n2 -n1 +n2", "up n3 -n2 +n3"}, to: "a2 n3"},
		{name: "depends-on only what is needed", spec: depSpec, dir: Up, target: "n2",
			steps: []string{"up a1 +a1", "up a2 -a1 +a2", "up n1 +n1", "up n2 -n1 +n2"}, to: "a2 n2"},
		{name: "dependency keeps its row", spec: depSpec, dir: Up, current: []string{"a2", "n1"}, target: "n2",
			steps: []string{"up n2 -n1 +n2"}, to: "a2 n2"},
		{name: "downgrade removes dependents", spec: depSpec, dir: Down, current: []string{"a2", "n3"}, target: "a1",
			steps: []string{"down n3 -n3 +n2", "down n2 -n2 +n1", "down a2 -a2 +a1"}, to: "n1 a1"},
		{name: "net@-3 steps off its base only", spec: depSpec, dir: Down, current: []string{"a2", "n3"}, target: "net@-3",
			steps: []string{"down n3 -n3 +n2", "down n2 -n2 +n1", "down n1 -n1"}, to: "a2"},
		{name: "downgrade dependent branch only", spec: depSpec, dir: Down, current: []string{"a2", "n3"}, target: "net@base",
			steps: []string{"down n3 -n3 +n2", "down n2 -n2 +n1", "down n1 -n1"}, to: "a2"},
		{name: "legacy folded rows are repaired", spec: depSpec, dir: Up, current: []string{"n2"}, target: "n3",
			steps: []string{"up n3 -n2 +a2 +n3"}, to: "a2 n3"},
		{name: "redundant rows are removed", spec: linearSpec, dir: Up, current: []string{"r1", "r2"}, target: "r3",
			steps: []string{"up r3 -r1 -r2 +r3"}, to: "r3"},

		{name: "empty history upgrade head", dir: Up, target: "head", to: ""},
		{name: "empty history downgrade base", dir: Down, target: "base", to: ""},
		{name: "empty history upgrade to an id", dir: Up, target: "abcd", err: "abcd"},
		{name: "unknown current", spec: linearSpec, dir: Up, current: []string{"nope"}, target: "head", err: `version table row "nope"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := build(t, tt.spec...)
			var plan *Plan
			var err error
			if tt.dir == Up {
				plan, err = g.UpgradePlan(tt.current, tt.target)
			} else {
				plan, err = g.DowngradePlan(tt.current, tt.target)
			}
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("plan(%v, %q) error = %v, want one containing %q", tt.current, tt.target, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("plan(%v, %q): %v", tt.current, tt.target, err)
			}
			var got []string
			for _, s := range plan.Steps {
				got = append(got, stepString(s))
				if s.Direction != tt.dir {
					t.Errorf("step %s has direction %v", s.Revision.ID, s.Direction)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.steps, "\n") {
				t.Errorf("steps:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.steps, "\n  "))
			}
			if s := strings.Join(plan.To, " "); s != tt.to {
				t.Errorf("To = %q, want %q", s, tt.to)
			}
			if strings.Join(plan.From, " ") != strings.Join(tt.current, " ") {
				t.Errorf("From = %v, want %v", plan.From, tt.current)
			}
			checkRows(t, plan)
		})
	}
}

// checkRows replays the plan's row changes and checks each delete hits an
// existing row and the end state equals To.
func checkRows(t *testing.T, p *Plan) {
	t.Helper()
	rows := map[string]bool{}
	for _, id := range p.From {
		rows[id] = true
	}
	for _, s := range p.Steps {
		for _, d := range s.Delete {
			if !rows[d] {
				t.Errorf("step %s deletes row %s that is not there", s.Revision.ID, d)
			}
			delete(rows, d)
		}
		for _, i := range s.Insert {
			if rows[i] {
				t.Errorf("step %s inserts row %s twice", s.Revision.ID, i)
			}
			rows[i] = true
		}
	}
	if len(rows) != len(p.To) {
		t.Errorf("replayed rows %v, To %v", rows, p.To)
	}
	for _, id := range p.To {
		if !rows[id] {
			t.Errorf("replayed rows %v lack %s from To", rows, id)
		}
	}
}

func TestDowngradeIrreversible(t *testing.T) {
	g := build(t, linearSpec...)
	r3, _ := g.Revision("r3")
	r3.Downgrade = &Section{Irreversible: true, Reason: "drops data"}
	r3.Lines[markDowngrade] = 9
	_, err := g.DowngradePlan([]string{"r4"}, "r1")
	var ie *IrreversibleError
	if !errors.As(err, &ie) {
		t.Fatalf("err = %v, want *IrreversibleError", err)
	}
	want := "versions/r3.sql:9: revision r3 cannot be downgraded: its downgrade is marked irreversible (drops data); downgrade to a revision above it, or restore from a backup"
	if err.Error() != want {
		t.Errorf("error:\n got %s\nwant %s", err, want)
	}
	if _, err := g.DowngradePlan([]string{"r4"}, "r3"); err != nil {
		t.Errorf("downgrade above the irreversible revision: %v", err)
	}
}

func TestStampHeads(t *testing.T) {
	tests := []struct {
		name    string
		spec    []string
		current []string
		targets []string
		purge   bool
		want    string
		err     string
	}{
		{name: "linear", spec: linearSpec, current: []string{"r1"}, targets: []string{"r3"}, want: "r3"},
		{name: "linear down", spec: linearSpec, current: []string{"r4"}, targets: []string{"r2"}, want: "r2"},
		{name: "base", spec: linearSpec, current: []string{"r4"}, targets: []string{"base"}, want: ""},
		{name: "heads", spec: branchSpec, targets: []string{"heads"}, want: "x2 y2"},
		{name: "one branch keeps the other", spec: branchSpec, current: []string{"x2", "y2"}, targets: []string{"y1"}, want: "y1 x2"},
		{name: "purge", spec: branchSpec, current: []string{"x2", "y2"}, targets: []string{"y1"}, purge: true, want: "y1"},
		{name: "merge parents", spec: mergeSpec, current: []string{"top"}, targets: []string{"p1"}, want: "p1 q1"},
		{name: "relative", spec: linearSpec, current: []string{"r2"}, targets: []string{"+1"}, want: "r3"},
		{name: "dependency row", spec: depSpec, targets: []string{"n2"}, want: "a2 n2"},
		{name: "bad target", spec: linearSpec, targets: []string{"zzzz"}, err: "no revision id starts with this"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := build(t, tt.spec...)
			got, err := g.StampHeads(tt.current, tt.targets, tt.purge)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("StampHeads error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s := strings.Join(got, " "); s != tt.want {
				t.Errorf("StampHeads(%v, %v, %v) = %q, want %q", tt.current, tt.targets, tt.purge, s, tt.want)
			}
		})
	}
}
