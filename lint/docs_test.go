package lint_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/lint"
)

// TestRulesDocumented keeps docs/lint.md and the registry in step: every
// rule has a "### `id`" section giving its default severity, why it hurts
// and the safe alternative, every such section is a rule, and the summary
// table lists every rule with its default severity.
func TestRulesDocumented(t *testing.T) {
	data, err := os.ReadFile("../docs/lint.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	sections := map[string]string{}
	heading := regexp.MustCompile("(?m)^### `([a-z-]+)`\n")
	locs := heading.FindAllStringSubmatchIndex(doc, -1)
	for i, l := range locs {
		end := len(doc)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		if next := strings.Index(doc[l[1]:end], "\n## "); next >= 0 {
			end = l[1] + next
		}
		sections[doc[l[2]:l[3]]] = doc[l[1]:end]
	}
	ids := lint.IDs()
	for _, r := range lint.Rules() {
		body, ok := sections[r.ID]
		if !ok {
			t.Errorf("docs/lint.md has no ### `%s` section", r.ID)
			continue
		}
		for _, want := range []string{"Default: " + string(r.Severity) + ".", "**Why it hurts.**", "**Safe:**"} {
			if !strings.Contains(body, want) {
				t.Errorf("docs/lint.md, rule %s: no %q", r.ID, want)
			}
		}
		row := regexp.MustCompile("(?m)^\\| `" + regexp.QuoteMeta(r.ID) + "` \\| " + string(r.Severity) + " \\|")
		if !row.MatchString(doc) {
			t.Errorf("docs/lint.md: the rules table has no row for %s with severity %s", r.ID, r.Severity)
		}
	}
	for id := range sections {
		if !slices.Contains(ids, id) {
			t.Errorf("docs/lint.md documents %q, which is not a rule", id)
		}
	}
}
