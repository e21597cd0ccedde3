package revision

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// build makes a graph from compact specs "id[:p1,p2][ +dep1,dep2][ @label]".
// Created times follow the order of specs so topological ties are stable.
func build(t testing.TB, specs ...string) *Graph {
	t.Helper()
	g, err := buildErr(specs...)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return g
}

func buildErr(specs ...string) (*Graph, error) {
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var revs []*Revision
	for i, spec := range specs {
		r := &Revision{Transactional: true, Created: base.Add(time.Duration(i) * time.Minute),
			Lines: map[string]int{keyRevision: 1, keyParents: 2, keyDependsOn: 3, keyBranchLabels: 4}}
		for j, f := range strings.Fields(spec) {
			switch {
			case j == 0:
				id, parents, _ := strings.Cut(f, ":")
				r.ID = id
				if parents != "" {
					r.Parents = strings.Split(parents, ",")
				}
			case strings.HasPrefix(f, "+"):
				r.DependsOn = strings.Split(f[1:], ",")
			case strings.HasPrefix(f, "@"):
				r.BranchLabels = strings.Split(f[1:], ",")
			}
		}
		r.Path = r.ID + ".sql"
		r.Dir = "versions"
		r.Message = "msg " + r.ID
		r.src = -1
		revs = append(revs, r)
	}
	return NewGraph(revs)
}

// stepString renders a step as "up x -a -b +x" for compact comparisons.
func stepString(s Step) string {
	var b strings.Builder
	if s.Direction == Up {
		b.WriteString("up ")
	} else {
		b.WriteString("down ")
	}
	b.WriteString(s.Revision.ID)
	for _, d := range s.Delete {
		fmt.Fprintf(&b, " -%s", d)
	}
	for _, i := range s.Insert {
		fmt.Fprintf(&b, " +%s", i)
	}
	return b.String()
}
