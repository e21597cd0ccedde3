package revision

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Info is the JSON shape of one revision in the read commands' --json
// output (heads, branches, history, show). Lists are never null.
type Info struct {
	ID        string   `json:"id"`
	Parents   []string `json:"parents"`
	DependsOn []string `json:"depends_on"`
	// BranchLabels are the labels the file declares; Branches every label
	// that applies to the revision (declared or inherited from ancestors).
	BranchLabels []string `json:"branch_labels"`
	Branches     []string `json:"branches"`
	// Children are the revisions that have this one as a parent.
	Children      []string `json:"children"`
	Message       string   `json:"message"`
	Created       string   `json:"created,omitempty"` // RFC 3339, UTC
	Transactional bool     `json:"transactional"`
	Path          string   `json:"path"`
	IsHead        bool     `json:"is_head"`
	IsBase        bool     `json:"is_base"`
	IsBranchPoint bool     `json:"is_branch_point"`
	IsMergePoint  bool     `json:"is_merge_point"`
	// IsCurrent is set only when the database position is known.
	IsCurrent *bool `json:"is_current,omitempty"`
}

// Describe returns r's Info. current, when non-nil, is the set of revision
// ids in the version table and sets IsCurrent.
func (g *Graph) Describe(r *Revision, current map[string]bool) Info {
	info := Info{
		ID:            r.ID,
		Parents:       nonNil(r.Parents),
		DependsOn:     nonNil(r.DependsOn),
		BranchLabels:  nonNil(r.BranchLabels),
		Branches:      nonNil(g.labels[r.ID]),
		Children:      nonNil(ids(g.children[r.ID])),
		Message:       r.Message,
		Transactional: r.Transactional,
		Path:          r.File(),
		IsHead:        len(g.children[r.ID]) == 0,
		IsBase:        len(r.Parents) == 0,
		IsBranchPoint: len(g.children[r.ID]) > 1,
		IsMergePoint:  len(r.Parents) > 1,
	}
	if !r.Created.IsZero() {
		info.Created = r.Created.UTC().Format(time.RFC3339)
	}
	if current != nil {
		c := current[r.ID]
		info.IsCurrent = &c
	}
	return info
}

func nonNil(s []string) []string {
	if len(s) == 0 {
		return []string{}
	}
	return append([]string(nil), s...)
}

// SectionInfo is the JSON shape of a section in show --json.
type SectionInfo struct {
	// Line is the file line where the section's text starts.
	Line int    `json:"line"`
	Text string `json:"text"`
	// Checksum is Section.Checksum: what the audit table records.
	Checksum     string          `json:"checksum"`
	Irreversible bool            `json:"irreversible"`
	Reason       string          `json:"reason,omitempty"`
	Statements   []StatementInfo `json:"statements"`
}

// StatementInfo is the JSON shape of one statement of a section.
type StatementInfo struct {
	SQL           string `json:"sql"`
	Line          int    `json:"line"`
	Column        int    `json:"column"`
	NoTransaction string `json:"no_transaction,omitempty"`
}

// DescribeSection returns s's SectionInfo; nil for a nil section.
func DescribeSection(s *Section) *SectionInfo {
	if s == nil {
		return nil
	}
	out := &SectionInfo{Line: s.Line, Text: s.Text, Checksum: s.Checksum(), Irreversible: s.Irreversible,
		Reason: s.Reason, Statements: []StatementInfo{}}
	for _, st := range s.Statements {
		out.Statements = append(out.Statements, StatementInfo(st))
	}
	return out
}

// RenderOptions control the human listing of revisions.
type RenderOptions struct {
	// Verbose prints a block per revision with every header field instead
	// of one line.
	Verbose bool
	// Current, when non-nil, marks the revisions in the version table with
	// "(current)".
	Current map[string]bool
}

// Line is the one-line form of r, Alembic-style:
//
//	<parents> -> <id> (<labels>) (head) (current) (branchpoint) (mergepoint), <message>
//
// where <parents> is "<base>" for a base and "a, b" for a merge, and only
// the markers that apply are shown. Only the message's first line is shown,
// and the comma only when there is a message.
func (g *Graph) Line(r *Revision, opts RenderOptions) string {
	var b strings.Builder
	if len(r.Parents) == 0 {
		b.WriteString("<base>")
	} else {
		b.WriteString(strings.Join(r.Parents, ", "))
	}
	b.WriteString(" -> ")
	b.WriteString(g.Tag(r, opts))
	if msg, _, _ := strings.Cut(r.Message, "\n"); msg != "" {
		b.WriteString(", ")
		b.WriteString(msg)
	}
	return b.String()
}

// Tag is r's id followed by the markers that apply: "(labels)", "(head)",
// "(current)", "(branchpoint)", "(mergepoint)".
func (g *Graph) Tag(r *Revision, opts RenderOptions) string {
	var b strings.Builder
	b.WriteString(r.ID)
	if ls := g.labels[r.ID]; len(ls) > 0 {
		b.WriteString(" (" + strings.Join(ls, ", ") + ")")
	}
	if len(g.children[r.ID]) == 0 {
		b.WriteString(" (head)")
	}
	if opts.Current != nil && opts.Current[r.ID] {
		b.WriteString(" (current)")
	}
	if len(g.children[r.ID]) > 1 {
		b.WriteString(" (branchpoint)")
	}
	if len(r.Parents) > 1 {
		b.WriteString(" (mergepoint)")
	}
	return b.String()
}

// WriteVerbose writes the block form of r followed by a blank line:
//
//	Rev: <id> (<labels>) (head) ...
//	Parents: <base> | a, b
//	Depends on: ...          (when any)
//	Branch labels: ...       (declared, when any)
//	Branches into: ...       (branch points)
//	Created: <RFC 3339>      (when known)
//	Transaction: false       (when false)
//	Path: <file>
//
//	    <message lines, indented>
func (g *Graph) WriteVerbose(w io.Writer, r *Revision, opts RenderOptions) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Rev: %s\n", g.Tag(r, opts))
	if len(r.Parents) == 0 {
		b.WriteString("Parents: <base>\n")
	} else {
		fmt.Fprintf(&b, "Parents: %s\n", strings.Join(r.Parents, ", "))
	}
	if len(r.DependsOn) > 0 {
		fmt.Fprintf(&b, "Depends on: %s\n", strings.Join(r.DependsOn, ", "))
	}
	if len(r.BranchLabels) > 0 {
		fmt.Fprintf(&b, "Branch labels: %s\n", strings.Join(r.BranchLabels, ", "))
	}
	if kids := g.children[r.ID]; len(kids) > 1 {
		fmt.Fprintf(&b, "Branches into: %s\n", strings.Join(ids(kids), ", "))
	}
	if !r.Created.IsZero() {
		fmt.Fprintf(&b, "Created: %s\n", r.Created.UTC().Format(time.RFC3339))
	}
	if !r.Transactional {
		b.WriteString("Transaction: false\n")
	}
	fmt.Fprintf(&b, "Path: %s\n\n", r.File())
	for _, l := range strings.Split(r.Message, "\n") {
		if l == "" {
			b.WriteString("\n")
			continue
		}
		fmt.Fprintf(&b, "    %s\n", l)
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteHistory writes revs in the given order (history passes them newest
// first), one line each, or one block each with Verbose.
func (g *Graph) WriteHistory(w io.Writer, revs []*Revision, opts RenderOptions) error {
	if opts.Verbose {
		for _, r := range revs {
			if err := g.WriteVerbose(w, r, opts); err != nil {
				return err
			}
		}
		return nil
	}
	var b strings.Builder
	for _, r := range revs {
		b.WriteString(g.Line(r, opts))
		b.WriteByte('\n')
		if b.Len() > 64<<10 {
			if _, err := io.WriteString(w, b.String()); err != nil {
				return err
			}
			b.Reset()
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Range returns the revisions of a history range "A:B" in topological
// order (oldest first): those at or above A and at or below B. Either side
// may be empty (A: base, B: heads); "base", "heads", "<label>@base" (the
// branch from its first revision) and every Resolve spec work. current,
// when non-nil, is the version table, which makes "current" and relative
// steps usable; nil means the database position is unknown.
func (g *Graph) Range(spec string, current []string) ([]*Revision, error) {
	lower, upper, ok := strings.Cut(spec, ":")
	if !ok || strings.Contains(upper, ":") {
		return nil, &ResolveError{Spec: spec, Reason: "a history range is A:B (either side may be empty, e.g. base:head or abcd:)"}
	}
	var st *state
	if current != nil {
		var err error
		if st, err = g.state(current); err != nil {
			return nil, err
		}
	}
	lower, upper = strings.TrimSpace(lower), strings.TrimSpace(upper)
	var above map[string]bool // nil: no lower bound
	switch {
	case lower == "" || lower == "base":
	case strings.HasSuffix(lower, "@base"):
		on, _, err := g.onBranch(lower, strings.TrimSuffix(lower, "@base"))
		if err != nil {
			return nil, err
		}
		var roots []*Revision
		for _, r := range g.order {
			if on(r) {
				roots = append(roots, r)
			}
		}
		above = g.descendantsByParents(roots)
	default:
		revs, err := g.resolve(lower, st)
		if err != nil {
			return nil, err
		}
		if len(revs) > 0 {
			above = g.descendantsByParents(revs)
		}
	}
	var below map[string]bool // nil: no upper bound
	if upper != "" && upper != "heads" {
		revs, err := g.resolve(upper, st)
		if err != nil {
			return nil, err
		}
		below = g.ancestorsByParents(revs)
	}
	var out []*Revision
	for _, r := range g.order {
		if (above == nil || above[r.ID]) && (below == nil || below[r.ID]) {
			out = append(out, r)
		}
	}
	return out, nil
}

// descendantsByParents is revs and everything above them along parent
// edges: a branch's history does not wander into branches that merely
// depend on it.
func (g *Graph) descendantsByParents(revs []*Revision) map[string]bool {
	out := map[string]bool{}
	stack := append([]*Revision(nil), revs...)
	for len(stack) > 0 {
		r := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !out[r.ID] {
			out[r.ID] = true
			stack = append(stack, g.children[r.ID]...)
		}
	}
	return out
}

// ancestorsByParents is revs and everything below them along parent edges.
func (g *Graph) ancestorsByParents(revs []*Revision) map[string]bool {
	out := map[string]bool{}
	stack := append([]*Revision(nil), revs...)
	for len(stack) > 0 {
		r := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !out[r.ID] {
			out[r.ID] = true
			for _, p := range r.Parents {
				stack = append(stack, g.byID[p])
			}
		}
	}
	return out
}
