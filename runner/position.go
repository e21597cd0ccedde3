package runner

import (
	"strings"

	"github.com/migrate-tool/migrate/revision"
)

// errorPosition converts PostgreSQL's error position (1-based, counted in
// characters of the statement text sent) into a file line and column, given
// the statement's own position in the file. It returns the statement's
// position when pos is 0 or outside the text.
func errorPosition(st revision.Statement, pos int) (line, col int) {
	if pos <= 0 {
		return st.Line, st.Column
	}
	n := 0
	for i := range st.SQL {
		n++
		if n < pos {
			continue
		}
		before := st.SQL[:i]
		nl := strings.Count(before, "\n")
		lineStart := strings.LastIndexByte(before, '\n') + 1
		c := 1 + len([]rune(before[lineStart:]))
		if nl == 0 {
			return st.Line, st.Column + c - 1
		}
		return st.Line + nl, c
	}
	return st.Line, st.Column
}
