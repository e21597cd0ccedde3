package revision

import (
	"errors"
	"strings"
	"testing"
)

// Graphs shared by resolution and plan tests.
var (
	// linear: r1 <- r2 <- r3 <- r4
	linearSpec = []string{"r1", "r2:r1", "r3:r2", "r4:r3"}
	// two branches from one base b0: b0 <- x1(@left) <- x2 ; b0 <- y1(@right) <- y2
	branchSpec = []string{"b0", "x1:b0 @left", "y1:b0 @right", "x2:x1", "y2:y1"}
	// merge: m0 <- p1, m0 <- q1, mm(p1,q1) <- top
	mergeSpec = []string{"m0", "p1:m0", "q1:m0", "mm:p1,q1", "top:mm"}
	// depends-on across independent branches: a1 <- a2 (@acct); n1 <- n2 (+a2) (@net) <- n3
	depSpec = []string{"a1 @acct", "a2:a1", "n1 @net", "n2:n1 +a2", "n3:n2"}
	// ids sharing prefixes
	prefixSpec = []string{"abcd1111", "abcd2222:abcd1111", "abce0000:abcd2222"}
)

func TestResolve(t *testing.T) {
	tests := []struct {
		name  string
		spec  []string
		in    string
		want  string // space-separated ids; "" = base (empty set)
		err   string // substring of the error; empty = no error
		cands []string
	}{
		{name: "linear head", spec: linearSpec, in: "head", want: "r4"},
		{name: "linear heads", spec: linearSpec, in: "heads", want: "r4"},
		{name: "linear base", spec: linearSpec, in: "base", want: ""},
		{name: "exact id", spec: linearSpec, in: "r2", want: "r2"},
		{name: "head-1", spec: linearSpec, in: "head-1", want: "r3"},
		{name: "rev+2", spec: linearSpec, in: "r1+2", want: "r3"},
		{name: "rev-3 is first", spec: linearSpec, in: "r4-3", want: "r1"},
		{name: "rev-4 is base", spec: linearSpec, in: "r4-4", want: ""},
		{name: "past base", spec: linearSpec, in: "r3-4", err: "-4 from r3 goes past base: only 2 revisions below it (-3 is base)"},
		{name: "past head", spec: linearSpec, in: "r2+3", err: "+3 from r2 goes past head: only 2 revisions above"},
		{name: "zero step", spec: linearSpec, in: "r2+0", err: "non-zero count"},
		{name: "relative needs current", spec: linearSpec, in: "-1", err: "needs the database"},
		{name: "current needs database", spec: linearSpec, in: "current", err: "needs the database"},
		{name: "unknown", spec: linearSpec, in: "zzzzzz", err: "no revision id starts with this"},
		{name: "short prefix", spec: linearSpec, in: "r", err: "at least 4 characters"},
		{name: "empty", spec: linearSpec, in: " ", err: "empty target"},

		{name: "two heads head", spec: branchSpec, in: "head", err: `there are 2 heads (x2, y2): use "heads"`, cands: []string{"x2", "y2"}},
		{name: "two heads heads", spec: branchSpec, in: "heads", want: "x2 y2"},
		{name: "label", spec: branchSpec, in: "left", want: "x1"},
		{name: "label@head", spec: branchSpec, in: "left@head", want: "x2"},
		{name: "right@head", spec: branchSpec, in: "right@head", want: "y2"},
		{name: "label@rev", spec: branchSpec, in: "right@y2", want: "y2"},
		{name: "label@rev off branch", spec: branchSpec, in: "right@x2", err: "revision x2 is not on branch right"},
		{name: "rev@head", spec: branchSpec, in: "x1@head", want: "x2"},
		{name: "base rev@head ambiguous", spec: branchSpec, in: "b0@head", err: "branch b0 has 2 heads (x2, y2)"},
		{name: "label@base not resolvable", spec: branchSpec, in: "left@base", err: "only a downgrade target"},
		{name: "unknown branch", spec: branchSpec, in: "nope@head", err: "neither a branch label nor a revision"},
		{name: "label+1", spec: branchSpec, in: "left+1", want: "x2"},
		{name: "branch point +1", spec: branchSpec, in: "b0+1", err: "b0 is a branch point (children x1, y1)"},

		{name: "merge-1", spec: mergeSpec, in: "mm-1", want: "p1 q1"},
		{name: "merge head-1", spec: mergeSpec, in: "head-1", want: "mm"},
		{name: "through merge", spec: mergeSpec, in: "top-2", want: "p1 q1"},
		{name: "across merge", spec: mergeSpec, in: "top-3", err: "crosses merge point mm (parents p1, q1)"},
		{name: "merge +1 from parent", spec: mergeSpec, in: "p1+1", want: "mm"},

		{name: "dep labels", spec: depSpec, in: "net@head", want: "n3"},
		{name: "dep acct head", spec: depSpec, in: "acct@head", want: "a2"},

		{name: "prefix unique", spec: prefixSpec, in: "abce", want: "abce0000"},
		{name: "prefix ambiguous", spec: prefixSpec, in: "abcd", err: "ambiguous partial id, matches abcd1111, abcd2222", cands: []string{"abcd1111", "abcd2222"}},
		{name: "prefix longer", spec: prefixSpec, in: "abcd2", want: "abcd2222"},
		{name: "prefix relative", spec: prefixSpec, in: "abcd1+1", want: "abcd2222"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := build(t, tt.spec...)
			got, err := g.Resolve(tt.in)
			if tt.err != "" {
				if err == nil {
					t.Fatalf("Resolve(%q) = %v, want error %q", tt.in, ids(got), tt.err)
				}
				if !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Resolve(%q) error = %q, want it to contain %q", tt.in, err, tt.err)
				}
				var re *ResolveError
				if !errors.As(err, &re) {
					t.Fatalf("error is %T, want *ResolveError", err)
				}
				if tt.cands != nil && strings.Join(re.Candidates, " ") != strings.Join(tt.cands, " ") {
					t.Errorf("candidates = %v, want %v", re.Candidates, tt.cands)
				}
				if strings.Contains(err.Error(), "\n") {
					t.Errorf("error has several lines: %q", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Resolve(%q): %v", tt.in, err)
			}
			if s := strings.Join(ids(got), " "); s != tt.want {
				t.Errorf("Resolve(%q) = %q, want %q", tt.in, s, tt.want)
			}
		})
	}
}

func TestResolveFrom(t *testing.T) {
	tests := []struct {
		name    string
		spec    []string
		current []string
		in      string
		want    string
		err     string
	}{
		{name: "current", spec: linearSpec, current: []string{"r2"}, in: "current", want: "r2"},
		{name: "+1", spec: linearSpec, current: []string{"r2"}, in: "+1", want: "r3"},
		{name: "-1", spec: linearSpec, current: []string{"r2"}, in: "-1", want: "r1"},
		{name: "-2 to base", spec: linearSpec, current: []string{"r2"}, in: "-2", want: ""},
		{name: "-3 past base", spec: linearSpec, current: []string{"r2"}, in: "-3", err: "-3 from r2 goes past base: only 1 revision below it (-2 is base)"},
		{name: "+1 from nothing", spec: linearSpec, in: "+1", want: "r1"},
		{name: "+3 from nothing", spec: linearSpec, in: "+3", want: "r3"},
		{name: "-1 from nothing", spec: linearSpec, in: "-1", err: "nothing is applied"},
		{name: "+5 from nothing", spec: linearSpec, in: "+5", err: `revision "+5": +5 from base goes past head: only 4 revisions above`},
		{name: "+2 past head", spec: linearSpec, current: []string{"r3"}, in: "+2", err: `revision "+2": +2 from r3 goes past head: only 1 revision above`},
		{name: "several heads", spec: branchSpec, current: []string{"x1", "y2"}, in: "-1", err: "several heads are applied (x1, y2)"},
		{name: "label@-1", spec: branchSpec, current: []string{"x2", "y2"}, in: "right@-1", want: "y1"},
		{name: "label@+1", spec: branchSpec, current: []string{"x1", "y1"}, in: "left@+1", want: "x2"},
		{name: "label@+1 nothing on branch", spec: branchSpec, current: []string{"x1"}, in: "right@+1", want: "y1"},
		{name: "label@-1 nothing on branch", spec: branchSpec, current: []string{"x1"}, in: "right@-1", err: "nothing on branch right is applied"},
		{name: "several bases +1", spec: depSpec, in: "+1", err: "there are 2 bases"},
		{name: "unknown current", spec: linearSpec, current: []string{"gone"}, in: "head", err: `version table row "gone": no versions dir has this revision`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := build(t, tt.spec...)
			got, err := g.ResolveFrom(tt.current, tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("ResolveFrom(%v, %q) = %v, %v; want error containing %q", tt.current, tt.in, got, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ResolveFrom(%v, %q): %v", tt.current, tt.in, err)
			}
			if s := strings.Join(ids(got), " "); s != tt.want {
				t.Errorf("ResolveFrom(%v, %q) = %q, want %q", tt.current, tt.in, s, tt.want)
			}
		})
	}
}
