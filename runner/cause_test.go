package runner

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/revision"
)

// A statement that failed without a server error says why in words.
func TestStatementErrorCause(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("read: %w", io.ErrUnexpectedEOF), "the connection to the server was lost"},
		{context.Canceled, ": interrupted"},
		{fmt.Errorf("wait: %w", context.DeadlineExceeded), ": timed out"},
		{fmt.Errorf("line one\nline two"), ": line one line two"},
	} {
		e := &StatementError{RevisionID: "r1", Direction: revision.Up, Path: "versions/r1.sql", Index: 2, Line: 7, Column: 1, Err: tc.err}
		got := e.Error()
		if !strings.Contains(got, tc.want) || strings.Contains(got, "EOF") || strings.Contains(got, "context") || strings.Contains(got, "\n") {
			t.Errorf("%v: %q, want it to contain %q", tc.err, got, tc.want)
		}
		if !strings.HasPrefix(got, "upgrade r1 failed at versions/r1.sql:7:1 (statement 2): ") {
			t.Errorf("%q lacks the position", got)
		}
	}
}
