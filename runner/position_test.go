package runner

import (
	"testing"

	"github.com/migrate-tool/migrate/revision"
)

func TestErrorPosition(t *testing.T) {
	st := revision.Statement{SQL: "CREATE TABLE t (\n  a int,\n  b nosuchtype\n)", Line: 10, Column: 3}
	tests := []struct {
		name      string
		pos       int
		line, col int
	}{
		{"no position", 0, 10, 3},
		{"first char", 1, 10, 3},
		{"first line", 8, 10, 10},
		{"second line", 18, 11, 1},
		{"third line", 31, 12, 5},
		{"past the end", 500, 10, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			line, col := errorPosition(st, tc.pos)
			if line != tc.line || col != tc.col {
				t.Errorf("errorPosition(%d) = %d:%d, want %d:%d", tc.pos, line, col, tc.line, tc.col)
			}
		})
	}
}

func TestErrorPositionCountsCharacters(t *testing.T) {
	// PostgreSQL counts characters, not bytes: "é" is one position.
	st := revision.Statement{SQL: "SELECT 'é', nosuch", Line: 1, Column: 1}
	if line, col := errorPosition(st, 13); line != 1 || col != 13 {
		t.Errorf("got %d:%d, want 1:13", line, col)
	}
}
