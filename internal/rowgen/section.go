package rowgen

import (
	"fmt"
	"strings"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/internal/sqlparse"
)

// hazardPrefix starts the comment autogen.Render writes above a risky
// statement: "-- hazard data-loss: dropping column ...".
const hazardPrefix = "-- hazard "

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
		for _, line := range strings.Split(text[prev:s.Offset], "\n") {
			line = strings.TrimSpace(line)
			if !strings.HasPrefix(line, hazardPrefix) {
				continue
			}
			kind, msg, _ := strings.Cut(strings.TrimPrefix(line, hazardPrefix), ":")
			st.Hazards = append(st.Hazards, autogen.Hazard{Kind: autogen.HazardKind(strings.TrimSpace(kind)), Message: strings.TrimSpace(msg)})
		}
		out = append(out, st)
		prev = s.Offset + len(s.SQL)
	}
	return out, nil
}
