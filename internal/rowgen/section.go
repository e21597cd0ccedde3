package rowgen

import (
	"fmt"
	"strings"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/lint"
)

// SectionStatements reads a rendered revision section (what
// autogen.Render writes, as found in a revision file) back into statements
// with the hazards of the comments above each one.
func SectionStatements(text string) ([]autogen.Statement, error) {
	stmts, err := sqlparse.Split(text)
	if err != nil {
		return nil, fmt.Errorf("rowgen: section: %w", err)
	}
	out := make([]autogen.Statement, 0, len(stmts))
	prev := 0
	for _, s := range stmts {
		st := autogen.Statement{SQL: s.SQL, NonTransactional: s.NoTransaction != ""}
		// The comments above a statement are read as lint reads them,
		// so both hazard forms ("KIND: msg", "KIND (RULE): msg") count.
		for _, line := range strings.Split(text[prev:s.Offset], "\n") {
			d, ok, _ := lint.ParseDirective(strings.TrimSpace(line))
			if !ok || d.Nolint {
				continue
			}
			h := autogen.Hazard{Kind: autogen.HazardKind(d.Kind), Message: d.Reason}
			if len(d.Rules) > 0 {
				h.Rule = d.Rules[0]
			}
			st.Hazards = append(st.Hazards, h)
		}
		out = append(out, st)
		prev = s.Offset + len(s.SQL)
	}
	return out, nil
}
